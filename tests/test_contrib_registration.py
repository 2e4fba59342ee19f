"""Registration issue → employer file: a filled request validates, a short one gives a located list."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_env
from employer_directory.cli import read_settings
from employer_directory.contrib.registration import employer_from_issue, split_sections
from employer_directory.loading import load_directory, validate_text
from employer_directory.models.employer import Employer

SAMPLE = ROOT / "tests" / "contrib" / "sample-registration-issue.md"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def settings():
    return read_settings(ROOT / "mkdocs.yml")


def _project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _replace_answer(body: str, label: str, answer: str) -> str:
    pattern = re.compile(rf"(### {re.escape(label)}\n\n)(.*?)(\n\n### |\Z)", re.S)
    assert pattern.search(body), label
    return pattern.sub(lambda m: m.group(1) + answer + m.group(3), body, count=1)


def test_filled_sample_request_becomes_a_file_that_validates(settings):
    result = employer_from_issue(SAMPLE.read_text(encoding="utf-8"), settings, TODAY)
    assert result.problems == []
    assert result.slug == "mizunara-seimen"
    record, problems = validate_text("content/employers/mizunara-seimen.md", result.text, Employer, settings, result.slug)
    assert problems == []
    assert record.name == "みずなら製麺所"
    assert [offer.type for offer in record.offers] == ["見学", "就労体験"]
    # Full-width digits typed into the form are made half-width (１２ → 12, ９:００ → 9:00).
    assert record.headcount == 12
    assert str(record.offers[1].hours) == "9:00〜12:00"
    assert record.offers[1].days == ["水", "金"]
    assert [task.qualification for task in record.tasks] == [False, False, True]
    assert record.tasks[2].name == "フォークリフトでの運搬"
    assert record.accommodations == ["短時間", "履歴書不要", "未経験歓迎"]
    assert record.access.pickup is False and record.access.parking is True
    assert record.registered == record.verified == TODAY
    assert result.text.startswith("---\n# yaml-language-server: $schema=../schema/employer.schema.json\n")


def test_the_converted_file_loads_with_the_whole_site(tmp_path, settings):
    project = _project(tmp_path)
    result = employer_from_issue(SAMPLE.read_text(encoding="utf-8"), settings, TODAY)
    (project / result.path).write_text(result.text, encoding="utf-8")
    directory = load_directory(project / "content", settings, root=project, today=TODAY)
    assert directory.employer("mizunara-seimen").contact.phone == "0268-00-4321"


def test_a_request_with_missing_fields_gives_a_located_list(settings):
    body = SAMPLE.read_text(encoding="utf-8")
    body = _replace_answer(body, "事業所名", "_No response_")
    body = _replace_answer(body, "よみがな", "水楢製麺所")
    body = _replace_answer(body, "受け入れ: 見学", "_No response_")
    body = _replace_answer(body, "受け入れ: 就労体験", "_No response_")
    body = _replace_answer(body, "切り出した作業", "袋詰め / めんを袋に入れる / 60\nラベル貼り / ラベルを貼る / 30 / 屋内 / 軽すぎ / 正確性")
    body = _replace_answer(body, "URL名", "_No response_")
    lines = body.split("\n")

    def line_of(text: str) -> int:
        return lines.index(text) + 1

    result = employer_from_issue(body, settings, TODAY, source="issue #12")
    assert result.text is None
    found = {(problem.line, problem.field.split("（")[0]) for problem in result.problems}
    assert (line_of("### 事業所名"), "事業所名") in found
    assert (line_of("### よみがな"), "よみがな") in found
    assert (line_of("袋詰め / めんを袋に入れる / 60"), "切り出した作業") in found
    assert (line_of("ラベル貼り / ラベルを貼る / 30 / 屋内 / 軽すぎ / 正確性"), "切り出した作業") in found
    assert (line_of("### URL名"), "URL名") in found
    # No offer at all: pointed at the first offer question.
    assert any(problem.field.startswith("受け入れ") for problem in result.problems)
    for problem in result.problems:
        assert problem.path == "issue #12"
        text = problem.format()
        assert text.startswith(f"issue #12:{problem.line}: 項目「") and "→" in text
    by_field = {problem.field: problem for problem in result.problems}
    assert "「軽すぎ」は登録されていない体への負担です" in by_field["切り出した作業（tasks[1番目].load（体への負担））"].what


def test_sections_follow_the_form_labels_only():
    body = "### 事業所名\n\nA\n### 見出しのような答え\n\n### よみがな\n\n_No response_\n"
    sections = split_sections(body, {"事業所名", "よみがな"})
    assert sections["事業所名"].text == "A\n### 見出しのような答え"
    assert sections["よみがな"].text == "" and sections["よみがな"].line == 6


def _cli(project: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "employer_directory", *args], cwd=project, input=stdin, capture_output=True, text=True, env=build_env(), timeout=120
    )


def test_from_issue_command_writes_the_file_or_nothing(tmp_path):
    project = _project(tmp_path)
    ok = _cli(project, "from-issue", "-", stdin=SAMPLE.read_text(encoding="utf-8"))
    assert ok.returncode == 0, ok.stderr
    assert (project / "content/employers/mizunara-seimen.md").exists()
    # The same request again: the file exists, nothing is overwritten.
    again = _cli(project, "from-issue", "-", stdin=SAMPLE.read_text(encoding="utf-8"))
    assert again.returncode == 1 and "もうあります" in again.stderr
    # Same employer name under a new slug: the whole-site check refuses it and removes the file.
    duplicate = _cli(project, "from-issue", "-", "--slug", "mizunara-2", stdin=SAMPLE.read_text(encoding="utf-8"))
    assert duplicate.returncode == 1 and "にも登録されています" in duplicate.stderr
    assert not (project / "content/employers/mizunara-2.md").exists()
    assert "Traceback" not in again.stderr + duplicate.stderr
