"""A renamed employer or program (``former_slugs:``) keeps its ids: the calendar UIDs that a
subscribed family member's app matches meetings by, and the open-data ids (JSON, CSV, HSDS) that
another agency's import links by. They are made from the record's first URL name, the first of
``former_slugs`` (written oldest first); a record never renamed keeps the ids it has today."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, copy_project, run_build
from employer_directory.cli import read_settings
from employer_directory.exports.ids import employer_uuid, operator_uuid, program_uuid, stable_uuid
from employer_directory.loading import load_directory
from test_forwarding import _rename
from test_forwarding import _renamed_project as renamed_farm_and_tour

HIROBA = "content/programs/hataraku-junbi-no-hiroba.md"
RENAMED = {
    # kind, URL name today → the sample's URL name (the first one)
    ("employers", "shirakaba-nouen"): "shirakaba-farm",
    ("programs", "farm-tour"): "tour-shirakaba-farm",
    ("programs", "hiroba"): "hataraku-junbi-no-hiroba",
}


def _renamed_project(root: Path) -> Path:
    """The sample with the farm renamed once (shirakaba-nouen), its tour once (farm-tour) and the
    group renamed twice (hataraku-junbi-no-hiroba → junbi-hiroba → hiroba)."""
    project = renamed_farm_and_tour(root)
    _rename(project, HIROBA, "content/programs/hiroba.md", "title", "hataraku-junbi-no-hiroba, junbi-hiroba")
    return project


@pytest.fixture(scope="module")
def renamed_project(tmp_path_factory) -> Path:
    return _renamed_project(tmp_path_factory.mktemp("renamed-ids"))


@pytest.fixture(scope="module")
def renamed_site(renamed_project: Path) -> Path:
    site = renamed_project / "site"
    result = run_build(renamed_project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_first_url_name_is_the_first_former_one_or_the_one_of_today(renamed_project):
    directory = load_directory(renamed_project / "content", read_settings(renamed_project / "mkdocs.yml"), root=renamed_project)
    firsts = {(kind, record.slug): record.first_slug for kind, records in (("employers", directory.employers), ("programs", directory.programs)) for record in records}
    for (kind, slug), first in RENAMED.items():
        assert firsts.pop((kind, slug)) == first
    assert firsts and all(first == slug for (_, slug), first in firsts.items())


# --- calendars --------------------------------------------------------------------------------


def uids(site: Path, feed: str) -> list[str]:
    calendar = icalendar.Calendar.from_ical((site / "calendar" / feed).read_bytes())
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_a_renamed_programs_meetings_keep_their_calendar_uids(built_site, renamed_site):
    for (kind, slug), first in RENAMED.items():
        if kind != "programs":
            continue
        before = uids(built_site, f"{first}.ics")
        assert before and uids(renamed_site, f"{slug}.ics") == before
        # The feed at the former address (a subscription made before the rename) is the same feed.
        assert uids(renamed_site, f"{first}.ics") == before
    assert uids(renamed_site, "all.ics") == uids(built_site, "all.ics")


def cal_add_uids(site: Path, slug: str) -> list[str]:
    return re.findall(r'data-cal-uid="([^"]+)"', (site / "programs" / slug / "index.html").read_text(encoding="utf-8"))


def test_add_to_calendar_names_the_same_uid_after_a_rename(built_site, renamed_site):
    """「カレンダーに追加」 saves one meeting under its UID: the copy a family member added before
    the rename is the one a later change or cancellation in the feed updates."""
    for (kind, slug), first in RENAMED.items():
        if kind == "programs":
            before = cal_add_uids(built_site, first)
            assert before and cal_add_uids(renamed_site, slug) == before
            assert set(before) <= set(uids(renamed_site, f"{slug}.ics"))


def test_a_renamed_programs_cancellation_cancels_the_meeting_under_its_uid(renamed_project, renamed_site, tmp_path):
    """The staff cancel a meeting after the rename: the event that goes CANCELLED has the UID the
    subscriber's app had before the rename, so no copy of the meeting is left standing."""
    before = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((renamed_site / "calendar/hiroba.ics").read_bytes()).walk("VEVENT")}
    target = next(uid for uid, e in before.items() if str(e.get("STATUS")) != "CANCELLED" and e.decoded("DTSTART").year == 2027)
    day = re.fullmatch(r"hataraku-junbi-no-hiroba-(\d{4})(\d{2})(\d{2})@example\.github\.io", target)
    assert day, target
    project = copy_project(tmp_path)
    shutil.rmtree(project / "content")
    shutil.copytree(renamed_project / "content", project / "content")
    hiroba = project / "content/programs/hiroba.md"
    text = hiroba.read_text(encoding="utf-8")
    assert text.count("\ncancelled:\n") == 1
    cancel = f"\ncancelled:\n  - {{date: {day[1]}-{day[2]}-{day[3]}, reason: 会場の点検のため}}\n"
    hiroba.write_text(text.replace("\ncancelled:\n", cancel), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    after = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((tmp_path / "site/calendar/hiroba.ics").read_bytes()).walk("VEVENT")}
    assert set(after) == set(before)
    assert str(after[target]["STATUS"]) == "CANCELLED"


# --- open data ----------------------------------------------------------------------------------


def read_json(site: Path, path: str):
    return json.loads((site / "data" / path).read_text(encoding="utf-8"))


def all_ids(value) -> set[str]:
    """Every id and reference to one (``id``, ``*_id``) anywhere in an HSDS document."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "id" or key.endswith("_id")) and isinstance(item, str):
                found.add(item)
            found |= all_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= all_ids(item)
    return found


@pytest.mark.parametrize("file", ["hsds/organizations.json", "hsds/services.json"])
def test_hsds_ids_stay_the_same_after_a_rename(built_site, renamed_site, file):
    """Organization, location, service, schedule, contact, phone, language, service at location:
    an importing portal sees the same records, not deleted ones and new ones."""
    before, after = read_json(built_site, file), read_json(renamed_site, file)
    assert len(all_ids(before)) > 50
    assert all_ids(after) == all_ids(before)


def by_id(records: list[dict]) -> dict[str, dict]:
    return {record["id"]: record for record in records}


def test_json_ids_stay_the_same_and_slug_and_url_say_where_the_page_is_now(built_site, renamed_site):
    employers_before, employers_after = by_id(read_json(built_site, "employers.json")["employers"]), by_id(read_json(renamed_site, "employers.json")["employers"])
    programs_before, programs_after = by_id(read_json(built_site, "programs.json")["programs"]), by_id(read_json(renamed_site, "programs.json")["programs"])
    assert employers_after.keys() == employers_before.keys() and programs_after.keys() == programs_before.keys()
    for record_id, record in employers_before.items():
        assert (employers_after[record_id]["hsds_id"], sorted(employers_after[record_id]["program_ids"])) == (record["hsds_id"], sorted(record["program_ids"]))
    for record_id, record in programs_before.items():
        after = programs_after[record_id]
        assert after["hsds_id"] == record["hsds_id"]
        assert after["employer_ids"] == record["employer_ids"] and set(after["employer_ids"]) <= employers_after.keys()
        assert [o["id"] for o in after["occurrences"]] == [o["id"] for o in record["occurrences"]]
    for (kind, slug), first in RENAMED.items():
        record = (employers_after if kind == "employers" else programs_after)[first]
        assert record["slug"] == slug and record["url"].endswith(f"/{kind}/{slug}/")


def read_csv(site: Path, path: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / path).read_text(encoding="utf-8-sig"))))


def test_csv_ids_stay_the_same_after_a_rename(built_site, renamed_site):
    assert sorted(row["ID"] for row in read_csv(renamed_site, "employers.csv")) == sorted(row["ID"] for row in read_csv(built_site, "employers.csv"))
    after = sorted((row["開催回ID"], row["プログラムID"]) for row in read_csv(renamed_site, "programs.csv"))
    assert after == sorted((row["開催回ID"], row["プログラムID"]) for row in read_csv(built_site, "programs.csv"))


# --- records never renamed: the ids of before this change ----------------------------------------


@pytest.fixture(scope="module")
def sample():
    return load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)


def test_without_former_slugs_the_ids_are_made_from_the_url_name_of_today(built_site, sample):
    """No one who subscribed or imported already sees a change: the sample has no renamed
    record, and its ids are the ones made from today's URL names (the way of before)."""
    assert not any(record.former_slugs for record in (*sample.employers, *sample.programs))
    employers = read_json(built_site, "employers.json")["employers"]
    assert {(e["id"], e["hsds_id"]) for e in employers} == {(e.slug, employer_uuid(e.slug)) for e in sample.employers}
    programs = read_json(built_site, "programs.json")["programs"]
    assert {(p["id"], p["hsds_id"]) for p in programs} == {(p.slug, program_uuid(p.slug)) for p in sample.programs}
    assert all(p["employer_ids"] == p["employers"] for p in programs) and any(p["employer_ids"] for p in programs)
    organizations = read_json(built_site, "hsds/organizations.json")
    assert {o["id"] for o in organizations} == {employer_uuid(e.slug) for e in sample.employers} | {operator_uuid()}
    locations = {location["id"] for o in organizations for location in o.get("locations", []) if o["id"] != operator_uuid()}
    assert locations == {stable_uuid("employer", e.slug, "location") for e in sample.employers}
    services = {s["id"] for s in read_json(built_site, "hsds/services.json")}
    assert services == {stable_uuid("employer", e.slug, "offer", o.term.id) for e in sample.employers for o in e.offers} | {program_uuid(p.slug) for p in sample.programs}
    for program in sample.programs:
        for uid in uids(built_site, f"{program.slug}.ics"):
            assert re.fullmatch(re.escape(program.slug) + r"-\d{8}@example\.github\.io", uid), uid
    assert {row["ID"] for row in read_csv(built_site, "employers.csv")} == {e.slug for e in sample.employers}
