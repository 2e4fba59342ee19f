"""The counter packet (印刷リスト) over days of use: a list kept in the browser for weeks while
staff edit the directory, and the same list open in two tabs (assets/packet.js)."""

from __future__ import annotations

import json

import pytest



KEY = "kyoryoku-packet-v1"
GONE = "closed-shop"  # no sample employer has this URL name: its listing ended


def saved(page) -> list[str]:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).slugs")


def listed(page) -> list[str]:
    return page.eval_on_selector_all("[data-packet-list] li", "items => items.map(i => i.dataset.slug)")


def sheets_loaded(page, count: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('[data-packet-sheets] article.sheet').length === {count}")


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="ja-JP")
    errors: list[str] = []
    context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(str(error))))
    yield context
    context.close()
    assert errors == []


@pytest.mark.parametrize("path", ["employers/yamabiko-care/", "categories/agriculture/", "search/"])
def test_the_packet_link_counts_only_the_employers_the_packet_page_will_show(context, site_url, path):
    """A list saved weeks ago holds an employer whose listing has ended since: the packet page
    drops it, so the link to it must not count it (「（3件）」 led to a packet of two)."""
    page = context.new_page()
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{slugs: ['yamabiko-care', '{GONE}', 'shirakaba-farm'], kinds: ['seeker', 'staff']}}))")
    page.goto(site_url + path)
    page.wait_for_function("document.querySelector('[data-packet-count]').textContent === '2'")
    assert page.inner_text("[data-packet-link]").endswith("（2件）")
    # The page only counts: dropping it, and saying so, is the packet page's.
    assert saved(page) == ["yamabiko-care", GONE, "shirakaba-farm"]
    page.click("[data-packet-link] a")
    page.wait_for_url("**/packet/**")
    sheets_loaded(page, 4)
    assert listed(page) == ["yamabiko-care", "shirakaba-farm"]
    assert "1 件は、掲載が終わった事業所なので" in page.inner_text("[data-packet-status]")


def test_a_list_of_employers_all_shown_on_the_page_fetches_nothing_more(context, site_url):
    """The catalogue is fetched only when the list holds an employer the page does not show."""
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{slugs: ['yamabiko-care'], kinds: ['seeker']}}))")
    page.goto(site_url + "employers/yamabiko-care/")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("[data-packet-link]").endswith("（1件）")
    assert not [url for url in fetched if url.endswith("not-found.json")]


def test_an_employer_added_in_another_tab_is_not_lost_by_a_change_on_the_packet_page(context, site_url):
    """The packet page open in one tab, a listing in another: an employer added there shows up
    here, and moving or removing one here keeps it (the page once saved its old list over it)."""
    packet = context.new_page()
    packet.goto(site_url)
    packet.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{slugs: ['yamabiko-care', 'kodama-butsuryu'], kinds: ['staff']}}))")
    packet.goto(site_url + "packet/")
    sheets_loaded(packet, 2)
    listing = context.new_page()
    listing.goto(site_url + "employers/shirakaba-farm/")
    assert listing.inner_text("[data-packet-link]").endswith("（2件）")
    listing.click("[data-packet-add='shirakaba-farm']")
    assert saved(listing) == ["yamabiko-care", "kodama-butsuryu", "shirakaba-farm"]
    packet.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 3")
    sheets_loaded(packet, 3)
    assert "ほかのタブやページで変えたリストにしました" in packet.inner_text("[data-packet-status]")
    packet.click("[data-packet-list] li[data-slug='kodama-butsuryu'] [data-remove]")
    assert listed(packet) == ["yamabiko-care", "shirakaba-farm"]
    assert saved(packet) == ["yamabiko-care", "shirakaba-farm"]
    # ...and the employer page in the other tab follows: its button and count.
    listing.wait_for_function("document.querySelector('[data-packet-count]').textContent === '2'")
    packet.click("[data-packet-list] li[data-slug='shirakaba-farm'] [data-remove]")
    listing.wait_for_function("document.querySelector('[data-packet-add]').textContent.startsWith('＋')")
    assert listing.inner_text("[data-packet-link]").endswith("（1件）")
    # The sheet choice made in one packet tab reaches another one.
    other = context.new_page()
    other.goto(site_url + "packet/")
    sheets_loaded(other, 1)
    packet.check("input[name='packet-kinds'][value='seeker,staff']")
    other.wait_for_function("document.querySelector(\"input[name='packet-kinds'][value='seeker,staff']\").checked")
    sheets_loaded(other, 2)
    assert json.loads(other.evaluate(f"localStorage.getItem('{KEY}')"))["kinds"] == ["seeker", "staff"]


def test_a_link_copied_after_printing_sheet_3_alone_opens_the_whole_set(context, browser, site_url):
    """The counsellor prints ③ alone, then copies the set's link for a colleague: the link names
    the employers, and the colleague's page opens with ② and ③ (it once opened with ③ only). The
    counsellor's own choice stays in this browser; a link sent before still opens with its s=."""
    page = context.new_page()
    page.goto(site_url + "packet/?e=yamabiko-care,shirakaba-farm")
    sheets_loaded(page, 4)
    page.check("input[name='packet-kinds'][value='staff']")
    sheets_loaded(page, 2)
    page.click("[data-packet-copy]")
    link = page.input_value("[data-packet-share]")
    assert link == site_url + "packet/?e=yamabiko-care,shirakaba-farm"
    assert page.url == link  # the address bar, copied instead, is the same link
    page.reload()
    sheets_loaded(page, 2)  # this browser keeps its ③
    assert page.is_checked("input[name='packet-kinds'][value='staff']")
    colleague = browser.new_context(locale="ja-JP")
    try:
        other = colleague.new_page()
        other.goto(link)
        sheets_loaded(other, 4)
        assert other.is_checked("input[name='packet-kinds'][value='seeker,staff']")
        other.goto(site_url + "packet/?e=yamabiko-care&s=staff")
        sheets_loaded(other, 1)
        assert other.is_checked("input[name='packet-kinds'][value='staff']")
    finally:
        colleague.close()


@pytest.fixture
def cached_browser(browser):
    """Chromium as people use it, with its back/forward cache: Playwright turns it off by default,
    so that going back loads the page again."""
    from employer_directory.contrib.page_preview import CHROMIUM, CHROMIUM_ARGS

    other = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, ignore_default_args=["--disable-back-forward-cache"])
    yield other
    other.close()


# Chromium sends a page coming back from the cache the storage events it missed, which was enough
# for this test to pass without packet.js's pageshow handlers; other browsers may not send them.
# The second run holds them back, so that the pageshow handlers are what the test checks.
NO_STORAGE_EVENTS = "addEventListener('storage', function (event) { event.stopImmediatePropagation(); }, true);"


@pytest.mark.parametrize("storage_events", [True, False], ids=["chromium", "without-storage-events"])
def test_back_from_the_packet_page_the_buttons_say_what_the_list_holds_now(cached_browser, site_url, storage_events):
    """Add on an employer's page, open the packet, take it out there, press back: the page comes
    back from the cache. Its button once still said 「✓ 入っています（外す）」, and pressing it
    to take the employer out put it back in."""
    context = cached_browser.new_context(locale="ja-JP")
    if not storage_events:
        context.add_init_script(NO_STORAGE_EVENTS)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + "employers/yamabiko-care/")
        page.evaluate("window.leftHere = true")
        page.click("[data-packet-add='yamabiko-care']")
        page.click("[data-packet-link] a")
        page.wait_for_url("**/packet/**")
        sheets_loaded(page, 2)
        page.click("[data-packet-list] li[data-slug='yamabiko-care'] [data-remove]")
        assert saved(page) == []
        page.go_back(wait_until="commit")
        page.wait_for_function("document.querySelector('[data-packet-count]') && document.querySelector('[data-packet-count]').textContent === '0'")
        assert page.evaluate("window.leftHere") is True, "the page came back from the cache"
        assert page.inner_text("[data-packet-add='yamabiko-care']").startswith("＋")
        # Added again here, then forward to the packet page (also from the cache): it shows it.
        page.click("[data-packet-add='yamabiko-care']")
        page.go_forward(wait_until="commit")
        page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 1")
        sheets_loaded(page, 2)
        assert "ほかのタブやページで変えたリストにしました" in page.inner_text("[data-packet-status]")
    finally:
        context.close()
    assert errors == []


def test_an_empty_set_offers_no_link_to_send(context, site_url):
    """Emptied with 「リストを空にする」, the set's link was the page's bare address, which opens
    the colleague's own saved list: nothing is offered to copy until an employer is chosen."""
    page = context.new_page()
    page.goto(site_url + "packet/?e=yamabiko-care")
    sheets_loaded(page, 2)
    assert page.input_value("[data-packet-share]").endswith("packet/?e=yamabiko-care")
    assert page.is_enabled("[data-packet-copy]")
    page.click("[data-packet-clear]")
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    assert page.input_value("[data-packet-share]") == ""
    assert page.is_disabled("[data-packet-copy]")
    assert page.is_disabled("[data-packet-print]")
    assert page.is_visible("[data-packet-empty]")
    # Chosen again in another tab, the link is back.
    other = context.new_page()
    other.goto(site_url + "employers/shirakaba-farm/")
    other.click("[data-packet-add='shirakaba-farm']")
    page.wait_for_function("document.querySelector('[data-packet-share]').value.endsWith('packet/?e=shirakaba-farm')")
    assert page.is_enabled("[data-packet-copy]")


def test_an_empty_list_cannot_be_emptied_and_the_button_says_why(context, site_url):
    """「リストを空にする」 stayed on with nothing in the list: pressed, it only said 「リストを空に
    しました」 again. It is off while the list is empty, its note (and description, for a screen
    reader) says why, the keyboard stays in the list, and it comes back with an employer (also one
    chosen in another tab)."""
    from playwright.sync_api import expect

    page = context.new_page()
    page.goto(site_url + "packet/?e=yamabiko-care")
    sheets_loaded(page, 2)
    clear = page.get_by_role("button", name="リストを空にする")
    note = page.locator("[data-packet-clear-note]")
    expect(clear).to_be_enabled()
    expect(clear).not_to_have_attribute("aria-describedby", "packet-clear-note")
    expect(note).to_be_hidden()
    clear.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    expect(clear).to_be_disabled()
    expect(note).to_be_visible()
    expect(clear).to_have_accessible_description("（リストは空です）")
    assert page.evaluate("document.activeElement.id") == "packet-list-title", "focus is not lost with the button"
    # Opened again empty, the same.
    page.reload()
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    expect(clear).to_be_disabled()
    expect(note).to_be_visible()
    # Chosen in another tab: the button is back, its note gone.
    other = context.new_page()
    other.goto(site_url + "employers/shirakaba-farm/")
    other.click("[data-packet-add='shirakaba-farm']")
    page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 1")
    expect(clear).to_be_enabled()
    expect(note).to_be_hidden()
    expect(clear).to_have_accessible_description("")
    # Emptied in the other tab while the button has the focus here: focus goes to the list heading.
    clear.focus()
    other.click("[data-packet-add='shirakaba-farm']")
    page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 0")
    expect(clear).to_be_disabled()
    assert page.evaluate("document.activeElement.id") == "packet-list-title"


# What needs a chosen employer: the sheet choice, both print buttons (the packet's and the
# toolbar's), the set's link and its copy button, and the heading of the sheets to print.
NEEDS_CHOICE = ["fieldset.packet-kinds", "[data-packet-print]", ".print-toolbar [data-print-button]", "[data-packet-share]", "[data-packet-copy]", "[data-packet-sheets-title]"]


def test_an_empty_packet_offers_nothing_to_print_or_send_and_says_how_to_choose(context, site_url):
    """Nothing chosen (or all taken out), the page still offered 「印刷する」 (twice), the sheet
    choice and an empty link box with 「リンクをコピー」, all to no use, under 「まだ選ばれて
    いません」. They are hidden until an employer is chosen, the words say how to choose, and the
    keyboard is not left on a control that goes."""
    from playwright.sync_api import expect

    page = context.new_page()
    page.goto(site_url + "packet/")
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    for selector in NEEDS_CHOICE:
        expect(page.locator(selector)).to_be_hidden()
    expect(page.get_by_role("button", name="印刷する")).to_have_count(0)
    expect(page.get_by_role("button", name="リンクをコピー")).to_have_count(0)
    expect(page.get_by_role("radio")).to_have_count(0)
    empty = page.locator("[data-packet-empty]")
    expect(empty).to_be_visible()
    assert "「印刷リストに入れる」を押すと" in empty.inner_text()
    assert "印刷" in empty.inner_text() and "リンク" in empty.inner_text(), "what choosing makes possible"
    assert empty.get_by_role("link", name="事業所をさがす").get_attribute("href").endswith("/employers/")
    assert empty.get_by_role("link", name="キーワードでさがす").get_attribute("href").endswith("/search/")
    assert "0枚" not in page.inner_text("[data-packet-status]"), "no count of sheets when none can be printed"
    # Chosen in another tab: all of them are back.
    other = context.new_page()
    other.goto(site_url + "employers/shirakaba-farm/")
    other.click("[data-packet-add='shirakaba-farm']")
    sheets_loaded(page, 2)
    for selector in NEEDS_CHOICE:
        expect(page.locator(selector)).to_be_visible()
    expect(empty).to_be_hidden()
    # Emptied there while the copy button has the focus here: the keyboard goes to the list's heading.
    page.focus("[data-packet-copy]")
    other.click("[data-packet-add='shirakaba-farm']")
    page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 0")
    expect(page.locator("[data-packet-copy]")).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "packet-list-title"
    # Taken out here with the keyboard: the same.
    page.goto(site_url + "packet/?e=yamabiko-care")
    sheets_loaded(page, 2)
    page.focus("[data-packet-list] [data-remove]")
    page.keyboard.press("Enter")
    for selector in NEEDS_CHOICE:
        expect(page.locator(selector)).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "packet-list-title"
    expect(empty).to_be_visible()
    status = page.inner_text("[data-packet-status]")
    assert "を外しました" in status and "枚" not in status, status


def test_a_list_all_gone_offers_nothing_to_print_either(context, site_url):
    page = context.new_page()
    page.goto(site_url + f"packet/?e={GONE}")
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    expect_hidden = [page.locator(selector).is_hidden() for selector in NEEDS_CHOICE]
    assert all(expect_hidden), dict(zip(NEEDS_CHOICE, expect_hidden))
    assert page.locator("[data-packet-gone]").is_visible()
    assert page.locator("[data-packet-empty]").is_hidden(), "the words above say it"


@pytest.mark.parametrize("width, text", [(320, None), (360, None), (360, "html { font-size: 200% !important; } .print-page { font-size: 21pt !important; }")], ids=["320", "360", "360-text-200"])
def test_the_top_bar_keeps_its_height_when_the_first_employer_is_chosen(browser, site_url, width, text):
    """Empty, the packet page hid the toolbar's 「印刷する」 and the bar was 13 px shorter (a
    whole line on a 360 px phone, where the button wrapped under the links): choosing the first
    employer pushed the page down. The button keeps its room, unseen and unread while empty."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": width, "height": 740}, locale="ja-JP")
    try:
        page = context.new_page()
        page.goto(site_url + "packet/")
        if text:
            page.add_style_tag(content=text)
        page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
        bar = page.locator(".print-toolbar")
        empty = bar.bounding_box()["height"]
        print_button = bar.locator("[data-print-button]")
        expect(print_button).to_be_hidden()
        expect(bar.get_by_role("button")).to_have_count(0)
        for _ in range(3):  # the bar's two links, then the page: never the unseen button
            page.keyboard.press("Tab")
            assert not page.evaluate("document.activeElement.matches('[data-print-button]')")
        other = context.new_page()
        other.goto(site_url + "employers/shirakaba-farm/")
        other.click("[data-packet-add='shirakaba-farm']")
        sheets_loaded(page, 2)
        expect(print_button).to_be_visible()
        chosen = bar.bounding_box()["height"]
        assert abs(chosen - empty) <= 1, f"the bar is {empty}px empty, {chosen}px with one employer"
    finally:
        context.close()


def test_a_reloaded_packet_address_speaks_of_the_saved_list_not_of_a_shared_link(context, site_url):
    """The address bar holds the set's link (?e=) after every change: the counsellor reloads the
    tab (or opens it again from a bookmark) after an employer's listing ended, and was told it came
    from 「共有されたリンク」, a link nobody sent. It is this browser's saved list; a colleague's
    link (other employers) is still called a shared link, and says so only on its first load."""
    page = context.new_page()
    page.goto(site_url)
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{slugs: ['yamabiko-care', '{GONE}', 'shirakaba-farm'], kinds: ['staff']}}))")
    # The same employers in another order (moved in another tab) are the same saved list.
    page.goto(site_url + f"packet/?e=shirakaba-farm,{GONE},yamabiko-care")
    sheets_loaded(page, 2)
    status = page.inner_text("[data-packet-status]")
    assert status.startswith("保存していたリストのうち 1 件は、掲載が終わった事業所なので"), status
    assert "共有" not in status
    assert listed(page) == ["shirakaba-farm", "yamabiko-care"]
    # Edited, then reloaded: nothing about a link either.
    page.click("[data-packet-list] li[data-slug='yamabiko-care'] [data-remove]")
    assert "共有" not in page.inner_text("[data-packet-status]")
    page.reload()
    sheets_loaded(page, 1)
    assert "共有" not in page.inner_text("[data-packet-status]")
    # A colleague's link naming other employers: a shared link, on its first load only.
    page.goto(site_url + f"packet/?e=kodama-butsuryu,{GONE}")
    sheets_loaded(page, 1)
    assert page.inner_text("[data-packet-status]").startswith("共有されたリンクのうち 1 件は")
    page.reload()
    sheets_loaded(page, 1)
    assert "共有" not in page.inner_text("[data-packet-status]")
    # Shown, not saved over this browser's own list (test_packet_shared_link_browser.py).
    assert saved(page) == ["shirakaba-farm"]
