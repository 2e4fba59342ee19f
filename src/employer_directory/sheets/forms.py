"""Blank forms to print and fill in by hand; nothing typed in them is ever stored.

* しごと体験等参加者の自己紹介書 (seed 004): what the participant wants the employer to know.
* 業務・作業洗い出しシート (seed 003's care-home example): the day split into tasks, with what
  you do, minutes and ★ for tasks that need a qualification.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BlankForm:
    slug: str
    title: str
    template: str
    time_rows: list[str] = field(default_factory=list)
    """Labels of the time column, one per printed row ("" for a blank row under an hour)."""

    @property
    def src_uri(self) -> str:
        return f"forms/{self.slug}.md"


def _time_rows(first_hour: int, last_hour: int, rows_per_hour: int) -> list[str]:
    rows: list[str] = []
    for hour in range(first_hour, last_hour + 1):
        rows.append(f"{hour}:00")
        rows.extend([""] * (rows_per_hour - 1))
    return rows


BLANK_FORMS: tuple[BlankForm, ...] = (
    BlankForm("self-introduction", "しごと体験等参加者の自己紹介書", "sheets/form_self_introduction.html"),
    # 8:00 to 17:00, two lines an hour: one A4 page, as on seed 003's sheet.
    BlankForm("task-breakdown", "業務・作業洗い出しシート", "sheets/form_task_breakdown.html", _time_rows(8, 17, 2)),
)
