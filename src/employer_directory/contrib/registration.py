"""Turn a registration issue (the body GitHub writes for the issue form) into an employer file.

GitHub renders a submitted issue form as one section per question::

    ### 事業所名

    しらかば農園

    ### 従業員数

    _No response_

The answers are read with the questions of ``issue_forms.registration_questions`` (the label
is the key), assembled into the employer's front-matter, and the resulting file is checked by
the same validation as every other content file. Problems come back located in the issue
body (line and question), worded for the person who will fix them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..loading import validate_text
from ..models.employer import Employer
from ..models.values import halfwidth
from ..problems import Problem
from ..settings import SLUG, DirectorySettings
from ..vocabulary import OFFER_TYPES
from .issue_forms import CONSENT_LABEL, YES_NO, Question, offer_keys, registration_questions, task_columns
from .record_file import render_record, set_at

NO_RESPONSE = "_No response_"
CHECKED = re.compile(r"^\s*-\s*\[[xX]\]\s*(.+?)\s*$")
LIST_SEPARATORS = re.compile(r"\s*[、,，・]\s*")
TASK_SEPARATOR = re.compile(r"\s*[/／]\s*")
FIELD_STEPS = re.compile(r"\[\d+番目\]|[^.\[]+")


@dataclass(frozen=True)
class Answer:
    text: str
    """The answer, stripped; empty when GitHub wrote ``_No response_``."""
    line: int
    """1-based line of the ``### label`` heading in the issue body."""
    first_line: int
    """1-based line where the answer text starts."""


@dataclass
class Registration:
    """The outcome of reading one issue: a file to write, or what is missing."""

    slug: str | None
    text: str | None
    problems: list[Problem]

    @property
    def path(self) -> str:
        return f"content/employers/{self.slug}.md"


def split_sections(body: str, labels: set[str]) -> dict[str, Answer]:
    """``### label`` sections of an issue body; a heading that is not a form label is answer text."""
    lines = body.replace("\r\n", "\n").split("\n")
    starts = [(index, line[4:].strip()) for index, line in enumerate(lines) if line.startswith("### ") and line[4:].strip() in labels]
    sections: dict[str, Answer] = {}
    for position, (index, label) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        chunk = lines[index + 1 : end]
        first = next((offset for offset, text in enumerate(chunk) if text.strip()), 0)
        text = "\n".join(chunk).strip()
        sections[label] = Answer("" if text == NO_RESPONSE else text, index + 1, index + 2 + first)
    return sections


def _split_list(text: str) -> list[str]:
    return [item for item in LIST_SEPARATORS.split(text.strip()) if item]


class _Reader:
    """Collects the front-matter and, for every field written, where in the issue it came from."""

    def __init__(self, source: str, settings: DirectorySettings):
        self.source = source
        self.settings = settings
        self.data: dict[str, Any] = {}
        self.origin: dict[str, tuple[str, int]] = {}
        self.problems: list[Problem] = []

    def problem(self, question: Question, line: int, what: str, fix: str) -> None:
        self.problems.append(Problem(self.source, line, question.label, what, fix))

    def read(self, question: Question, answer: Answer | None) -> None:
        line = answer.line if answer else 1
        self.origin.setdefault(".".join(question.path) if question.path[0] != "offers" else "offers", (question.label, line))
        if answer is None:
            if question.required:
                self.problem(question, 1, "この質問がありません（古いフォームか、見出しが消されています）", f"「### {question.label}」の見出しと答えを足してください")
            return
        text = answer.text
        if not text:
            return  # required-but-empty answers are reported by validation, with the field's wording
        if question.path[0] == "offers":
            self.read_offer(question, answer)
        elif question.id == "tasks":
            self.read_tasks(question, answer)
        elif question.type == "checkboxes":
            set_at(self.data, question.path, [m.group(1) for m in map(CHECKED.match, text.splitlines()) if m])
        elif question.type == "dropdown" and question.options == YES_NO:
            set_at(self.data, question.path, text.strip() == YES_NO[0])
        elif question.id == "matching":
            items = [line.strip().lstrip("-・*").strip() for line in text.splitlines()]
            set_at(self.data, question.path, [item for item in items if item])
            for index, number in enumerate(n for n, item in enumerate(items) if item):
                self.origin[f"matching[{index + 1}番目]"] = (question.label, answer.first_line + number)
        elif question.path == ("bring",):
            set_at(self.data, question.path, _split_list(text))
        elif question.path[-1] in {"headcount", "phone"}:
            value = halfwidth(text).strip()
            set_at(self.data, question.path, int(value) if question.path[-1] == "headcount" and value.isdigit() else value)
        else:
            set_at(self.data, question.path, text)

    def read_offer(self, question: Question, answer: Answer) -> None:
        term = next(term for term in OFFER_TYPES if term.id == question.path[1])
        keys = offer_keys()
        offer: dict[str, Any] = {"type": term.label}
        content: list[str] = []
        for number, raw in enumerate(answer.text.splitlines()):
            line = raw.strip()
            if not line:
                continue
            key, _, value = (part.strip() for part in re.split(r"([:：])", line, maxsplit=1)) if re.search(r"[:：]", line) else (line, "", "")
            name = keys.get(key)
            if name is None:
                content.append(line)
                continue
            value = halfwidth(value) if name in {"capacity", "hours", "days"} else value
            if name == "days":
                offer[name] = _split_list(value.replace(" ", ","))
            elif name == "capacity":
                offer[name] = int(value) if value.isdigit() else value
            else:
                offer[name] = value
        offer["content"] = " ".join(content)
        self.data.setdefault("offers", []).append(offer)
        self.origin[f"offers[{len(self.data['offers'])}番目]"] = (question.label, answer.line)

    def read_tasks(self, question: Question, answer: Answer) -> None:
        columns = task_columns()
        tasks = []
        for number, raw in enumerate(answer.text.splitlines()):
            line = raw.strip().lstrip("-・*").strip()
            if not line:
                continue
            line_number = answer.first_line + number
            qualification = line.startswith(("★", "☆"))
            cells = TASK_SEPARATOR.split(line.lstrip("★☆").strip())
            if len(cells) < 5:
                wanted = " / ".join(title for _, title in columns)
                self.problem(question, line_number, f"作業「{cells[0]}」の区切りが {len(cells)} つしかありません", f"「{wanted}」の順に「/」で区切って書いてください")
                continue
            task: dict[str, Any] = {}
            for (name, _title), cell in zip(columns, cells):
                if not cell or cell in {"-", "ー"}:
                    continue
                if name == "minutes":
                    cell = halfwidth(cell).removesuffix("分")
                    task[name] = int(cell) if cell.isdigit() else cell
                elif name == "checks":
                    task[name] = _split_list(cell)
                else:
                    task[name] = cell
            if qualification:
                task["qualification"] = True
            tasks.append(task)
            self.origin[f"tasks[{len(tasks)}番目]"] = (question.label, line_number)
        if tasks:
            set_at(self.data, question.path, tasks)

    def locate(self, problem: Problem) -> Problem:
        """A validation problem of the generated file, pointed back at the issue's question."""
        written = problem.field.split("（", 1)[0]
        steps = FIELD_STEPS.findall(written)
        for end in range(len(steps), 0, -1):
            key = "".join(step if step.startswith("[") else ("." if index else "") + step for index, step in enumerate(steps[:end]))
            if key in self.origin:
                label, line = self.origin[key]
                detail = "" if end == len(steps) else f"（{problem.field}）"
                fix = problem.fix
                if "行を追加" in fix:  # worded for a YAML file; the requester answers a question
                    fix = "受け入れ（見学・就労体験など）の少なくとも1つに書いてください" if key == "offers" else f"「{label}」に答えを書いてください"
                return Problem(self.source, line, label + detail, problem.what, fix)
        return Problem(self.source, 1, problem.field, problem.what, problem.fix)


def employer_from_issue(
    body: str, settings: DirectorySettings, today: dt.date, source: str = "issue本文", slug: str | None = None
) -> Registration:
    """Read a registration issue body; the file text when it validates, else located problems."""
    questions = registration_questions(settings)
    sections = split_sections(body, {question.label for question in questions} | {CONSENT_LABEL})
    reader = _Reader(source, settings)
    for question in questions:
        reader.read(question, sections.get(question.label))
    data = reader.data
    slug = (slug or data.pop("slug", "") or "").strip() or None
    data.pop("slug", None)
    slug_question = next(question for question in questions if question.id == "slug")
    slug_line = sections[slug_question.label].line if slug_question.label in sections else 1
    if slug is None:
        reader.problem(slug_question, slug_line, "URL名（ファイル名）が決まっていません", "半角英小文字で決めて、from-issue --slug shirakaba-farm のように指定してください")
    elif not SLUG.match(slug):
        reader.problem(slug_question, slug_line, f"URL名「{slug}」に使えない文字があります", "半角英小文字・数字・ハイフンだけにしてください（例: shirakaba-farm）")
        slug = None
    data["registered"] = today
    data["verified"] = today
    ordered = {name: data[name] for name in Employer.model_fields if name in data}
    text = render_record("employers", ordered)
    shown = f"content/employers/{slug or 'new-employer'}.md"
    _record, found = validate_text(shown, text, Employer, settings, slug or "new-employer")
    problems = reader.problems + [reader.locate(problem) for problem in found if problem.field != "(ファイル名)"]
    problems.sort(key=lambda problem: problem.line)
    return Registration(slug, None if problems else text, problems)
