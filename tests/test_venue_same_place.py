"""A venue written once with its 行き方 (``access:``) and repeated elsewhere in the file by its name
and address alone is the same place, with that access: staff do not copy the access to every
period, session or extra date that meets there, and the page must not list the repeat as
"meeting elsewhere" without a way to get there. Addresses are compared as written alike: with
the dash look-alikes of Japanese input (「−」 U+2212, 「‐」「–」「—」「―」, 「ー」 after a digit,
full-width 「－」) as 「-」, so a tour at the employer's address keeps the employer's 行き方."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, build_edited
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.models.program import Place, same_address
from employer_directory.models.values import address_key
from test_calendar_occurrences import program
from test_venue_access import FARM_NEAREST, TOUR, TOUR_ACCESS, facts, page

HALL = {"name": "しらかば市総合福祉センター 2階 研修室", "address": "しらかば市中央町3-1-1"}
WALK = {"nearest": "しらかば駅から歩いて5分", "parking": True}
SPRING = {"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2026-09-30", "time": "10:00〜12:00"}
AUTUMN = {"rule": "毎月第1・第3木曜", "start": "2026-10-01", "until": "2027-03-31", "time": "13:30〜15:30"}


# --- addresses written alike ----------------------------------------------------------------------


@pytest.mark.parametrize("dash", ["-", "−", "‐", "‑", "‒", "–", "—", "―", "ー", "－", "ｰ"])
def test_an_address_with_any_dash_look_alike_is_the_same_address(dash):
    written = f"しらかば市北町1234{dash}5"
    assert same_address(written, "しらかば市北町1234-5")
    assert same_address(f"しらかば市中央町３{dash}１{dash}１", "しらかば市中央町3-1-1")


def test_the_long_vowel_mark_of_a_name_is_kept_and_other_numbers_still_differ():
    assert address_key("しらかば市中央町3-1-1 センタービル") == "しらかば市中央町3-1-1センタービル"
    assert not same_address("しらかば市北町1234-5", "しらかば市北町1234-6")
    assert not same_address("しらかば市北町1234−5", "しらかば市北町12345")


def test_a_tour_at_the_employers_address_written_with_a_minus_has_the_employers_access():
    directory = load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)
    tour = directory.calendar.program("tour-shirakaba-farm")
    for dash in "−ー‐―":
        minus = Place(name="しらかば農園", address=f"しらかば市北町1234{dash}5")
        assert directory.access_at(tour, minus).phrases() == [FARM_NEAREST, "送迎あり", "駐車場あり"], dash


# --- a venue repeated without its access ------------------------------------------------------------


def test_a_period_repeating_the_programs_venue_without_access_meets_at_the_same_place():
    group = program(place={**HALL, "access": WALK}, recurrence=[SPRING, {**AUTUMN, "place": HALL}])
    assert group.place_periods() == [] and group.place_changes() == []
    assert not group.meets_at_several_places()
    assert group.period_place(group.rule_periods[1]) == group.place and group.place.access.nearest == WALK["nearest"]


def test_the_access_written_on_a_later_period_serves_the_programs_place_too():
    group = program(place=HALL, recurrence=[SPRING, {**AUTUMN, "place": {**HALL, "access": WALK}}])
    assert not group.meets_at_several_places()
    assert group.place.access is not None and group.place.access.nearest == WALK["nearest"]


def test_sessions_and_extra_dates_repeating_the_venue_are_not_listed_elsewhere():
    spelt_otherwise = {"name": "しらかば市総合福祉センター　２階　研修室", "address": "しらかば市中央町３−１−１"}
    series = program(place={**HALL, "access": WALK}, sessions=[{"date": "2026-12-02", "place": HALL}, {"date": "2026-12-09", "place": spelt_otherwise}])
    assert series.places_elsewhere() == [] and not series.meets_at_several_places()
    assert {series.session_place(s) for s in series.sessions} == {series.place}
    group = program(place={**HALL, "access": WALK}, recurrence=SPRING, extra_dates=[{"date": "2026-08-01", "place": HALL}])
    assert group.places_elsewhere() == [] and group.extra_date_place(group.extra_dates[0]).access == group.place.access


def test_a_repeat_with_another_access_of_its_own_and_another_venue_stay_apart():
    other_way = {**HALL, "access": {"nearest": "しらかば駅から送迎バス"}}
    series = program(place={**HALL, "access": WALK}, sessions=[{"date": "2026-12-02", "place": other_way}, {"date": "2026-12-09", "place": {"name": "しらかば市駅前交流プラザ", "address": "しらかば市本町2-5-8"}}])
    assert [(place.name, place.access.nearest if place.access else None, days) for place, days in series.places_elsewhere()] == [
        (HALL["name"], "しらかば駅から送迎バス", [series.sessions[0].date]),
        ("しらかば市駅前交流プラザ", None, [series.sessions[1].date]),
    ]
    # An online meeting is never another place's repeat.
    online = program(place={"name": "オンライン（Zoom）", "online": True, "join": "申し込んだ方にURLを送ります"}, sessions=[{"date": "2026-12-02", "place": {"name": "オンライン（Zoom）", "online": True}}, {"date": "2026-12-09"}])
    assert len(online.places_elsewhere()) == 1


# --- the sample site: the tour's address with a minus, the group's venue repeated ---------------------

GROUP = "content/programs/hataraku-junbi-no-hiroba.md"
GROUP_PLACE = "place:\n  name: しらかば市総合福祉センター 2階 研修室\n  address: しらかば市中央町3-1-1\n"
GROUP_ACCESS = "  access:\n    nearest: しらかば駅から歩いて5分\n    parking: true\n"
REPEAT = "extra_dates:\n  - date: 2027-01-20\n    place:\n      name: しらかば市総合福祉センター 2階 研修室\n      address: しらかば市中央町3−1−1\n"


@pytest.fixture(scope="module")
def repeat_site(tmp_path_factory) -> Path:
    return build_edited(
        tmp_path_factory.mktemp("same-place"),
        {
            TOUR: [(TOUR_ACCESS, ""), ("しらかば市北町1234-5", "しらかば市北町1234−5")],
            GROUP: [("\ncancelled:", "\n" + REPEAT + "cancelled:")],  # the sample venue has GROUP_ACCESS
        },
    )


def test_the_tour_at_the_farms_address_written_with_a_minus_shows_the_farms_way_there(repeat_site):
    assert f"行き方 {FARM_NEAREST} / 送迎あり / 駐車場あり 対象" in facts(page(repeat_site, "tour-shirakaba-farm"))
    (event,) = icalendar.Calendar.from_ical((repeat_site / "calendar/tour-shirakaba-farm.ics").read_bytes()).walk("VEVENT")
    assert f"行き方: {FARM_NEAREST}・送迎あり・駐車場あり" in str(event["DESCRIPTION"]).splitlines()
    # The farm's sheet ② does not send the reader to the tour as if it met elsewhere.
    sheets = (repeat_site / "employers/shirakaba-farm/sheets.html").read_text(encoding="utf-8")
    assert "data-elsewhere-name" not in sheets


def test_the_groups_extra_date_at_its_own_venue_is_not_listed_as_elsewhere(repeat_site):
    assert GROUP_PLACE + GROUP_ACCESS in (ROOT / GROUP).read_text(encoding="utf-8")
    html = page(repeat_site, "hataraku-junbi-no-hiroba")
    listed = facts(html)
    assert listed.count("しらかば市総合福祉センター 2階 研修室") == 1, listed
    assert listed.count("行き方: しらかば駅から歩いて5分・駐車場あり") == 1, listed
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((repeat_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes()).walk("VEVENT")}
    extra = events["hataraku-junbi-no-hiroba-20270120@example.github.io"]
    assert str(extra["LOCATION"]) == "しらかば市総合福祉センター 2階 研修室 しらかば市中央町3-1-1"
    assert "行き方: しらかば駅から歩いて5分・駐車場あり" in str(extra["DESCRIPTION"]).splitlines()
    # One HSDS location for the venue, with its transportation.
    organizations = json.loads((repeat_site / "data/hsds/organizations.json").read_text(encoding="utf-8"))
    halls = [location for o in organizations for location in o.get("locations", []) if location["name"] == "しらかば市総合福祉センター 2階 研修室"]
    assert len(halls) == 1 and halls[0]["transportation"] == "しらかば駅から歩いて5分。駐車場あり"


def test_a_repeat_by_the_venues_name_alone_is_that_venue_with_its_address_and_access():
    by_name = {"name": HALL["name"]}
    series = program(place={**HALL, "access": WALK}, sessions=[{"date": "2026-12-02"}, {"date": "2026-12-09", "place": by_name}])
    assert series.places_elsewhere() == [] and not series.meets_at_several_places()
    assert series.session_place(series.sessions[1]) == series.place and series.place.address == HALL["address"]
    group = program(place=by_name, recurrence=[SPRING, {**AUTUMN, "place": {**HALL, "access": WALK}}])
    assert group.place_changes() == [] and group.place.address == HALL["address"] and group.place.access.nearest == WALK["nearest"]
    # Two venues of that name at two addresses: which one is meant is not known, it stays apart.
    two = program(place=HALL, sessions=[{"date": "2026-12-02", "place": {**HALL, "address": "しらかば市本町2-5-8"}}, {"date": "2026-12-09", "place": by_name}])
    assert [place.address for place, _days in two.places_elsewhere()] == ["しらかば市本町2-5-8", None]
