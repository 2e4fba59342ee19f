"""A colleague's link to a counter packet (印刷リスト, ?e=) opened in a browser that has a list of
its own: the link's employers are shown, the saved list is kept (it was silently replaced), and a
notice at the top offers to save, add or go back (assets/packet.js, sheets/packet.html)."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_browser import AXE_OPTIONS, PHONE, Watched
from test_packet_days_browser import GONE, KEY, context, listed, saved, sheets_loaded  # noqa: F401 (context: a fixture)

OWN = ["yamabiko-care", "kodama-butsuryu", "shirakaba-farm"]  # the counsellor's own list
LINK = "packet/?e=shirakaba-farm,hikari-jimu-service"  # a colleague's: one in common, one not


def keep(page, slugs=OWN, kinds=("seeker",)) -> None:
    page.evaluate(f"localStorage.setItem('{KEY}', JSON.stringify({{slugs: {json.dumps(slugs)}, kinds: {json.dumps(list(kinds))}}}))")


@pytest.fixture
def page(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    keep(page)
    page.goto(site_url + LINK)
    sheets_loaded(page, 2)
    return page


NOTICE = "共有されたリンクの事業所（2件）を表示しています。あなたが保存していたリスト（3件）はそのままです。"


def test_a_colleagues_link_is_shown_without_replacing_the_saved_list_and_says_so(page, site_url):
    assert listed(page) == ["shirakaba-farm", "hikari-jimu-service"]
    assert saved(page) == OWN
    notice = page.locator("[data-packet-shared]")
    assert notice.is_visible()
    assert page.inner_text("[data-packet-shared-text]") == NOTICE
    # The focus is on the notice: a screen reader reads it first.
    assert page.evaluate("document.activeElement.id") == "packet-shared-text"
    for name in ("このリストを保存する（保存していたリストと置き換え）", "保存していたリストに加える", "保存していたリストに戻る"):
        assert page.get_by_role("button", name=name, exact=True).is_visible(), name
    # Other pages count the saved list.
    page.goto(site_url + "employers/yamabiko-care/")
    page.wait_for_function("document.querySelector('[data-packet-count]').textContent === '3'")
    assert page.inner_text("[data-packet-link]").endswith("（3件）")
    assert page.inner_text("[data-packet-add='yamabiko-care']").startswith("✓")


def test_editing_the_links_list_leaves_the_saved_list_alone(page):
    page.click("[data-packet-list] li[data-slug='hikari-jimu-service'] [data-move='up']")
    page.click("[data-packet-list] li[data-slug='shirakaba-farm'] [data-remove]")
    page.check("input[name='packet-kinds'][value='staff']")
    sheets_loaded(page, 1)
    assert listed(page) == ["hikari-jimu-service"]
    assert saved(page) == OWN
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["kinds"] == ["seeker"]
    assert page.inner_text("[data-packet-shared-text]").startswith("共有されたリンクの事業所（1件）")
    page.click("[data-packet-clear]")
    assert saved(page) == OWN


def test_saving_the_link_replaces_the_saved_list(page):
    page.click("text=このリストを保存する（保存していたリストと置き換え）")
    assert saved(page) == ["shirakaba-farm", "hikari-jimu-service"]
    assert page.locator("[data-packet-shared]").is_hidden()
    assert "前に保存していたリストと置き換えました" in page.inner_text("[data-packet-status]")
    assert page.evaluate("document.activeElement.id") == "packet-list-title"
    page.reload()
    sheets_loaded(page, 2)
    assert page.locator("[data-packet-shared]").is_hidden()


def test_adding_the_link_to_the_saved_list_keeps_both(page):
    page.click("text=保存していたリストに加える")
    assert saved(page) == OWN + ["hikari-jimu-service"]
    assert listed(page) == OWN + ["hikari-jimu-service"]
    assert page.locator("[data-packet-shared]").is_hidden()
    assert "保存していたリストに 1 件を加えました（4件）" in page.inner_text("[data-packet-status]")
    sheets_loaded(page, 4)  # ② only: the saved list's sheet choice


def test_going_back_to_the_saved_list_shows_it_and_its_link(page, site_url):
    page.click("text=保存していたリストに戻る")
    sheets_loaded(page, 3)
    assert listed(page) == OWN
    assert saved(page) == OWN
    assert page.is_checked("input[name='packet-kinds'][value='seeker']")
    assert page.locator("[data-packet-shared]").is_hidden()
    assert page.url == site_url + "packet/?e=" + ",".join(OWN)
    assert page.evaluate("document.activeElement.id") == "packet-list-title"


def test_reloading_the_links_address_shows_the_link_again_and_still_keeps_the_saved_list(page):
    page.reload()
    sheets_loaded(page, 2)
    assert listed(page) == ["shirakaba-farm", "hikari-jimu-service"]
    assert page.inner_text("[data-packet-shared-text]") == NOTICE
    assert saved(page) == OWN


def test_the_saved_list_changed_in_another_tab_is_counted_not_shown(page, context, site_url):
    other = context.new_page()
    other.goto(site_url + "employers/hikari-jimu-service/")
    other.click("[data-packet-add='hikari-jimu-service']")
    page.wait_for_function("document.querySelector('[data-packet-shared-text]').textContent.includes('リスト（4件）')")
    assert listed(page) == ["shirakaba-farm", "hikari-jimu-service"]
    assert saved(page) == OWN + ["hikari-jimu-service"]
    # Emptied there: nothing left to keep apart, the list shown here is saved (as with no list).
    keep(other, [])
    other.goto(site_url + "employers/hikari-jimu-service/")
    page.evaluate(f"window.dispatchEvent(new StorageEvent('storage', {{key: '{KEY}'}}))")
    page.wait_for_function("document.querySelector('[data-packet-shared]').hidden")
    assert saved(page) == ["shirakaba-farm", "hikari-jimu-service"]


def test_back_from_the_links_page_the_employer_page_counts_the_saved_list(context, site_url):
    page = context.new_page()
    page.goto(site_url + "employers/yamabiko-care/")
    keep(page)
    page.goto(site_url + LINK)
    sheets_loaded(page, 2)
    page.go_back()
    page.wait_for_function("document.querySelector('[data-packet-count]').textContent === '3'")
    page.go_forward()
    sheets_loaded(page, 2)
    assert page.locator("[data-packet-shared]").is_visible()
    assert saved(page) == OWN


@pytest.mark.parametrize("viewport", [PHONE, None], ids=["360", "1280"])
def test_the_notice_has_no_accessibility_violations(browser, site_url, viewport):
    session = Watched(browser, viewport)
    try:
        session.page.goto(site_url)
        keep(session.page)
        session.page.goto(site_url + LINK)
        sheets_loaded(session.page, 2)
        assert session.page.locator("[data-packet-shared]").is_visible()
        results = Axe().run(session.page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        assert session.errors == []
    finally:
        session.close()


def test_the_notice_is_not_printed(page):
    assert page.locator("[data-packet-shared]").is_visible()
    page.emulate_media(media="print")
    assert page.locator("[data-packet-shared]").is_hidden()
    assert page.locator("[data-packet-sheets] article.sheet").first.is_visible()


GONE_LINK = f"packet/?e={GONE},old-bakery"  # two URL names no listed employer has (nor had)
ALL_GONE = "共有されたリンクの 2 件は、どれも掲載が終わった事業所なので、表示できません。"


def test_a_link_none_of_whose_employers_is_listed_says_so_and_offers_the_saved_list(context, site_url):
    """The link's employers all gone (listing ended, or renamed past the forwarding): the page
    showed an empty list, 「共有されたリンクの事業所（0件）を表示しています」 and the button that
    saves it over the saved list. It says what happened, how many, and the way on."""
    page = context.new_page()
    page.goto(site_url)
    keep(page)
    page.goto(site_url + GONE_LINK)
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    words = page.locator("[data-packet-gone]")
    assert words.is_visible()
    assert page.inner_text("[data-packet-gone-text]") == ALL_GONE + "あなたが保存していたリスト（3件）はそのままです。"
    assert page.evaluate("document.activeElement.id") == "packet-gone-text", "read first"
    # Nothing to save or add: the notice over a colleague's link, and 「まだ選ばれていません」, are not shown.
    assert page.locator("[data-packet-shared]").is_hidden()
    assert page.locator("[data-packet-empty]").is_hidden()
    assert words.get_by_role("link", name="事業所をさがす").get_attribute("href").endswith("/employers/")
    assert words.get_by_role("link", name="キーワードでさがす").get_attribute("href").endswith("/search/")
    assert saved(page) == OWN
    words.get_by_role("button", name="保存していたリストに戻る").click()
    sheets_loaded(page, 3)
    assert listed(page) == OWN
    assert words.is_hidden()
    assert page.evaluate("document.activeElement.id") == "packet-list-title"


def test_a_link_none_of_whose_employers_is_listed_says_so_with_no_saved_list(context, site_url):
    page = context.new_page()
    page.goto(site_url + GONE_LINK)
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    assert page.inner_text("[data-packet-gone-text]") == ALL_GONE
    assert page.locator("[data-packet-gone]").get_by_role("button").count() == 0, "no saved list to go back to"
    assert page.locator("[data-packet-empty]").is_hidden()
    # Chosen in another tab, the list is no longer empty: the words go.
    other = context.new_page()
    other.goto(site_url + "employers/shirakaba-farm/")
    other.click("[data-packet-add='shirakaba-farm']")
    page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 1")
    assert page.locator("[data-packet-gone]").is_hidden()


def test_a_saved_list_none_of_whose_employers_is_listed_says_so(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    keep(page, [GONE])
    page.goto(site_url + "packet/")
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    assert page.inner_text("[data-packet-gone-text]") == "保存していたリストの 1 件は、掲載が終わった事業所なので、表示できません。"


def test_a_link_some_of_whose_employers_are_gone_says_so_in_its_notice(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    keep(page)
    page.goto(site_url + f"packet/?e=hikari-jimu-service,{GONE}")
    sheets_loaded(page, 1)
    assert page.inner_text("[data-packet-shared-text]") == (
        "共有されたリンクの事業所（1件）を表示しています。リンクにあったほかの 1 件は、掲載が終わった事業所なので、表示していません。"
        "あなたが保存していたリスト（3件）はそのままです。"
    )
    assert page.locator("[data-packet-gone]").is_hidden()


def test_the_notice_still_counts_the_gone_employers_after_a_reload(context, site_url):
    """The address bar names only the employers shown once the link is open: reloaded, the notice
    lost 「リンクにあったほかの 1 件は…」 and spoke of the link as if it were whole."""
    page = context.new_page()
    page.goto(site_url)
    keep(page)
    page.goto(site_url + f"packet/?e=hikari-jimu-service,{GONE}")
    sheets_loaded(page, 1)
    assert GONE not in page.url
    page.reload()
    sheets_loaded(page, 1)
    assert "リンクにあったほかの 1 件は、掲載が終わった事業所なので" in page.inner_text("[data-packet-shared-text]")
    # Still with the sheet choice made there, and gone when the view is left.
    page.check("input[name='packet-kinds'][value='staff']")
    page.reload()
    page.wait_for_function("document.querySelector(\"input[name='packet-kinds'][value='staff']\").checked")
    assert "ほかの 1 件" in page.inner_text("[data-packet-shared-text]")
    page.click("text=保存していたリストに戻る")
    page.reload()
    sheets_loaded(page, 3)
    assert page.locator("[data-packet-shared]").is_hidden()


def test_both_boxes_name_gone_employers_in_the_same_plain_words(context, site_url):
    """The words over a link all of whose employers are gone said 「見つかりませんでした…リンクが
    古いため」, the notice over one partly gone 「いまはこのサイトに載っていません」: one
    situation, two wordings. Both (and the status line) say 掲載が終わった事業所."""
    page = context.new_page()
    page.goto(site_url)
    keep(page)
    page.goto(site_url + GONE_LINK)
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded === '0'")
    words = [page.inner_text("[data-packet-gone-text]")]
    page.goto(site_url + f"packet/?e=hikari-jimu-service,{GONE}")
    sheets_loaded(page, 1)
    words += [page.inner_text("[data-packet-shared-text]"), page.inner_text("[data-packet-status]")]
    for text in words:
        assert "掲載が終わった事業所" in text, text
        assert not any(other in text for other in ("見つかりません", "載っていな", "リンクが古い")), text


def test_saving_the_link_says_it_saved_the_sheet_choice_too(page):
    """③ only chosen on the link's view, then 「このリストを保存する」: the saved list's ② was
    replaced by ③ with only 「…を保存しました。前に保存していたリストと置き換えました」 said."""
    page.check("input[name='packet-kinds'][value='staff']")
    sheets_loaded(page, 2)
    page.click("text=このリストを保存する（保存していたリストと置き換え）")
    status = page.locator("[data-packet-status]")
    page.wait_for_function("document.querySelector('[data-packet-status]').textContent.includes('枚です')")
    assert status.inner_text().startswith(
        "共有されたリンクの事業所（2件）と、印刷するシートの選び方（③支援員向け）を保存しました。前に保存していたリストと置き換えました。"
    ), status.inner_text()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == {"slugs": ["shirakaba-farm", "hikari-jimu-service"], "kinds": ["staff"]}
    # Unchanged on the link's view, the choice saved is still named.
    other = page.context.new_page()
    other.goto(page.url.split("packet/")[0])
    keep(other)
    other.goto(page.url.split("packet/")[0] + LINK)
    sheets_loaded(other, 2)
    other.click("text=このリストを保存する（保存していたリストと置き換え）")
    assert "印刷するシートの選び方（②相談者向け）を保存しました" in other.inner_text("[data-packet-status]")


def test_the_sheet_choice_made_on_a_colleagues_link_stays_with_it_and_off_the_saved_list(page):
    """③ only chosen to print a colleague's link: a reload went back to the saved list's ②, and
    「保存していたリストに加える」 wrote ③ over the saved list's choice."""
    page.check("input[name='packet-kinds'][value='staff']")
    sheets_loaded(page, 2)
    page.reload()
    sheets_loaded(page, 2)
    assert page.is_checked("input[name='packet-kinds'][value='staff']")
    assert page.locator("[data-packet-shared]").is_visible()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["kinds"] == ["seeker"]
    assert "&s=" not in page.input_value("[data-packet-share]"), "the link still names the employers only"
    page.click("text=保存していたリストに加える")
    sheets_loaded(page, 4)
    assert page.is_checked("input[name='packet-kinds'][value='seeker']")
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["kinds"] == ["seeker"]
    assert "印刷するシートは保存していたリストの選び方です" in page.inner_text("[data-packet-status]")
