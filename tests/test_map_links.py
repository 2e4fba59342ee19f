"""「地図で見る」 beside the addresses a seeker reads on screen (the map_url setting): the link and
its percent-encoded address, none for an online venue or without the setting, the setting's
checks, and the link kept off paper."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build
from employer_directory.maps import map_search_url
from employer_directory.problems import ContentInvalid
from employer_directory.settings import load_settings

GOOGLE = "https://www.google.com/maps/search/?api=1&query={query}"
MAP_LINK = re.compile(r'<a class="dir-map-link[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>')


def map_links(site: Path, page: str) -> list[tuple[str, str]]:
    """Each map link of ``page``: (its address, as a browser reads the href; its text)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return [(unescape(href), text) for href, text in MAP_LINK.findall(html)]


def test_the_address_goes_into_the_query_percent_encoded():
    assert map_search_url(GOOGLE, "しらかば市北町1234-5") == (
        "https://www.google.com/maps/search/?api=1&query=%E3%81%97%E3%82%89%E3%81%8B%E3%81%B0%E5%B8%82%E5%8C%97%E7%94%BA1234-5"
    )
    # A sign in an address does not end the query; a full-width space is one space.
    assert map_search_url("https://maps.example.jp/?q={query}&z=16", "本町2-5-8　A&B #3") == "https://maps.example.jp/?q=%E6%9C%AC%E7%94%BA2-5-8%20A%26B%20%233&z=16"


def test_the_employer_page_links_its_address_to_the_map_service(built_site):
    assert map_links(built_site, "employers/shirakaba-farm") == [
        (map_search_url(GOOGLE, "しらかば市北町1234-5"), "地図で見る（Google マップ）")
    ]


def test_a_program_page_links_its_venues_address(built_site):
    assert map_links(built_site, "programs/tour-shirakaba-farm") == [
        (map_search_url(GOOGLE, "しらかば市北町1234-5"), "地図で見る（Google マップ）")
    ]
    assert map_links(built_site, "programs/godo-mensetsukai-2027-02") == [
        (map_search_url(GOOGLE, "しらかば市中央町3-1-1"), "地図で見る（Google マップ）")
    ]


def test_an_online_venue_has_no_map_link(built_site):
    html = (built_site / "programs/chiiki-zukuri-seminar/index.html").read_text(encoding="utf-8")
    assert "オンライン（Zoom）" in html and "dir-map-link" not in html


def test_the_map_link_is_not_on_printed_sheets_or_lists(built_site):
    """Paper has the QR code to the page; the map link is for the screen."""
    # The employer's sheets, the pamphlet, and the month's printed list of programs and venues
    # (calendar-print.css shows it on paper only): each gives the address, none a map link.
    assert map_links(built_site, "employers/shirakaba-farm")  # the page has it, on screen
    for page in ("employers/shirakaba-farm/sheets.html", "pamphlet/index.html", "calendar/2026-12/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "しらかば市北町1234-5" in html and "dir-map-link" not in html, page


def test_without_map_url_no_page_has_a_map_link(tmp_path):
    project = copy_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    map_url: " in config
    (project / "mkdocs.yml").write_text(re.sub(r"    map_url: .*\n", "", config, count=1), encoding="utf-8")
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 20
    assert [page for page in pages if "dir-map-link" in page.read_text(encoding="utf-8")] == []
    assert "しらかば市北町" in (tmp_path / "site/employers/shirakaba-farm/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_map_url_means_no_map_links(value):
    settings = load_settings({"map_url": value, "map_name": ""})
    assert settings.map_link("しらかば市北町1234-5") == ""


def test_the_service_is_named_by_its_host_without_map_name():
    settings = load_settings({"map_url": "https://maps.example.jp/search?q={query}"})
    assert settings.map_service_name() == "maps.example.jp"
    assert settings.map_link(None) == "" and settings.map_link(" ") == ""


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("http://www.google.com/maps/search/?api=1&query={query}", "https:// から始まるホームページのアドレスではありません"),
        ("www.google.com/maps/search/?api=1&query={query}", "https:// から始まるホームページのアドレスではありません"),
        ("https://www.google.com/maps/", "{query} が入っていません"),
        ("https://www.google.com/maps/search/?api=1&query={query}&q={query}", "{query} が2回以上あります"),
    ],
)
def test_a_bad_map_url_gets_a_located_message(value, words):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r'    map_url: .*\n', f'    map_url: "{value}"\n', config, count=1)
    with pytest.raises(ContentInvalid) as raised:
        load_settings({"map_url": value}, config_text=config)
    (problem,) = raised.value.problems
    assert problem.field.startswith("extra.directory.map_url") and words in problem.format()
    assert config.split("\n")[problem.line - 1] == f'    map_url: "{value}"'
    assert "https://www.google.com/maps/search/?api=1&query={query}" in problem.format()  # how to fix


def test_a_bad_map_url_stops_the_build_with_its_message(tmp_path):
    project = copy_project(tmp_path, with_content=False)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"    map_url: .*\n", '    map_url: "https://www.google.com/maps/"\n', config, count=1), encoding="utf-8")
    built = run_build(project, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert "map_url" in built.stderr and "{query} が入っていません" in built.stderr


@pytest.mark.browser
def test_the_map_link_shows_on_screen_and_stays_off_paper(browser, site_url, tmp_path):
    from test_print_pages import print_with_css_page_size

    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for path in ("employers/shirakaba-farm/", "programs/tour-shirakaba-farm/"):
            page.goto(site_url + path)
            link = page.get_by_role("link", name="地図で見る（Google マップ）")
            assert link.is_visible() and link.get_attribute("target") is None, path
            _sizes, printed = print_with_css_page_size(page, None, tmp_path / "page.pdf")
            text = "".join(printed)
            assert "しらかば市北町" in text and "地図で見る" not in text and "Google" not in text, path
    finally:
        context.close()
