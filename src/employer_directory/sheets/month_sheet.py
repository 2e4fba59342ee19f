"""The month calendar sheet for the counter (A4 landscape), printed from the calendar's month pages.

The month grid itself is the calendar's (``employer_directory.calendar.month_view``); the sheet
adds what a wall calendar needs beside it: each program of the month with its place and dates,
so that the grid cells can stay short and large enough to read from a metre away.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..calendar.month_view import MonthView
from ..calendar.occurrences import Occurrence
from ..directory import Directory
from ..models.program import Program
from .employer_sheets import place_label


@dataclass(frozen=True)
class MonthProgramLine:
    program: Program
    occurrences: tuple[Occurrence, ...]
    """This program's meetings in the month at one place, in date order (cancelled ones
    included, marked)."""

    @property
    def place(self) -> str:
        return place_label(self.occurrences[0].place)

    @property
    def by_time(self) -> list[tuple[str, tuple[Occurrence, ...]]]:
        """The meetings grouped by time range, in order of first appearance: a weekly program
        reads 「10:00〜11:30 7日(月)、14日(月)…」 with its time once, which keeps a busy month on
        one sheet."""
        groups: dict[str, list[Occurrence]] = {}
        for occurrence in self.occurrences:
            groups.setdefault(occurrence.time_label, []).append(occurrence)
        return [(time, tuple(found)) for time, found in groups.items()]


def month_program_lines(view: MonthView, directory: Directory) -> list[MonthProgramLine]:
    """Programs meeting in ``view``'s month, in the order of their first meeting: one line per
    program and place (a group that moves with its new rule period in the month has two)."""
    grouped: dict[tuple[str, str], list[Occurrence]] = {}
    for day in view.days_with_occurrences:
        for occurrence in day.occurrences:
            grouped.setdefault((occurrence.program_slug, place_label(occurrence.place)), []).append(occurrence)
    return [MonthProgramLine(directory.calendar.program(slug), tuple(occurrences)) for (slug, _place), occurrences in grouped.items()]
