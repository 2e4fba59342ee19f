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


def event_bytes(occurrence: Occurrence, program: "Program", page_url: str, domain: str) -> bytes:
    event = icalendar.Event()
    event.add("uid", f"{occurrence.key}@{domain}")
    # DTSTAMP must be UTC; it comes from the data (情報確認日) so rebuilds give the same bytes.
    event.add("dtstamp", dt.datetime.combine(program.verified, dt.time(), dt.timezone.utc))
    event.add("last-modified", dt.datetime.combine(program.verified, dt.time(), dt.timezone.utc))
    if occurrence.all_day:
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end + dt.timedelta(days=1))
    else:
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end)
    summary = program.title + (f"「{occurrence.title.strip('「」')}」" if occurrence.title else "")
    if occurrence.status == CANCELLED:
        summary = "【中止】" + summary
    elif occurrence.status == FULL:
        summary = "【満員】" + summary
    event.add("summary", summary)
    place = program.place
    event.add("location", place.name + (f" {place.address}" if place.address else ""))
    lines = [program.summary]
    if occurrence.status == CANCELLED and occurrence.cancel_reason:
        lines.insert(0, f"中止: {occurrence.cancel_reason}")
    if place.online and place.join:
        lines.append(place.join)
    lines.append(page_url)
    event.add("description", "\n".join(lines))
    event.add("url", page_url)
    event.add("categories", [program.kind])
    if occurrence.status == CANCELLED:
        event.add("status", "CANCELLED")
        event.add("sequence", 1)
    else:
        event.add("status", "CONFIRMED")
        event.add("sequence", 0)
    event.add("transp", "OPAQUE")
    return event.to_ical()


def ics_path_for_program(slug: str) -> str:
    return f"calendar/{slug}.ics"


def ics_path_for_occurrence(occurrence: Occurrence) -> str:
    return f"calendar/events/{occurrence.key}.ics"


def build_feeds(calendar: ProgramCalendar, site_url: str, site_name: str, single_files: bool = True) -> list[IcsFile]:
    """The all-programs feed, one feed per program, and one file per coming meeting."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    domain = uid_domain(site_url)
    serialised: dict[str, bytes] = {}
    files: list[IcsFile] = []
    for slug, occurrences in calendar.by_program.items():
        program = calendar.program(slug)
        page_url = f"{base}programs/{slug}/"
        events = []
        for occurrence in occurrences:
            data = event_bytes(occurrence, program, page_url, domain)
            serialised[occurrence.key] = data
            events.append(data)
            if single_files and occurrence.status in (OPEN, FULL):
                files.append(IcsFile(ics_path_for_occurrence(occurrence), _calendar(program.title, [data])))
        files.append(IcsFile(ics_path_for_program(slug), _calendar(f"{program.title}（{site_name}）", events)))
    files.append(IcsFile("calendar/all.ics", _calendar(f"{site_name} プログラム", (serialised[o.key] for o in calendar.all))))
    files.sort(key=lambda f: f.path)
    return files
