"""The calendar in Chromium: a phone visitor moves between months and opens a program; a meeting
is added to a calendar app (with and without JavaScript); axe."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from test_browser import AXE_OPTIONS, PHONE, Axe, Watched, assert_accessible

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
        assert "次回: 第14回 2026年11月25日(水) 13:30〜15:00" in page.locator(".cal-next").inner_text()
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


def test_the_month_has_a_print_button_on_wide_screens_only(browser, site_url):
    """A counsellor prints the month for a client: a button says it can be printed (as the sheets
    have one) and opens the browser's print; it is not printed itself, phones (the day list)
    do without it, and without JavaScript it is not shown at all."""
    name = "このカレンダーを印刷する（A4 横）"
    session = Watched(browser)
    try:
        page = session.page
        page.add_init_script("window.printed = 0; window.print = function () { window.printed += 1; };")
        page.goto(site_url + "calendar/2026-12/")
        button = page.get_by_role("button", name=name)
        assert button.is_visible()
        button.click()
        assert page.evaluate("window.printed") == 1
        page.emulate_media(media="print")
        assert not button.is_visible() and page.locator(".cal-grid table").is_visible()
        assert session.errors == []
    finally:
        session.close()
    phone = Watched(browser, PHONE)
    try:
        phone.page.goto(site_url + "calendar/2026-12/")
        assert phone.page.locator(".cal-list").is_visible()
        assert not phone.page.get_by_role("button", name=name).is_visible()
    finally:
        phone.close()
    no_script = Watched(browser, java_script_enabled=False)
    try:
        no_script.page.goto(site_url + "calendar/2026-12/")
        assert no_script.page.locator(".cal-grid table").is_visible()
        assert not no_script.page.locator("[data-print-month]").is_visible()
    finally:
        no_script.close()


PROGRAM = "hataraku-junbi-no-hiroba"
FEED = f"calendar/{PROGRAM}.ics"
MEETING = f"{PROGRAM}-20261223"
UID = f"{MEETING}@example.github.io"
ADD_LINK = "カレンダーに追加 （2026年12月23日(水) 13:30〜15:00）"


SUBSCRIPTION_ONLY = (b"NAME", b"X-WR-CALNAME", b"REFRESH-INTERVAL", b"X-PUBLISHED-TTL")


def one_event_from_feed(feed: bytes, uid: str) -> bytes:
    """What the add link should save: the feed's header and VTIMEZONE without the subscribed
    calendar's name and refresh hints (folded lines and all), then the event's own bytes."""
    start = feed.index(b"BEGIN:VEVENT\r\nUID:" + uid.encode() + b"\r\n")
    end = feed.index(b"END:VEVENT\r\n", start) + len(b"END:VEVENT\r\n")
    names = b"|".join(SUBSCRIPTION_ONLY)
    header = re.sub(rb"\r\n(?:" + names + rb")[;:][^\r]*(?:\r\n[ \t][^\r]*)*", b"", feed[: feed.index(b"BEGIN:VEVENT")])
    return header + feed[start:end] + b"END:VCALENDAR\r\n"


@pytest.fixture
def program_page(browser, site_url):
    """The program's page in a watched browser session (console errors, hosts asked)."""
    session = Watched(browser)
    try:
        session.page.goto(site_url + f"programs/{PROGRAM}/")
        yield session
    finally:
        session.close()


def test_add_to_calendar_saves_just_that_meeting(program_page, built_site):
    session, page = program_page, program_page.page
    link = page.get_by_role("link", name=ADD_LINK, exact=True)
    assert link.get_attribute("data-cal-uid") == UID
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{MEETING}.ics"
    raw = Path(download.path()).read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and str(events[0]["UID"]) == UID
    assert events[0]["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert events[0]["DTSTART"].dt == dt.datetime(2026, 12, 23, 13, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    # one appointment, not a calendar: with X-WR-CALNAME Outlook would open it as a new calendar
    assert calendar["METHOD"] == "PUBLISH" and calendar["X-WR-TIMEZONE"] == "Asia/Tokyo"
    for name in SUBSCRIPTION_ONLY:
        assert name.decode() not in calendar and b"\r\n" + name not in raw
    # the event's lines as the feed has them (folded), after the feed's own header
    assert raw == one_event_from_feed((built_site / FEED).read_bytes(), UID)
    assert session.errors == []
    assert session.hosts == {"127.0.0.1"}


def test_add_to_calendar_gives_the_whole_feed_when_the_meeting_is_not_in_it(program_page, built_site):
    session, page = program_page, program_page.page
    link = page.get_by_role("link", name=ADD_LINK, exact=True)
    link.evaluate("link => link.setAttribute('data-cal-uid', 'no-such-meeting@example.github.io')")
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == f"{PROGRAM}.ics"
    assert Path(info.value.path()).read_bytes() == (built_site / FEED).read_bytes()
    assert session.errors == []


def test_without_javascript_add_to_calendar_gives_the_program_feed(browser, site_url, built_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + f"programs/{PROGRAM}/")
        link = page.get_by_role("link", name=ADD_LINK, exact=True)
        assert link.get_attribute("href") == f"../../{FEED}"
        note = page.locator("p.cal-note")
        assert note.is_visible() and "このプログラムのすべての回がまとめて入ります" in note.inner_text()
        assert (built_site / FEED).is_file()
        with page.expect_download() as info:
            link.click()
        assert Path(info.value.path()).read_bytes() == (built_site / FEED).read_bytes()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["calendar/", "calendar/2026-11/", "calendar/2027-01/", "calendar/2027-02/", "programs/hataraku-junbi-no-hiroba/", "programs/chiiki-zukuri-seminar/", "employers/shirakaba-farm/", "."])
def test_calendar_and_program_pages_have_no_accessibility_violations(browser, site_url, path):
    assert_accessible(browser, site_url + ("" if path == "." else path))


def test_pages_of_a_stopped_daily_rebuild_say_so_and_end_past_meetings(browser, site_url):
    """The sample is built on 2026-11-22. The phone's clock and zone are set; "today" is the date
    in Japan (the phone here is on UTC, where it is still the day before)."""
    session = Watched(browser, PHONE, timezone_id="UTC")
    page = session.page
    first = page.locator(".cal-upcoming li").first
    tour = page.locator(".cal-upcoming li", has_text="職場見学会「しらかば農園」")
    try:
        session.context.clock.set_fixed_time("2026-11-23T00:00:00Z")  # 09:00 in Japan, a day old
        page.goto(site_url)
        assert page.locator(".dir-build-age").count() == 0
        assert "2026年11月25日(水)" in first.inner_text() and first.locator(".cal-status").inner_text() == "募集中"

        # 2026-11-25 15:30 UTC is already 11-26 00:30 in Japan: the 11-25 meeting is over
        session.context.clock.set_fixed_time("2026-11-25T15:30:00Z")
        page.reload()
        note = page.locator(".dir-build-age")
        assert note.count() == 1 and note.get_attribute("role") == "note"
        assert note.inner_text().startswith("このページは2026年11月22日(日)の情報のまま、更新が止まっています。")
        assert "しらかば市 生活・就労支援センター（架空）（電話 0268-00-0000）にお問い合わせください。" in note.inner_text()
        assert first.locator(".cal-status").inner_text() == "終了"
        full = page.locator(".cal-upcoming li", has_text="2026年12月9日(水)")
        assert full.locator(".cal-status").inner_text() == "満員"  # still to come: unchanged
        assert tour.locator(".cal-status").inner_text() == "募集中" and tour.locator(".cal-deadline").is_visible()

        # after the tour's deadline (12-10): 受付終了, and the "apply by" note goes
        session.context.clock.set_fixed_time("2026-12-10T15:30:00Z")  # 12-11 00:30 in Japan
        page.reload()
        assert tour.locator(".cal-status").inner_text() == "受付終了" and not tour.locator(".cal-deadline").is_visible()

        assert note.locator('a[href="tel:0268-00-0000"]').count() == 1  # a phone can call it

        page.goto(site_url + "programs/hataraku-junbi-no-hiroba/")
        assert page.locator(".dir-build-age").count() == 1
        assert page.locator(".cal-sessions li", has_text="2026年11月25日(水)").first.locator(".cal-status").inner_text() == "終了"
        assert not page.locator(".cal-next").is_visible()  # its 次回 (11-25) is past: the list below says what comes
        past = page.locator(".cal-sessions li", has_text="2026年11月25日(水)").first
        # nothing to add to a calendar any more: neither the file nor Google Calendar
        assert past.locator(".cal-add").count() == 2 and not any(link.is_visible() for link in past.locator(".cal-add").all())
        page.goto(site_url + "calendar/")
        line = page.locator(".cal-programs li", has_text="はたらく準備のひろば")
        assert "次回の日程は、プログラムのページで確かめてください。" in line.inner_text() and "11月25日" not in line.inner_text()
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()

        # the month page moves 今日 from the build date (22) to today in Japan (24)
        session.context.clock.set_fixed_time("2026-11-24T00:30:00Z")  # 09:30 in Japan
        page.goto(site_url + "calendar/2026-11/")
        today = page.locator('td[aria-current="date"]')
        assert today.count() == 1 and today.get_attribute("data-day") == "2026-11-24"
        assert page.locator('section[data-day="2026-11-22"]').count() == 0  # the build day's empty entry goes
        phone_today = page.locator('.cal-list section[data-day="2026-11-24"]')
        assert phone_today.is_visible() and phone_today.locator('h2[aria-current="date"]').count() == 1
        assert phone_today.inner_text().split() == ["2026年11月24日(火)", "今日", "この日の予定はありません。"]
        listed = page.locator(".cal-list [data-day]").evaluate_all("nodes => nodes.map(n => n.dataset.day)")
        assert listed == sorted(listed)
        grid_today = page.locator('td[data-day="2026-11-24"]')
        assert grid_today.get_attribute("aria-current") == "date" and "今日" in grid_today.inner_text()
        assert page.locator('td[data-day="2026-11-22"]').get_attribute("aria-current") is None
        assert session.errors == []
    finally:
        session.close()


def test_moving_today_on_a_phone_does_not_push_that_day_sideways(browser, site_url):
    """The day build-age.js marks 今日 after the build day keeps its text where the other days
    have theirs: its bar is drawn in the margin, so the list does not jump as the page loads."""
    session = Watched(browser, PHONE)
    page = session.page
    try:
        session.context.clock.set_fixed_time("2026-11-25T09:30:00+09:00")  # built 11-22; a meeting on 11-25
        page.goto(site_url + "calendar/2026-11/")
        today = page.locator('.cal-list section[data-day="2026-11-25"]')
        assert "is-today" in today.get_attribute("class")
        other = page.locator(".cal-list section[data-day]:not(.is-today)").first
        assert today.locator("h2").bounding_box()["x"] == other.locator("h2").bounding_box()["x"]
        # still marked beside the text: a bar left of the day, as wide as before
        bar = today.evaluate("day => getComputedStyle(day, '::before').borderLeftWidth")
        assert bar == "4px"
        assert session.errors == []
    finally:
        session.close()


def test_home_page_closure_notice_goes_once_the_closure_is_over(browser, site_url, tmp_path):
    """A home page built during 年末年始 (2027-01-02) and still served after it, because the daily
    rebuild stopped: the notice stands until 1-3 and goes on 1-4, by the date in Japan."""
    from test_calendar_site import built_on

    home = (built_on(tmp_path, "2027-01-02") / "index.html").read_text(encoding="utf-8")
    session = Watched(browser, PHONE, timezone_id="UTC")
    page = session.page
    page.route(site_url, lambda route: route.fulfill(body=home, content_type="text/html; charset=utf-8"))
    notice = page.locator(".dir-closure")
    try:
        session.context.clock.set_fixed_time("2027-01-03T14:00:00Z")  # 1-3 23:00 in Japan
        page.goto(site_url)
        assert notice.is_visible() and "2027年1月3日(日)まで" in notice.inner_text()
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        session.context.clock.set_fixed_time("2027-01-03T15:30:00Z")  # 1-4 00:30 in Japan
        page.reload()
        assert notice.count() == 1 and not notice.is_visible()
        assert session.errors == []
    finally:
        session.close()


def test_the_next_meeting_with_room_goes_once_the_deadline_has_passed(browser, site_url, tmp_path):
    """The group with an application deadline of 12-20, built on 11-30: 12-09 is 満員, so the page
    adds 「空きのある次の回」 12-23. Still served on 12-21 (the rebuild stopped), 12-23 says
    受付終了 and the line must not offer room to a seeker who can no longer apply."""
    from conftest import copy_project, run_build

    project = copy_project(tmp_path)
    source = project / "content/programs/hataraku-junbi-no-hiroba.md"
    assert "\nfull: [2026-12-09]\n" in source.read_text(encoding="utf-8")
    source.write_text(source.read_text(encoding="utf-8").replace("\nfull: [2026-12-09]\n", "\nfull: [2026-12-09]\ndeadline: 2026-12-20\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site", DIRECTORY_BUILD_DATE="2026-11-30")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site/programs/hataraku-junbi-no-hiroba/index.html").read_text(encoding="utf-8")
    url = f"{site_url}programs/hataraku-junbi-no-hiroba/"
    session = Watched(browser, PHONE)
    page = session.page
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    room = page.locator("[data-next-room]")
    try:
        session.context.clock.set_fixed_time("2026-12-01T09:00:00+09:00")
        page.goto(url)
        assert room.is_visible() and "2026年12月23日(水)" in room.inner_text() and "募集中" in room.inner_text()
        session.context.clock.set_fixed_time("2026-12-21T09:00:00+09:00")
        page.reload()
        assert room.count() == 1 and not room.is_visible()
        assert session.errors == []
    finally:
        session.close()


def test_month_pages_log_no_errors_with_or_without_their_print_button(browser, site_url, built_site):
    """Every month page opens with nothing in the console, on a wide screen (the grid, the print
    button) and on a phone (the day list). The button's inline script asked for the button without
    checking it was there: a page without it (a trimmed build, a template change) stopped with a
    TypeError. Served here with the button taken out, the page logs nothing and shows no button."""
    months = sorted(path.parent.name for path in (built_site / "calendar").glob("*/index.html"))
    assert "2026-12" in months and len(months) >= 12
    for viewport in (None, PHONE):
        session = Watched(browser, viewport)
        try:
            for month in months:
                session.page.goto(site_url + f"calendar/{month}/")
                assert session.errors == [], (month, viewport)
        finally:
            session.close()
    html = (built_site / "calendar/2026-12/index.html").read_text(encoding="utf-8")
    without_button = re.sub(r'<p class="dir-screen-only cal-print" hidden>.*?</p>', "", html, count=1, flags=re.S)
    assert "data-print-month>" not in without_button and "[data-print-month]" in without_button
    session = Watched(browser)
    try:
        session.page.route(site_url + "calendar/2026-12/", lambda route: route.fulfill(body=without_button, content_type="text/html; charset=utf-8"))
        session.page.goto(site_url + "calendar/2026-12/")
        assert session.page.locator(".cal-grid table").is_visible()
        assert session.page.locator("[data-print-month], .cal-print").count() == 0
        assert session.errors == []
    finally:
        session.close()


def test_a_one_meeting_program_whose_day_passed_since_the_build_says_it_ended(browser, site_url):
    """The tour's page gives its one date as 日時 (no 次回 line and list). Once that day is past
    in Japan and the page was not rebuilt, the date stays (it is the page's only one), its chip
    reads 終了 and its 「カレンダーに追加」 goes, as a past meeting's in a list does; on the
    calendar index too."""
    session = Watched(browser, PHONE, timezone_id="Asia/Tokyo")
    page = session.page
    try:
        page.goto(site_url + "programs/tour-shirakaba-farm/")
        line = page.locator(".cal-only")
        assert line.inner_text().startswith("日時: 2026年12月16日(水) 10:00〜11:30")
        assert line.locator(".cal-add").count() == 2 and all(link.is_visible() for link in line.locator(".cal-add").all())
        assert page.locator(".cal-sessions").count() == 0
        session.context.clock.set_fixed_time("2026-12-17T01:00:00Z")  # 10:00 on 12-17 in Japan
        page.reload()
        assert line.is_visible() and "2026年12月16日(水)" in line.inner_text()
        assert line.locator(".cal-status").inner_text() == "終了"
        assert not any(link.is_visible() for link in line.locator(".cal-add").all())  # the file's and Google Calendar's
        # the calendar index says it as 日時 too: it stays there, 終了 (no "see the program page
        # for the next one", as a series' past 次回 is replaced by)
        page.goto(site_url + "calendar/")
        listed = page.locator(".cal-programs li", has_text="職場見学会「しらかば農園」")
        assert "日時: 2026年12月16日(水)" in listed.inner_text() and listed.locator(".cal-status").inner_text() == "終了"
        assert session.errors == []
    finally:
        session.close()


PLACE_LABEL_LINES = """() => [...document.querySelectorAll('.md-content .cal-place')].map(place => {
    const text = place.firstChild;
    const line = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return Math.round(r.getBoundingClientRect().top); };
    return [place.textContent, line(0), line(4)];
})"""


@pytest.mark.parametrize("width", [320, 360])
def test_the_place_label_of_a_meeting_stays_on_the_line_of_the_place(browser, site_url, width):
    """「会場:」 ended a line on a phone, the place's name (kept whole) on the next: the label is held to
    the name, so both begin on one line, on the program page and in the month's list."""
    session = Watched(browser, {"width": width, "height": PHONE["height"]})
    page = session.page
    try:
        for path in ("programs/hataraku-junbi-no-hiroba/", "calendar/2027-02/"):
            page.goto(site_url + path)
            places = page.evaluate(PLACE_LABEL_LINES)
            assert len(places) >= 3, path
            for text, label_top, name_top in places:
                assert text.startswith("会場:\u00a0"), text
                assert label_top == name_top, f"{path} at {width} px: 「会場:」 apart from 「{text[4:]}」"
        assert session.errors == []
    finally:
        session.close()
