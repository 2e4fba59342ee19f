"""Blank forms to print and fill in by hand; nothing typed in them is ever stored.

* しごと体験等参加者の自己紹介書 (seed 004): what the participant wants the employer to know,
  including whether they have worked before (seed 000: 就労の経験の有無).
* 業務・作業洗い出しシート (seed 003's care-home example): the day split into tasks, with what
  you do, minutes and ★ for tasks that need a qualification. The time cells are blank: staff write
  the hour where it begins, since days start anywhere from 6:00 (seed 003's care home: 7:00) and an
  hour may hold one task or five. Two more columns ask where each task is done and how heavy it
  is, with the employer file's words printed to circle: both are required in ``tasks:`` and are not
  on seed 003's sheet, so without them the staff would guess or phone the employer back.
* 事業所ヒアリングシート (seed 003's ヒアリングシート, taken on the visit before the work is broken
  into tasks): every item of the employer file that the task breakdown sheet does not ask, in the
  order of seed 000's pamphlet entry. The lists to circle (業種, 地域, 配慮, the ladder's steps,
  曜日) are the file's own words, from mkdocs.yml and the vocabulary (``form_choices``), so the
  paper never offers an answer the file would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..vocabulary import LOADS, OFFER_TYPES, SETTINGS, WEEKDAYS

if TYPE_CHECKING:
    from ..settings import DirectorySettings


@dataclass(frozen=True)
class TaskExample:
    """A filled-in row printed above the blank ones (記入例), from seed 003's care-home sheet."""

    time: str
    name: str
    content: str
    minutes: str
    setting: str
    load: str
    qualification: bool = False


@dataclass(frozen=True)
class BlankForm:
    slug: str
    title: str
    template: str
    time_rows: list[str] = field(default_factory=list)
    """Labels of the time column, one per printed row ("" for a cell staff fill in)."""
    examples: tuple[TaskExample, ...] = ()

    @property
    def src_uri(self) -> str:
        return f"forms/{self.slug}.md"


TASK_BREAKDOWN_EXAMPLES = (
    TaskExample("7:00", "引継ぎ", "夜勤より", "5", "屋内", "軽い"),
    TaskExample("", "モーニングケア", "口腔ケア", "10", "屋内", "ふつう", qualification=True),
)


@dataclass(frozen=True)
class FormChoices:
    """Words a form prints for staff to circle: the site's lists (mkdocs.yml), the ladder and the
    task sheet's columns (the vocabulary)."""

    categories: tuple[str, ...]
    areas: tuple[str, ...]
    accommodations: tuple[str, ...]
    stages: tuple[str, ...] = tuple(term.label for term in OFFER_TYPES)
    weekdays: tuple[str, ...] = WEEKDAYS
    settings: tuple[str, ...] = tuple(value for value in SETTINGS if value in ("屋内", "屋外"))
    """A task's 作業場所, in each row of the task sheet; 屋内と屋外 is both circled (its foot says so)."""
    loads: tuple[str, ...] = LOADS


def form_choices(settings: DirectorySettings) -> FormChoices:
    return FormChoices(
        categories=tuple(term.label for term in settings.category_terms()),
        areas=tuple(term.label for term in settings.area_terms()),
        accommodations=tuple(term.label for term in settings.accommodation_terms()),
    )


TASK_BREAKDOWN_ROWS = 22
"""Rows of the task breakdown sheet below its two example rows: as many as fit one A4 page with
room to write. Their time cells are blank (staff write 6:00, 7:00 … where an hour begins)."""


BLANK_FORMS: tuple[BlankForm, ...] = (
    BlankForm("self-introduction", "しごと体験等参加者の自己紹介書", "sheets/form_self_introduction.html"),
    BlankForm("task-breakdown", "業務・作業洗い出しシート", "sheets/form_task_breakdown.html", [""] * TASK_BREAKDOWN_ROWS, TASK_BREAKDOWN_EXAMPLES),
    BlankForm("hearing", "事業所ヒアリングシート", "sheets/form_hearing.html"),
)
