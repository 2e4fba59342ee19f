"""One meeting of a day with two (午前の部・午後の部) cancelled or full on its own: the program page,
the month page, the feeds, the open data and the employer page mark that meeting only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import copy_project, run_build

TOUR = "content/programs/tour-shirakaba-farm.md"
BEFORE = 'time: "10:00〜11:30"\ndates: [2026-12-16]'
AFTERNOON = (
    'time: "10:00〜11:30"\ndates: [2026-12-16]\nsessions:\n  - date: 2026-12-16\n    time: "13:30〜15:00"\n'
    'cancelled:\n  - date: 2026-12-16\n    time: "13:30"\n    reason: 講師の都合のため'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("twoaday")
    project = copy_project(root)
    path = project / TOUR
    text = path.read_text(encoding="utf-8")
    assert BEFORE in text
    path.write_text(text.replace(BEFORE, AFTERNOON, 1), encoding="utf-8")
    built = run_build(project, root / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    return root / "site"


def statuses(html: str) -> list[str]:
    return re.findall(r'class="cal-status cal-status--([a-z-]+)"', html)


def tour_meetings(html: str) -> list[tuple[str, str]]:
    """(time, status) of each of the tour's meetings listed, in page order: the status span right
    after the meeting's time and the tour's title."""
    found = []
    for match in re.finditer(r'cal-status--([a-z-]+)"', html):
        before = " ".join(re.sub(r"<[^>]+>", " ", html[max(0, match.start() - 600) : match.start()]).split())
        meeting = re.search(r"(\d{1,2}:\d{2}〜\d{1,2}:\d{2})(?:(?!\d{1,2}:\d{2}〜).)*$", before)
        if meeting and "しらかば農園" in meeting.group(0):
            found.append((meeting.group(1), match.group(1)))
    return found


def test_the_program_page_says_only_the_afternoon_is_cancelled(site):
    html = (site / "programs" / "tour-shirakaba-farm" / "index.html").read_text(encoding="utf-8")
    # 次回 (the morning), then the schedule: the morning open, the afternoon cancelled with its reason.
    assert statuses(html) == ["open", "open", "cancelled"]
    assert "講師の都合のため" in html


def test_the_month_page_marks_one_of_the_two_meetings(site):
    html = (site / "calendar" / "2026-12" / "index.html").read_text(encoding="utf-8")
    # The month's grid and its list (also what the printout shows).
    assert tour_meetings(html) == [("10:00〜11:30", "open"), ("13:30〜15:00", "cancelled")] * 2


def test_the_feed_cancels_only_the_afternoon_event(site):
    calendar = icalendar.Calendar.from_ical((site / "calendar" / "tour-shirakaba-farm.ics").read_bytes())
    found = {str(event["UID"]).split("@")[0]: str(event.get("STATUS", "")) for event in calendar.walk("VEVENT")}
    assert set(found) == {"tour-shirakaba-farm-20261216", "tour-shirakaba-farm-20261216-2"}
    assert found["tour-shirakaba-farm-20261216-2"] == "CANCELLED" and found["tour-shirakaba-farm-20261216"] != "CANCELLED"


def test_the_open_data_has_the_time_and_one_cancelled_occurrence(site):
    data = json.loads((site / "data" / "programs.json").read_text(encoding="utf-8"))
    tour = next(p for p in data["programs"] if p["id"] == "tour-shirakaba-farm")
    assert tour["cancelled"] == [{"date": "2026-12-16", "time": "13:30", "reason": "講師の都合のため"}]
    assert {o["id"]: o["status"] for o in tour["occurrences"]} == {"tour-shirakaba-farm-20261216": "scheduled", "tour-shirakaba-farm-20261216-2": "cancelled"}


def test_the_employer_page_still_invites_to_the_morning(site):
    html = (site / "employers" / "shirakaba-farm" / "index.html").read_text(encoding="utf-8")
    assert "open" in statuses(html) and "2026年12月16日(水)" in html
