"""Slips staff make in GitHub's web editor that YAML or the reader used to take silently, or
answered in words that did not say what to write: numbers in YAML 1.1's other notations, words
in a number of people, programs without a time, rules written as notices write them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT
from employer_directory.loading import validate_text
from employer_directory.models.employer import Employer
from employer_directory.models.program import Program
from employer_directory.settings import load_settings

SETTINGS = load_settings({"areas": [{"id": "north", "label": "北部"}]})
FARM = (ROOT / "tests" / "corpus" / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
TOUR = (ROOT / "content" / "programs" / "tour-shirakaba-farm.md").read_text(encoding="utf-8")
CAPACITY_LINE = 16
"""The line of ``capacity: 3`` in base-farm.md."""


def farm_with_capacity(value: str):
    assert FARM.splitlines()[CAPACITY_LINE - 1] == "    capacity: 3"
    text = FARM.replace("    capacity: 3\n", f"    capacity: {value}\n")
    return validate_text("content/employers/base-farm.md", text, Employer, SETTINGS, "base-farm")


def only_problem(problems):
    assert len(problems) == 1, "\n".join(problem.format() for problem in problems)
    return problems[0]


# --- 1. numbers in YAML 1.1's other notations ------------------------------------------------


@pytest.mark.parametrize(
    "written, fix",
    [
        ("0x6", "半角数字で書いてください"),  # YAML 1.1 hexadecimal: was taken as 6
        ("0b11", "半角数字で書いてください"),  # binary: was taken as 3
        ("0o7", "半角数字で書いてください"),
        ("1_000", "「_」を付けずに、半角数字だけで 1000 と書いてください"),  # was taken as 1000
        ("6.0", "小数点を付けずに 6 と書いてください"),
        ("６", "半角数字だけで 6 と書いてください"),
    ],
)
def test_a_number_in_another_notation_is_told_where_it_is_written(written, fix):
    record, problems = farm_with_capacity(written)
    problem = only_problem(problems)
    assert record is None
    assert (problem.line, problem.field) == (CAPACITY_LINE, "offers[1番目].capacity（受入人数）")
    assert f"「{written}」" in problem.what and fix in problem.fix, problem.format()


def test_plain_numbers_are_still_numbers():
    for written, number in (("6", 6), ("0", 0), ("+6", 6)):
        record, problems = farm_with_capacity(written)
        assert problems == [] and record.offers[0].capacity == number


def test_settings_keep_reading_numbers_as_mkdocs_does():
    """mkdocs.yml is read by MkDocs too: there 0x10 is 16, and validate must see what the build will."""
    import yaml

    from employer_directory.frontmatter import FastLoader, SettingsLoader

    assert yaml.load("a: 0x10\nb: 8:30\nc: 1_000", Loader=SettingsLoader) == {"a": 16, "b": 510, "c": 1000}
    assert yaml.load("a: 0x10\nb: 8:30\nc: 1_000\nd: 12", Loader=FastLoader) == {"a": "0x10", "b": "8:30", "c": "1_000", "d": 12}


# --- 2. words in a number of people ----------------------------------------------------------


@pytest.mark.parametrize(
    "written, what, fix",
    [
        # the sheet's words: they go to capacity_note, and the page shows them as written
        ("若干名", "「若干名」は数ではありません", "この行を「capacity_note: 若干名」（受入人数の補足）と書き換えてください。ページの人数の欄に「若干名」と出ます"),
        ("未定", "「未定」は数ではありません", "「capacity_note: 未定」"),
        # a circle: the kanji zero, or the round mark of a form's "yes"; not a note to publish
        ("〇", "丸印か、漢数字のゼロ", "半角数字で書いてください（例: 3）。人数が決まっていないなら、この行を消してください（ページには「相談して決めます」と出ます）"),
        ("○", "丸印か、漢数字のゼロ", "この行を消してください"),
        ("〇人", "丸印か、漢数字のゼロ", "この行を消してください"),  # with its unit: no note 「〇人」 to publish
        ("〇名", "丸印か、漢数字のゼロ", "半角数字で書いてください（例: 3）"),
        # "none": no limit, or no one? A page saying 人数: なし reads as "no places"
        ("なし", "人数に決まりがないのか、受け入れがないのか分かりません", "「capacity_note: 何人でも対応可」"),
    ],
)
def test_words_for_a_number_of_people_get_a_fix_that_says_what_the_page_shows(written, what, fix):
    _record, problems = farm_with_capacity(written)
    problem = only_problem(problems)
    assert problem.line == CAPACITY_LINE
    assert what in problem.what and fix in problem.fix, problem.format()
    assert f"capacity_note: {written}" not in problem.fix or written in ("若干名", "未定")


def test_the_fix_for_若干名_is_accepted_and_shown():
    text = FARM.replace("    capacity: 3\n", "    capacity_note: 若干名\n")
    record, problems = validate_text("content/employers/base-farm.md", text, Employer, SETTINGS, "base-farm")
    assert problems == [] and record.offers[0].capacity_label == "若干名"


@pytest.mark.parametrize("written", ["若干名", "なし", "〇"])
def test_a_programs_capacity_in_words_is_told_where_the_words_go(written):
    """A program has no capacity_note: the fix must not name it."""
    assert TOUR.count("\ncapacity: 6\n") == 1
    text = TOUR.replace("\ncapacity: 6\n", f"\ncapacity: {written}\n")
    line = text.splitlines().index(f"capacity: {written}") + 1
    _record, problems = validate_text("content/programs/tour.md", text, Program, SETTINGS, "tour")
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (line, "capacity（定員）")
    assert "capacity_note" not in problem.fix and "この行を消して" in problem.fix, problem.format()


# --- 4. rules written as notices write them ----------------------------------------------------

import datetime as dt  # noqa: E402

from pydantic_core import PydanticCustomError  # noqa: E402

from employer_directory.calendar.rules import parse_rule  # noqa: E402

DECEMBER = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    "written, same_as",
    [
        ("毎週月曜水", "毎週月・水曜"),
        ("毎週月水", "毎週月・水曜"),
        ("毎週月水金", "毎週月・水・金曜"),
        ("毎週月曜日と水曜日", "毎週月・水曜"),
        ("毎週月と水", "毎週月・水曜"),
        ("毎週土曜日曜", "毎週土・日曜"),
        ("隔週月水", "隔週月・水曜"),
        ("第2・4水曜", "毎月第2・第4水曜"),  # 第n says "each month" on any notice
        ("第2・第4水曜日", "毎月第2・第4水曜"),
        ("毎月第2第4水曜", "毎月第2・第4水曜"),
        ("毎月第1と第3水曜", "毎月第1・第3水曜"),
        ("毎月第2水曜と第4水曜", "毎月第2・第4水曜"),
        ("毎月第2水曜日・第4水曜日", "毎月第2・第4水曜"),
        ("毎月最終と第2水曜", "毎月第2・最終水曜"),
        ("毎月第2と最終水曜", "毎月第2・最終水曜"),
        ("毎月第1日曜と第3日曜", "毎月第1・第3日曜"),
        # a range of weekdays, as notices write it (it was 「読み取れません」)
        ("毎週月〜金", "毎週月・火・水・木・金曜"),
        ("毎週月曜〜金曜", "毎週月・火・水・木・金曜"),
        ("毎週月曜日から金曜日まで", "毎週月・火・水・木・金曜"),
        ("毎週月ー金", "毎週月・火・水・木・金曜"),  # ー: what an input method types for -
        ("毎週月～金曜日", "毎週月・火・水・木・金曜"),
        ("平日", "毎週月・火・水・木・金曜"),
        ("隔週月-水", "隔週月・火・水曜"),
        ("毎週月〜水・金", "毎週月・火・水・金曜"),
        ("毎週土〜日", "毎週土・日曜"),
        ("第2水曜・第4水曜", "毎月第2・第4水曜"),
        ("最終金曜", "毎月最終金曜"),
    ],
)
def test_rules_as_notices_write_them_are_read(written, same_as):
    expected = parse_rule(same_as).dates(*DECEMBER)
    assert expected and parse_rule(written).dates(*DECEMBER) == expected
    assert parse_rule(written).text == written, "the page shows the rule as staff wrote it"


@pytest.mark.parametrize(
    "written, what, fix",
    [
        # weekly or every other week: the message gives both forms to copy
        ("月・水曜", "毎週か隔週（2週おき）か分かりません", "毎週なら「毎週月・水曜」、2週おきなら「隔週月・水曜」"),
        ("月水金", "毎週か隔週", "「毎週月・水・金曜」"),
        # a week of the calendar is not the month's 2nd Wednesday
        ("毎月第2週の水曜", "「週」は、月のどの水曜か決まりません", "「毎月第2水曜」"),
        ("毎月2・4週目水曜", "「週」は、月のどの水曜か決まりません", "「毎月第2・第4水曜」"),
        ("毎月第1月曜・第3水曜", "週ごとに曜日が違います", "sessions:"),
        # two days of the month are not the 1st and 3rd Sunday (日曜): refused, never read so
        ("毎月1日と3日", "日付が2つ以上あります", "sessions:"),
        ("毎月1日・3日", "日付が2つ以上あります", "「毎月第1・第3日曜」"),
        ("毎月1・3日", "日付が2つ以上あります", "sessions:"),
        ("1・3日", "日付が2つ以上あります", "sessions:"),
        ("毎月1日と15日", "日付が2つ以上あります", "sessions:"),
        ("毎月第1月曜と15日", "読み取れません", "毎月15日"),
        ("3月", "読み取れません", "毎月第2・第4水曜"),  # a month, not the third Monday
        ("毎週金〜月", "曜日の順（月〜日）になっていません", "「毎週金・土・日・月曜」"),
        ("毎週水〜水", "始めと終わりが同じ曜日です", "「毎週水曜」"),
        ("毎月5日〜月末", "読み取れません", "毎月15日"),  # 日 of 5日 is no Sunday
        ("毎週月〜金 10:00〜12:00", "時間が入っています", 'rule: 毎週月・火・水・木・金 と time: "10:00〜12:00"'),
        ("第2水曜と第4土曜", "週ごとに曜日が違います", "sessions:"),
        ("毎月第1・第3月曜と水曜", "曜日が2つ以上あります（月・水曜）", "sessions:"),
        ("第3月", "読み取れません", "毎月第2・第4水曜"),
    ],
)
def test_rules_that_cannot_be_read_show_the_form_to_write(written, what, fix):
    with pytest.raises(PydanticCustomError) as raised:
        parse_rule(written)
    assert what in raised.value.context["what"] and fix in raised.value.context["fix"], raised.value.context


# --- 3. a program without a time -------------------------------------------------------------


def test_a_program_with_dates_but_no_time_is_told_at_its_dates():
    """It used to pass and become an all-day event: a job seeker did not know when to come."""
    assert TOUR.count('time: "10:00〜11:30"\n') == 1
    text = TOUR.replace('time: "10:00〜11:30"\n', "")
    line = text.splitlines().index("dates: [2026-12-16]") + 1
    record, problems = validate_text("content/programs/tour.md", text, Program, SETTINGS, "tour")
    problem = only_problem(problems)
    assert record is None
    assert (problem.line, problem.field) == (line, "dates（開催日）")
    assert "時間が書かれていません" in problem.what and 'time: "10:00〜12:00"' in problem.fix, problem.format()


@pytest.mark.parametrize("day, refused", [("2025-12-16", False), ("2026-11-30", False), ("2026-12-01", True), ("2026-12-16", True)])
def test_a_program_that_ended_before_times_were_required_stays_as_written(tmp_path, day, refused):
    """Finished programs' files are kept for the archive (CONTRIBUTING): one written before a time
    was required must not stop the build. A meeting today or later still needs its time."""
    from employer_directory.loading import read_record

    text = TOUR.replace('time: "10:00〜11:30"\n', "").replace("dates: [2026-12-16]", f"dates: [{day}]").replace("deadline: 2026-12-10\n", "")
    path = tmp_path / "content" / "programs" / "tour.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    record, problems = read_record(path, Program, SETTINGS, tmp_path, dt.date(2026, 12, 1))
    assert [problem.field for problem in problems] == (["dates（開催日）"] if refused else []), "\n".join(p.format() for p in problems)
    assert (record is None) == refused
    # Without a build date (a new file being written) it is always told.
    assert read_record(path, Program, SETTINGS, tmp_path)[0] is None


def test_a_session_without_a_time_is_told_at_its_date():
    text = TOUR.replace('time: "10:00〜11:30"\ndates: [2026-12-16]\n', "sessions:\n  - date: 2026-12-16\n    title: 見学\n")
    assert text != TOUR
    line = text.splitlines().index("  - date: 2026-12-16") + 1
    _record, problems = validate_text("content/programs/tour.md", text, Program, SETTINGS, "tour")
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (line, "sessions[1番目].date（日付）")
    assert "2026-12-16 の回に時間が書かれていません" in problem.what, problem.format()


def test_the_rules_contributing_says_are_refused_are_refused():
    """CONTRIBUTING.md lists forms that get a message instead of a calendar: none is read."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("### 繰り返しの決まり（recurrence の rule:）の書き方", 1)[1].split("\n### ", 1)[0]
    listed = section.split("よくあるもの:", 1)[1]
    forms = [form for line in listed.splitlines() if line.startswith("- ") for form in re.findall(r"`([^`]+)`", line.split(":", 1)[0])]
    assert "毎月1・3日" in forms and len(forms) >= 6, forms
    for form in forms:
        with pytest.raises(PydanticCustomError):
            parse_rule(form)
