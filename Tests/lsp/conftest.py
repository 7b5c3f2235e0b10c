"""The language server under a real LSP client (pytest-lsp, on pygls): `acctplan lsp` is started
as an editor starts it, over stdio, on a workspace made by `acctplan init`."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ACCTPLAN_BIN", str(ROOT / ".build" / "debug" / "acctplan"))


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """A workspace from `acctplan init`, made once; each test works on a copy."""
    folder = tmp_path_factory.mktemp("template") / "plans"
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    subprocess.run([BINARY, "init", str(folder), "--as-of", "2026-12-01"], check=True, capture_output=True, env=env)
    return folder


@pytest.fixture()
def workspace(template, tmp_path):
    copy = tmp_path / "plans"
    shutil.copytree(template, copy, ignore=shutil.ignore_patterns(".git"))
    return copy
