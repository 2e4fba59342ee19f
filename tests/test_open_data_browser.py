"""The open data page in Chromium: reached from the footer of any page, and accessible (axe)."""

from __future__ import annotations

import pytest

from test_browser import PHONE, Watched, assert_accessible

pytestmark = pytest.mark.browser


def test_footer_link_leads_to_the_data_page_and_its_files(browser, site_url):
    session = Watched(browser, PHONE)
    try:
        page = session.page
        page.goto(site_url + "employers/shirakaba-farm/")
        page.locator("footer").get_by_role("link", name="オープンデータ（JSON・CSV・HSDS）").click()
        page.wait_for_url("**/kyoryoku-jigyosho/data/")
        assert page.locator("h1").inner_text() == "オープンデータ"
        link = page.get_by_role("link", name="協力事業所（CSV）")
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.body().startswith(b"\xef\xbb\xbf")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert session.errors == [] and session.hosts == {"127.0.0.1"}
    finally:
        session.close()


def test_data_page_has_no_accessibility_violations(browser, site_url):
    assert_accessible(browser, site_url + "data/")
