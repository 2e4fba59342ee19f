"""The calendar in Chromium: a phone visitor moves between months and opens a program; axe."""

from __future__ import annotations

import pytest

from test_browser import PHONE, Watched, assert_accessible

pytestmark = pytest.mark.browser


def test_phone_visitor_moves_between_months_and_opens_a_program(browser, site_url):
    session = Watched(browser, PHONE)
    page = session.page
    try:
        page.goto(site_url + "calendar/")
        page.get_by_role("link", name="2026年11月のカレンダーを見る").click()
        page.wait_for_url("**/calendar/2026-11/")
        assert page.locator("h1").inner_text() == "2026年11月のプログラム"
        # phones get the day list, not the grid
        assert page.locator(".cal-list").is_visible() and not page.locator(".cal-grid").is_visible()
        page.get_by_role("link", name="次の月（2026年12月）→").first.click()
        page.wait_for_url("**/calendar/2026-12/")
        assert page.locator("h1").inner_text() == "2026年12月のプログラム"
        assert page.get_by_role("heading", name="2026年12月16日(水)").is_visible()
        page.get_by_role("link", name="← 前の月（2026年11月）").first.click()
        page.wait_for_url("**/calendar/2026-11/")
        page.locator(".cal-list").get_by_role("link", name="はたらく準備のひろば").last.click()
        page.wait_for_url("**/programs/hataraku-junbi-no-hiroba/")
        assert "次回: 2026年11月25日(水) 13:30〜15:00" in page.locator(".cal-next").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert session.errors == []
        assert session.hosts == {"127.0.0.1"}
    finally:
        session.close()


def test_wide_screen_shows_the_grid_with_today_marked(browser, site_url):
    session = Watched(browser)
    try:
        session.page.goto(site_url + "calendar/2026-11/")
        grid = session.page.locator(".cal-grid table")
        assert grid.is_visible() and not session.page.locator(".cal-list").is_visible()
        assert session.page.locator("td[aria-current=date]").inner_text().startswith("22")
    finally:
        session.close()


@pytest.mark.parametrize("path", ["calendar/", "calendar/2026-11/", "calendar/2027-01/", "programs/hataraku-junbi-no-hiroba/", "programs/chiiki-zukuri-seminar/", "employers/shirakaba-farm/", "."])
def test_calendar_and_program_pages_have_no_accessibility_violations(browser, site_url, path):
    assert_accessible(browser, site_url + ("" if path == "." else path))
