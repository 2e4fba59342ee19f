"""The employer page's 受け入れの段階 in Chromium, as a family sees it on a phone: offered and
not-offered steps differ by more than a tint (WCAG 1.4.1), their edges stand out (1.4.11), a
screen reader hears each step's name and whether it is offered, and the offered steps' days and
hours are on the first two screens. On paper the table just below says them."""

from __future__ import annotations

import pytest

from test_browser import PHONE, Watched, assert_accessible
from test_focus_and_targets_browser import DOUBLE_TEXT, backdrop, contrast, rgba

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}

BOXES = """() => [...document.querySelectorAll('ol.dir-ladder > li')].map(li => {
  const s = getComputedStyle(li); const layers = [];
  for (let e = li.parentElement; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
  const mark = li.querySelector('.dir-ladder__mark');
  return {offered: li.classList.contains('is-offered'), name: li.querySelector('.dir-ladder__name').textContent,
          style: s.borderTopStyle, top: parseFloat(s.borderTopWidth), left: parseFloat(s.borderLeftWidth),
          edge: s.borderTopColor, leftEdge: s.borderLeftColor, fill: s.backgroundColor, behind: layers,
          colour: getComputedStyle(mark).color, mark: mark.textContent.trim()};
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_offered_and_not_offered_steps_differ_in_edge_and_mark_not_only_in_tint(browser, site_url, viewport):
    session = Watched(browser, viewport)
    try:
        session.page.goto(site_url + "employers/kodama-butsuryu/")
        boxes = session.page.evaluate(BOXES)
        offered = [box for box in boxes if box["offered"]]
        other = [box for box in boxes if not box["offered"]]
        assert len(boxes) == 6 and offered and other, boxes
        for box in offered:
            assert box["style"] == "solid" and box["left"] >= 2 * box["top"] >= 4, box
            assert box["mark"] == "✓受け入れあり", box
        for box in other:
            assert box["style"] == "dashed" and box["left"] == box["top"] <= 1, box
            assert box["mark"] == "なし", box
        for box in boxes:
            # The edge that carries the meaning: 3:1 with what is around the box (WCAG 1.4.11).
            around = backdrop(box["behind"])
            assert contrast(rgba(box["edge"])[:3], around) >= 3 and contrast(rgba(box["leftEdge"])[:3], around) >= 3, box
            # The words on the box's own fill: 4.5:1 (1.4.3).
            inside = backdrop([box["fill"], *box["behind"]])
            assert contrast(rgba(box["colour"])[:3], inside) >= 4.5, box
        assert session.errors == []
    finally:
        session.close()


def test_a_screen_reader_hears_each_step_s_name_and_whether_it_is_offered(browser, site_url):
    session = Watched(browser, PHONE)
    try:
        session.page.goto(site_url + "employers/kodama-butsuryu/")
        snapshot = session.page.locator("ol.dir-ladder").aria_snapshot()
        items = [line.strip()[len("- listitem: "):] for line in snapshot.splitlines() if line.strip().startswith("- listitem")]
        assert items == [
            "見学 受け入れあり 月〜金曜 10:00〜15:00 （補足あり）",
            "就労体験 受け入れあり 月・水・金曜 9:00〜12:00",
            "プチバイト なし",
            "認定就労訓練（雇用型） 受け入れあり 月〜金曜 9:00〜14:00 （補足あり）",
            "認定就労訓練（非雇用型） なし",
            "雇用 受け入れあり",
        ], snapshot
        assert session.errors == []
    finally:
        session.close()


@pytest.mark.parametrize("slug", ["aobadai-hospital", "kodama-butsuryu", "hikari-jimu-service"])
def test_on_a_phone_the_tour_s_days_and_hours_are_on_the_first_two_screens(browser, site_url, slug):
    """On a 360 px phone they were in the table below the ladder, on the third screen."""
    session = Watched(browser, PHONE)
    try:
        page = session.page
        page.goto(site_url + f"employers/{slug}/")
        tour = page.locator("ol.dir-ladder > li.is-offered").filter(has=page.locator(".dir-ladder__name", has_text="見学"))
        when = tour.locator(".dir-ladder__when")
        assert when.is_visible()
        bottom = when.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
        assert bottom <= 2 * PHONE["height"], f"{slug}: the tour's hours end {bottom}px down"
        # The days and the hours each stay whole on a line: two lines at most in a half-width box.
        lines = when.evaluate("e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))")
        assert lines <= 2, f"{slug}: {when.inner_text()!r} takes {lines} lines"
        assert session.errors == []
    finally:
        session.close()


def test_with_the_text_at_200_percent_the_ladder_fits_a_320px_phone(browser, site_url):
    session = Watched(browser, {"width": 320, "height": 640})
    try:
        page = session.page
        page.goto(site_url + "employers/kodama-butsuryu/")
        page.add_style_tag(content=DOUBLE_TEXT)
        out = page.evaluate("""() => [...document.querySelectorAll('ol.dir-ladder > li')].flatMap(li =>
          [...li.querySelectorAll('span')].filter(s => s.getBoundingClientRect().width && s.getBoundingClientRect().right > li.getBoundingClientRect().right + 0.5)
          .map(s => s.textContent))""")
        assert out == []
        assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0
    finally:
        session.close()


def test_on_paper_the_ladder_leaves_the_hours_to_the_table_and_keeps_its_edges(browser, site_url):
    session = Watched(browser, DESKTOP)
    try:
        page = session.page
        page.goto(site_url + "employers/kodama-butsuryu/")
        page.emulate_media(media="print")
        assert page.locator(".dir-ladder__when").count() == 3
        assert not page.locator(".dir-ladder__when").first.is_visible()
        assert not page.locator(".dir-ladder__footnote").is_visible()
        boxes = page.evaluate(BOXES)
        assert {box["style"] for box in boxes if box["offered"]} == {"solid"}
        assert {box["style"] for box in boxes if not box["offered"]} == {"dashed"}
    finally:
        session.close()


@pytest.mark.parametrize("slug", ["kodama-butsuryu", "komugi-no-oka-bakery"])
def test_axe_finds_nothing_on_an_employer_page_with_notes_or_a_pause(browser, site_url, slug):
    assert_accessible(browser, site_url + f"employers/{slug}/")


BROKEN_WHEN = r"""() => [...document.querySelectorAll('table.dir-offers td[data-label="曜日・時間"]')].flatMap(td => {
  const out = []; const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    for (const m of n.textContent.matchAll(/[月火水木金土日・]+曜|\d{1,2}:\d{2}〜\d{1,2}:\d{2}/g)) {
      const range = document.createRange(); range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width).map(r => Math.round(r.top)));
      if (lines.size > 1) out.push(m[0]);
    }
  }
  return out;
})"""


def test_the_offers_table_keeps_the_days_and_the_hours_each_whole_on_a_line(browser, site_url, built_site):
    """At 1280 px the 曜日・時間 column is narrow: 「月・火・水・木・金曜 13:30〜 / 14:30」 broke inside
    the hours. The days and the hours each stay whole (on a phone, at 1280 px and on paper: A4
    less its 12 mm margins is 703 px)."""
    slugs = sorted(page.parent.name for page in (built_site / "employers").glob("*/index.html"))
    checked = 0
    for viewport, media in ((PHONE, "screen"), (DESKTOP, "screen"), ({"width": 703, "height": 1000}, "print")):
        session = Watched(browser, viewport)
        try:
            page = session.page
            page.emulate_media(media=media)
            for slug in slugs:
                page.goto(site_url + f"employers/{slug}/")
                assert page.evaluate(BROKEN_WHEN) == [], (slug, viewport["width"], media)
                checked += 1
            assert session.errors == []
        finally:
            session.close()
    assert checked == 3 * len(slugs) >= 3 * 20


DAYS_BROKEN = r"""() => [...document.querySelectorAll('ol.dir-ladder > li')].flatMap(li => {
  const days = li.querySelector('.dir-ladder__when > span:first-child'); if (!days || !/曜|毎日/.test(days.textContent)) return [];
  const out = []; let before = null; const right = li.getBoundingClientRect().right;
  const walk = document.createTreeWalker(days, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.parentElement.closest('.dir-sr')) continue;
    for (let i = 0; i < n.length; i++) {
      const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
      const box = range.getBoundingClientRect(); if (!box.width) continue;
      if (before && box.top > before.top + 2 && before.ch !== '・') out.push(days.textContent + ': a line starts at ' + n.data[i]);
      if (box.right > right + 0.5) out.push(days.textContent + ': ' + n.data[i] + ' sticks out');
      before = {top: box.top, ch: n.data[i]};
    }
  }
  return out;
})"""


def test_a_step_s_days_break_only_after_a_dot_at_320_and_360px_with_the_text_at_100_and_200_percent(browser, site_url, built_site):
    """At 360 px with the text at 200 % the tour's days read 「月・火・木・金 / 曜」, 「曜」 alone on a
    line. The days break only after a 「・」, and nothing sticks out of its box or the page."""
    slugs = sorted(page.parent.name for page in (built_site / "employers").glob("*/index.html"))
    checked = 0
    for width in (320, 360):
        for double in (False, True):
            session = Watched(browser, {"width": width, "height": 740})
            try:
                page = session.page
                for slug in slugs:
                    page.goto(site_url + f"employers/{slug}/")
                    if double:
                        page.add_style_tag(content=DOUBLE_TEXT)
                    where = (slug, width, "200 %" if double else "100 %")
                    assert page.evaluate(DAYS_BROKEN) == [], where
                    assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0, where
                    checked += 1
                assert session.errors == []
            finally:
                session.close()
    assert checked == 4 * len(slugs) >= 4 * 20
