"""Open data: JSON against its own schema, CSV with BOM round trip, HSDS 3.0 against the official
schema, schema.org JSON-LD on pages, byte-identical rebuilds, the data page and its footer link."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from jinja2 import Environment, FileSystemLoader
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import ROOT, copy_project, run_build
from employer_directory.cli import read_settings
from employer_directory.exports.csv_data import BOM, EMPLOYER_COLUMNS, PROGRAM_COLUMNS, employer_rows, occurrence_rows
from employer_directory.exports.data_files import DATA_FILES, render_data_files
from employer_directory.exports.hsds import hsds_services, place_uuid, program_places
from employer_directory.exports.ids import employer_uuid, operator_uuid, program_uuid
from employer_directory.exports.json_ld import employer_json_ld, program_json_ld
from employer_directory.exports.records import program_occurrences
from employer_directory.site_address import SiteAddress
from employer_directory.loading import load_directory
from employer_directory.models.values import ClockTime, TimeRange

HSDS_SCHEMA = ROOT.parent / "shared" / "hsds-3.0" / "schema"
"""The official HSDS 3.0 schema beside the checkout (CC BY-SA 4.0; never copied into the repository)."""
SITE = SiteAddress("https://example.github.io/kyoryoku-jigyosho/")
OFFSET_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+09:00)?$")


@pytest.fixture(scope="module")
def directory():
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT)


def read_json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def validator_for(schema_file: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "content" / "schema" / schema_file).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# --- JSON -------------------------------------------------------------------------------------


def test_employers_json_validates_against_its_published_schema(built_site, directory):
    data = read_json(built_site, "data/employers.json")
    validator = validator_for("employers.data.schema.json")
    assert list(validator.iter_errors(data)) == []
    assert data["schema_version"] == "2.7" and data["license"] == "CC BY 4.0"
    assert [e["id"] for e in data["employers"]] == sorted(e.slug for e in directory.employers)
    # The schema is published with the site, and it is not vacuous: a typo in a field is refused.
    assert (built_site / "schema" / "employers.data.schema.json").is_file()
    broken = json.loads(json.dumps(data))
    broken["employers"][0]["verifeid"] = broken["employers"][0].pop("verified")
    assert not validator.is_valid(broken)


def test_programs_json_validates_and_lists_every_occurrence(built_site, directory):
    data = read_json(built_site, "data/programs.json")
    assert list(validator_for("programs.data.schema.json").iter_errors(data)) == []
    for record in data["programs"]:
        program = next(p for p in directory.programs if p.slug == record["id"])
        occurrences = directory.occurrences(program)
        assert occurrences, program.slug
        assert [o["id"] for o in record["occurrences"]] == [o.key for o in occurrences]
        for exported, occurrence in zip(record["occurrences"], occurrences):
            assert OFFSET_DATETIME.match(exported["start"]), exported
            assert exported["start"] == (occurrence.start.isoformat() if not occurrence.all_day else occurrence.date.isoformat())
            assert exported["status"] == {"中止": "cancelled", "満員": "full"}.get(occurrence.status, "scheduled")
    statuses = {o["status"] for record in data["programs"] for o in record["occurrences"]}
    assert "cancelled" in statuses, "the sample has a cancelled meeting"


# --- CSV --------------------------------------------------------------------------------------


def read_csv(site: Path, path: str) -> list[list[str]]:
    raw = (site / path).read_bytes()
    assert raw.startswith(BOM.encode("utf-8")), f"{path} must start with a BOM for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_employers_csv_starts_with_bom_and_round_trips(built_site, directory):
    rows = read_csv(built_site, "data/employers.csv")
    assert rows[0] == [header for _, header in EMPLOYER_COLUMNS]
    expected = [[row[key] for key, _ in EMPLOYER_COLUMNS] for row in employer_rows(directory, SITE)]
    assert rows[1:] == expected
    assert len(rows) - 1 == len(directory.employers)
    farm = next(row for row in rows if row[0] == "shirakaba-farm")
    assert "トマトの収穫" in farm[EMPLOYER_COLUMNS.index(("tasks", "切り出した作業"))].split(" / ")


def test_programs_csv_has_one_row_per_occurrence(built_site, directory):
    rows = read_csv(built_site, "data/programs.csv")
    assert rows[0] == [header for _, header in PROGRAM_COLUMNS]
    expected = occurrence_rows(program_occurrences(directory), SITE)
    assert rows[1:] == [[row[key] for key, _ in PROGRAM_COLUMNS] for row in expected]
    assert len(rows) - 1 == len(directory.calendar.all)
    assert "中止" in {row[PROGRAM_COLUMNS.index(("status", "状態"))] for row in rows[1:]}
    assert len({row[0] for row in rows[1:]}) == len(rows) - 1, "occurrence ids are unique"


# --- HSDS 3.0 ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hsds_registry() -> Registry:
    assert HSDS_SCHEMA.is_dir(), f"HSDS 3.0 schema expected beside the checkout at {HSDS_SCHEMA}"
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for path in sorted(HSDS_SCHEMA.glob("*.json"))
    ]
    return Registry().with_resources(resources)


def hsds_validator(registry: Registry, name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"{name}.json"}, registry=registry, format_checker=jsonschema.FormatChecker())


def test_hsds_organizations_validate_one_per_employer(built_site, directory, hsds_registry):
    organizations = read_json(built_site, "data/hsds/organizations.json")
    validator = hsds_validator(hsds_registry, "organization")
    for organization in organizations:
        assert list(validator.iter_errors(organization)) == [], organization["name"]
    ids = [organization["id"] for organization in organizations]
    assert sorted(ids) == sorted([employer_uuid(e.slug) for e in directory.employers] + [operator_uuid()])
    assert len(set(ids)) == len(ids)
    # Nested objects are checked through the $refs too: a bad location type is refused.
    broken = json.loads(json.dumps(organizations[0]))
    broken["locations"][0]["location_type"] = "building"
    assert not validator.is_valid(broken)


def test_hsds_services_validate_with_schedules_and_assured_dates(built_site, directory, hsds_registry):
    services = read_json(built_site, "data/hsds/services.json")
    validator = hsds_validator(hsds_registry, "service")
    for service in services:
        assert list(validator.iter_errors(service)) == [], service["name"]
    offers = sum(len(e.offers) for e in directory.employers)
    assert len(services) == offers + len(directory.programs)
    farm = directory.employer("shirakaba-farm")
    farm_services = [s for s in services if s["organization_id"] == employer_uuid("shirakaba-farm")]
    assert sorted(s["alternate_name"] for s in farm_services) == sorted(o.type for o in farm.offers)
    assert {s["assured_date"] for s in farm_services} == {farm.verified.isoformat()}
    assert all(s["languages"][0]["code"] == "ja" for s in services)
    program_services = [s for s in services if s["organization_id"] == operator_uuid()]
    taking_place = [o for o in directory.calendar.all if not o.is_cancelled]
    assert sum(len(s.get("schedules", [])) for s in program_services) == len(taking_place)


def test_each_meeting_of_a_rule_period_with_its_own_place_is_at_that_place(built_site, directory, hsds_registry):
    """The sample group moves to another venue with its second rule period (2027-02-15): the CSV
    row and the HSDS schedule of each meeting name the place of its period."""
    group = directory.calendar.program("hataraku-junbi-no-hiroba")
    old, new = group.place, group.rule_periods[1].place
    assert new is not None and new != old
    keys = [key for key, _ in PROGRAM_COLUMNS]
    _header, *rows = read_csv(built_site, "data/programs.csv")
    places = {row[keys.index("date")]: (row[keys.index("place")], row[keys.index("address")]) for row in rows if row[keys.index("program_id")] == group.slug}
    assert len(places) == 22
    old, new = (old.name, old.address), (new.name, new.address)
    assert {places[day] for day in places if day < "2027-02-15"} == {old}
    assert {places[day] for day in places if day >= "2027-02-15"} == {new}
    old, new = group.place, group.rule_periods[1].place

    services = read_json(built_site, "data/hsds/services.json")
    service = next(s for s in services if s["id"] == program_uuid(group.slug))
    by_day = {schedule["valid_from"]: schedule["location_id"] for schedule in service["schedules"]}
    assert {by_day[day] for day in by_day if day < "2027-02-15"} == {place_uuid(old)}
    assert {by_day[day] for day in by_day if day >= "2027-02-15"} == {place_uuid(new)}
    assert [link["location_id"] for link in service["service_at_locations"]] == [place_uuid(old), place_uuid(new)]
    operator = next(o for o in read_json(built_site, "data/hsds/organizations.json") if o["id"] == operator_uuid())
    assert {place_uuid(old), place_uuid(new)} <= {location["id"] for location in operator["locations"]}


def test_cancelled_occurrence_is_marked_everywhere(directory):
    first = program_occurrences(directory)[0]
    program = first.program
    cancelled = dataclasses.replace(first, cancelled=True, note="台風のため")
    events = program_json_ld(program, [cancelled], directory, SITE)["@graph"]
    assert events[0]["eventStatus"] == "https://schema.org/EventCancelled"
    assert occurrence_rows([cancelled], SITE)[0]["status"] == "中止"
    service = next(s for s in hsds_services(directory, SITE, [cancelled]) if s["name"] == program.title)
    assert "schedules" not in service, "a cancelled meeting is not a time the service is available"


def test_a_meeting_until_midnight_closes_at_00_00_in_hsds(directory):
    first = program_occurrences(directory)[0]
    late = dataclasses.replace(first, time=TimeRange(ClockTime(22, 0), ClockTime(24, 0)))
    service = next(s for s in hsds_services(directory, SITE, [late]) if s["name"] == first.program.title)
    assert (service["schedules"][0]["opens_at"], service["schedules"][0]["closes_at"]) == ("22:00+09:00", "00:00+09:00")


# --- schema.org JSON-LD ----------------------------------------------------------------------


class _JsonLd(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.blocks.append("")

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data

    def handle_endtag(self, tag):
        self._inside = False


def json_ld_blocks(page: Path) -> list[dict]:
    parser = _JsonLd()
    parser.feed(page.read_text(encoding="utf-8"))
    return [json.loads(block) for block in parser.blocks]


def test_program_pages_have_one_valid_event_per_occurrence(built_site, directory):
    location_types = set()
    for program in directory.programs:
        blocks = json_ld_blocks(built_site / "programs" / program.slug / "index.html")
        assert len(blocks) == 1
        events = blocks[0]["@graph"]
        assert blocks[0]["@context"] == "https://schema.org"
        occurrences = directory.occurrences(program)
        assert len(events) == len(occurrences)
        for event, session in zip(events, occurrences):
            # Google's required fields for event rich results, and what the issue asks for.
            assert event["@type"] == "Event" and event["name"].startswith(program.title)
            assert OFFSET_DATETIME.match(event["startDate"]) and event["startDate"].startswith(session.date.isoformat())
            if not session.all_day:
                assert event["startDate"] == session.start.isoformat() and event["startDate"].endswith("+09:00")
            expected_status = "EventCancelled" if session.is_cancelled else "EventScheduled"
            assert event["eventStatus"] == f"https://schema.org/{expected_status}"
            location = event["location"]
            location_types.add(location["@type"])
            if location["@type"] == "VirtualLocation":
                assert location["url"].startswith("https://")
            else:
                assert location["@type"] == "Place" and location["address"]["streetAddress"] == session.place.address  # its rule period's place
            assert event["eventStatus"] in {"https://schema.org/EventScheduled", "https://schema.org/EventCancelled"}
            assert event["organizer"]["name"]
    assert location_types == {"Place", "VirtualLocation"}, "the sample has a program on site and one online"


def test_no_events_when_a_required_field_would_be_missing(directory):
    program = next(p for p in directory.programs if not p.place.online)
    no_address = program.place.model_copy(update={"address": None})
    nowhere = program.model_copy(update={"place": no_address})
    occurrences = [dataclasses.replace(o, program=nowhere, place=no_address) for o in program_occurrences(directory) if o.program is program]
    assert occurrences and program_json_ld(nowhere, occurrences, directory, SITE) is None
    # one meeting without an address is enough: search engines would get an event with no place
    one = [occurrences[0], *(dataclasses.replace(o, place=program.place) for o in occurrences[1:])]
    assert program_json_ld(nowhere, one, directory, SITE) is None
    # the program's own place without an address, where no meeting is held (every rule period
    # names its own place): the meetings are described
    elsewhere = [dataclasses.replace(o, place=program.place) for o in occurrences]
    events = program_json_ld(nowhere, elsewhere, directory, SITE)["@graph"]
    assert len(events) == len(occurrences) and all(e["location"]["address"]["streetAddress"] == program.place.address for e in events)


def test_employer_pages_describe_the_business_and_its_programmes(built_site, directory):
    for employer in directory.employers:
        blocks = json_ld_blocks(built_site / "employers" / employer.slug / "index.html")
        assert len(blocks) == 1
        graph = blocks[0]["@graph"]
        business = graph[0]
        assert business["@type"] == "LocalBusiness" and business["name"] == employer.name
        assert business["address"]["streetAddress"] == employer.address
        programmes = [node for node in graph[1:] if node["@type"] == "WorkBasedProgram"]
        expected = [o.type for o in employer.offers_in_ladder_order() if o.term.id not in ("tour", "employment")]
        assert [p["programType"] for p in programmes] == ([] if employer.is_paused_on(directory.today) else expected)
        assert all(p["provider"] == {"@id": business["@id"]} for p in programmes)


def test_a_paused_employers_programmes_are_not_described_while_the_pause_is_in_effect(directory):
    """The page says nobody is taken now (受け入れ休止中); schema.org cannot say a programme is
    paused, so none is described then. Announced ahead, or over, they are described as usual."""
    bakery = directory.employer("komugi-no-oka-bakery")  # paused 2026-11-01 … 2027-01-31
    offered = [o.type for o in bakery.offers_in_ladder_order() if o.term.id not in ("tour", "employment")]
    assert offered

    def programme_types(today: str) -> list[str]:
        graph = employer_json_ld(bakery, SITE, dt.date.fromisoformat(today))["@graph"]
        assert graph[0]["@type"] == "LocalBusiness"  # the business itself is always described
        return [node["programType"] for node in graph[1:]]

    assert programme_types("2026-10-31") == offered  # announced ahead
    assert programme_types("2026-11-01") == []
    assert programme_types("2027-01-31") == []
    assert programme_types("2027-02-01") == offered  # the day after its last day


def test_json_ld_cannot_close_its_script_element():
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=True)
    html = env.get_template("partials/structured_data.html").render(structured_data={"name": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
    assert json.loads(html.split(">", 1)[1].rsplit("<", 1)[0]) == {"name": "</script><script>alert(1)</script>"}


# --- builds, the data page, the licence setting ---------------------------------------------


def test_two_builds_give_byte_identical_data_files(built_site, tmp_path, directory):
    again = tmp_path / "again"
    result = run_build(ROOT, again, PYTHONHASHSEED="7")
    assert result.returncode == 0, result.stdout + result.stderr
    paths = list(render_data_files(directory, SITE, program_occurrences(directory)))
    assert len(paths) == 6
    for path in paths + [f.path for f in DATA_FILES]:
        assert (again / path).read_bytes() == (built_site / path).read_bytes(), path


def test_data_page_is_in_nav_and_footer_and_lists_every_file(built_site):
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for data_file in DATA_FILES:
        assert f'href="../{data_file.path}"' in page
        assert (built_site / data_file.path).is_file()
    assert "CC BY 4.0" in page and "https://creativecommons.org/licenses/by/4.0/deed.ja" in page
    for other in ("index.html", "about/index.html", "employers/shirakaba-farm/index.html", "categories/agriculture/index.html"):
        html = (built_site / other).read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        assert re.search(r'<a href="(\./|(\.\./)+)data/">オープンデータ', footer), other
    assert re.search(r'<a href="data/" class="md-nav__link">\s*<span class="md-ellipsis">\s*オープンデータ', (built_site / "index.html").read_text(encoding="utf-8"))


def test_licence_is_configurable_in_mkdocs_yml(tmp_path):
    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  directory:\n", "  directory:\n    open_data: {license: CC0 1.0, license_url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.ja'}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert read_json(site, "data/employers.json")["license"] == "CC0 1.0"
    assert "CC0 1.0" in (site / "data" / "index.html").read_text(encoding="utf-8")


def test_a_service_is_at_the_places_its_meetings_are_held_and_no_other():
    """HSDS lists a program at each place one of its meetings is held. A rule whose every period
    names a place of its own meets nowhere at the program's ``place:`` (its page's 会場 is the
    period's place): that is no location of the service."""
    from test_calendar_occurrences import NEW_HALL, NEW_YEAR, THURSDAYS, WEDNESDAYS, program
    from employer_directory.calendar.closures import ClosedDays
    from employer_directory.calendar.occurrences import program_occurrences as meetings_of

    at_hall = {**THURSDAYS, "place": NEW_HALL}
    cases = {
        "one period at its own place": program(recurrence=[at_hall]),
        "every period at that place": program(recurrence=[{**WEDNESDAYS, "place": NEW_HALL}, at_hall]),
        "and a session at the program's place": program(recurrence=[at_hall], sessions=[{"date": "2026-05-30", "time": "10:00〜12:00"}]),
        "periods at two places": program(recurrence=[WEDNESDAYS, at_hall]),
        "no rule": program(sessions=[{"date": "2026-05-30", "time": "10:00〜12:00"}]),
    }
    for case, record in cases.items():
        held = {place_uuid(o.place) for o in meetings_of(record, dt.date(2026, 4, 1), ClosedDays(NEW_YEAR))}
        places = [place_uuid(place) for place in program_places(record)]
        assert len(places) == len(set(places)) and set(places) == held, case
