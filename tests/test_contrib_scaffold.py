"""scripts/new-employer and scripts/new-program: the created file validates with the whole site."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_DATE, ROOT, build_env
from employer_directory.cli import read_settings
from employer_directory.contrib.scaffold import ask, employer_prompts, program_prompts, scaffold, scaffold_in_terminal
from employer_directory.loading import load_directory

EMPLOYER_FLAGS = {
    "slug": "mizunara-seimen",
    "name": "みずなら製麺所",
    "reading": "みずならせいめんじょ",
    "category": "食品・製造",
    "area": "東部",
    "address": "しらかば市東町2-3-4",
    "nearest": "東しらかば駅から徒歩8分",
    "pickup": "なし",
    "parking": "あり",
    "business": "うどんとそばを作っています",
    "offer": "見学",
    "offer-content": "製麺の工程",
    "task-name": "袋詰め",
    "task-description": "めんを袋に入れる",
    "task-setting": "屋内",
    "task-load": "軽い",
    "matching": "ていねいな作業が好きな方",
    "contact-name": "総務課",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _cli(project: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "employer_directory", *args], cwd=project, input=stdin, capture_output=True, text=True, env=build_env(), timeout=120)


def _flags(values: dict[str, str]) -> list[str]:
    return [item for flag, value in values.items() for item in (f"--{flag}", value)]


def test_new_employer_by_flags_validates_with_the_site(project):
    result = _cli(project, "new-employer", "--no-input", *_flags(EMPLOYER_FLAGS))
    assert result.returncode == 0, result.stderr
    settings = read_settings(project / "mkdocs.yml")
    directory = load_directory(project / "content", settings, root=project, today=dt.date.fromisoformat(BUILD_DATE))
    employer = directory.employer("mizunara-seimen")
    assert employer.tasks[0].load == "軽い" and employer.offers[0].type == "見学"
    assert employer.verified == employer.registered == dt.date.fromisoformat(BUILD_DATE)
    assert employer.body.strip().startswith("<!--")  # a hint where to write, invisible on the page


def test_new_employer_asks_about_pick_up_and_parking_instead_of_saying_none(project):
    """送迎 and 駐車場 default to false in the model: a file made without asking would have the
    pages and sheets say 「送迎なし・駐車場なし」 of an employer nobody asked."""
    flags = {k: v for k, v in EMPLOYER_FLAGS.items() if k not in ("pickup", "parking")}
    result = _cli(project, "new-employer", "--no-input", *_flags(flags))
    assert result.returncode == 1
    assert "--pickup で指定してください（例: --pickup あり）。書ける値: あり、なし" in result.stderr and "--parking で指定してください" in result.stderr
    result = _cli(project, "new-employer", "--no-input", *_flags({**EMPLOYER_FLAGS, "pickup": "たぶん"}))
    assert result.returncode == 1 and "「たぶん」は選べる値ではありません" in result.stderr and "Traceback" not in result.stderr
    result = _cli(project, "new-employer", "--no-input", *_flags({**EMPLOYER_FLAGS, "pickup": "あり", "parking": "なし"}))
    assert result.returncode == 0, result.stderr
    settings = read_settings(project / "mkdocs.yml")
    employer = load_directory(project / "content", settings, root=project, today=dt.date.fromisoformat(BUILD_DATE)).employer("mizunara-seimen")
    assert employer.access.pickup is True and employer.access.parking is False


def test_new_program_by_flags_validates_with_the_site(project):
    flags = {"slug": "seminar-2027-01", "title": "はたらく準備セミナー", "kind": "セミナー", "summary": "働く前の準備を学びます", "place": "福祉会館", "date": "2027-01-20", "time": "10:00〜12:00"}
    result = _cli(project, "new-program", "--no-input", *_flags(flags))
    assert result.returncode == 0, result.stderr
    settings = read_settings(project / "mkdocs.yml")
    directory = load_directory(project / "content", settings, root=project, today=dt.date.fromisoformat(BUILD_DATE))
    program = next(p for p in directory.programs if p.slug == "seminar-2027-01")
    assert program.sessions[0].date == dt.date(2027, 1, 20)


def test_missing_or_wrong_answers_write_nothing_and_say_which_flag(project):
    flags = {**EMPLOYER_FLAGS, "task-load": "とても重い"}
    del flags["business"]
    result = _cli(project, "new-employer", "--no-input", *_flags(flags))
    assert result.returncode == 1
    assert "--business で指定してください" in result.stderr
    assert not (project / "content/employers/mizunara-seimen.md").exists()
    result = _cli(project, "new-employer", "--no-input", *_flags({**EMPLOYER_FLAGS, "task-load": "とても重い"}))
    assert result.returncode == 1 and "「とても重い」は登録されていない体への負担です" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_choice_lists_what_can_be_written(project):
    result = _cli(project, "new-program", "--no-input")
    assert result.returncode == 1
    assert "--kind で指定してください（例: --kind 集団プログラム）。書ける値: 集団プログラム、セミナー、職場見学会" in result.stderr
    assert "…" not in result.stderr


def test_an_existing_file_is_never_overwritten(project):
    before = (project / "content/employers/shirakaba-farm.md").read_text(encoding="utf-8")
    result = _cli(project, "new-employer", "--no-input", *_flags({**EMPLOYER_FLAGS, "slug": "shirakaba-farm"}))
    assert result.returncode == 1 and "もうあります" in result.stderr
    assert (project / "content/employers/shirakaba-farm.md").read_text(encoding="utf-8") == before


def test_questions_in_the_terminal_fill_what_flags_did_not(project):
    settings = read_settings(project / "mkdocs.yml")
    given = {k: v for k, v in EMPLOYER_FLAGS.items() if k not in ("category", "task-load", "name")}
    replies = iter(["", "みずなら製麺所", "3", "1", ""])  # empty name is asked again; choices by number; phone skipped
    shown: list[str] = []
    answers = ask(employer_prompts(), given, settings, read=lambda prompt: (shown.append(prompt), next(replies))[1], write=shown.append)
    assert answers["name"] == "みずなら製麺所"
    assert answers["category"] == "食品・製造"
    assert answers["task-load"] == "軽い"
    assert answers["phone"] == ""
    assert "  3. 食品・製造" in shown
    result = scaffold("employers", answers, settings, dt.date(2026, 11, 22), project / "content", project)
    assert result.problems == [] and result.text


def test_a_wrong_answer_in_the_terminal_is_asked_again_at_once(project):
    """Found by the staff walk-through: answers were checked only after the last question."""
    settings = read_settings(project / "mkdocs.yml")
    given = {k: v for k, v in EMPLOYER_FLAGS.items() if k != "reading"}
    replies = iter(["Mizunara", "みずならせいめんじょ", ""])  # romaji refused at once, then kana; the phone skipped
    shown: list[str] = []
    asked: list[str] = []
    result = scaffold_in_terminal(
        "employers", given, settings, dt.date(2026, 11, 22), project / "content", project,
        read=lambda prompt: (asked.append(prompt), next(replies))[1], write=shown.append,
    )
    assert result.problems == [] and "reading: みずならせいめんじょ" in result.text
    assert "  よみがな「Mizunara」にかな以外の文字があります。→ ひらがな（またはカタカナ）だけで書いてください" in shown
    assert [prompt.split("（")[0] for prompt in asked] == ["よみがな", "よみがな", "電話番号"]


def _in_terminal(project, kind, given, replies, today=dt.date(2026, 11, 22)):
    """(what was asked, and what was said, in order; the result)."""
    settings = read_settings(project / "mkdocs.yml")
    replies = iter(replies)
    said: list[str] = []
    result = scaffold_in_terminal(
        kind, given, settings, today, project / "content", project,
        read=lambda prompt: (said.append("? " + prompt.split("（")[0].rstrip(": ")), next(replies))[1], write=said.append,
    )
    return said, result


def test_a_japanese_url_name_is_refused_at_the_first_question_not_after_the_last(project):
    said, result = _in_terminal(project, "employers", {k: v for k, v in EMPLOYER_FLAGS.items() if k not in ("slug", "name")}, ["みずなら製麺", "mizunara-seimen", "みずなら製麺所", ""])
    assert said[:4] == [
        "? URL名",
        "  「みずなら製麺」に使えない文字があります。→ 半角英小文字・数字・ハイフンだけにしてください（例: mizunara-seimen）",
        "? URL名",
        "? 事業所名",
    ]
    assert result.problems == [] and result.path.endswith("employers/mizunara-seimen.md")


def test_a_number_past_the_choices_is_asked_again_at_once(project):
    """「7」 for 業種 (6 choices) was taken as the answer 7 and refused only after all questions."""
    said, result = _in_terminal(project, "employers", {k: v for k, v in EMPLOYER_FLAGS.items() if k != "category"}, ["7", "3", ""])
    questions = [line for line in said if line.startswith("? ")]
    assert questions == ["? 業種", "? 業種", "? 電話番号"]
    assert "  7 番はありません。→ 1 から 6 の番号で選んでください" in said
    assert result.problems == [] and "category: 食品・製造" in result.text


def test_a_programs_kind_date_and_time_are_checked_as_they_are_typed(project):
    given = {k: v for k, v in PROGRAM_FLAGS.items() if k not in ("kind", "date", "time")} | {"apply": "", "contact-name": ""}
    said, result = _in_terminal(project, "programs", given, ["9", "2", "2027/13/01", "2027-01-20(木)", "2026-01-20", "2027-01-20", "10時〜12時", "10:00〜12:00"])
    assert [line for line in said if line.startswith("? ")] == ["? 種類", "? 種類", "? 日付", "? 日付", "? 日付", "? 日付", "? 時間", "? 時間"]
    assert "  9 番はありません。→ 1 から 6 の番号で選んでください" in said
    assert "  日付「2027/13/01」の月 13 はありません。→ 月は 1 から 12 です。半角の 年-月-日 で書いてください（月と日が逆なら 2027-01-13）" in said
    assert any("（日付が合っていれば 2027-01-20）" in line for line in said)
    assert "  日付 2026-01-20 は今日（2026-11-22）より前です。→ これから開く日を書いてください。年の書き間違いなら 2027-01-20 です" in said
    assert '  時間帯「10時〜12時」は 時:分 の形で書いてください。→ "10:00〜12:00" と書いてください' in said
    assert "  （やめるときは Ctrl+C を押してください。ファイルは作りません）" in said  # after the third refusal of a date
    assert result.problems == [] and "date: 2027-01-20" in result.text and 'time: "10:00〜12:00"' in result.text


def test_a_wrong_flag_in_the_terminal_is_said_and_asked_for_before_the_other_questions(project):
    given = {**PROGRAM_FLAGS, "date": "2027/01/20"}
    del given["title"]
    said, result = _in_terminal(project, "programs", given, ["はたらく準備セミナー", "2027-01-20", "", ""])
    assert said[:3] == ["? プログラム名", "  日付: 日付「2027/01/20」は決まった形で書いてください。→ 半角で 2027-01-20 と書いてください", "? 日付"]
    assert result.problems == [] and "date: 2027-01-20" in result.text


@pytest.mark.parametrize("command", ["new-employer", "new-program"])
def test_the_help_of_the_scripts_is_in_japanese(project, command):
    result = _cli(project, command, "--help")
    assert result.returncode == 0
    assert "show this help message" not in result.stdout and "CONFIG" not in result.stdout and "SLUG" not in result.stdout
    assert "この説明を表示して終わる" in result.stdout and "サイトの設定ファイル" in result.stdout
    assert "答えるたびに確かめます" in result.stdout and "--slug 値" in result.stdout
    # The descriptions line up after 「--flag 値」 (値 is two columns wide in a terminal).
    starts = {_columns(line[: line.index(text)]) for line in result.stdout.splitlines() for text in ("URL名（ファイル名）", "質問せず") if text in line}
    assert len(starts) == 1, result.stdout


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_a_new_programs_date_already_past_is_asked_again_with_the_probable_year(project):
    """On 2026-12-28 a January date typed with this year (2026-01-20) is a valid date, but a new
    program that is over before it is written would only land in last year's archive: the date
    is asked again, with the year it probably meant."""
    settings = read_settings(project / "mkdocs.yml")
    flags = {"slug": "forum-2027-01", "title": "しごとフォーラム", "kind": "フォーラム", "summary": "働くことを考えます", "place": "福祉会館", "date": "2026-01-20", "time": "13:30〜15:00", "apply": "", "contact-name": ""}
    shown: list[str] = []
    asked: list[str] = []
    replies = iter(["2027-01-20"])
    result = scaffold_in_terminal(
        "programs", flags, settings, dt.date(2026, 12, 28), project / "content", project,
        read=lambda prompt: (asked.append(prompt), next(replies))[1], write=shown.append,
    )
    assert "  日付: 日付 2026-01-20 は今日（2026-12-28）より前です。→ これから開く日を書いてください。年の書き間違いなら 2027-01-20 です" in shown
    assert [prompt.split("（")[0] for prompt in asked] == ["日付"]
    assert result.problems == [] and "date: 2027-01-20" in result.text


def test_a_date_past_even_a_year_on_is_asked_again_without_a_year_to_try(project):
    """2025-01-20 on 2026-12-28: a year on it is still past, so no year is suggested (2026-01-20
    would be refused in turn)."""
    settings = read_settings(project / "mkdocs.yml")
    flags = {"slug": "forum-2027-01", "title": "しごとフォーラム", "kind": "フォーラム", "summary": "働くことを考えます", "place": "福祉会館", "date": "2025-01-20", "time": "13:30〜15:00", "apply": "", "contact-name": ""}
    shown: list[str] = []
    replies = iter(["2027-01-20"])
    result = scaffold_in_terminal(
        "programs", flags, settings, dt.date(2026, 12, 28), project / "content", project,
        read=lambda prompt: next(replies), write=shown.append,
    )
    assert "  日付: 日付 2025-01-20 は今日（2026-12-28）より前です。→ これから開く日を書いてください" in shown
    assert result.problems == [] and "date: 2027-01-20" in result.text


PROGRAM_FLAGS = {"slug": "seminar-2027-01", "title": "はたらく準備セミナー", "kind": "セミナー", "summary": "働く前の準備を学びます", "place": "福祉会館", "date": "2027-01-20", "time": "10:00〜12:00"}


def test_a_new_program_file_is_laid_out_like_the_samples(project):
    """Times quoted and a list indented under its key, as in the samples and CONTRIBUTING: a
    session copied from them into the new file lines up with the one already there."""
    result = _cli(project, "new-program", "--no-input", *_flags(PROGRAM_FLAGS))
    assert result.returncode == 0, result.stderr
    text = (project / "content/programs/seminar-2027-01.md").read_text(encoding="utf-8")
    assert '\nsessions:\n  - date: 2027-01-20\n    time: "10:00〜12:00"\n' in text
    sample = (ROOT / "content/programs/godo-mensetsukai-2027-02.md").read_text(encoding="utf-8")
    assert '\nsessions:\n  - date: 2027-02-17\n    time: "13:30〜16:00"\n' in sample


@pytest.mark.parametrize(
    ("flag", "value", "said"),
    [
        ("time", "10時〜12時", "項目「時間」（--time）: 時間帯「10時〜12時」は 時:分 の形で書いてください"),
        ("date", "2027/01/20", "項目「日付」（--date）: 日付「2027/01/20」は決まった形で書いてください"),
        ("date", "2029-01-20", "項目「日付」（--date）: 日付 2029-01-20 が今日"),  # found once written with the whole site
        ("title", "", "項目「プログラム名」（--title）: まだ決まっていません"),
    ],
)
def test_a_refused_answer_is_named_by_its_question_and_flag_not_a_line_of_the_file_not_written(project, flag, value, said):
    result = _cli(project, "new-program", "--no-input", *_flags({**PROGRAM_FLAGS, flag: value}))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert said in result.stderr
    assert ".md:" not in result.stderr and "内容ファイル" not in result.stderr
    assert not (project / "content/programs/seminar-2027-01.md").exists()


def test_a_time_typed_back_with_the_quotes_of_the_message_is_taken(project):
    """The message says '"10:00〜12:00" と書いてください'; typed so at the question, it is the time."""
    settings = read_settings(project / "mkdocs.yml")
    result = scaffold("programs", {**PROGRAM_FLAGS, "time": '"10:00〜12:00"'}, settings, dt.date(2026, 11, 30), project / "content", project)
    assert result.problems == [] and 'time: "10:00〜12:00"\n' in result.text


def test_an_answer_quoting_two_words_keeps_its_quotes(project):
    """Found by review: an answer that starts and ends with a quote but holds more quotes
    ("研修"と"面接") lost its first and last quote, as if typed back from a message."""
    settings = read_settings(project / "mkdocs.yml")
    result = scaffold("programs", {**PROGRAM_FLAGS, "summary": '"研修"と"面接"'}, settings, dt.date(2026, 11, 30), project / "content", project)
    assert result.problems == []
    assert yaml.safe_load(result.text.split("---")[1])["summary"] == '"研修"と"面接"'


def test_contributings_example_of_a_refused_answer_is_what_new_program_says(project):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"（例: `(項目「時間」（--time）: [^`]+)`）", guide)
    assert example, "CONTRIBUTING shows no refused answer of new-program"
    result = _cli(project, "new-program", "--no-input", *_flags({**PROGRAM_FLAGS, "time": "10時〜12時"}))
    assert example.group(1) in result.stderr


def test_a_new_program_without_a_time_is_asked_for_one(project):
    """A meeting without a time is refused by validation (a job seeker would not know when to
    come): the scaffold asks for it rather than writing a file that fails its check."""
    settings = read_settings(project / "mkdocs.yml")
    result = scaffold("programs", {**PROGRAM_FLAGS, "time": ""}, settings, dt.date(2026, 11, 30), project / "content", project)
    assert result.text is None
    assert [problem.fix for problem in result.problems] == ["--time で指定してください（例: --time 10:00〜12:00）"], result.problems


def test_new_program_asks_how_to_apply_and_whom_to_call_and_says_what_skipping_means(project):
    """A program made without them was published 募集中 with no way to apply and no number to call.
    Skipped, the page names the centre (the question says so), and the phone is not asked."""
    settings = read_settings(project / "mkdocs.yml")
    replies = iter(["センターに電話で申し込んでください", "就労支援係", "0268-00-1111"])
    asked: list[str] = []
    answers = ask(program_prompts(), PROGRAM_FLAGS, settings, read=lambda prompt: (asked.append(prompt), next(replies))[1], write=asked.append)
    assert asked == [
        "申し込み方法（例: センターに電話で申し込んでください。空欄で省略）: ",
        "問い合わせの窓口（例: 就労支援係。空欄なら、センターの名前と電話番号を載せます）: ",
        "問い合わせの電話番号（例: 0268-00-0000。空欄で省略）: ",
    ]
    result = scaffold("programs", answers, settings, dt.date(2026, 11, 30), project / "content", project)
    assert result.problems == []
    written = yaml.safe_load(result.text.split("---")[1])
    assert written["apply"] == "センターに電話で申し込んでください"
    assert written["contact"] == {"name": "就労支援係", "phone": "0268-00-1111"}

    replies = iter(["", ""])
    asked.clear()
    answers = ask(program_prompts(), PROGRAM_FLAGS, settings, read=lambda prompt: (asked.append(prompt), next(replies))[1], write=asked.append)
    assert [prompt.split("（")[0] for prompt in asked] == ["申し込み方法", "問い合わせの窓口"]  # no phone without a name
    result = scaffold("programs", answers, settings, dt.date(2026, 11, 30), project / "content", project)
    assert result.problems == [] and "apply:" not in result.text and "contact:" not in result.text


def test_a_programs_phone_without_whom_to_call_is_refused_at_the_question_of_the_name(project):
    result = _cli(project, "new-program", "--no-input", *_flags({**PROGRAM_FLAGS, "phone": "0268-00-1111"}))
    assert result.returncode == 1
    assert "項目「問い合わせの窓口」（--contact-name）: 問い合わせの電話番号（--phone）だけでは載せられません" in result.stderr
    assert not (project / "content/programs/seminar-2027-01.md").exists()
