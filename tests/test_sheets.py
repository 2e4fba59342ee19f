"""Sheets, pamphlet, forms and packet data, without MkDocs or a browser."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.sheets.employer_sheets import SHEET_KINDS, employer_sheets
from employer_directory.sheets.forms import BLANK_FORMS
from employer_directory.sheets.packet import packet_catalogue
from employer_directory.sheets.pamphlet import make_pamphlet
from employer_directory.sheets.print_pages import plan_print_pages
from employer_directory.site_pages import SitePages
from employer_directory.sheets.qr import qr_svg
from employer_directory.site_address import SiteAddress
from employer_directory.sheets.sheet_files import render_sheet_files, sheet_path

SITE_URL = "https://example.github.io/kyoryoku-jigyosho/"


@pytest.fixture(scope="module")
def directory():
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT)


def test_every_employer_gets_one_sheet_file_with_its_three_sheets_at_stable_addresses(directory):
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    assert sorted(files) == sorted(f"employers/{employer.slug}/sheets.html" for employer in directory.employers)
    for employer in directory.employers:
        html = files[sheet_path(employer.slug)].decode("utf-8")
        assert html.count("<article ") == 3
        for kind in ("introduction", "seeker", "staff"):
            assert f'<article id="{kind}" class="sheet sheet--{kind}"' in html
            assert f"<h1 id=\"sheet-{kind}-{employer.slug}\" class=\"sheet__name\">" in html
        assert 'href="../../assets/print.css"' in html and f"<title>印刷用シート｜{employer.name}｜サイト名</title>" in html
        # Each sheet carries the employer's QR code inline (no image file per employer).
        assert html.count(qr_svg(SiteAddress(SITE_URL).employer(employer.slug))) == 3
    uris = {page.src_uri for page in plan_print_pages(SitePages(directory), SITE_URL)}
    assert uris == {"pamphlet.md", "packet.md", "forms/self-introduction.md", "forms/task-breakdown.md"}


def test_sheets_made_in_parts_are_the_same_files_each_made_once(directory):
    whole = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    parts = [render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides", part, 4) for part in range(4)]
    assert sum(len(files) for files in parts) == len(whole)
    assert all(files for files in parts)
    assert {path: html for files in parts for path, html in files.items()} == whole


def test_sheets_point_at_the_live_page_under_the_project_path(directory):
    sheets = employer_sheets(directory, directory.employer("shirakaba-farm"), SITE_URL)
    assert sheets.live_url == "https://example.github.io/kyoryoku-jigyosho/employers/shirakaba-farm/"
    assert sheets.total_capacity_note() == "見学 何人でも対応可、就労体験 2人、プチバイト 2人"
    assert [task.qualification for task in sheets.employer.tasks] == [False, False, True]


def test_qr_code_is_an_inline_svg_that_depends_on_its_address():
    one = qr_svg("https://example.github.io/kyoryoku-jigyosho/employers/a/")
    other = qr_svg("https://example.github.io/kyoryoku-jigyosho/employers/b/")
    assert one.startswith('<svg viewBox="0 0 ') and 'class="sheet-qr__code"' in one and one.endswith("</svg>")
    assert "<title>" not in one and "<?xml" not in one
    assert one != other


def test_pamphlet_counts_groups_and_numbers_follow_the_data(directory):
    pamphlet = make_pamphlet(directory, SITE_URL)
    # The cover's one QR code opens the list of employers (each employer's own is on its sheets).
    assert pamphlet.live_url == "https://example.github.io/kyoryoku-jigyosho/employers/"
    assert pamphlet.qr_code == qr_svg(pamphlet.live_url)
    assert pamphlet.counts == [(listing.term, len(listing.employers)) for listing in directory.category_listings()]
    assert pamphlet.total == len(directory.employers) == 25
    entries = pamphlet.entries()
    assert [entry.number for entry in entries] == list(range(1, 26))
    assert sorted(entry.employer.slug for entry in entries) == sorted(e.slug for e in directory.employers)
    for group in pamphlet.groups:
        assert group.entries and all(entry.employer.category == group.category.label for entry in group.entries)
        readings = [entry.employer.reading for entry in group.entries]
        assert readings == sorted(readings)
    # seed 000's table: 農業・栽培 10, 福祉・医療 4, 食品・製造 4, 環境整備 2, 交通警備 2
    assert [count for _, count in pamphlet.counts][:5] == [10, 4, 4, 2, 2]


def test_task_breakdown_form_has_two_lines_an_hour_from_8_to_17():
    form = next(form for form in BLANK_FORMS if form.slug == "task-breakdown")
    assert form.time_rows[0] == "8:00" and form.time_rows[-2] == "17:00"
    assert len(form.time_rows) == 20 and form.time_rows.count("") == 10


def test_packet_catalogue_lists_every_employer_and_the_two_printable_kinds(directory):
    catalogue = json.loads(json.dumps(packet_catalogue(directory)))
    assert [e["slug"] for e in catalogue["employers"]] == [e.slug for e in directory.employers]
    assert [kind["id"] for kind in catalogue["kinds"]] == ["seeker", "staff"]
    assert [kind.id for kind in SHEET_KINDS] == ["introduction", "seeker", "staff"]
