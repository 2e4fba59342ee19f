"""Create a new employer or program file that is valid from the start (Hugo's archetypes, for staff).

The smallest valid record needs a handful of answers; each is a ``Prompt`` whose Japanese
label is the model field's title, so prompts, flags and messages name fields the way the
field reference and the error messages do. Answers come from command-line flags or, for
what is missing, from questions in the terminal. The file is written only when the whole
record passes the same validation as the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel

from ..loading import validate_text
from ..models.employer import Employer
from ..models.program import Program
from ..problems import Problem
from ..settings import SLUG, DirectorySettings
from ..validation import describe_field
from ..vocabulary import LOADS, OFFER_TYPES, SETTINGS
from .record_file import render_record, set_at

YES_NO = {"あり": True, "なし": False}

EMPLOYER_BODY = "<!-- ここに「職場の様子」を自由に書けます（1日の流れ、雰囲気、季節ごとの仕事など）。この行は消してかまいません。 -->"
PROGRAM_BODY = "<!-- ここにプログラムの詳しい説明を自由に書けます。この行は消してかまいません。 -->"


@dataclass(frozen=True)
class Prompt:
    flag: str
    """Command-line flag without dashes (``task-name``)."""
    path: tuple[Any, ...]
    """Where the answer goes in the front-matter (``("tasks", 0, "name")``)."""
    model: type[BaseModel]
    example: str = ""
    required: bool = True
    choices: Callable[[DirectorySettings], list[str]] | None = None
    values: dict[str, Any] | None = None
    """What each choice writes in the file, when that is not the choice's own text (あり → true)."""
    title: str = ""
    """The question's words, when the field's title alone is unclear (窓口 → 問い合わせの窓口)."""
    skipped: str = ""
    """What an empty answer to an optional question means, said in the question."""
    needs: str = ""
    """The flag of an optional answer this one belongs to: not asked when that one was skipped
    (a phone number with no name of whom to call is no contact)."""

    def label(self) -> str:
        if self.title:
            return self.title
        if self.path == ("slug",):
            return "URL名（ファイル名）"
        return describe_field(self.model, self.path)[1] or self.flag

    def hint(self, choices: list[str] | None) -> str:
        """What follows the question: an example (not for choices), and whether it may be left empty."""
        example = f"例: {self.example}" if self.example and not choices else ""
        if self.required:
            return f"（{example}）" if example else ""
        if not self.skipped:
            return "（空欄で省略）"
        return f"（{example}。{self.skipped}）" if example else f"（{self.skipped}）"


def employer_prompts() -> list[Prompt]:
    return [
        Prompt("slug", ("slug",), Employer, "mizunara-seimen"),
        Prompt("name", ("name",), Employer, "みずなら製麺所"),
        Prompt("reading", ("reading",), Employer, "みずならせいめんじょ"),
        Prompt("category", ("category",), Employer, choices=lambda s: [t.label for t in s.category_terms()]),
        Prompt("area", ("area",), Employer, "東部", choices=lambda s: [t.label for t in s.area_terms()] or None),
        Prompt("address", ("address",), Employer, "しらかば市東町2-3-4"),
        Prompt("nearest", ("access", "nearest"), Employer, "東しらかば駅から徒歩8分"),
        # Asked, not left to the model's default (false): the pages and sheets would say
        # 「送迎なし・駐車場なし」 of an employer nobody asked, and transport is a barrier for seekers.
        Prompt("pickup", ("access", "pickup"), Employer, choices=lambda s: list(YES_NO), values=YES_NO),
        Prompt("parking", ("access", "parking"), Employer, choices=lambda s: list(YES_NO), values=YES_NO),
        Prompt("business", ("business",), Employer, "うどんとそばを作っています"),
        Prompt("offer", ("offers", 0, "type"), Employer, choices=lambda s: [t.label for t in OFFER_TYPES]),
        Prompt("offer-content", ("offers", 0, "content"), Employer, "製麺の工程と袋詰めの作業場"),
        Prompt("task-name", ("tasks", 0, "name"), Employer, "袋詰め"),
        Prompt("task-description", ("tasks", 0, "description"), Employer, "めんを決まった重さに分けて袋に入れる"),
        Prompt("task-setting", ("tasks", 0, "setting"), Employer, choices=lambda s: list(SETTINGS)),
        Prompt("task-load", ("tasks", 0, "load"), Employer, choices=lambda s: list(LOADS)),
        Prompt("matching", ("matching", 0), Employer, "決まった手順をていねいに続けられる方"),
        Prompt("contact-name", ("contact", "name"), Employer, "総務課"),
        Prompt("phone", ("contact", "phone"), Employer, "0268-00-4321", required=False),
    ]


def program_prompts() -> list[Prompt]:
    return [
        Prompt("slug", ("slug",), Program, "seminar-2027-01"),
        Prompt("title", ("title",), Program, "はたらく準備セミナー"),
        Prompt("kind", ("kind",), Program, choices=lambda s: [t.label for t in s.program_kind_terms()]),
        Prompt("summary", ("summary",), Program, "働く前に知っておきたいことを学びます"),
        Prompt("place", ("place", "name"), Program, "しらかば市 福祉会館"),
        Prompt("date", ("sessions", 0, "date"), Program, "2027-01-20"),
        Prompt("time", ("sessions", 0, "time"), Program, "10:00〜12:00"),  # a meeting needs a time (validation says so too)
        # Asked, though optional: a program made without them was published 募集中 with no way to
        # apply and no number to call. Skipped, the page and the calendars name the centre
        # (Directory.contact_of), which the question says.
        Prompt("apply", ("apply",), Program, "センターに電話で申し込んでください", required=False, skipped="空欄で省略"),
        Prompt("contact-name", ("contact", "name"), Program, "就労支援係", required=False, title="問い合わせの窓口", skipped="空欄なら、センターの名前と電話番号を載せます"),
        Prompt("phone", ("contact", "phone"), Program, "0268-00-0000", required=False, title="問い合わせの電話番号", skipped="空欄で省略", needs="contact-name"),
    ]


KINDS = {"employers": (Employer, employer_prompts, EMPLOYER_BODY), "programs": (Program, program_prompts, PROGRAM_BODY)}


@dataclass
class Scaffold:
    path: str
    text: str | None
    problems: list[Problem]


def _nest(answers: dict[tuple[Any, ...], Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in answers.items():
        set_at(data, path, value)
    return data


def _about(prompt: Prompt, what: str, fix: str) -> Problem:
    """A problem with one answer, placed at its question and flag: the file is not written yet,
    so a line in it would point at nothing the staff member can open."""
    return Problem(f"項目「{prompt.label()}」（--{prompt.flag}）", 0, prompt.label(), what, fix)


def answer_problems(kind: str, problems: list[Problem]) -> list[Problem]:
    """Validation problems of the file not written, each moved to the answer it came from
    (``sessions[1番目].time（時間）`` at line 10 → the question 時間, ``--time``)."""
    model, prompts, _body = KINDS[kind]
    written = [(describe_field(model, prompt.path)[0], prompt) for prompt in prompts()]
    moved = []
    for problem in problems:
        prompt = next((prompt for field, prompt in written if problem.field == field or problem.field.startswith(f"{field}（")), None)
        moved.append(problem if prompt is None else _about(prompt, problem.what, problem.fix))
    return moved


def _unquoted(answer: str) -> str:
    """The answer without quotes around it: messages show a time as ``"10:00〜12:00"``, the
    way it is written in a file, and the answer typed back from one is the same value."""
    answer = answer.strip()
    if len(answer) >= 2 and answer[0] == answer[-1] and answer[0] in "\"'" and answer[0] not in answer[1:-1]:
        answer = answer[1:-1].strip()
    return answer


def scaffold(kind: str, answers: dict[str, str], settings: DirectorySettings, today: dt.date, content_dir: Path, root: Path) -> Scaffold:
    """Build the file for ``answers`` (flag → value) and validate it; nothing is written here."""
    model, prompts, body = KINDS[kind]
    asked = prompts()
    given = {prompt.flag: _unquoted(answers.get(prompt.flag) or "") for prompt in asked}
    slug = given.get("slug", "")
    path = f"{content_dir.relative_to(root).as_posix() if content_dir.is_relative_to(root) else content_dir}/{kind}/{slug or 'new'}.md"
    problems: list[Problem] = []
    for prompt in asked:
        answer = given[prompt.flag]
        if prompt.required and not answer:
            choices = prompt.choices(settings) if prompt.choices else None
            fix = f"--{prompt.flag} で指定してください（例: --{prompt.flag} {prompt.example or (choices[0] if choices else '…')}）"
            if choices:
                fix += "。書ける値: " + "、".join(choices)
            problems.append(_about(prompt, "まだ決まっていません", fix))
        elif prompt.values is not None and answer and answer not in prompt.values:
            problems.append(_about(prompt, f"「{answer}」は選べる値ではありません", "書ける値: " + "、".join(prompt.values)))
        elif prompt.needs and answer and not given.get(prompt.needs):
            needed = next(other for other in asked if other.flag == prompt.needs)
            problems.append(_about(needed, f"{prompt.label()}（--{prompt.flag}）だけでは載せられません", f"--{needed.flag} で{needed.label()}も指定してください（例: --{needed.flag} {needed.example}）"))
    slug_prompt = next(prompt for prompt in asked if prompt.flag == "slug")
    if slug and not SLUG.match(slug):
        problems.append(_about(slug_prompt, f"「{slug}」に使えない文字があります", f"半角英小文字・数字・ハイフンだけにしてください（例: {slug_prompt.example}）"))
    if slug and (content_dir / kind / f"{slug}.md").exists():
        problems.append(_about(slug_prompt, f"{path} はもうあります", "別の URL名にするか、今あるファイルを直してください"))
    if problems:
        return Scaffold(path, None, problems)
    values = {
        prompt.path: prompt.values[answer] if prompt.values is not None else answer
        for prompt in asked
        if prompt.flag != "slug" and (answer := given[prompt.flag])
    }
    if kind == "employers":
        values[("registered",)] = today
    values[("verified",)] = today
    data = _nest(values)
    ordered = {name: data[name] for name in model.model_fields if name in data}
    text = render_record(kind, ordered, body)
    record, found = validate_text(path, text, model, settings, slug)
    if found:
        return Scaffold(path, None, answer_problems(kind, found))
    if kind == "programs" and record.sessions[0].date < today:
        # A valid date, but a new program's date is still to come: in December and January this
        # is last year's year typed for next January (2026-01-20 for 2027-01-20).
        day = record.sessions[0].date
        date_prompt = next(prompt for prompt in asked if prompt.flag == "date")
        meant = day + relativedelta(years=1)
        fix = "これから開く日を書いてください" + (f"。年の書き間違いなら {meant} です" if meant >= today else "")
        return Scaffold(path, None, [_about(date_prompt, f"日付 {day} は今日（{today}）より前です", fix)])
    return Scaffold(path, text, [])


def _placeholder(prompt: Prompt, settings: DirectorySettings, today: dt.date) -> str:
    """A valid stand-in for an answer not given yet, so that one answer can be validated alone."""
    if not prompt.required:
        return ""
    if prompt.flag == "slug":
        return "answer-being-checked"  # not the example: a file of that name may exist
    if prompt.flag == "date":
        return (today + dt.timedelta(days=30)).isoformat()  # still to come, as a new program's date must be
    choices = prompt.choices(settings) if prompt.choices else None
    return choices[0] if choices else prompt.example


def answer_check(kind: str, settings: DirectorySettings, today: dt.date, content_dir: Path, root: Path) -> Callable[[Prompt, dict[str, Any]], list[Problem]]:
    """``check(prompt, answers)``: the problems of ``prompt``'s answer alone, found by the same
    validation as the whole file, with stand-ins for the answers not given yet (or refused: a
    wrong earlier answer stops the validation before it reaches this one)."""
    prompts = KINDS[kind][1]()

    def check(prompt: Prompt, answers: dict[str, Any]) -> list[Problem]:
        mine = f"（--{prompt.flag}）"
        filled = {other.flag: (answers.get(other.flag) or "") for other in prompts}
        for other in prompts:
            if other is not prompt and not filled[other.flag].strip():
                filled[other.flag] = _placeholder(other, settings, today)
        for _round in prompts:
            result = scaffold(kind, filled, settings, today, content_dir, root)
            if any(mine in problem.path for problem in result.problems):
                return [problem for problem in result.problems if mine in problem.path]
            others = [other for other in prompts if other is not prompt and any(f"（--{other.flag}）" in problem.path for problem in result.problems)]
            stand_ins = {other.flag: _placeholder(other, settings, today) for other in others}
            if not others or all(filled[flag] == value for flag, value in stand_ins.items()):
                return []  # nothing more this answer can be blamed for (or found only with the others)
            filled.update(stand_ins)
        return []

    return check


def ask(
    prompts: list[Prompt], answers: dict[str, str | None], settings: DirectorySettings, read: Callable[[str], str] = input, write: Callable[[str], None] = print,
    check: Callable[[Prompt, dict[str, Any]], list[Problem]] | None = None,
) -> dict[str, str]:
    """Ask in the terminal for every answer not given as a flag; choices are picked by number.

    With ``check``, each answer is checked as it is given: what is wrong is said at once and the
    same question asked again (until it is right, or the input ends: Ctrl+C or Ctrl+D stops, and
    the caller says that no file was made). A wrong flag is said first, then asked for."""
    answers = dict(answers)
    for prompt in prompts:
        if prompt.needs and not (answers.get(prompt.needs) or "").strip():
            # What it belongs to was skipped (asked again after 「電話番号だけでは載せられません」
            # and skipped again: the number goes too, rather than asking round and round).
            answers[prompt.flag] = ""
            continue
        given = answers.get(prompt.flag)
        if given is not None and (given.strip() or not prompt.required):
            wrong = check(prompt, answers) if check and given.strip() else []
            if not wrong:
                continue  # answered (an optional answer may be left empty on purpose)
            for problem in wrong:
                write(f"  {problem.field}: {problem.what}。→ {problem.fix}")
        choices = prompt.choices(settings) if prompt.choices else None
        if choices:
            write(f"{prompt.label()}を番号で選んでください:")
            for number, choice in enumerate(choices, 1):
                write(f"  {number}. {choice}")
        hint = prompt.hint(choices)
        refused = 0
        while True:
            reply = read(f"{prompt.label()}{hint}: ").strip()
            wrong_what = ""
            if choices and reply.isdigit():
                if 1 <= int(reply) <= len(choices):
                    reply = choices[int(reply) - 1]
                else:
                    wrong_what = f"  {reply} 番はありません。→ 1 から {len(choices)} の番号で選んでください"
            elif not reply and prompt.required:
                wrong_what = "  空欄にはできません。"
            if not wrong_what and reply and check:
                wrong_what = "\n".join(f"  {problem.what}。→ {problem.fix}" for problem in check(prompt, {**answers, prompt.flag: reply}))
            if not wrong_what:
                break
            write(wrong_what)
            refused += 1
            if refused == 3:
                write("  （やめるときは Ctrl+C を押してください。ファイルは作りません）")
        answers[prompt.flag] = reply
    return answers


def scaffold_in_terminal(
    kind: str, answers: dict[str, str], settings: DirectorySettings, today: dt.date, content_dir: Path, root: Path,
    read: Callable[[str], str] = input, write: Callable[[str], None] = print, attempts: int = 5,
) -> Scaffold:
    """Ask for what is missing; when an answer does not validate, say why and ask only that again."""
    prompts = KINDS[kind][1]()
    check = answer_check(kind, settings, today, content_dir, root)
    answers = dict(answers)
    result = Scaffold("", None, [])
    for _attempt in range(attempts):
        answers = ask(prompts, answers, settings, read, write, check)
        result = scaffold(kind, answers, settings, today, content_dir, root)
        retry = [prompt for prompt in prompts if any(prompt.label() in problem.field for problem in result.problems)]
        if not result.problems or not retry:
            return result
        for problem in result.problems:
            write(f"  {problem.field}: {problem.what}。→ {problem.fix}")
        for prompt in retry:
            answers[prompt.flag] = None
    return result
