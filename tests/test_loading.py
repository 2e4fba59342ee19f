"""Loading at scale, the build date, the CLI, and the editor schemas."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, copy_project, run_build
from employer_directory import cli
from employer_directory.loading import PARALLEL_FROM, load_directory
from employer_directory.problems import ContentInvalid
from employer_directory.schema_export import render_schemas
from employer_directory.settings import load_settings, today

CORPUS = ROOT / "tests" / "corpus"
SETTINGS = load_settings({"areas": [{"id": "north", "label": "北部"}]})


def test_large_folders_are_read_in_parallel_with_the_same_result(tmp_path):
    folder = tmp_path / "content" / "employers"
    folder.mkdir(parents=True)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    for index in range(PARALLEL_FROM + 10):
        (folder / f"farm-{index:04d}.md").write_text(base.replace("name: テスト農園", f"name: テスト農園{index}"), encoding="utf-8")
    directory = load_directory(tmp_path / "content", SETTINGS, root=tmp_path, today=dt.date(2026, 11, 22))
    assert len(directory.employers) == PARALLEL_FROM + 10
    shutil.copy(CORPUS / "malformed" / "employers" / "hour-25.md", folder)
    try:
        load_directory(tmp_path / "content", SETTINGS, root=tmp_path, today=dt.date(2026, 11, 22))
    except ContentInvalid as invalid:
        assert [(p.path, p.line) for p in invalid.problems] == [("content/employers/hour-25.md", 18)]
    else:
        raise AssertionError("the bad file was not reported")


def test_build_date_order():
    assert today(SETTINGS, {"DIRECTORY_BUILD_DATE": "2026-04-08", "SOURCE_DATE_EPOCH": "0"}) == dt.date(2026, 4, 8)
    # 2026-04-07 15:00 UTC is already 2026-04-08 in Tokyo.
    assert today(SETTINGS, {"SOURCE_DATE_EPOCH": "1775574000"}) == dt.date(2026, 4, 8)
    fixed = load_settings({"build_date": "2026-01-05"})
    assert today(fixed, {"SOURCE_DATE_EPOCH": "1775574000"}) == dt.date(2026, 1, 5)
    # a build_date left in mkdocs.yml does not freeze the published site: deploy sets the variable
    assert today(fixed, {"DIRECTORY_BUILD_DATE": "2026-04-08"}) == dt.date(2026, 4, 8)


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({"DIRECTORY_BUILD_DATE": "2026/11/22"}, "半角で 2026-11-22 と書いてください"),
        ({"DIRECTORY_BUILD_DATE": "２０２６-11-22"}, "半角で 2026-11-22 と書いてください"),
        ({"DIRECTORY_BUILD_DATE": "2026-02-30"}, "2026年2月は28日まで"),
        ({"SOURCE_DATE_EPOCH": "2026-11-22"}, "半角数字だけで書いてください"),
        ({"SOURCE_DATE_EPOCH": "１７７５５７４０００"}, "半角数字だけで書いてください"),
        ({"SOURCE_DATE_EPOCH": "99999999999999999999"}, "大きすぎて日付になりません"),
    ],
)
def test_a_bad_build_date_in_the_environment_is_a_message_not_a_traceback(environ, words):
    with pytest.raises(ContentInvalid) as raised:
        today(SETTINGS, environ)
    (name,) = environ
    (problem,) = raised.value.problems
    assert problem.format().startswith(f"環境変数 {name}: ") and words in problem.format()
    assert raised.value.report().startswith(f"設定（環境変数 {name}）に 1 件の問題があります")
    assert problem.github_annotation().startswith(f"::error::環境変数 {name}: ")


def test_a_bad_build_date_setting_is_located_in_mkdocs_yml(tmp_path, capsys):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    for written, words in (("2026/11/22", "半角で 2026-11-22 と書いてください"), ("2026-02-30", "2026年2月は28日まで")):
        # Unquoted, 2026-02-30 made PyYAML's date reader raise a bare ValueError in the CLI.
        (tmp_path / "mkdocs.yml").write_text(config.replace("  directory:\n", f"  directory:\n    build_date: {written}\n", 1), encoding="utf-8")
        line = next(number for number, text in enumerate((tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "build_date:" in text)
        assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
        err = capsys.readouterr().err
        assert f"mkdocs.yml:{line}: 項目「extra.directory.build_date（今日として扱う日付）」" in err and words in err


def test_cli_and_build_stop_with_a_message_on_a_bad_build_date(tmp_path, capsys, monkeypatch):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    shutil.copy(CORPUS / "valid" / "employers" / "base-farm.md", project / "content" / "employers")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026/11/22")
    assert cli.main(["validate", "--github", "--config", str(project / "mkdocs.yml")]) == 1
    captured = capsys.readouterr()
    assert "環境変数 DIRECTORY_BUILD_DATE: 日付「2026/11/22」は決まった形で書いてください" in captured.err
    assert captured.out.startswith("::error::環境変数 DIRECTORY_BUILD_DATE: ")
    result = run_build(project, tmp_path / "site", DIRECTORY_BUILD_DATE="2026/11/22")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "環境変数 DIRECTORY_BUILD_DATE: 日付「2026/11/22」" in output and "サイトは作られていません" in output
    assert not (tmp_path / "site").exists()


def test_serve_stops_with_the_message_when_mkdocs_yml_has_an_impossible_date(tmp_path):
    """scripts/serve (the README's first command) went on to `mkdocs serve` after validation failed:
    an unquoted impossible date in mkdocs.yml then ended in PyYAML's English traceback."""
    project = copy_project(tmp_path, with_content=False)
    shutil.copy(CORPUS / "valid" / "employers" / "base-farm.md", project / "content" / "employers")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")  # already set up by scripts/test
    (project / "tests").mkdir()
    (project / "tests" / "tools").symlink_to(ROOT / "tests" / "tools")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  directory:\n", "  directory:\n    build_date: 2026-02-30\n", 1), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "DIRECTORY_BUILD_DATE"}
    result = subprocess.run(
        ["bash", "scripts/serve", "--dev-addr", "127.0.0.1:0"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "mkdocs.yml:" in output and "2026年2月は28日まで" in output


def test_cli_validate_reports_and_annotates(tmp_path, capsys):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    shutil.copy(CORPUS / "valid" / "employers" / "base-farm.md", tmp_path / "content" / "employers")
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 0
    assert "事業所 1 件" in capsys.readouterr().out
    shutil.copy(CORPUS / "malformed" / "employers" / "fullwidth-phone.md", tmp_path / "content" / "employers")
    assert cli.main(["validate", "--github", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    captured = capsys.readouterr()
    assert "content/employers/fullwidth-phone.md:32:" in captured.err
    assert captured.out.startswith("::error file=content/employers/fullwidth-phone.md,line=32::")


def test_committed_schemas_are_current():
    settings = cli.read_settings(ROOT / "mkdocs.yml")
    for name, text in render_schemas(settings).items():
        assert (ROOT / "content" / "schema" / name).read_text(encoding="utf-8") == text, f"run scripts/update-schema ({name})"


def test_every_content_file_points_editors_at_its_schema():
    for kind, schema in (("employers", "employer"), ("programs", "program")):
        for path in (ROOT / "content" / kind).glob("*.md"):
            lines = path.read_text(encoding="utf-8").splitlines()
            assert lines[1] == f"# yaml-language-server: $schema=../schema/{schema}.schema.json", path


def test_schema_names_the_site_vocabularies():
    import json

    schema = json.loads((ROOT / "content" / "schema" / "employer.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["category"]["enum"] == ["農業・栽培", "福祉・医療", "食品・製造", "環境整備", "交通警備", "その他"]
    assert schema["additionalProperties"] is False


def test_validate_tells_of_a_coming_meeting_on_a_closure_day_without_stopping(tmp_path, capsys, monkeypatch):
    """A one-off closure (臨時休館 on the tour's day) leaves the written-out meeting open: validate
    says so, as a GitHub warning, and still succeeds. Cancelled or past meetings are not named."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      - {label: 年末年始, from: \"12-29\", until: \"01-03\"}\n", "      - {label: 年末年始, from: \"12-29\", until: \"01-03\"}\n      - {label: 臨時休館, from: 2026-12-16}\n", 1), encoding="utf-8")
    assert "臨時休館" in config.read_text(encoding="utf-8")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    assert cli.main(["validate", "--github", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    tour = project / "content/programs/tour-shirakaba-farm.md"
    line = next(n for n, text in enumerate(tour.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("dates:"))
    assert f"content/programs/tour-shirakaba-farm.md:{line}: 項目「dates[1番目]（開催日）」: 2026-12-16 はセンターの休み（臨時休館）の日です" in out
    assert f"::warning file=content/programs/tour-shirakaba-farm.md,line={line}::" in out
    # once the meeting is past, or cancelled, nothing is said
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-12-17")
    assert cli.main(["validate", "--config", str(config)]) == 0
    assert "お知らせ" not in capsys.readouterr().out
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    tour.write_text(tour.read_text(encoding="utf-8").replace("verified:", "cancelled:\n  - date: 2026-12-16\n    reason: 臨時休館のため\nverified:", 1), encoding="utf-8")
    assert cli.main(["validate", "--config", str(config)]) == 0
    assert "お知らせ" not in capsys.readouterr().out


def test_validate_tells_of_an_employer_in_a_town_of_another_area_without_stopping(tmp_path, capsys, monkeypatch):
    """An employer in 本町 written as 北部, while mkdocs.yml puts 本町 in 中央: a family in 本町
    who picks 中央 would not find it. validate says so at its area: line, as a GitHub warning, and
    still succeeds (the centre may place one workplace apart). Right again, nothing is said."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    employer = next(path for path in sorted((project / "content" / "employers").glob("*.md")) if "address: しらかば市本町" in path.read_text(encoding="utf-8"))
    text = employer.read_text(encoding="utf-8")
    address = re.search(r"^address: (.*)$", text, re.M).group(1)
    employer.write_text(text.replace("\narea: 中央\n", "\narea: 北部\n", 1), encoding="utf-8")
    line = employer.read_text(encoding="utf-8").split("\n").index("area: 北部") + 1
    config = project / "mkdocs.yml"
    assert cli.main(["validate", "--github", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    where = f"content/employers/{employer.name}"
    assert f"{where}:{line}: 項目「area（地域）」: 住所（{address}）の町「本町」は、mkdocs.yml では地域「中央」に入っていますが、area: は「北部」です。→ area: を「中央」にするか" in out
    assert f"::warning file={where},line={line}::" in out
    employer.write_text(text, encoding="utf-8")
    assert cli.main(["validate", "--config", str(config)]) == 0
    assert "お知らせ" not in capsys.readouterr().out


def test_validate_asks_about_a_new_program_dated_last_year_at_the_new_year(tmp_path, capsys, monkeypatch):
    """On 2026-12-28 staff add January's forum as 2026-01-20 (last year, by habit). The date is
    valid and the program would sit in last year's archive as 終了, never among the coming
    meetings: validate names the date and the year it probably meant, as a notice. Once the
    year is right nothing is said; neither about a program checked long ago."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    forum = project / "content" / "programs" / "forum-2027-01.md"
    text = (
        "---\ntitle: しごとフォーラム\nkind: フォーラム\nsummary: 働くことを考えるフォーラムです。\n"
        "place:\n  name: しらかば市総合福祉センター\ntime: \"13:30〜15:00\"\ndates: [2026-01-20]\nverified: 2026-12-28\n---\n"
    )
    forum.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-12-28")
    assert cli.main(["validate", "--github", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert (
        "content/programs/forum-2027-01.md:8: 項目「dates[1番目]（開催日）」: 日付がすべて情報確認日（verified: 2026-12-28）より前で、"
        "これから開かれる回がありません。→ 年の書き間違いではありませんか（2026-01-20 なら 2027-01-20）" in out
    )
    assert "::warning file=content/programs/forum-2027-01.md,line=8::" in out
    forum.write_text(text.replace("2026-01-20", "2027-01-20"), encoding="utf-8")
    assert cli.main(["validate", "--config", str(config)]) == 0
    assert "お知らせ" not in capsys.readouterr().out
    # The sample's programs, all past by the end of 2027, were checked in 2026: nothing to ask.
    # (The sample bakery's pause, over on 2027-01-31, is the one notice then: its block is left.)
    forum.unlink()
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2027-12-01")
    assert cli.main(["validate", "--config", str(config)]) == 0
    notices = capsys.readouterr().out.split("お知らせ（サイトは作られます。確かめてください）:\n")[1].splitlines()
    assert len(notices) == 1 and notices[0].startswith("content/employers/komugi-no-oka-bakery.md:") and "受け入れの休止は 2027-01-31 で終わっています" in notices[0]


def test_the_year_notice_is_silent_about_records_checked_again_and_names_a_rules_first_day(tmp_path, capsys, monkeypatch):
    """A file checked again after its meetings is a record, not a slip: the farm's tour (2026-12-16)
    brought up to date four days later, the group (2026-04-15 … 2027-03-31) a week after its
    last meeting, or checked again when its first meeting is over a year back.
    A rule written with last year's year is pointed at its start (fixing only until would leave
    15 months of meetings), and the fix says that the other dates are to be moved too."""
    from employer_directory.cli import read_settings
    from employer_directory.directory import Directory
    from employer_directory.loading import year_typo_notices

    settings = read_settings(ROOT / "mkdocs.yml")
    sample = load_directory(ROOT / "content", settings, root=ROOT, today=dt.date(2026, 11, 30))
    by_slug = {program.slug: program for program in sample.programs}
    for slug, verified in (("tour-shirakaba-farm", "2026-12-20"), ("hataraku-junbi-no-hiroba", "2027-04-07")):
        checked = by_slug[slug].model_copy(update={"verified": dt.date.fromisoformat(verified)})
        directory = Directory(settings=settings, today=checked.verified, employers=[], programs=[checked])
        assert year_typo_notices(directory, ROOT) == [], slug
    # A year on, the group (from 2026-04) and the seminar (ended 2027-11-10) are records; the
    # one-day tour and fair read as last year's file copied for this year's, and are asked about.
    later = dt.date(2027, 12, 1)
    rechecked = [program.model_copy(update={"verified": later}) for program in sample.programs]
    notices = year_typo_notices(Directory(settings=settings, today=later, employers=[], programs=rechecked), ROOT)
    assert [notice.path for notice in notices] == ["content/programs/godo-mensetsukai-2027-02.md", "content/programs/tour-shirakaba-farm.md"]

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    (project / "content" / "programs" / "soudan-2027.md").write_text(
        "---\ntitle: しごと相談会\nkind: セミナー\nsummary: 働くことの相談会です。\nplace:\n  name: しらかば市総合福祉センター\n"
        "recurrence:\n  rule: 毎週火曜\n  start: 2026-01-05\n  until: 2026-03-30\n  time: \"13:30〜15:00\"\nverified: 2026-12-28\n---\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-12-28")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    assert (
        "content/programs/soudan-2027.md:9: 項目「recurrence.start（開始日）」: 日付がすべて情報確認日（verified: 2026-12-28）より前で、"
        "これから開かれる回がありません。→ 年の書き間違いではありませんか（2026-01-05 なら 2027-01-05）。ほかの日付も同じように直してください。"
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "marker", "words"),
    [
        # found by the bad-input fuzz audit: each of these was a Python traceback from validate
        ("    stale_after_months: 12", "\tstale_after_months: 12", "\tstale_after_months", "タブ文字があります"),
        ('from: "12-29"', 'from: "12-29', 'from: "12-29,', "この行の書き方を読み取れません"),
        ("    stale_after_months: 12", "    stale_after_months：12", "stale_after_months：", "「：」が全角です。→ 半角の「:」と半角スペースにして「stale_after_months: 12」"),
        ("extra:\n  directory:\n", "extra: なし\n_old:\n  directory:\n", "extra:", "項目「extra」: 下に項目を並べる形で書く項目です"),
        # validate read 012 as 12 while the build (MkDocs's YAML 1.1 reader) reads the octal 10
        ("    stale_after_months: 12", "    stale_after_months: 012", "stale_after_months: 012", "「012」は先頭に 0 が付いています。→ 先頭の 0 を付けずに 12 と書いて"),
        ("    stale_after_months: 12", "    stale_after_months: 12か月", "stale_after_months: 12か月", "→ 半角数字だけで 12 と書いて"),
        # found by the staff-docs walk-through: told 4 lines below, with the general fix
        ('until: "01-03"}', 'until: "01-03"', "{label: 年末年始", "かっこ「{」が、この行で閉じられていません。→ この行の終わりに半角の「}」を付けてください"),
        # found by the third staff-docs walk-through: 受付時間 with a colon in it, told the quoted line
        ("    contact_hours: 平日 8:30〜17:15（祝日・年末年始を除く）", "    contact_hours: 受付: 平日 9:00〜17:00", "contact_hours:", "値の中に「: 」があります（項目の区切りと読まれています）。→ 値全体を半角の \"…\" で囲んで「contact_hours: \"受付: 平日 9:00〜17:00\"」と書いてください"),
        # found by the third staff-docs walk-through: a search word added without its { }
        ("      - {word: かいご, means: 介護}", "      - word: かいご, means: 介護", "word: かいご", "1行に「項目名: 値」が2つ以上あります（まわりの { } がありません）。→ 半角の { } で囲んで「- {word: かいご, means: 介護}」と書いてください"),
        ("      - {word: かいご, means: 介護}", "      - word: かいご, means: 介護  # 足した行", "word: かいご", "→ 半角の { } で囲んで「- {word: かいご, means: 介護}」と書いてください"),
    ],
)
def test_a_broken_mkdocs_yml_is_located_by_validate(tmp_path, capsys, old, new, marker, words):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in config
    (tmp_path / "mkdocs.yml").write_text(config.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    line = next(number for number, text in enumerate((tmp_path / "mkdocs.yml").read_text(encoding="utf-8").split("\n"), 1) if marker in text)
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("設定（mkdocs.yml）に 1 件の問題があります")
    assert f"mkdocs.yml:{line}: " in err and words in err, err


def test_a_mkdocs_yml_saved_as_shift_jis_is_located_by_validate(tmp_path, capsys):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_bytes(config.encode("cp932", errors="replace"))
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    assert "mkdocs.yml:1: 項目「(ファイル)」: 文字コードが UTF-8 ではありません" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("key", "terms", "twice", "words"),
    [
        # found by the fuzz audit: accepted silently (two listing pages at one address, or one
        # value of a content file meaning two terms)
        ("areas", [("north", "北部"), ("north", "南部")], 2, "id「north」が 1番目と 2番目の2回書かれています"),
        ("categories", [("farm", "農業"), ("farm2", "農業")], 2, "label「農業」が 1番目と 2番目の2回書かれています"),
        ("program_kinds", [("group", "集団"), ("seminar", "講座"), ("group", "見学")], 3, "id「group」が 1番目と 3番目の2回書かれています"),
    ],
)
def test_a_vocabulary_term_written_twice_is_refused_at_its_line(tmp_path, key, terms, twice, words):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    areas = config[config.index("    areas:\n") : config.index("    # Days the programs")]
    listed = f"    {key}:\n" + "".join(f"      - {{id: {id_}, label: {label}}}\n" for id_, label in terms)
    (tmp_path / "mkdocs.yml").write_text(config.replace(areas, listed if key == "areas" else listed + areas), encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    (problem,) = raised.value.problems
    assert problem.field.startswith(f"extra.directory.{key}[{twice}番目].") and words in problem.what
    id_, label = terms[twice - 1]
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").split("\n")[problem.line - 1] == f"      - {{id: {id_}, label: {label}}}"


def test_a_setting_written_twice_in_mkdocs_yml_is_refused_with_both_lines(tmp_path, capsys):
    """Found by the fuzz audit: a second closures: lower in the file silently replaced the first."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config + '    closures:\n      - {label: 臨時休館, from: "2027-03-15"}\n', encoding="utf-8")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    lines = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    first, second = (number for number, text in enumerate(lines, 1) if text == "    closures:")
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert f"mkdocs.yml:{second}: 項目「closures」: 項目「closures」が2回書かれています（{first}行目と{second}行目）" in err


def test_a_setting_written_twice_on_one_line_of_mkdocs_yml_is_said_to_be_on_that_line(tmp_path, capsys):
    """A one-line mapping holding a key twice was reported as "line 78 and line 78"."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    written = '      - {label: 年末年始, from: "12-29", until: "01-03"}'
    (tmp_path / "mkdocs.yml").write_text(config.replace(written, written.replace("until:", 'from: "12-30", until:'), 1), encoding="utf-8")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    line = config.split("\n").index(written) + 1
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert f"mkdocs.yml:{line}: 項目「from」: 項目「from」が同じ行（{line}行目）に2回書かれています" in err


def test_validate_refuses_a_content_folder_that_is_not_there(tmp_path, capsys):
    """Found by the fuzz audit: a mistyped content_dir made validate check nothing and say
    there were no problems."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("    stale_after_months: 12\n", "    stale_after_months: 12\n    content_dir: contents\n", 1)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    line = config.split("\n").index("    content_dir: contents") + 1
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    assert f"mkdocs.yml:{line}: 項目「extra.directory.content_dir」: 内容ファイルのフォルダ「contents」がありません" in capsys.readouterr().err


def test_directory_settings_written_as_one_value_are_located(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  directory:\n", "  directory: しらかば市\n  old:\n", 1)
    with pytest.raises(ContentInvalid) as raised:
        load_settings("しらかば市", config_text=config)
    (problem,) = raised.value.problems
    assert problem.field == "extra.directory" and config.split("\n")[problem.line - 1] == "  directory: しらかば市"


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        # found by the fuzz audit: accepted, and shown on every page, sheet and data file
        ({"organization": ""}, "organization", "値が空です"),
        ({"organization": "<b>センター</b>"}, "organization", "HTML のタグ"),
        ({"contact_phone": "代表"}, "contact_phone", "電話番号として読めません"),
        ({"contact_phone": "０２６８－００－００００"}, "contact_phone", "半角で 0268-00-0000 と書いてください"),
        ({"areas": [{"id": "north", "label": ""}]}, "areas[1番目].label", "値が空です"),
        ({"closures": [{"label": " ", "from": "12-29"}]}, "closures[1番目].label", "値が空です"),
        ({"open_data": {"license_url": "creativecommons.org"}}, "open_data.license_url", "https:// から始まるアドレス"),
        # found by the fuzz audit of the newer fields: shown as written (a tag as text, a pasted
        # paragraph beside the phone number on every page and sheet)
        ({"contact_hours": "平日 <b>8:30〜17:15</b>"}, "contact_hours", "HTML のタグ"),
        ({"contact_hours": "平日 8:30〜17:15。" * 10}, "contact_hours", "長すぎます（140文字）。→ 80文字以内にしてください"),
        ({"contact_hours": None}, "contact_hours", "値が空です"),
        ({"open_data": {"publisher": "<b>センター</b>"}}, "open_data.publisher", "HTML のタグ"),
        ({"contact_hours": 510}, "contact_hours", "受付時間が数（510）として読まれました（8:30 のように時刻だけを書くと、数になります）"),
        ({"accommodations": [{"id": "pickup", "label": "送迎あり", "description": "<b>駅から</b>"}]}, "accommodations[1番目].description", "HTML のタグ"),
        ({"open_data": {"update_frequency": ["毎朝"]}}, "open_data.update_frequency", "文字で書く項目です"),
    ],
)
def test_settings_shown_to_the_public_are_checked_like_content(raw, field, words):
    with pytest.raises(ContentInvalid) as raised:
        load_settings(raw)
    (problem,) = raised.value.problems
    assert problem.field == f"extra.directory.{field}" and words in problem.format()


CENTRAL = {"id": "central", "label": "中央"}


@pytest.mark.parametrize(
    ("towns", "field", "words"),
    [
        ("中央町・本町", "towns", "町は [ ] で囲んだ一覧で書く項目です（「中央町・本町」と書かれています）。→ 町の名前を「, 」で区切って [ ] で囲んでください（例: towns: [中央町, 本町, 駅前通り]）"),
        (None, "towns", "町の一覧が空です"),
        ({"中央町": "本町"}, "towns", "町は [ ] で囲んだ一覧で書く項目です。"),
        (["中央町", ""], "towns[2番目]", "町の名前が空です。→ 空のところを消すか、町の名前を書いてください"),
        (["中央町", None], "towns[2番目]", "町の名前が空です"),
        (["中央町", ["本町"]], "towns[2番目]", "町の名前は文字で書く項目です"),
        (["中央町・本町"], "towns[1番目]", "「中央町・本町」は町の名前を2つ以上つなげて書いたように読めます"),
        (["中央町", "<b>本町</b>"], "towns[2番目]", "HTML のタグ"),
        (["本町", "本町"], "towns[2番目]", "町「本町」が2回書かれています"),
    ],
)
def test_an_areas_towns_are_checked_with_a_fix_in_japanese(towns, field, words):
    """Found when the towns were added: each area may name the towns it covers, shown to families
    where they pick an area; a name written wrong would be shown so."""
    with pytest.raises(ContentInvalid) as raised:
        load_settings({"areas": [{**CENTRAL, "towns": towns}]})
    (problem,) = raised.value.problems
    assert problem.field.startswith(f"extra.directory.areas[1番目].{field}（地域に入る町）") and words in problem.format()


def test_a_town_in_two_areas_is_refused_at_its_line_of_mkdocs_yml(tmp_path):
    """A family in 本町 would be sent to both areas: a town belongs to one."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    north = re.search(r"^      - \{id: north, .*$", config, re.M).group(0)
    (tmp_path / "mkdocs.yml").write_text(config.replace(north, "      - {id: north, label: 北部, towns: [北町, 本町]}"), encoding="utf-8")
    (tmp_path / "content").mkdir()
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (config.split("\n").index(north) + 1, "extra.directory.areas[2番目].towns[2番目]（地域に入る町）")
    assert "町「本町」が 1番目の地域「中央」と 2番目の地域「北部」の両方に書かれています。→ 1つの地域だけに書いてください" in problem.format()


def test_towns_not_written_as_a_list_stop_the_build_at_their_line(tmp_path):
    project = copy_project(tmp_path, with_content=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    written = re.search(r"^      - \{id: south, .*$", text, re.M).group(0)
    config.write_text(text.replace(written, "      - {id: south, label: 南部, towns: 南町・南原町}"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    line = text.split("\n").index(written) + 1
    assert f"mkdocs.yml:{line}: 項目「extra.directory.areas[3番目].towns（地域に入る町）」: 町は [ ] で囲んだ一覧で書く項目です（「南町・南原町」と書かれています）。→ 町の名前を「, 」で区切って [ ] で囲んでください" in output
    assert not (tmp_path / "site").exists()


def test_areas_may_name_no_towns():
    assert load_settings({"areas": [CENTRAL, {**CENTRAL, "id": "north", "label": "北部", "towns": []}]}).area_terms()[0].towns == ()


def test_an_empty_contact_phone_still_means_none():
    assert load_settings({"contact_phone": ""}).contact_phone == ""


def test_contact_hours_written_as_a_time_alone_in_mkdocs_yml_is_told_to_quote_it(tmp_path):
    """Found by the fuzz audit of the newer fields: YAML reads contact_hours: 8:30 as 510, and
    every page said 「受付 510」."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    written = re.search(r"^    contact_hours: .*$", config, re.M).group(0)
    (tmp_path / "mkdocs.yml").write_text(config.replace(written, "    contact_hours: 8:30"), encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (config.split("\n").index(written) + 1, "extra.directory.contact_hours")
    assert "数（510）として読まれました" in problem.what and 'contact_hours: "平日 8:30〜17:15"' in problem.fix


def test_empty_contact_hours_and_publisher_still_mean_none():
    settings = load_settings({"contact_hours": "", "open_data": {"publisher": ""}})
    assert (settings.contact_hours, settings.open_data.publisher) == ("", "")


def test_aliases_in_mkdocs_yml_are_walked_once(tmp_path):
    """Found by review: the check for keys written twice walked a mapping again each time an
    alias named it (one slip reported three times) and for ever when it held itself."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    shared = "x-shared: &shared {a: 1, a: 2}\nx-one: *shared\nx-two: *shared\nx-loop: &loop {again: *loop}\n"
    (tmp_path / "mkdocs.yml").write_text(config.replace("extra:\n", shared + "extra:\n", 1), encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    assert [(p.line, p.field) for p in raised.value.problems] == [(config.split("\n").index("extra:") + 1, "a")]


@pytest.mark.parametrize(
    ("raw", "fix"),
    [
        ({"organization": "あ" * 81}, "80文字以内にしてください"),
        ({"organization": "<b>センター</b>"}, "タグを消して普通の文章にしてください"),
        ({"areas": [{"id": "north", "label": " "}]}, "内容を書いてください"),
    ],
)
def test_a_setting_shown_to_the_public_gets_a_fix_that_makes_sense_in_mkdocs_yml(raw, fix):
    """Found by review: the settings' text checks came with the content files' fixes, "write it
    in the body below ---" (mkdocs.yml has none) and, for an empty label, "delete the line"."""
    with pytest.raises(ContentInvalid) as raised:
        load_settings(raw)
    (problem,) = raised.value.problems
    assert problem.fix == fix


def test_a_key_that_is_not_text_refuses_the_file_even_if_its_line_is_not_found(monkeypatch):
    """Two walks decide it (the data, then the nodes for the line): should they ever disagree, the
    file is refused at its front matter, not dropped without a word."""
    from employer_directory import frontmatter

    text = "---\nname: テスト農園\n123: 値\n---\n"
    found = frontmatter.read_front_matter("content/employers/x.md", text)
    assert [(p.line, p.field) for p in found] == [(3, "123")]
    monkeypatch.setattr(frontmatter, "_keys_not_text", lambda yaml_text: [])
    found = frontmatter.read_front_matter("content/employers/x.md", text)
    assert [(p.line, p.field) for p in found] == [(2, "(YAMLの書き方)")]


# --- search words (extra.directory.search_words) ---------------------------------------------


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        ("{word: , means: 介護}", "word", "値が空です"),
        ("{word: かいご}", "means", "means"),
        ("{word: 介護, means: 介護}", "means", "検索では同じことばです"),
        ("{word: トマト, means: とまと}", "means", "検索では同じことばです"),  # katakana and hiragana meet anyway
        ("{word: 駅 近, means: 駅から近い}", "word", "空白・記号など検索で区切りになる文字"),
        ("{word: ー, means: 長音}", "word", "空白・記号など検索で区切りになる文字"),  # folds to nothing
        ("{word: ながい, means: ー}", "means", "検索で探せる文字がありません"),  # would make ながい vanish from queries
        ("{word: なかぐろ, means: ・}", "means", "検索で探せる文字がありません"),
        ("{word: カイゴ, means: 介護}", "word", "番目の「かいご」と同じです"),  # the list has かいご
        ("{word: のらしごと, means: はたけしごと}", "means", "番目のことば「はたけ」が入っています"),  # はたけ would become 畑 in the content
        ("{word: ふくしさぎょう, means: 介護と福祉}", None, None),
    ],
)
def test_a_bad_search_word_is_located_in_mkdocs_yml(tmp_path, entry, field, words):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.endswith("      - {word: りれきしょ, means: 履歴書}\n"), "the list is the last setting"
    assert "      - {word: かいご, means: 介護}\n" in config and "      - {word: はたけ, means: 畑}\n" in config
    (tmp_path / "mkdocs.yml").write_text(config + f"      - {entry}\n", encoding="utf-8")
    count = len(cli.read_settings(ROOT / "mkdocs.yml").search_words)
    if field is None:  # a good entry passes
        assert cli.read_settings(tmp_path / "mkdocs.yml").search_words[-1].word == "ふくしさぎょう"
        return
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    (problem,) = raised.value.problems
    assert problem.line == config.count("\n") + 1
    assert problem.field.startswith(f"extra.directory.search_words[{count + 1}番目].{field}") and words in problem.format()
    assert raised.value.report().startswith("設定（")


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("{word: しなだし、means: 品出し}", "{ } の中の区切りの「、」が全角です。→ 半角の「,」と半角スペースで区切ってください"),
        ("{word: しなだし, means: 品出し｝", "かっこ（｛ ｝や［ ］）が全角です"),
        ("｛word: しなだし, means: 品出し｝", "かっこ（｛ ｝や［ ］）が全角です"),
        ("{word: しなだし, means: 品出し}\u3000", "かっこの後に全角の空白があります"),
        ("{word:しなだし, means: 品出し}", "「word:しなだし」の「:」の後に半角スペースがありません。→ 「word: しなだし」のように"),
    ],
)
def test_a_search_word_typed_with_the_japanese_input_on_gets_its_mark_named(tmp_path, entry, words):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config + f"      - {entry}\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        cli.read_settings(tmp_path / "mkdocs.yml")
    problems = raised.value.problems
    assert problems[0].line == config.count("\n") + 1
    assert words in problems[0].format(), "\n".join(problem.format() for problem in problems)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # the IME's comma between two URL names (or a name): one item for YAML
        ("employers: [asahi-yasai-farm、shirakaba-farm]", "2つの事業所が「、」でつながっています。半角の「,」と半角スペースで区切り、[asahi-yasai-farm, shirakaba-farm] のように"),
        ("employers: [asahi-yasai-farm，しらかば農園]", "2つの事業所が「，」でつながっています。半角の「,」と半角スペースで区切り、[asahi-yasai-farm, shirakaba-farm] のように"),
        # one URL name longer than a short word, without [ ]: told the [ ] form the files use
        ("employers: asahi-yasai-farm", "[ ] で囲んで「employers: [asahi-yasai-farm]」のように書いてください"),
    ],
)
def test_a_programs_employers_written_as_one_item_are_told_the_list_form(tmp_path, capsys, monkeypatch, written, said):
    """Found by the staff-docs walk-through, adding a tour by copying tour-shirakaba-farm.md."""
    err, line = _validate_with_one_line_changed(tmp_path, capsys, monkeypatch, "content/programs/tour-shirakaba-farm.md", "employers: [shirakaba-farm]", written)
    assert f"content/programs/tour-shirakaba-farm.md:{line}: 項目「employers" in err and said in err, err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # 火・木 and 土日 as written on paper: told the values one by one, not 「[火・木]」 again
        ("days: [火・木]", "「火・木」は1つの値として読まれています（曜日は1つずつ書きます）。→ 半角の「,」と空白で区切ってください（[火, 木]）"),
        ("days: [火／木]", "（[火, 木]）"),
        ("days: [火, 木, 土日]", "「土日」は1つの値として読まれています（曜日は1つずつ書きます）。→ 半角の「,」と空白で区切ってください（[土, 日]）"),
        ("days: 火・木", "[ ] で囲んで「days: [火, 木]」のように書いてください"),
        ("days: 土日", "[ ] で囲んで「days: [土, 日]」のように書いてください"),
    ],
)
def test_an_offers_days_written_as_on_paper_are_told_one_by_one(tmp_path, capsys, monkeypatch, written, said):
    """Found by the staff-docs walk-through, changing an offer's days to 火・木."""
    err, line = _validate_with_one_line_changed(tmp_path, capsys, monkeypatch, "content/employers/shirakaba-farm.md", "    days: [火, 木]", f"    {written}")
    assert f"content/employers/shirakaba-farm.md:{line}: 項目「offers[2番目].days" in err and said in err, err


def _validate_with_one_line_changed(tmp_path, capsys, monkeypatch, file, line_before, line_after):
    """Validate a copy of the project whose ``file`` has its first ``line_before`` written as
    ``line_after``; the command's error output and the (1-based) line changed."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index(line_before)
    lines[index] = line_after
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-30")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 1
    return capsys.readouterr().err, index + 1


def test_a_page_line_written_without_its_braces_is_told_the_braces():
    """join.md's glance: the same mistake as a search word without { } in mkdocs.yml."""
    from employer_directory.frontmatter import read_front_matter

    text = "---\ntitle: 事業所のみなさまへ\nglance:\n  - {label: 費用, text: 無料です}\n  - label: 雇う約束, text: ありません\n---\n本文\n"
    problems = read_front_matter("content/join.md", text)
    assert isinstance(problems, list) and len(problems) == 1
    assert problems[0].line == 5
    assert "→ 半角の { } で囲んで「- {label: 雇う約束, text: ありません}」と書いてください" in problems[0].format()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      address: しらかば市本町2-5-8\n", "      address: しらかば市本町2-5-8\n      from: 2027-03-04\n"),
        ("      address: しらかば市本町2-5-8\n", "      address: しらかば市本町2-5-8\n      start: 2027-03-04\n"),
    ],
)
def test_a_date_written_in_a_venue_is_told_to_split_the_period(tmp_path, capsys, monkeypatch, old, new):
    """Found by the third staff-docs walk-through: a venue moving from 2027-03-04 written as
    place: {…, from: 2027-03-04} was told only the venue's fields."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    program = project / "content" / "programs" / "hataraku-junbi-no-hiroba.md"
    text = program.read_text(encoding="utf-8")
    assert old in text
    program.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-30")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    line = text.split("\n").index(old.rstrip("\n")) + 2
    assert f"hataraku-junbi-no-hiroba.md:{line}: 項目「recurrence[2番目].place." in err, err
    assert "今の期間の until: を変わる前の日にし、同じ rule: の期間を「- rule:」で足して" in err, err
