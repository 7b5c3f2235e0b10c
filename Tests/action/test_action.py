"""acctplan's GitHub Action (action.yml, docs/ci.md), checked two ways: actionlint over the
template's workflow and over a workflow that uses the action by path, and the action's own
steps run in order, as the runner runs them, against a workspace from `acctplan init` and a
pull request that breaks a plan."""
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ACCTPLAN_BIN", str(ROOT / ".build" / "debug" / "acctplan"))
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")

actionlint = shutil.which("actionlint")
needs_actionlint = pytest.mark.skipif(actionlint is None, reason="actionlint is not installed (scripts/deps tests installs it)")


def lint_project(project):
    # actionlint finds a project by its git repository.
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    return subprocess.run([actionlint, "-no-color"], cwd=project, capture_output=True, text=True)


@needs_actionlint
def test_the_templates_workflow_passes_actionlint(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    shutil.copy(ROOT / "workspace-template" / ".github" / "workflows" / "acctplan.yml", workflows)
    result = lint_project(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_actionlint
def test_a_workflow_using_the_action_by_path_is_checked_against_its_inputs(tmp_path):
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    workflow = """\
name: plans
on: [push, pull_request]
jobs:
  plans:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        id: acctplan
        with:
          workspace: plans
          {option}: true
      - run: echo "${{{{ steps.acctplan.outputs.lint-status }}}}"
"""
    (workflows / "plans.yml").write_text(workflow.format(option="strict"))
    good = lint_project(tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    # actionlint reads the action's inputs: a misspelt one is an error (so the check above means
    # something).
    (workflows / "plans.yml").write_text(workflow.format(option="stict"))
    bad = lint_project(tmp_path)
    assert bad.returncode != 0 and "stict" in bad.stdout, bad.stdout + bad.stderr


# --- The steps, run as the runner runs a composite action's steps -----------------------------

def evaluate(expression, context):
    """The expressions action.yml uses: `a.b == 'x'` joined by `&&`, and `a.b || 'x'`."""
    expression = expression.strip()
    if expression.startswith("${{") and expression.endswith("}}"):
        expression = expression[3:-2].strip()
    def value(term):
        term = term.strip()
        if term.startswith("'") and term.endswith("'"):
            return term[1:-1]
        node = context
        for part in term.split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return node
    if "&&" in expression:
        return all(evaluate(part, context) for part in expression.split("&&"))
    if "==" in expression:
        left, right = expression.split("==")
        return str(value(left)) == str(value(right))
    if "||" in expression:
        left, right = expression.split("||")
        return value(left) or value(right)
    assert re.fullmatch(r"[\w.-]+", expression), f"an expression this test does not understand: {expression}"
    return value(expression)


def substitute(text, context):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda match: str(evaluate(match.group(1), context)), str(text))


def run_action(workspace, tmp_path, event, base=None, inputs=None):
    """Runs action.yml's steps in `workspace` (the repository root) and returns what the runner
    would show: each step's output, the summary, and the last step's exit status."""
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    summary = tmp_path / "summary.md"
    summary.write_text("")
    context = {
        "inputs": {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | (inputs or {}),
        "github": {"event_name": event, "event": {"pull_request": {"base": {"sha": base or ""}}},
                   "action_path": str(ROOT), "action_ref": ""},
        "runner": {"temp": str(temp), "os": "Linux"},
        "steps": {},
    }
    bin_dir = str(pathlib.Path(BINARY).parent)
    logs, status = {}, 0
    for step in ACTION["runs"]["steps"]:
        name = step["name"]
        if "if" in step and not evaluate(step["if"], context):
            continue
        if "uses" in step or name in ("Install acctplan's build dependencies", "Build acctplan"):
            # Other actions (cache, SARIF upload) and the build: the test uses the built binary.
            logs[name] = "(skipped by the test)"
            continue
        output = tmp_path / "github-output"
        output.write_text("")
        env = dict(GIT_ENV, PATH=bin_dir + os.pathsep + os.environ["PATH"], GITHUB_OUTPUT=str(output),
                   GITHUB_STEP_SUMMARY=str(summary), GITHUB_ACTION_PATH=str(ROOT), RUNNER_TEMP=str(temp),
                   NO_COLOR="1")
        env.update({key: substitute(value, context) for key, value in step.get("env", {}).items()})
        cwd = workspace / substitute(step.get("working-directory", "."), context)
        script = tmp_path / "step.sh"
        script.write_text(step["run"])
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd, env=env,
                                capture_output=True, text=True)
        logs[name] = result.stdout + result.stderr
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": outputs}
        status = result.returncode
        if status != 0 and name != "Fail on findings":
            pytest.fail(f"step '{name}' failed ({status}): {logs[name]}")
    return logs, summary.read_text(), status, temp


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture()
def repository(tmp_path):
    folder = tmp_path / "repo"
    subprocess.run([BINARY, "init", str(folder), "--as-of", "2026-12-01"], check=True, capture_output=True, env=GIT_ENV)
    return folder


def test_a_pull_request_that_breaks_a_plan_fails_with_annotations_sarif_and_a_summary(repository, tmp_path):
    base = git("rev-parse", "HEAD", cwd=repository)
    git("checkout", "-q", "-b", "feature", cwd=repository)
    plan = repository / "accounts" / "huaxia-power.md"
    text = plan.read_text()
    # A stage that does not exist (a lint error) and a row out of alignment (not canonical).
    text = text.replace("stage: integration", "stage: integraton", 1)
    text = text.replace("| CNY 4.8M  |", "| CNY 5.2M |", 1)
    plan.write_text(text)
    git("commit", "-qam", "Huaxia: new amount", cwd=repository)

    logs, summary, status, temp = run_action(repository, tmp_path, "pull_request", base=base)
    assert status == 1, logs
    assert re.search(r"::error file=accounts/huaxia-power\.md,line=\d+,", logs["Lint plans"]), logs["Lint plans"]
    sarif = json.loads((temp / "acctplan.sarif").read_text())
    assert any(result["ruleId"] == "unknown-stage" for result in sarif["runs"][0]["results"])
    assert "accounts/huaxia-power.md" in logs["Check the canonical form"]
    assert "some plans are not in canonical form" in logs["Check the canonical form"]
    assert summary.startswith("## Plan changes\n")
    assert "`huaxia-power` (account, modified)" in summary and "| stage | integration | integraton |" in summary, summary
    assert "| opportunities `opp-plant-maintenance` amount | 4,800,000 | 5,200,000 |" in summary, summary
    assert "lint exit 1, fmt --check exit 1" in logs["Fail on findings"]


def test_a_clean_push_passes_and_writes_no_summary(repository, tmp_path):
    logs, summary, status, _ = run_action(repository, tmp_path, "push")
    assert status == 0, logs
    assert "Summarize the plan changes" not in logs
    assert summary == ""


def test_strict_makes_warnings_fail(repository, tmp_path):
    plan = repository / "accounts" / "huaxia-power.md"
    # An old review date: stale-review is a warning.
    plan.write_text(re.sub(r"reviewed: \S+", "reviewed: 2020-01-01", plan.read_text(), count=1))
    logs, _, status, _ = run_action(repository, tmp_path, "push", inputs={"sarif": "false"})
    assert status == 0, logs
    logs, _, status, _ = run_action(repository, tmp_path, "push", inputs={"strict": "true", "sarif": "false"})
    assert status == 1 and "::warning file=accounts/huaxia-power.md" in logs["Lint plans"], logs
