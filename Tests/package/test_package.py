"""scripts/package (docs/install.md): the Debian package and the tarball hold a working acctplan,
its man page, completions and docs, and the .deb depends on the packages of the libraries the
binary links. Packages ACCTPLAN_PACKAGE_BINARY, the release build with the Swift runtime linked
in that users get (scripts/test builds it when ACCTPLAN_TEST_PACKAGE=1, as CI does); with
ACCTPLAN_TEST_DPKG_INSTALL=1 and root (CI's throwaway machine) the .deb is also installed with
dpkg -i, used, and removed."""
import os
import pathlib
import shutil
import subprocess
import tarfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ACCTPLAN_PACKAGE_BINARY", "")
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")

pytestmark = [
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (Debian only)"),
    pytest.mark.skipif(not BINARY, reason="no ACCTPLAN_PACKAGE_BINARY (scripts/test builds one with ACCTPLAN_TEST_PACKAGE=1)"),
]


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([str(ROOT / "scripts" / "package"), "--binary", BINARY, "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    version = subprocess.run([BINARY, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    debs, tarballs = list(out.glob("*.deb")), list(out.glob("*.tar.gz"))
    assert len(debs) == 1 and len(tarballs) == 1, list(out.iterdir())
    return debs[0], tarballs[0], version


def field(deb, name):
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_the_deb_depends_on_the_packages_of_the_linked_libraries(packages):
    deb, _, version = packages
    assert field(deb, "Package") == "acctplan" and field(deb, "Version") == version
    depends = field(deb, "Depends")
    for package in ["libcmark-gfm0.29.0.gfm.6", "libcmark-gfm-extensions0.29.0.gfm.6", "libmimalloc2.0", "libc6"]:
        assert package + " (>= " in depends, depends
    # Every library the binary links is accounted for: no NEEDED entry without its package.
    needed = subprocess.run(["readelf", "-d", BINARY], capture_output=True, text=True, check=True).stdout
    assert needed.count("(NEEDED)") >= 5
    # libgit2 and its libraries, libdeflate and the C++ runtime are linked into the binary
    # (Package.swift): none is loaded, none depended on.
    for library in ["libgit2", "libssh2", "libmbed", "libcrypto", "libgssapi", "libkrb5", "libdeflate", "libstdc++"]:
        assert library not in needed and library not in depends, (library, depends)


def test_the_deb_unpacked_runs_init_and_carries_man_page_and_completions(packages, tmp_path):
    deb, _, version = packages
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    acctplan = root / "usr" / "bin" / "acctplan"
    assert subprocess.run([str(acctplan), "--version"], capture_output=True, text=True, check=True).stdout.strip() == version
    created = subprocess.run([str(acctplan), "init", str(tmp_path / "ws")], capture_output=True, text=True, env=GIT_ENV)
    assert created.returncode == 0, created.stderr
    lint = subprocess.run([str(acctplan), "lint"], cwd=tmp_path / "ws", capture_output=True, text=True)
    assert lint.returncode in (0, 1) and "accounts/" in lint.stdout + lint.stderr
    man = subprocess.run(["gzip", "-dc", str(root / "usr/share/man/man1/acctplan.1.gz")], capture_output=True, text=True, check=True).stdout
    assert ".Dt ACCTPLAN 1" in man and "query" in man
    bash = (root / "usr/share/bash-completion/completions/acctplan").read_text()
    assert "_acctplan" in bash and "merge-driver" in bash
    assert (root / "usr/share/zsh/vendor-completions/_acctplan").read_text().startswith("#compdef acctplan")
    assert "complete -c 'acctplan'" in (root / "usr/share/fish/vendor_completions.d/acctplan.fish").read_text()
    assert (root / "usr/share/doc/acctplan/docs/format.md").exists()


def test_the_tarball_holds_the_same_tree(packages, tmp_path):
    _, tarball, version = packages
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path, filter="data")
    assert f"acctplan-{version}/bin/acctplan" in names and f"acctplan-{version}/share/man/man1/acctplan.1.gz" in names
    ran = subprocess.run([str(tmp_path / f"acctplan-{version}" / "bin" / "acctplan"), "--version"], capture_output=True, text=True)
    assert ran.stdout.strip() == version


@pytest.mark.skipif(os.environ.get("ACCTPLAN_TEST_DPKG_INSTALL") != "1" or os.geteuid() != 0,
                    reason="installs system-wide: only with ACCTPLAN_TEST_DPKG_INSTALL=1 as root (CI)")
def test_dpkg_installs_it_and_acctplan_runs_from_the_path(packages, tmp_path):
    deb, _, version = packages
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    try:
        assert subprocess.run(["/usr/bin/acctplan", "--version"], capture_output=True, text=True).stdout.strip() == version
        created = subprocess.run(["/usr/bin/acctplan", "init", str(tmp_path / "ws")], capture_output=True, text=True, env=GIT_ENV)
        assert created.returncode == 0, created.stderr
    finally:
        subprocess.run(["dpkg", "-r", "acctplan"], check=True, capture_output=True)
