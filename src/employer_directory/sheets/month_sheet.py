"""The month calendar sheet for the counter (A4 landscape), printed from the calendar's month pages.

The month grid itself is the calendar's (``employer_directory.calendar.month_view``); the sheet
adds what a wall calendar needs beside it: each program of the month with its place and dates,
so that the grid cells can stay short and large enough to read from a metre away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar.month_view import MonthView
from ..calendar.occurrences import Occurrence
from ..directory import Directory
from ..models.employer import Employer
from ..models.program import Program
from .employer_sheets import place_label


@dataclass(frozen=True)
class MonthLinePause:
    """A related employer's pause (受け入れ休止) that falls on some of a line's meetings
    (Directory.paused_at): the grid's chip beside each meeting is cut off in a busy month, so the
    programs table says it once per line."""

    employer: Employer
    since: dt.date | None
    """The pause's first day when the line meets before it in the month (those meetings are not
    in the pause: 「12月10日(木)から」); None when it covers the line's first meeting."""


@dataclass(frozen=True)
class MonthProgramLine:
    program: Program
    occurrences: tuple[Occurrence, ...]
    """This program's meetings in the month at one place, in date order (cancelled ones
    included, marked)."""
    pauses: tuple[MonthLinePause, ...] = ()

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
    return [
        MonthProgramLine(directory.calendar.program(slug), tuple(occurrences), line_pauses(occurrences, directory))
        for (slug, _place), occurrences in grouped.items()
    ]


def line_pauses(occurrences: list[Occurrence], directory: Directory) -> tuple[MonthLinePause, ...]:
    """The pauses of the line's employers that fall on any of its meetings, each once, in the order
    met."""
    first_day = occurrences[0].date
    found: dict[str, Employer] = {}
    for occurrence in occurrences:
        for employer in directory.paused_at(occurrence):
            found.setdefault(employer.slug or "", employer)
    return tuple(
        MonthLinePause(employer, employer.paused.start if employer.paused.start and employer.paused.start > first_day else None)
        for employer in found.values()
        if employer.paused is not None
    )
