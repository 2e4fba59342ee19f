"""The stale report lists exactly the records verified before the period, and never fails a build."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import BUILD_DATE, ROOT, copy_project, run_build
from employer_directory.cli import read_settings
from employer_directory.contrib.freshness import StaleRecord, stale_cutoff, stale_records
from employer_directory.loading import load_directory

TODAY = dt.date.fromisoformat(BUILD_DATE)


@pytest.fixture(scope="module")
def directory():
    return load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT, today=TODAY)


def _older_than(directory, cutoff: dt.date) -> set[str]:
    records = [*directory.employers, *directory.programs]
    return {record.source_path for record in records if record.verified < cutoff}


def test_sample_stale_records_at_the_fixed_build_date(directory):
    found = stale_records(directory.employers, directory.programs, TODAY, 12)
    assert [record.source_path for record in found] == [
        "content/employers/hikari-jimu-service.md",  # 2025-01-20
        "content/employers/nishino-kirara-rice.md",  # 2025-03-14
        "content/employers/yamanami-kakoujo.md",  # 2025-06-20
        "content/employers/hoshizora-keibi.md",  # 2025-09-05
        "content/employers/himawari-chubo.md",  # 2025-11-20, two days past the year
    ]


@pytest.mark.parametrize("months", [1, 3, 6, 12, 24])
def test_exactly_the_records_older_than_the_period(directory, months):
    cutoff = stale_cutoff(TODAY, months)
    found = {record.source_path for record in stale_records(directory.employers, directory.programs, TODAY, months)}
    assert found == _older_than(directory, cutoff)


def test_the_period_boundary_is_calendar_months(directory):
    assert stale_cutoff(dt.date(2026, 11, 22), 12) == dt.date(2025, 11, 22)
    assert stale_cutoff(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    employer = directory.employer("shirakaba-farm")
    on_the_day = employer.model_copy(update={"verified": dt.date(2025, 11, 22)})
    a_day_before = employer.model_copy(update={"verified": dt.date(2025, 11, 21)})
    assert stale_records([on_the_day], [], TODAY, 12) == []
    assert [r.verified for r in stale_records([a_day_before], [], TODAY, 12)] == [dt.date(2025, 11, 21)]


def test_build_reports_stale_records_as_warnings_and_still_succeeds_strictly(tmp_path: Path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("stale_after_months: 12", "stale_after_months: 6"), encoding="utf-8")
    seminar = project / "content/programs/chiiki-zukuri-seminar.md"
    seminar.write_text(seminar.read_text(encoding="utf-8").replace("verified: 2026-11-15", "verified: 2026-04-15"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    reported = set(re.findall(r"警告: 情報確認日から6か月以上たっています: (\S+?)（", output))
    directory = load_directory(project / "content", read_settings(config), root=project, today=TODAY)
    assert reported == _older_than(directory, dt.date(2026, 5, 22))
    assert "Aborted" not in output
    page = (tmp_path / "site/employers/hikari-jimu-service/index.html").read_text(encoding="utf-8")
    assert "この情報は6か月以上確認されていません" in page
    # Said at the top, under the summary: before the offers' days and hours and before the number to
    # call (at the foot, below them, it came after a family had read and phoned).
    notice = page.index("この情報は6か月以上確認されていません")
    assert page.index('class="dir-employer__business"') < notice < page.index('id="ladder"') < page.index('id="contact"')
    assert page.count("か月以上確認されていません") == 1
    from employer_directory.contrib.freshness import record_is_stale
    stale_programs = [program for program in directory.programs if record_is_stale(program, TODAY, 6)]
    assert [program.slug for program in stale_programs] == ["chiiki-zukuri-seminar"]
    for program in stale_programs:
        shown = (tmp_path / f"site/programs/{program.slug}/index.html").read_text(encoding="utf-8")
        assert shown.index("この情報は6か月以上確認されていません") < shown.index('id="details"'), program.slug
    newest = max(directory.employers, key=lambda employer: employer.verified)
    fresh = (tmp_path / f"site/employers/{newest.slug}/index.html").read_text(encoding="utf-8")
    assert "確認されていません" not in fresh


def test_a_wrong_period_in_mkdocs_yml_is_a_located_error(tmp_path: Path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("stale_after_months: 12", "stale_after_months: 0"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    line = next(number for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1) if "stale_after_months: 0" in text)
    # In Japanese, at its line of mkdocs.yml, with what to write instead (not pydantic's English).
    assert f"mkdocs.yml:{line}: 項目「extra.directory.stale_after_months」: 「0」は小さすぎます。→ 1 以上の数を書いてください" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "greater than" not in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_mistakes_in_the_settings_of_mkdocs_yml_are_located_in_japanese(tmp_path: Path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("{id: north, label: 北部", "{id: North, label: 北部").replace('from: "12-29"', 'from: "12-32"')
    text = text.replace("    organization:", "    organisation:")
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line_of = lambda needle: next(number for number, line in enumerate(lines, start=1) if needle in line)
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"mkdocs.yml:{line_of('organisation:')}: 項目「extra.directory.organisation」: 「organisation」という項目はありません。→ 「organization」の書き間違いではありませんか。" in output
    assert f"mkdocs.yml:{line_of('id: North')}: 項目「extra.directory.areas[2番目].id」: id「North」には使えない文字があります。→ 半角の英小文字・数字・ハイフンで書いてください" in output
    assert f"mkdocs.yml:{line_of('12-32')}: 項目「extra.directory.closures[1番目].from」: 「12-32」という月日はありません。→ カレンダーにある月日を 12-29 の形で書いてください" in output
    assert "設定（mkdocs.yml）に 3 件の問題があります。サイトは作られていません。" in output
    assert "Value error" not in output
    assert not (tmp_path / "site").exists()


def test_stale_command_lists_the_same_records():
    import subprocess
    import sys

    from conftest import build_env

    result = subprocess.run([sys.executable, "-m", "employer_directory", "stale"], cwd=ROOT, capture_output=True, text=True, env=build_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"以上たっています: (\S+?)（", result.stdout)
    assert listed[0] == "content/employers/hikari-jimu-service.md" and len(listed) == 5
    assert "情報確認日から12か月以上たっているもの: 5件" in result.stdout


def test_programs_that_have_ended_are_not_asked_to_be_checked_again():
    """On 2027-12-01 every sample program has ended and every one was checked in November 2026,
    over 12 months before. Their files are the record of past meetings: the build and the pull
    request summary do not list them and their pages carry no 「確認されていません」 notice,
    while the employers checked as long ago still are listed. A program still meeting is."""
    from employer_directory.contrib.freshness import record_is_stale
    from employer_directory.contrib.pr_summary import read_snapshot_from_tree, stale_in_snapshot

    later = dt.date(2027, 12, 1)
    directory = load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT, today=later)
    assert all(program.verified < stale_cutoff(later, 12) for program in directory.programs)
    found = stale_records(directory.employers, directory.programs, later, 12)
    assert [record.kind for record in found] == ["事業所"] * len(directory.employers)
    assert not any(record_is_stale(program, later, 12) for program in directory.programs)
    group = next(program for program in directory.programs if program.slug == "hataraku-junbi-no-hiroba")
    # its rule changes in February (two periods): the last period's until is the one that counts
    *earlier, last = group.recurrence
    running = group.model_copy(update={"recurrence": [*earlier, last.model_copy(update={"until": dt.date(2028, 3, 31)})]})
    assert record_is_stale(running, later, 12)
    assert [record.source_path for record in stale_records([], [running], later, 12)] == [group.source_path]
    # The pull request summary reads the raw files (it must work when validation fails).
    snapshot = read_snapshot_from_tree(ROOT)
    listed = stale_in_snapshot(snapshot, later, 12)
    assert {record.kind for record in listed} == {"事業所"} and len(listed) == len(directory.employers)
    assert len(stale_in_snapshot(snapshot, TODAY, 1)) == len(_older_than(directory, stale_cutoff(TODAY, 1)))


def test_the_warning_does_not_bracket_a_name_that_holds_brackets_of_its_own():
    """The same rule as the feeds' themes (quoting.theme_after_title): no 「職場見学会「しらかば農園」」."""
    def warning(name: str) -> str:
        return StaleRecord("プログラム", name, "content/programs/x.md", dt.date(2025, 1, 20)).message(12)

    assert "（プログラム 職場見学会「しらかば農園」、情報確認日 2025年1月20日(月)）" in warning("職場見学会「しらかば農園」")
    assert "（プログラム「はたらく準備のひろば」、" in warning("はたらく準備のひろば")
    assert "（プログラム「合同面接会」、" in warning("「合同面接会」")
    assert "」」" not in warning("職場見学会「しらかば農園」") + warning("「合同面接会」")
