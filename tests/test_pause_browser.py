"""An employer's pause (受け入れ休止) in Chromium: the notice and chips go by themselves once the
pause is over when the daily rebuild stopped; the search cards carry the chip; axe finds nothing
on the page with the notice; each sheet of the paused employer prints on one A4 page with the
notice at its top, and without it once the pause is over.

The sample is built on 2026-11-22; パン工房 こむぎの丘 is paused until 2027-01-31.
"""

from __future__ import annotations

import pytest

from conftest import serve_below_project_path
from test_browser import PHONE, Watched, assert_accessible
from test_pause import build_tour_in_a_pause
from test_print import print_pdf

pytestmark = pytest.mark.browser

PAUSED = "komugi-no-oka-bakery"
LAST_DAY_NIGHT = "2027-01-31T23:00:00+09:00"
AFTER = "2027-02-01T00:30:00+09:00"


@pytest.mark.parametrize("path", [f"employers/{PAUSED}/", "categories/food-manufacturing/", "employers/"])
def test_pages_with_the_pause_notice_or_chip_have_no_accessibility_violations(browser, site_url, path):
    assert_accessible(browser, site_url + path)


def test_the_pause_notice_chips_and_counts_go_after_its_last_day_if_the_rebuild_stopped(browser, site_url):
    session = Watched(browser, PHONE, timezone_id="UTC")
    page = session.page
    try:
        session.context.clock.set_fixed_time(LAST_DAY_NIGHT)
        page.goto(site_url + f"employers/{PAUSED}/")
        notice = page.locator(".dir-pause")
        assert notice.is_visible() and "いま受け入れを休止しています（2027年1月31日(日)まで）。" in notice.inner_text()
        assert page.get_by_role("heading", name="受け入れ休止中").is_visible()
        page.goto(site_url + "categories/food-manufacturing/")
        assert page.locator(".dir-chip--paused").is_visible() and page.locator(".dir-paused-count").is_visible()

        session.context.clock.set_fixed_time(AFTER)  # 2-1 in Japan: the bakery takes people again
        page.reload()
        assert page.locator(".dir-chip--paused").count() == 1 and not page.locator(".dir-chip--paused").is_visible()
        assert not page.locator(".dir-paused-count").is_visible()
        page.goto(site_url + f"employers/{PAUSED}/")
        assert notice.count() == 1 and not notice.is_visible()
        page.goto(site_url)
        assert page.locator(".dir-paused-note").inner_text().strip() == ""
        assert session.errors == []
    finally:
        session.close()


# Registered before any script of the page, so it runs first when the cards are drawn: what it
# sees is the card as built, before any other listener of the event (packet.js) touches it.
CHIPS_WHEN_DRAWN = """
document.addEventListener("directory:cards-rendered", function () {
  window.chipsWhenDrawn = Array.prototype.map.call(
    document.querySelectorAll("#dir-search-results .dir-card__meta"),
    function (meta) { return meta.firstElementChild.className + " " + meta.firstElementChild.textContent; }
  ).filter(function (first) { return first.indexOf("dir-chip--paused") >= 0; });
});
"""


def test_the_search_result_card_of_the_paused_employer_carries_the_chip_until_its_last_day(browser, site_url):
    session = Watched(browser, PHONE)
    page = session.page
    page.add_init_script(CHIPS_WHEN_DRAWN)
    card = page.locator(".dir-card", has=page.locator(f"a[href$='employers/{PAUSED}/']"))
    try:
        page.goto(site_url + "search/?q=パン")
        page.wait_for_selector("#dir-search-results[data-rendered]")
        assert card.locator(".dir-chip--paused").inner_text() == "受け入れ休止中（1月31日(日)まで）"
        # built into the card, first in its meta line as on the listing cards, by the time the
        # cards are drawn
        assert page.evaluate("window.chipsWhenDrawn") == ["dir-chip dir-chip--paused 受け入れ休止中（1月31日(日)まで）"]
        assert card.locator(".dir-chip--paused").get_attribute("data-paused-until") == "2027-01-31"
        # every card drawn again (a new search) gets it again, once
        page.goto(site_url + "search/?category=food-manufacturing")
        page.wait_for_selector("#dir-search-results[data-rendered]")
        assert card.locator(".dir-chip--paused").count() == 1
        assert page.locator(".dir-chip--paused").count() == 1  # on no other card
        session.context.clock.set_fixed_time(AFTER)
        page.reload()
        page.wait_for_selector("#dir-search-results[data-rendered]")
        assert card.count() == 1 and card.locator(".dir-chip--paused").count() == 0
        assert page.evaluate("window.chipsWhenDrawn") == []
        assert session.errors == []
    finally:
        session.close()


@pytest.mark.parametrize("kind", ["introduction", "seeker", "staff"])
def test_each_sheet_of_the_paused_employer_prints_on_one_page_with_the_notice_at_its_top(browser, site_url, tmp_path, kind):
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    try:
        page.clock.set_fixed_time("2026-11-25T10:00:00+09:00")
        pages = print_pdf(page, f"{site_url}employers/{PAUSED}/sheets.html#{kind}", tmp_path / f"{kind}.pdf")
        assert len(pages) == 1, f"{kind}: {len(pages)} pages"
        notice = "【受け入れ休止中】この事業所は、いま受け入れを休止しています（2027年1月31日(日)まで）。"
        assert notice in pages[0]
        assert pages[0].index("パン工房こむぎの丘") < pages[0].index(notice) < pages[0].index("情報確認日")
        # printed after the pause (the rebuild stopped): the sheet no longer says so
        page.clock.set_fixed_time(AFTER)
        later = print_pdf(page, f"{site_url}employers/{PAUSED}/sheets.html?after#{kind}", tmp_path / f"{kind}-after.pdf")
        assert len(later) == 1 and "受け入れ休止" not in later[0]
    finally:
        context.close()


def test_the_counter_packet_list_marks_the_paused_employer_before_printing_until_its_last_day(browser, site_url):
    session = Watched(browser, PHONE)
    page = session.page
    item = page.locator(f".packet-item[data-slug='{PAUSED}']")
    try:
        page.goto(site_url + f"packet/?e=yamabiko-care,{PAUSED},shirakaba-farm&s=seeker")
        page.wait_for_selector("[data-packet-sheets][data-loaded]")
        assert item.locator(".dir-chip--paused").inner_text() == "受け入れ休止中（1月31日(日)まで）"
        assert page.locator(".packet-list .dir-chip--paused").count() == 1  # on no other employer
        assert item.locator("[data-remove]").get_attribute("aria-label") == "パン工房 こむぎの丘を外す"
        # moved in the list (drawn again): still once
        item.locator("[data-move='up']").click()
        assert page.locator(".packet-list .dir-chip--paused").count() == 1
        assert_accessible(browser, page.url)
        session.context.clock.set_fixed_time(AFTER)
        page.reload()
        page.wait_for_selector("[data-packet-sheets][data-loaded]")
        assert item.count() == 1 and item.locator(".dir-chip--paused").count() == 0
        assert session.errors == []
    finally:
        session.close()


def test_the_offered_steps_lose_their_pause_note_after_its_last_day(browser, site_url):
    session = Watched(browser, PHONE)
    page = session.page
    notes = page.locator(".dir-ladder__paused")
    try:
        page.goto(site_url + f"employers/{PAUSED}/")
        assert notes.count() == 3 and all(notes.nth(i).is_visible() for i in range(3))
        session.context.clock.set_fixed_time(AFTER)
        page.reload()
        assert notes.count() == 3 and not any(notes.nth(i).is_visible() for i in range(3))
        assert session.errors == []
    finally:
        session.close()


# The line (top of its box) of each character of each pause beside a meeting, from its 「（」 on.
UNTIL_LINES = """() => [...document.querySelectorAll('.cal-paused')].filter(chip => chip.offsetParent).map(chip => {
  const walker = document.createTreeWalker(chip, NodeFilter.SHOW_TEXT);
  const chars = [];
  for (let node; (node = walker.nextNode());) for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
  const text = chars.map(([node, i]) => node.data[i]).join('');
  const range = document.createRange();
  return [text, chars.slice(text.indexOf('（')).map(([node, i]) => {
    range.setStart(node, i); range.setEnd(node, i + 1); return Math.round(range.getClientRects()[0].top);
  })];
})"""


@pytest.fixture(scope="module")
def tour_in_a_pause_url(tmp_path_factory):
    """test_pause's site with a tour day in its employer's pause, built once, served below the project path."""
    site = build_tour_in_a_pause(tmp_path_factory.mktemp("tour-in-a-pause"))
    yield from serve_below_project_path(site, tmp_path_factory.mktemp("www-tour-in-a-pause"))


@pytest.mark.parametrize("width", [360, 390])
def test_the_pause_beside_a_meeting_keeps_its_last_day_on_one_line_on_a_phone(browser, tour_in_a_pause_url, width):
    """A long pause beside a meeting wraps (its frame cloned on each line), but between words:
    「（1月31」 at the end of one line and 「日(日)まで）」 on the next split the date."""
    site_url = tour_in_a_pause_url
    session = Watched(browser, {"width": width, "height": 800})
    try:
        for path in ("programs/tour/", "calendar/2026-12/", "calendar/", ""):
            session.page.goto(site_url + path)
            chips = session.page.evaluate(UNTIL_LINES)
            assert chips, path
            for text, tops in chips:
                assert text.endswith("（1月31日(日)まで）") and len(set(tops)) == 1, (path, text, str(tops))
            assert session.page.evaluate("document.documentElement.scrollWidth") <= width, path
    finally:
        session.close()


# Each character of each pause beside a meeting with the line (top of its box) it is on.
CHIP_CHARS = """() => [...document.querySelectorAll('.cal-paused')].filter(chip => chip.offsetParent).map(chip => {
  const walker = document.createTreeWalker(chip, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const chars = [];
  for (let node; (node = walker.nextNode());) for (let i = 0; i < node.data.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    chars.push([node.data[i], Math.round(range.getClientRects()[0].top)]);
  }
  return chars;
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_pause_beside_a_meeting_breaks_only_between_the_name_its_words_and_its_last_day(browser, tour_in_a_pause_url, width):
    """In a narrow day cell of the month grid (1280 px) the pause wraps after 「テスト農園は」, not
    inside 「受け入れ休止中」 (「…は受け / 入れ休止中」); on a phone (the day list) likewise."""
    site_url = tour_in_a_pause_url
    session = Watched(browser, {"width": width, "height": 800})
    try:
        session.page.goto(site_url + "calendar/2026-12/")
        chips = session.page.evaluate(CHIP_CHARS)
        assert len(chips) == 1
        text = "".join(char for char, _ in chips[0])
        assert text == "テスト農園は受け入れ休止中（1月31日(日)まで）"
        parts = ("テスト農園は", "受け入れ休止中", "（1月31日(日)まで）")
        tops, start = [], 0
        for part in parts:
            part_tops = {top for _, top in chips[0][start:start + len(part)]}
            assert len(part_tops) == 1, (width, part, part_tops)
            tops.append(part_tops.pop())
            start += len(part)
        if width == 1280:  # the day cell is narrower than the pause: it wraps, between its parts
            assert len(set(tops)) > 1, tops
        assert session.errors == []
        if width == 1280:
            assert_accessible(browser, site_url + "calendar/2026-12/")  # on a phone and a desktop
    finally:
        session.close()


def test_the_printed_month_grid_shows_the_pause_beside_a_meeting_on_one_line(browser, tour_in_a_pause_url):
    """Printed (A4 landscape), the pause in the day's cell wrapped to three framed pieces
    (「テスト農園は」 / 「受け入れ休止中」 / 「（1月31日(日)まで）」): the cell says 「受け入れ休止中」
    on one line; the programs table under the grid names the employer and the last day."""
    session = Watched(browser, {"width": 1047, "height": 740})  # 297 mm less the 10 mm margins
    try:
        page = session.page
        page.emulate_media(media="print")
        page.goto(tour_in_a_pause_url + "calendar/2026-12/")
        chip = page.locator(".cal-grid .cal-paused")
        assert chip.count() == 1
        assert chip.inner_text() == "受け入れ休止中"
        lines = chip.evaluate("c => { const r = document.createRange(); r.selectNodeContents(c); return new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))).size; }")
        assert lines == 1
        height = chip.evaluate("c => c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)")
        assert height < 1.5, height
        inside = chip.evaluate("c => c.getBoundingClientRect().right <= c.closest('td').getBoundingClientRect().right")
        assert inside
        # The table under the grid still says whose pause it is, and until when.
        assert page.locator(".cal-print-programs__paused").inner_text() == "テスト農園は受け入れ休止中（1月31日(日)まで）"
    finally:
        session.close()
