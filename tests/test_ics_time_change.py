"""A meeting moved to another time of day stays the same meeting: its key, its calendar UID and
its 「カレンダーに追加」 file name are made from the program's first URL name and the date, not
the start time. A subscribed family's app (which keeps events by UID) moves the meeting staff
moved from 10:00 to 13:30 rather than showing it twice. (A meeting imported once from a file and
imported again may keep its old time: its SEQUENCE is the same, ics.py; the docs say so.) Only a program's second and later meetings of one day carry a
suffix (``-2``, ``-3``, in the day's order), so UIDs stay unique in each feed and in all.ics."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, copy_project, run_build
from employer_directory.calendar.closures import ClosedDays
from employer_directory.calendar.ics import feed_files
from employer_directory.calendar.occurrences import program_occurrences
from employer_directory.calendar.site_plan import calendar_adds
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from test_calendar_occurrences import program

D = dt.date
SITE = "https://example.github.io/kyoryoku-jigyosho/"
HIROBA = "content/programs/hataraku-junbi-no-hiroba.md"
TOUR = "content/programs/tour-shirakaba-farm.md"
TODAY = D(2026, 12, 1)


def keys(record) -> list[str]:
    return [o.key for o in program_occurrences(record, TODAY, ClosedDays())]


# --- the key --------------------------------------------------------------------------------------


def test_a_group_moved_to_another_time_keeps_the_key_of_each_meeting():
    rule = {"rule": "毎月第2・第4水曜", "start": "2026-12-01", "until": "2027-01-31"}
    morning = keys(program(recurrence={**rule, "time": "10:00〜11:30"}))
    afternoon = keys(program(recurrence={**rule, "time": "13:30〜15:00"}))
    assert morning == ["test-20261209", "test-20261223", "test-20270113", "test-20270127"]
    assert afternoon == morning
    # A session's own time, and a date without any time (all day), give the same key too.
    assert keys(program(sessions=[{"date": "2026-12-16", "time": "10:00〜11:00"}])) == keys(program(sessions=[{"date": "2026-12-16", "time": "14:00〜15:00"}])) == keys(program(dates=["2026-12-16"])) == ["test-20261216"]


def test_only_the_later_meetings_of_a_day_get_their_place_in_the_day():
    day = [{"date": "2026-12-16", "time": "13:30〜15:00"}, {"date": "2026-12-16", "time": "10:00〜11:30"}, {"date": "2026-12-17", "time": "10:00〜11:30"}]
    found = program_occurrences(program(sessions=day), TODAY, ClosedDays())
    assert [(o.key, f"{o.start:%H:%M}") for o in found] == [("test-20261216", "10:00"), ("test-20261216-2", "13:30"), ("test-20261217", "10:00")]
    # The afternoon moved later: both keep their keys (the order of the day is the same).
    later = [{**day[0], "time": "15:00〜16:00"}, *day[1:]]
    assert keys(program(sessions=later)) == [o.key for o in found]
    # A second meeting added later that day leaves the first one's key as it was.
    assert keys(program(sessions=day[1:]))[0] == "test-20261216"


# --- the feeds and the 「カレンダーに追加」 links of the sample ----------------------------------


def _directory(project: Path):
    return load_directory(project / "content", read_settings(project / "mkdocs.yml"), root=project)


def _moved_project(root: Path, file: str, before: str, after: str) -> Path:
    project = root / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    return project


def _events(feeds: dict[str, bytes], path: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(feeds[path])
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _feeds(directory) -> dict[str, bytes]:
    return feed_files(directory.calendar, SITE, "テストのサイト", directory.access_at)


@pytest.fixture(scope="module")
def sample():
    return _directory(ROOT)


@pytest.mark.parametrize(
    ("file", "before", "after"),
    [
        (HIROBA, 'time: "13:30〜15:00"', 'time: "10:00〜11:30"'),  # the twice-monthly group's first period
        (TOUR, 'time: "10:00〜11:30"', 'time: "13:30〜15:00"'),  # the tour day
    ],
)
def test_moving_a_program_to_another_time_keeps_its_uids_and_add_links(sample, tmp_path, file, before, after):
    moved = _directory(_moved_project(tmp_path, file, before, after))
    slug = Path(file).stem
    old, new = _feeds(sample), _feeds(moved)
    feed = f"calendar/{slug}.ics"
    old_events, new_events = _events(old, feed), _events(new, feed)
    assert list(new_events) == list(old_events)
    assert list(_events(new, "calendar/all.ics")) == list(_events(old, "calendar/all.ics"))
    # The events moved: the same UIDs with the new start.
    hour = int(after.split('"')[1][:2])
    changed = [uid for uid in old_events if old_events[uid].decoded("DTSTART") != new_events[uid].decoded("DTSTART")]
    assert changed and all(new_events[uid].decoded("DTSTART").hour == hour for uid in changed)
    # The page's 「カレンダーに追加」 links name the same events and file names.
    domain = "example.github.io"
    page = f"https://{domain}/kyoryoku-jigyosho/programs/{slug}/"
    adds = {key: (add.uid, add.filename) for key, add in calendar_adds(sample.calendar.program(slug), sample.calendar.of(slug), feed, domain, page).items()}
    assert adds and adds == {key: (add.uid, add.filename) for key, add in calendar_adds(moved.calendar.program(slug), moved.calendar.of(slug), feed, domain, page).items()}


def test_uids_are_unique_in_each_feed_and_in_all_ics_also_with_two_meetings_a_day(tmp_path):
    # A second tour the same afternoon and one the next day: three meetings, two on one day.
    project = _moved_project(tmp_path, TOUR, 'time: "10:00〜11:30"\ndates: [2026-12-16]', 'time: "10:00〜11:30"\ndates: [2026-12-16]\nsessions:\n  - date: 2026-12-16\n    time: "13:30〜15:00"\n  - date: 2026-12-17')
    directory = _directory(project)
    feeds = _feeds(directory)
    tour = _events(feeds, "calendar/tour-shirakaba-farm.ics")
    assert {uid: f"{event.decoded('DTSTART'):%m-%d %H:%M}" for uid, event in tour.items()} == {
        "tour-shirakaba-farm-20261216@example.github.io": "12-16 10:00",
        "tour-shirakaba-farm-20261216-2@example.github.io": "12-16 13:30",
        "tour-shirakaba-farm-20261217@example.github.io": "12-17 10:00",
    }
    for path, content in feeds.items():
        calendar = icalendar.Calendar.from_ical(content)
        counted = Counter(str(event["UID"]) for event in calendar.walk("VEVENT"))
        assert counted and max(counted.values()) == 1, path
    everything = icalendar.Calendar.from_ical(feeds["calendar/all.ics"]).walk("VEVENT")
    assert len(everything) == sum(len(directory.calendar.of(p.slug)) for p in directory.programs)


def test_two_meetings_of_one_day_have_add_links_a_screen_reader_tells_apart(tmp_path):
    """The two 「カレンダーに追加」 links of one day's morning and afternoon tour name their time
    too: a screen reader's list of links read 「カレンダーに追加（12月16日(水)）」 twice, for two
    different events (WCAG 2.4.4)."""
    project = copy_project(tmp_path)
    path = project / TOUR
    text = path.read_text(encoding="utf-8")
    before = 'time: "10:00〜11:30"\ndates: [2026-12-16]'
    assert before in text
    path.write_text(text.replace(before, 'time: "10:00〜11:30"\ndates: [2026-12-16]\nsessions:\n  - date: 2026-12-16\n    time: "13:30〜15:00"', 1), encoding="utf-8")
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site" / "programs" / "tour-shirakaba-farm" / "index.html").read_text(encoding="utf-8")
    listed = html[html.index('<ul class="cal-sessions">'):]  # (the 次回 line repeats the first one's)
    names = [re.sub(r"<[^>]+>", "", link) for link in re.findall(r'<a class="cal-add"[^>]*>(.*?)</a>', listed)]
    assert names == ["カレンダーに追加（2026年12月16日(水) 10:00〜11:30）", "カレンダーに追加（2026年12月16日(水) 13:30〜15:00）"]
