"""How to get to a program's venue (``place.access``): the fields and their located checks, the
program page's 「行き方」 (the place's own, filled from a related employer at the same address,
nothing when nobody wrote it), the feeds' descriptions, the open data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, build_edited, copy_project
from employer_directory.cli import read_settings
from employer_directory.exports.hsds import place_uuid
from employer_directory.exports.ids import operator_uuid
from employer_directory.loading import load_directory
from employer_directory.models.program import Place, VenueAccess
from employer_directory.problems import ContentInvalid

TOUR = "content/programs/tour-shirakaba-farm.md"
TOUR_ACCESS = "  access:\n    pickup: true\n    pickup_note: しらかば駅から。申し込みのときに伝えてください\n"
PICKUP = "送迎あり（しらかば駅から。申し込みのときに伝えてください）"
FARM_NEAREST = "しらかば駅から車で10分"
HALL_NEAREST = "しらかば駅から歩いて5分"
HALL_ACCESS = f"  access:\n    nearest: {HALL_NEAREST}\n    parking: true\n"
"""shirakaba-farm.md's access: nearest (its pickup and parking are true; its note is
「駅までの送迎は事前に相談してください」)."""
MOVE = "    place:\n      name: しらかば市駅前交流プラザ 3階 会議室\n      address: しらかば市本町2-5-8\n"
"""The sample group's second rule period's own place (from 2027-02-15)."""
MOVE_ACCESS = "      access:\n        nearest: しらかば駅から歩いて3分\n        parking: false\n"


def squeeze(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def page(site: Path, slug: str) -> str:
    return (site / "programs" / slug / "index.html").read_text(encoding="utf-8")


def facts(html: str) -> str:
    """The program page's 「くわしく」 list, tags dropped (a <br> as " / ")."""
    found = re.search(r'<dl class="dir-facts">(.*?)</dl>', html, re.S).group(1)
    return squeeze(found.replace("<br>", " / "))


def events(site: Path, feed: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical((site / feed).read_bytes()).walk("VEVENT"))


@pytest.fixture(scope="module")
def directory():
    return load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)


# --- the fields -------------------------------------------------------------------------------


def test_each_field_written_is_one_phrase_and_one_left_out_says_nothing():
    place = Place.model_validate(
        {
            "name": "しらかば市駅前交流プラザ",
            "address": "しらかば市本町2-5-8",
            "access": {"nearest": "しらかば駅から歩いて3分", "pickup": True, "pickup_note": "しらかば駅から。申し込みのときに伝えてください", "parking": False, "note": "入口は建物の裏側です"},
        }
    )
    assert place.access.phrases() == ["しらかば駅から歩いて3分", PICKUP, "駐車場なし", "入口は建物の裏側です"]
    # Not written is not 「なし」: a venue whose pick-up nobody asked about says nothing of it.
    assert VenueAccess.model_validate({"parking": True}).phrases() == ["駐車場あり"]
    assert VenueAccess.model_validate({"pickup": False, "nearest": "バス「本町」すぐ"}).phrases() == ["バス「本町」すぐ", "送迎なし"]
    assert VenueAccess.model_validate({"pickup": True}).phrases() == ["送迎あり"]


def load_with(tmp_path: Path, file: str, before: str, after: str) -> ContentInvalid:
    """Load a copy of the sample whose ``file`` has ``before`` (once) written as ``after``; the error."""
    project = copy_project(tmp_path)
    path = project / file
    written = path.read_text(encoding="utf-8")
    assert written.count(before) == 1
    path.write_text(written.replace(before, after), encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        load_directory(project / "content", read_settings(project / "mkdocs.yml"), root=project)
    return raised.value


def line_of(tmp_path: Path, file: str, text: str) -> int:
    return (tmp_path / file).read_text(encoding="utf-8").split("\n").index(text) + 1


def test_an_online_place_with_access_gets_a_located_message(tmp_path):
    seminar = "content/programs/chiiki-zukuri-seminar.md"
    error = load_with(tmp_path, seminar, "  online: true\n", "  online: true\n  access:\n    parking: true\n")
    (problem,) = error.problems
    assert problem.path == seminar and problem.line == line_of(tmp_path, seminar, "  access:")
    assert problem.field.startswith("place.access")
    assert "オンラインの会場（online: true）に行き方（access）が書かれています" in problem.format()
    assert "access: とその下の行を消してください" in problem.format()


def test_an_online_session_place_with_access_is_located_at_that_session(tmp_path):
    group = "content/programs/hataraku-junbi-no-hiroba.md"
    online = "    place:\n      name: オンライン（Zoom）\n      online: true\n      access:\n        nearest: しらかば駅から歩いて3分\n"
    error = load_with(tmp_path, group, MOVE, online)
    (problem,) = error.problems
    assert problem.line == line_of(tmp_path, group, "      access:") and "recurrence[2番目].place.access" in problem.field
    assert "オンラインの会場" in problem.format()


def test_a_pickup_note_without_pickup_true_gets_a_located_message(tmp_path):
    error = load_with(tmp_path, TOUR, "    pickup: true\n", "    pickup: false\n")
    (problem,) = error.problems
    assert problem.line == line_of(tmp_path, TOUR, "    pickup_note: しらかば駅から。申し込みのときに伝えてください")
    assert "place.access.pickup_note" in problem.field and "pickup: true を書いてください" in problem.format()


def test_an_access_with_nothing_in_it_gets_a_located_message(tmp_path):
    error = load_with(tmp_path, TOUR, TOUR_ACCESS, "  access: {}\n")
    (problem,) = error.problems
    assert problem.line == line_of(tmp_path, TOUR, "  access: {}") and "access: の行を消してください" in problem.format()


def test_a_misspelt_access_field_is_refused(tmp_path):
    error = load_with(tmp_path, TOUR, "    pickup: true\n", "    pick_up: true\n")
    assert any(problem.line == line_of(tmp_path, TOUR, "    pick_up: true") for problem in error.problems)


# --- what a venue's access is --------------------------------------------------------------------


def test_a_venue_at_a_related_employers_address_fills_what_it_leaves_out_from_that_employer(directory):
    tour = directory.calendar.program("tour-shirakaba-farm")
    farm = directory.employer("shirakaba-farm")
    assert (farm.access.nearest, farm.access.pickup, farm.access.parking) == (FARM_NEAREST, True, True)
    # The sample tour writes only its pick-up: the farm's nearest stop and parking come with it,
    # not the farm's note about its own pick-up (a note of the workplace).
    assert directory.access_at(tour, tour.place).phrases() == [FARM_NEAREST, PICKUP, "駐車場あり"]
    # Written with nothing of its own, it is the farm's (a staff member need not copy it) ...
    bare = tour.place.model_copy(update={"access": None})
    assert directory.access_at(tour, bare).phrases() == [FARM_NEAREST, "送迎あり", "駐車場あり"]
    # ... also with the address written with full-width digits and a space.
    wide = bare.model_copy(update={"address": "しらかば市北町　１２３４－５"})
    assert directory.access_at(tour, wide).phrases() == [FARM_NEAREST, "送迎あり", "駐車場あり"]
    # What the place writes wins over the farm's, field by field.
    own = bare.model_copy(update={"access": VenueAccess(pickup=False, parking=False)})
    assert directory.access_at(tour, own).phrases() == [FARM_NEAREST, "送迎なし", "駐車場なし"]


def test_a_venue_elsewhere_or_of_a_program_without_employers_has_only_its_own_access(directory):
    tour = directory.calendar.program("tour-shirakaba-farm")
    hall = Place(name="しらかば市総合福祉センター", address="しらかば市中央町3-1-1")
    assert directory.access_at(tour, hall) is None
    fair = directory.calendar.program("godo-mensetsukai-2027-02")  # related employers, a hall
    assert fair.employers and directory.access_at(fair, fair.place) is None
    group = directory.calendar.program("hataraku-junbi-no-hiroba")  # no related employer
    farm_address = Place(name="しらかば農園", address="しらかば市北町1234-5")
    assert not group.employers and directory.access_at(group, farm_address) is None
    seminar = directory.calendar.program("chiiki-zukuri-seminar")
    assert directory.access_at(seminar, seminar.place) is None


def test_another_room_of_the_same_building_lends_its_access_but_not_its_note(directory):
    group = directory.calendar.program("hataraku-junbi-no-hiroba")  # no related employer
    room = group.place.model_copy(update={"access": VenueAccess(nearest="しらかば駅から歩いて10分", pickup=True, pickup_note="駅から。電話で頼んでください", parking=True, note="2階へはエレベーターで")})
    group = group.model_copy(update={"place": room})
    assert room.address == "しらかば市中央町3-1-1"
    # The hall of the same building (the address written with full-width digits): the station,
    # the pick-up and the parking are the building's; the room's note is of that room.
    hall = Place(name="しらかば市総合福祉センター 1階 ホール", address="しらかば市中央町３-１-１")
    assert directory.access_at(group, hall).phrases() == ["しらかば駅から歩いて10分", "送迎あり（駅から。電話で頼んでください）", "駐車場あり"]
    # What the hall writes of its own wins, field by field.
    own = hall.model_copy(update={"access": VenueAccess(pickup=False, note="入口は正面の左です")})
    assert directory.access_at(group, own).phrases() == ["しらかば駅から歩いて10分", "送迎なし", "駐車場あり", "入口は正面の左です"]
    # Another address, or the room itself, lends nothing more.
    assert directory.access_at(group, Place(name="しらかば市民ホール", address="しらかば市中央町3-1-2")) is None
    assert directory.access_at(group, room) == room.access


# --- the sample site ---------------------------------------------------------------------------


def test_the_tour_page_says_how_to_get_there_below_its_venue(built_site):
    html = page(built_site, "tour-shirakaba-farm")
    listed = facts(html)
    assert f"地図で見る（Google マップ） 行き方 {FARM_NEAREST} / {PICKUP} / 駐車場あり 対象" in listed
    assert "駅までの送迎は事前に相談してください" not in html  # the farm's own note stays on its page
    # The body no longer repeats the pick-up.
    assert "しらかば駅から送迎があります" not in html


def test_the_groups_hall_says_how_to_get_there_and_the_next_hall_does_not(built_site):
    """The group's hall has its way there, on the page under that venue and in its meetings'
    calendar entries; the hall it moves to in February has none written, and shows none."""
    listed = facts(page(built_site, "hataraku-junbi-no-hiroba"))
    hall = f"行き方: {HALL_NEAREST}・駐車場あり"
    assert listed.count("行き方") == 1
    assert listed.index("しらかば市総合福祉センター") < listed.index(hall) < listed.index("しらかば市駅前交流プラザ"), listed
    feed = events(built_site, "calendar/hataraku-junbi-no-hiroba.ics")
    by_day = {event.decoded("DTSTART").date().isoformat(): str(event["DESCRIPTION"]) for event in feed}
    assert f"行き方: {HALL_NEAREST}・駐車場あり" in by_day["2026-12-09"].splitlines()
    assert "行き方" not in by_day["2027-02-18"]


@pytest.mark.parametrize("slug", ["godo-mensetsukai-2027-02", "chiiki-zukuri-seminar"])
def test_a_venue_nobody_wrote_access_for_shows_no_line(built_site, slug):
    html = page(built_site, slug)
    assert "行き方" not in html and "dir-access" not in html


def test_the_tours_feed_and_open_data_say_how_to_get_there(built_site):
    (event,) = events(built_site, "calendar/tour-shirakaba-farm.ics")
    assert f"行き方: {FARM_NEAREST}・{PICKUP}・駐車場あり" in str(event["DESCRIPTION"]).splitlines()
    for other in ("calendar/chiiki-zukuri-seminar.ics", "calendar/godo-mensetsukai-2027-02.ics"):
        assert all("行き方" not in str(e["DESCRIPTION"]) for e in events(built_site, other)), other
    # HSDS: the tour's venue is a location of the centre with its transportation.
    operator = next(o for o in json.loads((built_site / "data/hsds/organizations.json").read_text(encoding="utf-8")) if o["id"] == operator_uuid())
    by_name = {location["name"]: location for location in operator["locations"]}
    assert by_name["しらかば農園"]["transportation"] == f"{FARM_NEAREST}。{PICKUP}。駐車場あり"
    assert "transportation" not in by_name["しらかば市総合福祉センター 3階 講堂"]
    # programs.json keeps what the file says (the filling in is the site's).
    programs = json.loads((built_site / "data/programs.json").read_text(encoding="utf-8"))["programs"]
    tour = next(p for p in programs if p["slug"] == "tour-shirakaba-farm")
    written = {key: value for key, value in tour["place"]["access"].items() if value is not None}
    assert written == {"pickup": True, "pickup_note": "しらかば駅から。申し込みのときに伝えてください"}


# --- a tour with no access of its own, a period's own venue with its own -------------------------


@pytest.fixture(scope="module")
def access_site(tmp_path_factory) -> Path:
    return build_edited(
        tmp_path_factory.mktemp("access"),
        {TOUR: [(TOUR_ACCESS, "")], "content/programs/hataraku-junbi-no-hiroba.md": [(HALL_ACCESS, ""), (MOVE, MOVE + MOVE_ACCESS)]},
    )


def test_a_tour_without_access_of_its_own_shows_the_employers(access_site):
    listed = facts(page(access_site, "tour-shirakaba-farm"))
    assert f"行き方 {FARM_NEAREST} / 送迎あり / 駐車場あり 対象" in listed
    (event,) = events(access_site, "calendar/tour-shirakaba-farm.ics")
    assert f"行き方: {FARM_NEAREST}・送迎あり・駐車場あり" in str(event["DESCRIPTION"]).splitlines()


def test_a_period_venue_with_access_has_it_under_that_venue_only(access_site):
    listed = facts(page(access_site, "hataraku-junbi-no-hiroba"))
    assert ("2027年2月15日(月) 〜: しらかば市駅前交流プラザ 3階 会議室（しらかば市本町 2-5-8 ） 地図で見る（Google マップ） / "
            "行き方: しらかば駅から歩いて3分・駐車場なし 対象") in listed
    assert listed.count("行き方") == 1  # the first venue has none
    uid = "hataraku-junbi-no-hiroba-{}@example.github.io"
    by_uid = {str(e["UID"]): e for e in events(access_site, "calendar/hataraku-junbi-no-hiroba.ics")}
    assert "行き方: しらかば駅から歩いて3分・駐車場なし" in str(by_uid[uid.format("20270218")]["DESCRIPTION"]).splitlines()
    assert "行き方" not in str(by_uid[uid.format("20270210")]["DESCRIPTION"])
    operator = next(o for o in json.loads((access_site / "data/hsds/organizations.json").read_text(encoding="utf-8")) if o["id"] == operator_uuid())
    moved = Place(name="しらかば市駅前交流プラザ 3階 会議室", address="しらかば市本町2-5-8", access=VenueAccess(nearest="しらかば駅から歩いて3分", parking=False))
    location = next(location for location in operator["locations"] if location["id"] == place_uuid(moved))
    assert location["transportation"] == "しらかば駅から歩いて3分。駐車場なし"


@pytest.fixture(scope="module")
def access_url(access_site: Path, tmp_path_factory):
    from conftest import serve_below_project_path

    yield from serve_below_project_path(access_site, tmp_path_factory.mktemp("www-access"))


@pytest.mark.browser
@pytest.mark.parametrize("slug", ["tour-shirakaba-farm", "hataraku-junbi-no-hiroba"])
def test_pages_with_access_lines_stay_accessible(browser, access_url, slug):
    from test_browser import assert_accessible

    assert_accessible(browser, f"{access_url}programs/{slug}/")
