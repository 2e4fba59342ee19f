"""What the exporters read: employers as they are, and programs as dated occurrences.

Every program export (programs.json, programs.csv, HSDS schedules, schema.org Events) works on
one flat list of ``OccurrenceRecord``, computed once per build by ``program_occurrences``. Only
that function knows where the dates come from, so a richer calendar (recurrence, cancellations)
changes it and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..directory import Directory
from ..models.program import Program
from ..models.values import TimeRange

JST = "+09:00"
"""Programs take place in Japan; times in the content are Asia/Tokyo local times (no DST)."""


@dataclass(frozen=True)
class OccurrenceRecord:
    """One dated meeting of a program."""

    program: Program
    date: dt.date
    time: Optional[TimeRange]
    title: Optional[str]
    """The theme of that meeting, if it has one."""
    cancelled: bool = False
    note: Optional[str] = None

    @property
    def id(self) -> str:
        """Unique within the directory: program slug and date (a program meets at most once a day)."""
        return f"{self.program.slug}-{self.date.isoformat()}"

    @property
    def status(self) -> str:
        return "cancelled" if self.cancelled else "scheduled"

    @property
    def start_iso(self) -> str:
        """ISO 8601 with the Japanese offset, or the date alone when no time is given."""
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time.start.hour:02d}:{self.time.start.minute:02d}:00{JST}"

    @property
    def end_iso(self) -> Optional[str]:
        if self.time is None:
            return None
        end = self.time.end
        if end.hour == 24:
            return f"{(self.date + dt.timedelta(days=1)).isoformat()}T00:00:00{JST}"
        return f"{self.date.isoformat()}T{end.hour:02d}:{end.minute:02d}:00{JST}"


def program_occurrences(directory: Directory) -> list[OccurrenceRecord]:
    """All occurrences of all programs, by program (in directory order) then date."""
    return [
        OccurrenceRecord(program, session.date, session.time, session.title)
        for program in directory.programs
        for session in program.sessions
    ]


def occurrences_by_program(records: list[OccurrenceRecord]) -> dict[str, list[OccurrenceRecord]]:
    grouped: dict[str, list[OccurrenceRecord]] = {}
    for record in records:
        grouped.setdefault(record.program.slug or "", []).append(record)
    return grouped


def hhmm(time: Optional[TimeRange], which: str) -> Optional[str]:
    """``09:00`` style start or end of a time range (HSDS and CSV want zero-padded times)."""
    if time is None:
        return None
    clock = getattr(time, which)
    return f"{clock.hour:02d}:{clock.minute:02d}"


@dataclass(frozen=True)
class SiteAddress:
    """Where the pages live, for absolute URLs in the data (data is read away from the site)."""

    site_url: str

    def employer(self, slug: str) -> str:
        return f"{self.base}employers/{slug}/"

    def program(self, slug: str) -> str:
        return f"{self.base}programs/{slug}/"

    @property
    def base(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"
