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

Everything is deterministic: the UID is the occurrence key plus the site's host (the key
is made from the program's first URL name and the date, not the time, so a renamed program's
meetings, and meetings moved to another time of day, keep their UIDs), DTSTAMP is
the program's 情報確認日 (not the clock), 中止 and 満員 come from the file (not the build date),
events are in a fixed order. So the daily rebuild alone never changes a feed. Each event is
serialised once and the same bytes are used in the all-programs feed and the program's feed.

There are no single-meeting files: a meeting's "カレンダーに追加" link points at its program's
feed and names the meeting's UID (:func:`event_uid`); ``assets/calendar-add.js`` cuts that one
event out of the feed in the browser (without JavaScript the link gives the whole feed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Optional
from urllib.parse import urlsplit

import icalendar

from ..models.program import venue_access
from ..models.values import jp_date
from ..quoting import theme_after_title
from ..site_address import SiteAddress
from .occurrences import CANCELLED, Occurrence, ProgramCalendar

if TYPE_CHECKING:  # pragma: no cover
    from ..models.employer import Contact
    from ..models.program import Place, Program, VenueAccess

    AccessOf = Callable[[Program, Place], Optional[VenueAccess]]

PRODID = "-//employer-directory//program calendar//JA"
TZID = "Asia/Tokyo"
CRLF = b"\r\n"
REFRESH = dt.timedelta(hours=12)
"""How often a subscribed app should fetch a feed again (RFC 7986 REFRESH-INTERVAL; Outlook reads
X-PUBLISHED-TTL). Without a hint Apple Calendar on the Mac offers "every week", so a cancellation
could reach a subscriber days late. Feeds change when staff publish a change (any time, a
cancellation may come on the day), never from the daily rebuild alone: half a day keeps
subscribers current without multiplying downloads of the largest file. Google Calendar ignores
the hint (it fetches about every 12 to 24 hours)."""


@lru_cache(maxsize=1)
def _vtimezone() -> bytes:
    return icalendar.Timezone.from_tzid(TZID).to_ical()


def _header(name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    calendar.add("x-wr-timezone", TZID)
    text = calendar.to_ical()
    return text[: text.rindex(b"END:VCALENDAR")]


def _calendar(header: bytes, events: Iterable[bytes]) -> bytes:
    return header + _vtimezone() + b"".join(events) + b"END:VCALENDAR" + CRLF


@dataclass(frozen=True)
class IcsFile:
    path: str
    """Path under the site root, e.g. ``calendar/all.ics``."""
    content: bytes


def uid_domain(site_url: str | None) -> str:
    return urlsplit(site_url or "").hostname or "employer-directory.invalid"


def event_uid(occurrence: Occurrence, domain: str) -> str:
    """The meeting's UID in every feed: stable across builds (occurrence key plus the site's host)."""
    return f"{occurrence.key}@{domain}"


def meeting_title(occurrence: Occurrence) -> str:
    """A meeting's title in a calendar app: the program's, then the meeting's theme (the feed puts
    【中止】 or 【満員】 before it; 「Googleカレンダーに追加」 takes it as it is)."""
    return occurrence.program_title + (theme_after_title(occurrence.title) if occurrence.title else "")


def place_words(place: "Place") -> str:
    """A place in a calendar app's location field: its name, then its address if it has one."""
    return place.name + (f" {place.address}" if place.address else "")


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

    def __init__(self, program: "Program", page_url: str, domain: str, access_of: "AccessOf | None" = None, centre: "Contact | None" = None):
        self.program = program
        self.access_of = access_of or _own_access
        self.centre = centre
        self.domain = domain
        stamp = dt.datetime.combine(program.verified, dt.time(), dt.timezone.utc)
        self.page_url = page_url
        self.descriptions: dict["Place", bytes] = {}
        # DTSTAMP must be UTC; it comes from the data (情報確認日) so rebuilds give the same bytes.
        self.stamps = _properties([("dtstamp", stamp), ("last-modified", stamp)])
        # LOCATION is each meeting's own (a rule period may meet elsewhere: Occurrence.place),
        # written between the stamps and the rest as it always was.
        self.shared = _properties([("url", page_url), ("categories", [program.kind]), ("transp", "OPAQUE")])

    def details(self, place: "Place") -> list[str]:
        """The description's lines for a meeting at ``place``: what the program is, then
        :func:`taking_part` and the page's address."""
        return [self.program.summary, *taking_part(self.program, place, self.access_of, self.centre), self.page_url]

    def description(self, place: "Place") -> bytes:
        """DESCRIPTION, serialised once per place (a program has one or a few)."""
        key = place
        if key not in self.descriptions:
            self.descriptions[key] = _properties([("description", "\n".join(self.details(place)))])
        return self.descriptions[key]

    def event(self, occurrence: Occurrence) -> bytes:
        program = self.program
        summary = meeting_title(occurrence)
        # 中止 and 満員 come from the file, not from the build date: a full meeting stays 【満員】
        # after its day (its status turns 終了 on the pages), so the daily rebuild alone never
        # changes a feed (Occurrence.marked_full).
        cancelled = occurrence.status == CANCELLED
        full = occurrence.marked_full
        if cancelled:
            summary = "【中止】" + summary
        elif full:
            summary = "【満員】" + summary
        end = occurrence.end + dt.timedelta(days=1) if occurrence.all_day else occurrence.end
        # SEQUENCE: a changed STATUS is a significant revision (RFC 5546 2.1.4), and an app that
        # imported the meeting once (a download, not a subscription) takes a re-imported copy
        # only if its SEQUENCE is higher; with an equal one the change is ignored. There is no
        # history to count revisions, so it is derived from the file like everything else:
        # 0 as planned, 1 満員, 2 中止, which grows along the usual course of a meeting. Going
        # back (a seat freed, a cancellation withdrawn) lowers it; subscriptions are replaced as
        # a whole at each refresh and do not depend on it.
        lines = [
            _line("uid", event_uid(occurrence, self.domain)),
            _line("dtstart", occurrence.start),
            _line("dtend", end),
            _line("summary", summary),
            _line("status", "CANCELLED" if cancelled else "CONFIRMED"),
            _line("sequence", 2 if cancelled else 1 if full else 0),
        ]
        place = occurrence.place
        if cancelled and occurrence.cancel_reason:
            lines.append(_line("description", "\n".join([f"中止: {occurrence.cancel_reason}", *self.details(place)])))
            description = b""
        else:
            description = self.description(place)
        location = _line("location", place_words(place))
        return b"BEGIN:VEVENT\r\n" + b"".join(lines) + self.stamps + location + self.shared + description + b"END:VEVENT\r\n"


def taking_part(program: "Program", place: "Place", access_of: "AccessOf | None" = None, centre: "Contact | None" = None) -> list[str]:
    """What a seeker needs on the day, for a meeting at ``place``, as lines of an event's
    description (the feed's, and the Google Calendar link's): how to join an online meeting, how
    to apply and whom to call (``_how_to_take_part``), and how to get
    there (「行き方: しらかば駅から車で10分・送迎あり（…）・駐車場あり」, worded as the program page).
    Joining and the way there are the meeting's own place's (a rule period may move online, or
    elsewhere), as LOCATION is. ``centre``: whom to call when the program names nobody
    (Directory.centre_contact), as its page says."""
    join = [place.join] if place.online and place.join else []
    access = (access_of or _own_access)(program, place)
    phrases = access.phrases() if access else []
    how = ["行き方: " + "・".join(phrases)] if phrases else []
    # After whom to call: applying comes first, the way there on the day.
    return [*join, *_how_to_take_part(program, centre), *how]


def _own_access(program: "Program", place: "Place") -> "Optional[VenueAccess]":
    """A place's own ``access:``: the directory's rule (venue_access) with no employers to take
    from (as in tests of the feeds alone)."""
    return venue_access(program, place, lambda _slug: None)


def _how_to_take_part(program: "Program", centre: "Contact | None" = None) -> list[str]:
    """How to apply, until when, and whom to call, for the event's description. A meeting added to
    a phone's calendar is often all that the seeker looks at again: without these lines its
    reminder sends them to a tour they had to apply for days before, with no number to call.
    Worded as the program page's 「くわしく」 (申し込み, 申し込み締切, 問い合わせ), one line each;
    from the file alone (not the build date), like everything in a feed."""
    lines = []
    if program.apply:
        lines.append(f"申し込み: {program.apply}")
    if program.deadline:
        lines.append(f"申し込み締切: {jp_date(program.deadline)}" + ("（締切のあとも、当日参加できます）" if program.walk_in else ""))
    contact = program.contact or centre
    if contact is not None and (contact.phone or contact.email):
        lines.append(f"問い合わせ: {contact.name}" + (f" 電話 {contact.phone}" if contact.phone else "") + (f" メール {contact.email}" if contact.email else ""))
    return lines


ALL_PROGRAMS_FEED = "calendar/all.ics"
"""The feed of every program, beside each program's own (so no program may be called ``all``)."""


def ics_path_for_program(slug: str) -> str:
    return f"calendar/{slug}.ics"


def feed_files(calendar: ProgramCalendar, site_url: str, site_name: str, access_of: "AccessOf | None" = None, centre: "Contact | None" = None) -> dict[str, bytes]:
    """Every ICS file of the site as ``{path: bytes}`` (what the build writes)."""
    return {feed.path: feed.content for feed in build_feeds(calendar, site_url, site_name, access_of, centre)}


def build_feeds(calendar: ProgramCalendar, site_url: str, site_name: str, access_of: "AccessOf | None" = None, centre: "Contact | None" = None) -> list[IcsFile]:
    """The all-programs feed and one feed per program. ``access_of`` gives how to get to a
    program's venue (Directory.access_at, which knows the employers); without it, a place's own
    ``access:``. ``centre``: whom to call about a program that names nobody (its 問い合わせ line)."""
    site = SiteAddress(site_url)
    domain = uid_domain(site_url)
    serialised: dict[str, bytes] = {}
    files: list[IcsFile] = []
    for slug, occurrences in calendar.by_program.items():
        program = calendar.program(slug)
        maker = _ProgramEvents(program, site.program(slug), domain, access_of, centre)
        events = []
        for occurrence in occurrences:
            data = maker.event(occurrence)
            serialised[occurrence.key] = data
            events.append(data)
        feed = _calendar(_header(f"{program.title}（{site_name}）"), events)
        files.append(IcsFile(ics_path_for_program(slug), feed))
        # A calendar app subscribed to the feed's address before the program's file was renamed
        # keeps it: the same feed at each former address (a static site cannot redirect a feed).
        files += [IcsFile(ics_path_for_program(former), feed) for former in program.former_slugs]
    files.append(IcsFile(ALL_PROGRAMS_FEED, _calendar(_header(f"{site_name} プログラム"), (serialised[o.key] for o in calendar.all))))
    files.sort(key=lambda f: f.path)
    return files
