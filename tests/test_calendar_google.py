"""A meeting's 「Googleカレンダーに追加」: Google Calendar's event template address, made in the
domain code (employer_directory.calendar.google) for each meeting that gets 「カレンダーに追加」."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from employer_directory.calendar.closures import ClosedDays
from employer_directory.calendar.google import google_calendar_url
from employer_directory.calendar.occurrences import program_occurrences
from employer_directory.calendar.site_plan import calendar_adds
from test_calendar_occurrences import program

D = dt.date
PAGE = "https://example.github.io/kyoryoku-jigyosho/programs/test/"


def query(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    fields = parse_qs(parts.query, strict_parsing=True)
    assert all(len(values) == 1 for values in fields.values()), fields
    return {name: values[0] for name, values in fields.items()}


def test_a_timed_meeting_gives_its_title_theme_local_times_place_and_page():
    record = program(
        sessions=[{"date": "2026-12-09", "time": "13:30〜15:00", "title": "職場見学会"}],
        place={"name": "研修室", "address": "しらかば市北町1-2"},
    )
    (meeting,) = program_occurrences(record, D(2026, 11, 22))
    fields = query(google_calendar_url(meeting, PAGE))
    assert fields == {
        "action": "TEMPLATE",
        "text": "テストの集い「職場見学会」",
        "dates": "20261209T133000/20261209T150000",
        "ctz": "Asia/Tokyo",
        "details": PAGE,
        "location": "研修室 しらかば市北町1-2",
    }
    # spaces are %20, not +, and nothing is left raw that could end the parameter
    url = google_calendar_url(meeting, PAGE)
    assert "+" not in url and " " not in url and url.count("&") == 5


def test_a_meeting_without_a_time_is_an_all_day_event_ending_the_next_day():
    record = program(dates=["2026-12-31"]).model_copy(update={"time": None})
    (meeting,) = program_occurrences(record, D(2026, 11, 22))
    fields = query(google_calendar_url(meeting, PAGE))
    assert fields["dates"] == "20261231/20270101"  # the end is exclusive, as in iCalendar
    assert fields["text"] == "テストの集い" and fields["location"] == "研修室"


def test_an_online_meeting_says_online_not_the_place_name():
    record = program(dates=["2026-12-16"], time="19:00〜20:30", place={"name": "オンライン（Zoom）", "online": True, "join": "申し込み後にURLをお送りします"})
    (meeting,) = program_occurrences(record, D(2026, 11, 22))
    fields = query(google_calendar_url(meeting, PAGE))
    assert fields["location"] == "オンライン"
    assert fields["dates"] == "20261216T190000/20261216T203000" and fields["details"] == PAGE


def test_only_coming_meetings_that_take_place_get_the_link():
    record = program(dates=["2026-11-11", "2026-12-09", "2027-01-27"], cancelled=[{"date": "2027-01-27", "reason": "点検のため"}])
    occurrences = program_occurrences(record, D(2026, 11, 22), ClosedDays())
    adds = calendar_adds(record, occurrences, "calendar/test.ics", "example.github.io", PAGE)
    assert [key.rsplit("-", 1)[-1] for key in adds] == ["20261209"]  # not the past one, not the cancelled one
    (add,) = adds.values()
    assert add.google == google_calendar_url(occurrences[1], PAGE)  # nothing to say but the page


def test_the_details_say_how_to_join_apply_and_call_before_the_page():
    """A reminder on the phone is often all a seeker looks at again: the event's details give what
    the feed's event gives (but what the program is, which the page says): how to join online, how
    to apply, until when, whom to call, then the page's address."""
    record = program(
        dates=["2026-12-16"],
        time="19:00〜20:30",
        place={"name": "オンライン（Zoom）", "online": True, "join": "申し込み後にURLをお送りします"},
        apply="電話で申し込んでください",
        deadline="2026-12-10",
        contact={"name": "センター", "phone": "0268-00-0000"},
    )
    occurrences = program_occurrences(record, D(2026, 11, 22), ClosedDays())
    (add,) = calendar_adds(record, occurrences, "calendar/test.ics", "example.github.io", PAGE).values()
    assert query(add.google)["details"].split("\n") == [
        "申し込み後にURLをお送りします",
        "申し込み: 電話で申し込んでください",
        "申し込み締切: 2026年12月10日(木)",
        "問い合わせ: センター 電話 0268-00-0000",
        PAGE,
    ]
