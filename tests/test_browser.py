"""Browser tests in Debian's Chromium: a phone visitor's path, no errors, no third parties, axe."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
PAGE_TYPES = [
    ".",
    "employers/",
    "categories/agriculture/",
    "areas/north/",
    "offers/experience/",
    "employers/shirakaba-farm/",
    "employers/yamabiko-care/",
    "programs/tour-shirakaba-farm/",
    "about/",
    "join/",
    "404.html",
]


class Watched:
    """A page with its console errors and every request it made recorded."""

    def __init__(self, browser, viewport=None, **options):
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="ja-JP", **options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.hosts: set[str] = set()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.hosts.add(urlparse(request.url).hostname or request.url))

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    session = Watched(browser, PHONE)
    yield session
    session.close()


def test_phone_visitor_goes_from_home_to_a_category_to_an_employer(watched, site_url):
    page = watched.page
    page.goto(site_url)
    assert page.locator("h1").first.inner_text() == "しらかば市 協力事業所ガイド"
    # Where a family starts comes before the counts: 事業所をさがす was two screens down, under the
    # table; now it is within about the first screen (the second's top).
    start = page.locator(".dir-step", has_text="働きたい方・ご家族").get_by_role("link", name="事業所をさがす")
    assert start.bounding_box()["y"] < 1.25 * PHONE["height"]
    assert start.bounding_box()["y"] < page.locator("table.dir-counts").bounding_box()["y"]
    page.get_by_role("link", name="農業・栽培").first.click()
    page.wait_for_url("**/categories/agriculture/")
    assert page.locator("h1").inner_text() == "仕事の種類: 農業・栽培"
    page.get_by_role("link", name="しらかば農園").click()
    page.wait_for_url("**/employers/shirakaba-farm/")
    assert page.locator("h1").inner_text() == "しらかば農園"
    assert page.get_by_text("トマトの収穫").first.is_visible()
    # Nothing wider than the phone: no sideways scrolling on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert watched.errors == []
    assert watched.hosts == {"127.0.0.1"}


def test_a_seeker_from_the_sheets_qr_code_reaches_the_centres_phone_from_the_first_screen(watched, site_url):
    """Opened from the QR code of sheet ② on a phone, the page shows in its first screen where to
    apply; one tap brings the centre's phone number (a tel: link) into view, several screens down."""
    page = watched.page
    page.goto(site_url + "employers/yamabiko-care/")
    jump = page.get_by_role("link", name="見学・体験の申し込みと問い合わせ先（電話）")
    box = jump.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], "not in the first screen"
    call = page.locator("#contact ~ p a[href^='tel:']").first
    assert call.bounding_box()["y"] > 3 * PHONE["height"], "the contact section is far down the page"
    jump.click()
    page.wait_for_function("location.hash === '#contact'")
    box = call.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "the phone number is not in view"
    assert call.get_attribute("href") == "tel:0268-00-0000"
    assert watched.errors == []


def test_a_missing_page_says_so_in_japanese_and_leads_back(watched, site_url, built_site):
    """GitHub Pages serves 404.html at any address with no page: a QR code on a sheet printed
    before an employer's page moved, an old bookmark. Material's page said 「404 - Not found」
    in English with nothing to follow; ours says what may have happened and where to go, and
    its links work at whatever depth it is served."""
    missing = site_url + "employers/no-longer-here/"
    body = (built_site / "404.html").read_text(encoding="utf-8")
    page = watched.page
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
    page.goto(missing)
    # Chromium logs the page's own 404 status; nothing else (an asset it could not load) may fail
    assert watched.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    watched.errors.clear()
    assert page.title() == "ページが見つかりません - しらかば市 協力事業所ガイド"
    assert page.locator("h1").inner_text().replace("\n", "") == "ページが見つかりません"
    assert "QR コード" in page.locator("article").inner_text()
    assert page.locator("article a[href^='tel:']").get_attribute("href") == "tel:0268-00-0000"
    page.get_by_role("link", name="事業所をさがす（一覧）").click()
    page.wait_for_url(site_url + "employers/")
    assert page.locator("h1").inner_text() == "事業所をさがす"
    assert watched.errors == [] and watched.hosts == {"127.0.0.1"}


def test_the_missing_page_offers_the_page_a_mistyped_address_meant(browser, site_url, built_site):
    """A counsellor typing the URL printed on a sheet by hand (shirakaba-farn), or a link cut
    short: the 404 page offers 「もしかして」 the employer or program it meant, to the same sheet."""
    body = (built_site / "404.html").read_text(encoding="utf-8")
    session = Watched(browser, PHONE)
    page = session.page
    try:
        def open_missing(path: str) -> list[tuple[str, str]]:
            page.route(site_url + path.split("#")[0], lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
            page.goto(site_url + path, wait_until="networkidle")  # the names are fetched after the load
            guesses = page.locator("[data-not-found] a")
            return [(text, href) for text, href in zip(guesses.all_inner_texts(), guesses.evaluate_all("links => links.map(a => a.href)"))]

        assert open_missing("employers/shirakaba-farn/sheets.html#seeker") == [("しらかば農園", site_url + "employers/shirakaba-farm/sheets.html#seeker")]
        assert page.locator("[data-not-found]").is_visible()
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        page.get_by_role("link", name="しらかば農園").click()
        page.wait_for_url(site_url + "employers/shirakaba-farm/sheets.html#seeker")
        assert open_missing("programs/tour-shirakaba/") == [("職場見学会「しらかば農園」", site_url + "programs/tour-shirakaba-farm/")]  # cut short
        assert open_missing("employers/SHIRAKABA_FARM/") == [("しらかば農園", site_url + "employers/shirakaba-farm/")]
        # The section typed in upper case or singular, or the other section: the page meant, in its
        # own section; a program has no sheets.html, so its guess is its page (not another 404).
        assert open_missing("Employers/Shirakaba-Farn/") == [("しらかば農園", site_url + "employers/shirakaba-farm/")]
        assert open_missing("employer/shirakaba-farm/") == [("しらかば農園", site_url + "employers/shirakaba-farm/")]
        assert open_missing("employers/tour-shirakaba-farm/") == [("職場見学会「しらかば農園」", site_url + "programs/tour-shirakaba-farm/")]
        assert open_missing("programs/tour-shirakaba/sheets.html") == [("職場見学会「しらかば農園」", site_url + "programs/tour-shirakaba-farm/")]
        # A name typed in Japanese (やまびこ, as the browser sends it): the page whose name holds it.
        assert open_missing("employers/%E3%82%84%E3%81%BE%E3%81%B3%E3%81%93/sheets.html") == [("介護老人保健施設 やまびこ", site_url + "employers/yamabiko-care/sheets.html")]
        # nothing close: no guess, and the box stays hidden
        assert open_missing("employers/zzzz/") == [] and not page.locator("[data-not-found]").is_visible()
        assert open_missing("about-us/") == []
        assert "aozora-blueberry-en" not in body  # the names are not in the page every missing address gets...
        assert open_missing("employers/shirakaba-farn%E3%81/") == []  # a broken %-escape is no script error
        assert [e for e in session.errors if "status of 404" not in e] == []
    finally:
        session.close()
    # ...but fetched, by a browser with nothing cached, only for an address that names a record.
    for path, fetches in (("about-us/", 0), ("calendar/2031-01/", 0), ("programs/tour-shirakaba/", 1)):
        fresh = Watched(browser, PHONE)
        try:
            asked: list[str] = []
            fresh.page.on("request", lambda request: request.url.endswith("/not-found.json") and asked.append(request.url))
            fresh.page.route(site_url + path, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
            fresh.page.goto(site_url + path, wait_until="networkidle")
            assert len(asked) == fetches, path
        finally:
            fresh.close()


def assert_accessible(browser, url: str) -> None:
    """axe-core finds nothing, no script error, nothing from another host: on a phone and a desktop."""
    for viewport in (PHONE, None):
        session = Watched(browser, viewport)
        try:
            session.page.goto(url)
            results = Axe().run(session.page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert session.errors == []
            assert session.hosts == {"127.0.0.1"}
        finally:
            session.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_has_no_accessibility_violations_or_errors(browser, site_url, path):
    assert_accessible(browser, site_url + ("" if path == "." else path))


def test_pages_work_with_javascript_off(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "employers/")
    page.get_by_role("link", name="農業・栽培").first.click()
    page.wait_for_url("**/categories/agriculture/")
    assert page.locator(".dir-card").count() == 10
    context.close()


from test_calendar_site import elsewhere_site  # noqa: E402,F401 - served by conftest's elsewhere_url


@pytest.mark.parametrize("path", ["programs/chiiki-zukuri-seminar/", "programs/hataraku-junbi-no-hiroba/", "calendar/2027-09/"])
def test_pages_with_a_meeting_elsewhere_have_no_accessibility_violations(browser, elsewhere_url, path):
    """会場 with a meeting at a place of its own (a list, dates) and the lists that name each
    meeting's venue: axe finds nothing, on a phone and a desktop."""
    assert_accessible(browser, elsewhere_url + path)
