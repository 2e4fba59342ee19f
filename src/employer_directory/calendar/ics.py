"""ICS (iCalendar, RFC 5545) feeds of the programs, made with the ``icalendar`` library.

Feeds list **expanded occurrences**, one VEVENT per meeting, rather than one VEVENT with
RRULE + EXDATE. The reasons (also in the README):

* meetings of one series differ: each has its own theme (SUMMARY), some are 中止 (STATUS:
  CANCELLED) or 満員, some were added by hand (extra dates). With an RRULE each of those needs
  an overriding VEVENT with RECURRENCE-ID, which calendar apps handle unevenly (Google
  Calendar subscriptions in particular);
* holidays and closures would become long EXDATE lists that must match DTSTART's value type
  and time zone exactly; expanded events cannot get this wrong;
* rules are limited to about three years, so the number of events stays small.

Everything is deterministic: the UID is the occurrence key plus the site's host, DTSTAMP is
the program's 情報確認日 (not the clock), events are in a fixed order. Each event is serialised
once and the same bytes are used in the all-programs feed, the program's feed and the
single-meeting file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlsplit

import icalendar

from .occurrences import CANCELLED, FULL, OPEN, Occurrence, ProgramCalendar

if TYPE_CHECKING:  # pragma: no cover
    from ..models.program import Program

PRODID = "-//employer-directory//program calendar//JA"
TZID = "Asia/Tokyo"
CRLF = b"\r\n"


@lru_cache(maxsize=1)
def _vtimezone() -> bytes:
    return icalendar.Timezone.from_tzid(TZID).to_ical()


def _header(name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    text = calendar.to_ical()
    return text[: text.rindex(b"END:VCALENDAR")]


def _calendar(name: str, events: Iterable[bytes]) -> bytes:
    return _header(name) + _vtimezone() + b"".join(events) + b"END:VCALENDAR" + CRLF


@dataclass(frozen=True)
class IcsFile:
    path: str
    """Path under the site root, e.g. ``calendar/all.ics``."""
    content: bytes


def uid_domain(site_url: str | None) -> str:
    return urlsplit(site_url or "").hostname or "employer-directory.invalid"


def _properties(pairs: list[tuple[str, object]]) -> bytes:
    """Content lines of some VEVENT properties, serialised (and folded) by icalendar."""
    event = icalendar.Event()
    for name, value in pairs:
        event.add(name, value)
    raw = event.to_ical()
    return raw[len(b"BEGIN:VEVENT\r\n") : -len(b"END:VEVENT\r\n")]


@lru_cache(maxsize=65536)
def _line(name: str, value: object) -> bytes:
    """One property's content line(s); meetings share many (times, themes, statuses)."""
    return _properties([(name, value)])


class _ProgramEvents:
    """Serialises a program's events. The properties that all its meetings share (place,
    description, URL, DTSTAMP) are serialised once; each meeting adds its own lines."""

    def __init__(self, program: "Program", page_url: str, domain: str):
        self.program = program
        self.domain = domain
        place = program.place
        stamp = dt.datetime.combine(program.verified, dt.time(), dt.timezone.utc)
        self.details = [program.summary] + ([place.join] if place.online and place.join else []) + [page_url]
        self.shared = _properties(
            [
                # DTSTAMP must be UTC; it comes from the data (情報確認日) so rebuilds give the same bytes.
                ("dtstamp", stamp),
                ("last-modified", stamp),
                ("location", place.name + (f" {place.address}" if place.address else "")),
                ("url", page_url),
                ("categories", [program.kind]),
                ("transp", "OPAQUE"),
            ]
        )
        self.description = _properties([("description", "\n".join(self.details))])

    def event(self, occurrence: Occurrence) -> bytes:
        program = self.program
        summary = program.title + (f"「{occurrence.title.strip('「」')}」" if occurrence.title else "")
        if occurrence.status == CANCELLED:
            summary = "【中止】" + summary
        elif occurrence.status == FULL:
            summary = "【満員】" + summary
        cancelled = occurrence.status == CANCELLED
        end = occurrence.end + dt.timedelta(days=1) if occurrence.all_day else occurrence.end
        lines = [
            _line("uid", f"{occurrence.key}@{self.domain}"),
            _line("dtstart", occurrence.start),
            _line("dtend", end),
            _line("summary", summary),
            _line("status", "CANCELLED" if cancelled else "CONFIRMED"),
            _line("sequence", 1 if cancelled else 0),
        ]
        if cancelled and occurrence.cancel_reason:
            lines.append(_line("description", "\n".join([f"中止: {occurrence.cancel_reason}", *self.details])))
            description = b""
        else:
            description = self.description
        return b"BEGIN:VEVENT\r\n" + b"".join(lines) + self.shared + description + b"END:VEVENT\r\n"


def event_bytes(occurrence: Occurrence, program: "Program", page_url: str, domain: str) -> bytes:
    """One VEVENT for one meeting (see build_feeds for the fast path over many meetings)."""
    return _ProgramEvents(program, page_url, domain).event(occurrence)


SINGLE_FILE_DAYS = 92
SINGLE_FILES_PER_PROGRAM = 6
"""Add-to-calendar files are made for the next few meetings of each program within about three
months; the daily rebuild moves the window along. The feeds hold every meeting."""


def ics_path_for_program(slug: str) -> str:
    return f"calendar/{slug}.ics"


def ics_path_for_occurrence(occurrence: Occurrence) -> str:
    return f"calendar/events/{occurrence.key}.ics"


def single_file_keys(calendar: ProgramCalendar) -> set[str]:
    """Keys of the meetings that get their own add-to-calendar file."""
    horizon = calendar.today + dt.timedelta(days=SINGLE_FILE_DAYS)
    keys = set()
    for occurrences in calendar.by_program.values():
        chosen = [o for o in occurrences if o.status in (OPEN, FULL) and calendar.today <= o.date <= horizon]
        keys.update(o.key for o in chosen[:SINGLE_FILES_PER_PROGRAM])
    return keys


def build_feeds(calendar: ProgramCalendar, site_url: str, site_name: str, single_files: bool = True) -> list[IcsFile]:
    """The all-programs feed, one feed per program, and one file per coming meeting."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    domain = uid_domain(site_url)
    singles = single_file_keys(calendar) if single_files else set()
    serialised: dict[str, bytes] = {}
    files: list[IcsFile] = []
    for slug, occurrences in calendar.by_program.items():
        program = calendar.program(slug)
        maker = _ProgramEvents(program, f"{base}programs/{slug}/", domain)
        events = []
        for occurrence in occurrences:
            data = maker.event(occurrence)
            serialised[occurrence.key] = data
            events.append(data)
        header = _header(program.title)
        for occurrence in occurrences:
            if occurrence.key in singles:
                files.append(IcsFile(ics_path_for_occurrence(occurrence), header + _vtimezone() + serialised[occurrence.key] + b"END:VCALENDAR" + CRLF))
        files.append(IcsFile(ics_path_for_program(slug), _calendar(f"{program.title}（{site_name}）", events)))
    files.append(IcsFile("calendar/all.ics", _calendar(f"{site_name} プログラム", (serialised[o.key] for o in calendar.all))))
    files.sort(key=lambda f: f.path)
    return files
