"""What a screen reader says, in Chromium's accessibility tree: the menu tells which page is being
read (and shows it by more than colour, WCAG 1.4.1); two links with the same name lead to the same
place (a list of links read out of context, WCAG 2.4.4)."""

from __future__ import annotations

import re

import pytest

from test_browser import PHONE, Watched

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}

MENU_LINKS = """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]
  .filter(e => e.checkVisibility({visibilityProperty: true}) && e.getBoundingClientRect().width > 0)
  .map(e => {
    const s = getComputedStyle(e);
    return {text: e.innerText.trim(), current: e.getAttribute('aria-current'),
            bold: Number(s.fontWeight) >= 700, bar: s.boxShadow !== 'none' || parseFloat(s.borderLeftWidth) > 0};
  })"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("path", "title"), [("calendar/", "プログラムの予定"), ("about/", "このサイトについて"), ("employers/", "事業所をさがす")])
def test_the_menu_marks_the_page_being_read_for_screen_readers_and_not_by_colour_alone(browser, site_url, viewport, path, title):
    session = Watched(browser, viewport)
    page = session.page
    try:
        page.goto(site_url + path)
        if viewport is PHONE:
            page.get_by_role("button", name="メニュー").click()
            page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
        links = page.evaluate(MENU_LINKS)
        marked = [link for link in links if link["bold"] and link["bar"]]
        assert [link["text"] for link in marked] == [title], links
        assert all(not link["bold"] and not link["bar"] for link in links if link["text"] != title), links
        # A screen reader hears it: the one link to this page is the current page.
        # (On a phone a page with headings shows Material's label in the link's place; the link,
        # hidden there, still carries the mark.)
        current = page.locator(".md-sidebar--primary a[aria-current=page]")
        assert current.count() == 1 and current.text_content().strip() == title
        assert session.errors == []
    finally:
        session.close()


def test_other_menu_links_are_not_marked_current(browser, site_url):
    session = Watched(browser, DESKTOP)
    try:
        session.page.goto(site_url + "employers/shirakaba-farm/")  # not in the menu itself
        assert session.page.locator(".md-sidebar--primary [aria-current]").count() == 0
    finally:
        session.close()


LINK_LINE = re.compile(r'^(\s*)- link "(.*)"')
URL_LINE = re.compile(r'^\s*- /url: "?([^"]*)"?$')


def links_by_name(snapshot: str) -> dict[str, set[str]]:
    """Every link of an ARIA snapshot, by its name: the places (fragment dropped) it leads to."""
    found: dict[str, set[str]] = {}
    lines = snapshot.splitlines()
    for number, line in enumerate(lines):
        link = LINK_LINE.match(line)
        if not link:
            continue
        url = next((m.group(1) for m in map(URL_LINE.match, lines[number + 1 : number + 3]) if m), "")
        found.setdefault(link.group(2), set()).add(url.split("#")[0])
    return found


@pytest.mark.parametrize(
    "path",
    [
        ".",
        "employers/",
        "employers/shirakaba-farm/",
        "programs/tour-shirakaba-farm/",
        "programs/hataraku-junbi-no-hiroba/",  # two venues in the term: two map links
        "calendar/",
        "calendar/2026-12/",
    ],
)
def test_links_that_share_a_name_lead_to_the_same_place(browser, site_url, path):
    session = Watched(browser, PHONE)
    try:
        session.page.goto(site_url + ("" if path == "." else path))
        by_name = links_by_name(session.page.locator("body").aria_snapshot())
        assert by_name, "the snapshot lists links"
        ambiguous = {name: places for name, places in by_name.items() if len(places) > 1}
        assert ambiguous == {}
    finally:
        session.close()


def test_each_map_link_names_its_place(browser, site_url):
    session = Watched(browser, PHONE)
    try:
        session.page.goto(site_url + "programs/hataraku-junbi-no-hiroba/")
        names = [name for name in links_by_name(session.page.locator("body").aria_snapshot()) if name.startswith("地図で見る")]
        # The visible words come first (what a voice-control user says), then the place.
        assert names == ["地図で見る（Google マップ）：しらかば市総合福祉センター 2階 研修室", "地図で見る（Google マップ）：しらかば市駅前交流プラザ 3階 会議室"]
    finally:
        session.close()


@pytest.mark.parametrize("path", [".", "calendar/2026-12/", "404.html"])
def test_the_footer_s_english_credit_is_read_as_english(browser, site_url, path):
    """The page is Japanese (lang=ja); a Japanese voice read 「Made with Material for MkDocs」 letter
    by letter or in katakana: the credit says it is English."""
    session = Watched(browser, PHONE)
    try:
        session.page.goto(site_url + ("" if path == "." else path))
        assert session.page.evaluate("document.documentElement.lang") == "ja"
        langs = session.page.evaluate(
            """() => [...document.querySelectorAll('.md-copyright *')]
                .filter(e => /Made with|Material for MkDocs/.test(e.textContent) && !e.querySelector('*'))
                .concat([...document.querySelectorAll('.md-copyright')])
                .map(e => [...e.childNodes].some(n => n.nodeType === 3 && /[A-Za-z]/.test(n.textContent)) ? e.closest('[lang]').lang : null)
                .filter(Boolean)"""
        )
        assert langs and set(langs) == {"en"}, langs
    finally:
        session.close()


OUTLINE = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
  .filter(h => h.checkVisibility() || h.matches('.print-sr'))
  .map(h => [Number(h.getAttribute('aria-level') || h.tagName[1]), h.textContent.trim()])"""
"""Each heading a screen reader lists on the page: its level and words, in order."""


@pytest.mark.parametrize("address", ["sheets.html", "sheets.html#seeker"])
def test_the_sheets_page_has_one_h1_and_headings_in_order(browser, site_url, address):
    """With its three sheets open, sheets.html had three h1s (each sheet's printed name): a screen
    reader's list of headings showed three pages in one. The page has one h1; each sheet's name is
    a level-2 heading that says which sheet it is, and its parts are level 3."""
    session = Watched(browser, DESKTOP)
    page = session.page
    try:
        page.goto(site_url + "employers/shirakaba-farm/" + address)
        outline = page.evaluate(OUTLINE)
        levels = [level for level, _ in outline]
        assert levels.count(1) == 1 and levels[0] == 1, outline
        assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), outline
        names = [page.get_by_role("heading", level=2).nth(i).evaluate("h => h.textContent.trim()") for i in range(page.get_by_role("heading", level=2).count())]
        assert set(names) == {"しらかば農園"}
        kinds = ["① 事業所紹介シート", "② 相談者向けプログラム情報シート", "③ 支援員向けプログラム情報シート"]
        shown = kinds if address == "sheets.html" else kinds[1:2]
        for kind in shown:
            assert page.get_by_role("heading", level=2, name=f"{kind} しらかば農園", exact=True).is_visible()
        assert {level for level, _ in outline[1:]} == {2, 3}
        assert session.errors == []
    finally:
        session.close()


def test_the_404_page_tells_a_screen_reader_its_guess_that_comes_after_the_load(browser, site_url, built_site):
    """「もしかして、次のページですか。」 and its links appear once the names have been fetched,
    after the page has loaded, above the text a screen reader is already reading: it was not told.
    A status line that is in the page from the start says it; an address with no guess says
    nothing."""
    body = (built_site / "404.html").read_text(encoding="utf-8")
    session = Watched(browser, PHONE)
    page = session.page
    try:
        # An empty live region is in the page as served, outside the hidden box.
        served = re.findall(r'<p [^>]*role="status"[^>]*>(.*?)</p>', body)
        assert served == [""], served
        box = re.search(r"<div [^>]*data-not-found .*?</div>", body, re.S).group(0)
        assert 'role="status"' not in box
        for path, said in [("employers/shirakaba-farn/sheets.html", "もしかして、次のページですか。 しらかば農園"), ("employers/zzzz/", "")]:
            page.route(site_url + path, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
            page.goto(site_url + path, wait_until="networkidle")
            status = page.get_by_role("status")
            assert status.count() == 1
            assert status.text_content() == said
            if said:
                assert page.locator("[data-not-found]").is_visible()
                # Said once, not shown twice: the line itself is for screen readers only.
                assert status.evaluate("s => s.getBoundingClientRect().width <= 1")
    finally:
        session.close()
