"""Pull-request checks that speak to staff: annotations on the right line, and the job summary."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_env

WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "employer_directory", *args], cwd=project, capture_output=True, text=True, env=build_env(), timeout=120)


def _git(project: Path, *args: str) -> str:
    env = {**build_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, env=env, check=True).stdout


def _commit_base(project: Path) -> None:
    """The copied content as the ``main`` commit a pull request is compared with."""
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _break(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``path``; return the 1-based line of the change."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines) if line == old)
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def test_annotations_name_the_file_and_line_of_each_problem(project):
    farm = project / "content/employers/shirakaba-farm.md"
    date_line = _break(farm, "verified: 2026-04-08", "verified: ２０２６－０４－０８")
    hours_line = _break(farm, '    hours: "9:00〜12:00"', '    hours: "12:00〜9:00"')
    care = project / "content/employers/yamabiko-care.md"
    typo_line = next(n for n, line in enumerate(care.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("business:"))
    _break(care, care.read_text(encoding="utf-8").split("\n")[typo_line - 1], "busines: 介護")
    result = _cli(project, "validate", "--github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    located = {line.split("::")[1] for line in annotations}
    assert f"error file=content/employers/shirakaba-farm.md,line={date_line}" in located
    assert f"error file=content/employers/shirakaba-farm.md,line={hours_line}" in located
    assert f"error file=content/employers/yamabiko-care.md,line={typo_line}" in located
    date_annotation = next(line for line in annotations if f"line={date_line}::" in line)
    assert "verified（情報確認日）" in date_annotation and "半角で 2026-04-08 と書いてください" in date_annotation
    # One annotation per problem, and the plain report for people reading the log.
    assert len(annotations) == result.stderr.count("\ncontent/")


def test_pull_request_summary_lists_added_changed_removed_and_stale(project):
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "headcount: 10", "headcount: 12")
    _break(farm, "verified: 2026-04-08", "verified: 2026-11-20")
    (project / "content/employers/kodama-butsuryu.md").unlink()
    (project / "content/programs/new-seminar.md").write_text(
        "---\ntitle: 新しいセミナー\nkind: セミナー\nsummary: 学びます\nplace:\n  name: 会館\nsessions:\n  - date: 2027-01-20\nverified: 2026-11-20\n---\n",
        encoding="utf-8",
    )
    result = _cli(project, "pr-summary", "--base", "main")
    assert result.returncode == 0, result.stderr
    summary = result.stdout
    section = {title: body for title, body in (part.split("\n", 1) for part in summary.split("\n### ")[1:])}
    assert "プログラム「新しいセミナー」 `content/programs/new-seminar.md`" in section["追加（1件）"]
    assert "事業所「しらかば農園」 `content/employers/shirakaba-farm.md`: 従業員数（headcount）、情報確認日（verified）" in section["変更（1件）"]
    assert "`content/employers/kodama-butsuryu.md`" in section["削除（1件）"]
    assert "プログラムのファイルを消すと" not in summary  # only an employer was removed
    stale = section["情報確認日から12か月以上たっているもの（5件）"]
    assert len([line for line in stale.splitlines() if line.startswith("- ")]) == 5
    assert "hikari-jimu-service.md" in stale and "shirakaba-farm.md" not in stale


def test_removing_a_program_warns_that_its_past_months_go_with_it(project):
    _commit_base(project)
    (project / "content/programs/tour-shirakaba-farm.md").unlink()
    result = _cli(project, "pr-summary", "--base", "main")
    assert result.returncode == 0, result.stderr
    removed = result.stdout.split("### 削除（1件）", 1)[1].split("\n### ", 1)[0]
    assert "`content/programs/tour-shirakaba-farm.md`" in removed
    assert "終わったプログラムは、消さずにそのまま残してください" in removed


def test_summary_escapes_markup_from_content(project):
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "name: しらかば農園", "name: しらかば<img src=x>農園 [link](https://evil.example)")
    result = _cli(project, "pr-summary", "--base", "main")
    assert re.search(r"(?<!\\)<img", result.stdout) is None and re.search(r"(?<!\\)\]\(", result.stdout) is None
    assert "しらかば\\<img src=x\\>農園" in result.stdout


def test_pr_workflow_writes_the_summary_to_the_job_summary():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    summary = next(step for step in steps if "pr-summary" in step.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert summary["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    # Before validation, so it is written even when validation fails.
    runs = [step.get("run", "") for step in steps]
    assert runs.index(summary["run"]) < next(i for i, run in enumerate(runs) if "validate --github" in run)
