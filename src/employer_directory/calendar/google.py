"""A meeting's 「Googleカレンダーに追加」: Google Calendar's event template address.

On Android the 「カレンダーに追加」 file (.ics) ends in a download notification: Google Calendar,
the usual calendar there, does not open .ics files. Its event template address opens the
calendar (the app or the web page) with the meeting filled in, for the user to save. It is a
plain link: nothing is loaded from Google until it is tapped.

The address carries the meeting's title (as the feed's SUMMARY, without 【満員】), its start and
end as local times in Asia/Tokyo (``ctz``), or its day as an all-day event (the end is the next
day, exclusive, as in iCalendar), the place (name and address, or 「オンライン」), and as the
details what the feed's event says a seeker needs on the day (how to join online, how to apply
and whom to call, how to get there: ``ics.taking_part``) and the program page's address. A
reminder on the phone is often all a seeker looks at again: with only the page's address it gave
no number to call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlencode, quote

from .ics import meeting_title, place_words
from .occurrences import TOKYO, Occurrence

TEMPLATE = "https://calendar.google.com/calendar/render"
TIME_ZONE = "Asia/Tokyo"
ONLINE = "オンライン"


def _dates(occurrence: Occurrence) -> str:
    if occurrence.all_day:
        day = occurrence.date
        return f"{day:%Y%m%d}/{day + dt.timedelta(days=1):%Y%m%d}"
    start = occurrence.start.astimezone(TOKYO)  # type: ignore[union-attr]
    end = occurrence.end.astimezone(TOKYO)  # type: ignore[union-attr]
    return f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"


def _location(occurrence: Occurrence) -> str:
    place = occurrence.place
    if place is None:
        return ""
    return ONLINE if place.online else place_words(place)


def google_calendar_url(occurrence: Occurrence, page_url: str, details: Sequence[str] = ()) -> str:
    """The event template address of a meeting; ``page_url`` is the program page's full address,
    ``details`` the lines before it (``ics.taking_part``)."""
    params = [("action", "TEMPLATE"), ("text", meeting_title(occurrence)), ("dates", _dates(occurrence)), ("ctz", TIME_ZONE), ("details", "\n".join([*details, page_url]))]
    location = _location(occurrence)
    if location:
        params.append(("location", location))
    return TEMPLATE + "?" + urlencode(params, quote_via=quote, safe="/")
