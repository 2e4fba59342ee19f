"""What the exporters read: employers as they are, and programs as dated occurrences.

Every program export (programs.json, programs.csv, HSDS schedules, schema.org Events) works on
one flat list of ``OccurrenceRecord``, computed once per build by ``program_occurrences``. Only
that function knows where the dates come from (the calendar's occurrences, with recurrence,
holidays, cancellations), so the exporters do not depend on the calendar's types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional, Union

from ..calendar import CANCELLED
from ..directory import Directory
from ..models.program import Place, Program
from ..models.values import TimeRange

@dataclass(frozen=True)
class OccurrenceRecord:
    """One dated meeting of a program, as the exports need it."""

    program: Program
    date: dt.date
    time: Optional[TimeRange]
    title: Optional[str]
    cancelled: bool = False
    note: Optional[str] = None
    """Why it was cancelled, when it was."""
    full: bool = False
    key: str = ""
    """The calendar's stable key (the program's first URL name and the date, with the place in the day for a day's second meeting: ``occurrence_key``), also the ICS UID's base."""
    start: Union[dt.datetime, dt.date, None] = None
    end: Union[dt.datetime, dt.date, None] = None
    """The calendar's start and end: aware datetimes in Asia/Tokyo (a meeting that ends at
    24:00 ends at 0:00 the next day), or the date alone for a meeting without a time."""
    place: Optional[Place] = None
    """Where the meeting is held: the occurrence's place (its own, a session's or extra date's;
    else its rule period's; else the program's)."""

    @property
    def id(self) -> str:
        return self.key or f"{self.program.first_slug}-{self.date:%Y%m%d}"

    @property
    def status(self) -> str:
        """``scheduled``, ``full`` or ``cancelled``. Deliberately not 終了: whether a meeting is
        past depends on the day the data is read, not on the data, so files stay the same
        from one daily build to the next."""
        return "cancelled" if self.cancelled else "full" if self.full else "scheduled"

    @property
    def start_iso(self) -> str:
        """ISO 8601 with the Japanese offset, or the date alone when no time is given."""
        return (self.start or self.date).isoformat()

    @property
    def end_iso(self) -> Optional[str]:
        return self.end.isoformat() if self.time is not None and self.end is not None else None


def program_occurrences(directory: Directory) -> list[OccurrenceRecord]:
    """All occurrences of all programs from the calendar (computed once per build), by program
    (in directory order) then date."""
    return [
        OccurrenceRecord(
            program,
            occurrence.date,
            occurrence.time,
            occurrence.title,
            cancelled=occurrence.status == CANCELLED,
            note=occurrence.cancel_reason,
            full=occurrence.marked_full,
            key=occurrence.key,
            start=occurrence.start,
            end=occurrence.end,
            place=occurrence.place,
        )
        for program in directory.programs
        for occurrence in directory.occurrences(program)
    ]


def occurrences_by_program(records: list[OccurrenceRecord]) -> dict[str, list[OccurrenceRecord]]:
    grouped: dict[str, list[OccurrenceRecord]] = {}
    for record in records:
        grouped.setdefault(record.program.slug or "", []).append(record)
    return grouped


def without_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Optional fields (HSDS, schema.org) are left out when empty rather than written as null."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def hhmm(time: Optional[TimeRange], which: str) -> Optional[str]:
    """``09:00`` style start or end of a time range (HSDS and CSV want zero-padded times)."""
    if time is None:
        return None
    clock = getattr(time, which)
    return f"{clock.hour:02d}:{clock.minute:02d}"
