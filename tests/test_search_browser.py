"""The search page in Debian's Chromium: queries typed into the real page, filters, the URL,
the keyboard, no JavaScript, axe, and the browser half of the shared tokenizer cases."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from employer_directory.search.compact import expand_index
from test_browser import AXE_OPTIONS, PHONE, Watched
from test_search_index import search as search_in_python

pytestmark = pytest.mark.browser

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "search_text_cases.json").read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]
EMPLOYERS = Path(__file__).resolve().parents[1] / "content" / "employers"


@pytest.fixture
def watched(browser):
    session = Watched(browser, PHONE)
    yield session
    session.close()


def open_search(page, site_url, query=""):
    page.goto(site_url + "search/" + query)
    page.wait_for_selector("#dir-search[data-ready]")


def type_query(page, text):
    box = page.locator("#dir-search-q")
    box.fill("")
    box.press_sequentially(text)
    wait_rendered(page)


def wait_rendered(page):
    """Until the results show what the URL (written from the form) asks for."""
    page.wait_for_function(
        "() => document.getElementById('dir-search-results').getAttribute('data-rendered') === new URLSearchParams(location.search).toString()"
        " && (new URLSearchParams(location.search).get('q') || '') === document.getElementById('dir-search-q').value.trim()"
    )


def result_slugs(page) -> list[str]:
    hrefs = page.locator("#dir-search-results .dir-card__name a").evaluate_all("links => links.map(a => a.href)")
    return [urlparse(href).path.rstrip("/").rsplit("/", 1)[1] for href in hrefs]


def slugs_whose_file_contains(*needles):
    return {p.stem for p in EMPLOYERS.glob("*.md") if any(n in p.read_text(encoding="utf-8") for n in needles)}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("週3日", slugs_whose_file_contains("週3日", "週３日")),
        ("トマトの収穫", {"minamihara-tomato-farm", "shirakaba-farm"}),
        ("ﾄﾏﾄ", {"minamihara-tomato-farm", "shirakaba-farm"}),
        ("とまと", {"minamihara-tomato-farm", "shirakaba-farm"}),
        ("かいご", {"yamabiko-care", "kokoro-no-ie"}),  # a search word: 介護 (before, only やまびこ's reading)
        ("付添", slugs_whose_file_contains("付き添い可")),  # a search word: 付き添い
        ("トマト 選果", {"minamihara-tomato-farm"}),
        ("いちご", {"ichigo-house-nishino"}),
    ],
)
def test_typed_queries_find_the_expected_employers(watched, site_url, query, expected):
    page = watched.page
    open_search(page, site_url)
    assert len(result_slugs(page)) == 25  # nothing typed: everything
    type_query(page, query)
    assert set(result_slugs(page)) == expected
    # the first line (a search word such as かいご adds a second: test_the_status_says_…)
    assert page.locator("#dir-search-status").inner_text().split("\n")[0] == f"「{query}」で {len(expected)} 事業所が見つかりました"
    assert watched.errors == [] and watched.hosts == {"127.0.0.1"}


def test_two_words_need_both(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    type_query(page, "トマト")
    tomato = set(result_slugs(page))
    type_query(page, "トマト 草刈り")
    assert set(result_slugs(page)) == {"shirakaba-farm"} < tomato


def test_a_word_spelled_as_staff_write_it_finds_what_the_content_spells_another_way(watched, site_url):
    # Counsellors write 障害 (the law, their agencies' names); employers' pages say 障がい.
    page = watched.page
    open_search(page, site_url)
    type_query(page, "障がい")
    disability = set(result_slugs(page))
    assert len(disability) >= 5
    for query in ("障害", "障碍"):
        type_query(page, query)
        assert set(result_slugs(page)) == disability, query
    type_query(page, "障害")
    assert page.locator("#dir-search-status").inner_text() == f"「障害」で {len(disability)} 事業所が見つかりました\n『障害』を『障がい』としてさがしました"
    assert watched.errors == []


def test_matched_words_are_highlighted(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    type_query(page, "とまと")
    marks = page.locator("#dir-search-results mark").all_inner_texts()
    assert "トマト" in marks
    assert set(marks) <= {"トマト"}
    # Why a card matched is visible even when the words are in the schedule, not the name.
    type_query(page, "週３日")
    # in the 日程 line, or in the line of the offer whose note it is
    marked = card_lines(page, ".dir-card__days mark, .dir-card__notes mark")
    assert len(marked) == len(result_slugs(page)) > 0
    assert all(texts and set(texts) == {"週3日"} for texts in marked.values()), marked


def test_filters_combine_with_a_query_and_live_in_the_url(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    page.locator("#dir-search-filters summary").click()
    type_query(page, "収穫")
    harvest = set(result_slugs(page))
    assert {"minamihara-tomato-farm", "shirakaba-farm"} <= harvest
    page.get_by_label("南部（南町・南原町）", exact=True).check()  # with the towns it covers (mkdocs.yml)
    wait_rendered(page)
    assert set(result_slugs(page)) == {s for s in harvest if "area: 南部" in (EMPLOYERS / f"{s}.md").read_text(encoding="utf-8")}
    assert "minamihara-tomato-farm" in result_slugs(page) and "shirakaba-farm" not in result_slugs(page)
    page.get_by_label("送迎あり", exact=True).check()
    wait_rendered(page)
    assert result_slugs(page) == []
    assert parse_qs(urlparse(page.url).query) == {"q": ["収穫"], "area": ["south"], "accommodation": ["pickup"]}
    # The link alone restores the same search.
    other = watched.context.new_page()
    open_search(other, site_url, "?" + urlparse(page.url).query)
    assert other.locator("#dir-search-q").input_value() == "収穫"
    assert other.get_by_label("送迎あり", exact=True).is_checked()
    assert result_slugs(other) == []
    other.close()
    # Back undoes one step at a time.
    page.go_back()
    wait_rendered(page)
    assert not page.get_by_label("送迎あり", exact=True).is_checked()
    assert "minamihara-tomato-farm" in result_slugs(page)
    page.go_back()
    wait_rendered(page)
    assert set(result_slugs(page)) == harvest


def test_no_result_gives_help_not_an_empty_box(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    type_query(page, "ラーメン")
    assert result_slugs(page) == []
    assert page.locator("#dir-search-status").inner_text() == "「ラーメン」に合う事業所は見つかりませんでした"
    help_box = page.locator("#dir-search-empty")
    assert help_box.is_visible()
    assert "ことばを短くする" in help_box.inner_text()
    assert help_box.get_by_role("link", name="一覧からさがす").is_visible()


def test_hours_typed_as_a_word_lead_to_the_filters_that_choose_them(watched, site_url):
    """A mother looking for a weekday morning tour types 朝だけ: no text says it, and the help
    under no results said nothing of the filters, closed further up, that choose the hours. It
    names them now, and its button takes the words away and opens the filters; 午前だけ and 見学
    chosen there find the morning tours. Without words typed the item is not shown. (午前 typed
    is searched as 午前だけ too: test_a_time_of_day_typed_is_searched_as_the_hours_filter_too.)"""
    page = watched.page
    open_search(page, site_url)
    type_query(page, "朝だけ")
    assert result_slugs(page) == []
    help_box = page.locator("#dir-search-empty")
    assert "「条件でしぼりこむ」で選べます" in help_box.inner_text()
    to_filters = help_box.get_by_role("button", name="ことばを消して、条件から選ぶ")
    assert page.locator("#dir-search-filters").get_attribute("open") is None
    to_filters.click()
    wait_rendered(page)
    assert page.locator("#dir-search-q").input_value() == ""
    assert parse_qs(urlparse(page.url).query) == {}
    assert page.locator("#dir-search-filters").get_attribute("open") is not None
    assert page.evaluate("document.activeElement.closest('#dir-search-filters summary') !== null")
    assert len(result_slugs(page)) == 25
    page.get_by_label("午前だけ（12時まで）").check()
    wait_rendered(page)
    page.locator('#dir-search-filters input[name="offer"][value="tour"]').check()
    wait_rendered(page)
    assert parse_qs(urlparse(page.url).query) == {"offer": ["tour"], "time": ["morning"]}
    assert len(result_slugs(page)) > 0
    # Filters alone that find nothing (no 雇用型 training on a Sunday in the sample): the help
    # shows, without the item about words (there are none to take away).
    open_search(page, site_url, "?offer=training-employed&day=日")
    assert result_slugs(page) == []
    assert help_box.is_visible() and not page.locator("#dir-search-to-filters-item").is_visible()
    assert watched.errors == []


def test_a_programs_name_finds_no_employer_but_leads_to_the_program(watched, site_url):
    """Someone told of 「働く準備のひろば」 at a clinic types its name: the search finds employers
    only, so the help names the programs still meeting, and the link opens the program's page."""
    page = watched.page
    open_search(page, site_url)
    type_query(page, "働く準備のひろば")
    assert result_slugs(page) == []
    help_box = page.locator("#dir-search-empty")
    assert help_box.is_visible()
    assert "プログラムは、ここではさがせません" in help_box.inner_text()
    assert help_box.get_by_role("link", name="プログラムの予定（カレンダー）").is_visible()
    link = help_box.get_by_role("link", name="はたらく準備のひろば", exact=True)
    link.click()
    page.wait_for_url("**/programs/hataraku-junbi-no-hiroba/")
    assert page.get_by_role("heading", level=1).inner_text() == "はたらく準備のひろば"


def test_markup_in_a_query_is_shown_as_text(watched, site_url):
    page = watched.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_search(page, site_url)
    query = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    type_query(page, query)
    assert page.locator("#dir-search-status").inner_text() == f"「{query}」に合う事業所は見つかりませんでした"
    assert page.locator("#dir-search-status *, #dir-search-results script, #dir-search-results img").count() == 0
    open_search(page, site_url, "?q=" + "%3Cscript%3Ealert(3)%3C/script%3E")
    assert "<script>alert(3)</script>" in page.locator("#dir-search-status").inner_text()
    assert dialogs == [] and watched.errors == []


def test_header_box_sends_the_query_to_the_search_page(watched, site_url):
    page = watched.page
    page.goto(site_url + "employers/shirakaba-farm/")
    page.get_by_role("button", name="キーワードでさがす").click()  # on a phone the box opens from its button
    page.get_by_role("searchbox", name="キーワードで事業所をさがす").fill("ﾄﾏﾄ")
    page.keyboard.press("Enter")
    page.wait_for_selector("#dir-search[data-ready]")
    assert urlparse(page.url).path.endswith("/kyoryoku-jigyosho/search/")
    assert set(result_slugs(page)) == {"minamihara-tomato-farm", "shirakaba-farm"}


def test_search_code_and_index_load_only_on_the_search_page(browser, site_url):
    session = Watched(browser)
    requested = []
    session.page.on("request", lambda request: requested.append(urlparse(request.url).path))
    try:
        session.page.goto(site_url)
        session.page.wait_for_load_state("networkidle")
        # No search code, lunr or index: only the header box's small stylesheet and script (which
        # unfolds the box on a phone) are shared with every page.
        search_code = re.compile(r"/(directory-search\.js|lunr[^/]*\.js|search/[^/]*\.json)$")
        assert not [path for path in requested if search_code.search(path)], requested
        assert any(path.endswith("/assets/javascripts/bundle.a5f9d56c.min.js") for path in requested)
        open_search(session.page, site_url)
        assert any(path.endswith("/search/directory-index.json") for path in requested)
    finally:
        session.close()


def test_keyboard_alone(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "dir-search-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "dir-search-q"
    page.keyboard.type("収穫")
    page.keyboard.press("Enter")
    wait_rendered(page)
    assert "minamihara-tomato-farm" in result_slugs(page)
    # Open the filters and tick 南部 with Tab, Enter and Space only.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    page.keyboard.press("Enter")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "south":
            break
    page.keyboard.press("Space")
    wait_rendered(page)
    assert parse_qs(urlparse(page.url).query) == {"q": ["収穫"], "area": ["south"]}
    assert result_slugs(page)[0] == "minamihara-tomato-farm" and "shirakaba-farm" not in result_slugs(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#dir-search-results') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/employers/minamihara-tomato-farm/")


def test_without_javascript_the_static_listings_are_offered(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "search/")
        assert not page.locator("#dir-search").is_visible()
        fallback = page.locator("#dir-search-fallback")
        assert fallback.is_visible()
        assert fallback.get_by_role("link", name="農業・栽培").get_attribute("href") == "../categories/agriculture/"
        assert fallback.get_by_role("link", name="事業所をさがす（すべての事業所）").is_visible()
        assert fallback.get_by_text("JavaScript が必要です").is_visible()
    finally:
        context.close()


def test_search_page_has_no_accessibility_violations(browser, site_url):
    # かいご せい, 月水金, 月〜金 and 月 水 金: the status line's second line (what was also searched)
    # 介護 免許 and 長靴: a card line with the caution or the bring item that matched
    for viewport, query in ((PHONE, "?q=トマト"), (None, "?q=トマト&area=south"), (PHONE, "?q=ラーメン"), (PHONE, "?q=かいご せい"), (PHONE, "?q=月水金"), (PHONE, "?q=月〜金"), (PHONE, "?q=月 水 金"), (PHONE, "?q=介護 免許"), (PHONE, "?q=長靴")):
        session = Watched(browser, viewport)
        try:
            open_search(session.page, site_url, query)
            results = Axe().run(session.page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert session.errors == [] and session.hosts == {"127.0.0.1"}
            assert session.page.evaluate("document.documentElement.scrollWidth") <= (viewport or {"width": 1280})["width"]
        finally:
            session.close()


def test_browser_tokenizer_agrees_with_the_shared_cases(watched, site_url):
    from employer_directory.search.normalize import SearchWords

    page = watched.page
    # The fixture's search words in place of mkdocs.yml's, embedded as the build embeds them.
    words = json.dumps([list(pair) for pair in SearchWords.of((w["word"], w["means"]) for w in FIXTURE["search_words"]).pairs], ensure_ascii=False)
    embedded = re.compile(r'(<script type="application/json" id="dir-search-words">).*?(</script>)', re.S)

    def with_fixture_words(route):
        html = route.fetch().text()
        assert embedded.search(html), "the search page embeds the search words"
        route.fulfill(response=route.fetch(), body=embedded.sub(lambda m: m.group(1) + words + m.group(2), html))

    page.route(re.compile(r".*/search/(\?.*)?$"), with_fixture_words)
    open_search(page, site_url)
    got = page.evaluate(
        """cases => cases.map(c => ({
            normalized: DirectorySearch.normalizeText(c.text),
            index_terms: DirectorySearch.indexTerms(c.text),
            query_terms: DirectorySearch.queryTerms(c.text),
        }))""",
        CASES,
    )
    for case, result in zip(CASES, got):
        assert result == {k: case[k] for k in ("normalized", "index_terms", "query_terms")}, case["title"]


def test_browser_expands_the_compact_index_like_python(watched, site_url, built_site):
    from employer_directory.search.compact import expand_index
    from employer_directory.search.index import INDEX_FILE

    compact = json.loads((built_site / INDEX_FILE).read_text(encoding="utf-8"))
    page = watched.page
    open_search(page, site_url)
    assert page.evaluate("c => DirectorySearch.expandIndex(c)", compact) == expand_index(compact)


def test_hours_and_weekday_filters(watched, site_url):
    page = watched.page
    open_search(page, site_url, "?time=afternoon")
    afternoon = slugs_whose_file_contains('hours: "12:', 'hours: "13:', 'hours: "14:', 'hours: "15:', 'hours: "16:')
    assert set(result_slugs(page)) == afternoon
    assert page.get_by_label("午後だけ（12時から）").is_checked()
    page.get_by_label("土", exact=True).check()
    wait_rendered(page)
    # One offer on Saturday afternoon (not a Saturday morning beside a weekday afternoon).
    saturday = {slug for slug, slots in offer_slots_in_content().items() if any("土" in days and start >= 12 * 60 for days, start, _ in slots)}
    assert saturday and set(result_slugs(page)) == saturday


def test_a_time_of_day_typed_is_searched_as_the_hours_filter_too(watched, site_url, built_site):
    """A mother searched 西部 見学 平日 午後 on a phone and found 1 employer; 西部 + 見学 + 午後だけ
    + 月〜金 in the filters find 2: 平日 was read as 月〜金 but 午後 searched as text only, and
    いちごハウス にしの (見学 13:00〜15:00) writes no 午後. A time of day typed (午前, 午前中, 午後,
    午後から) is now searched as typed and as the 時間帯 filter, like 平日: one offer fits it, of
    the types the query names (見学) and on the reading's days, as the filters ask. 朝 is not:
    descriptions write 朝の涼しい時間."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page

    def filtered(query):
        open_search(page, site_url, "?" + query)
        return set(result_slugs(page))

    weekdays = "&".join(f"day={day}" for day in "月火水木金")
    cases = [
        ("西部 見学 平日 午後", "area=west&offer=tour&time=afternoon&" + weekdays),
        ("午後", "time=afternoon"),
        ("午後から", "time=afternoon"),
        ("午前中", "time=morning"),
        ("見学 午後", "offer=tour&time=afternoon"),
        ("平日 午後", "time=afternoon&" + weekdays),
    ]
    wanted = {typed: filtered(query) for typed, query in cases}
    assert wanted["西部 見学 平日 午後"] == {"ichigo-house-nishino", "himawari-chubo"}
    # Bound to the offer named: the samples hold an employer with a 見学 (in the morning) and an
    # afternoon offer of another type, which 見学 as text and 午後 unbound would find.
    assert (wanted["午後"] - wanted["見学 午後"]) & set(search_in_python(index, documents, "見学"))
    open_search(page, site_url)
    for typed, _ in cases:
        type_query(page, typed)
        as_typed = set(search_in_python(index, documents, typed))
        if "平日" in typed:  # 平日 searched as its days (test_a_range_of_days_or_heijitsu_…)
            as_typed = set()
        assert set(result_slugs(page)) == wanted[typed] | as_typed, typed
    type_query(page, "西部 見学 平日 午後")
    assert "ichigo-house-nishino" in result_slugs(page)
    assert said_line(page) == f"『平日』を{WEEKDAYS}として、『午後』を『午後だけ』の時間帯としてもさがしました"
    type_query(page, "午前中")
    assert said_line(page) == "『午前中』を『午前だけ』の時間帯としてもさがしました"
    # 朝 and a time inside a longer word are searched as typed only.
    for typed in ("朝", "午後の部"):
        assert page.evaluate("typed => DirectorySearch.querySaid(typed)", typed) == "", typed
    type_query(page, "朝")
    assert set(result_slugs(page)) == set(search_in_python(index, documents, "朝"))
    assert watched.errors == []


def test_after_the_filters_a_button_says_the_count_and_goes_to_the_results(watched, site_url):
    """On a phone the open filters are a screen and more high, with the count above them: after
    ticking 西部, 見学 and 午後だけ the first result was some 730 px further down. At the end of the
    filters 「N事業所を見る」 (N live) takes the reader there: the first card's name has the focus,
    at the top of the screen. With nothing found it leads to the help instead."""
    page = watched.page
    open_search(page, site_url)
    page.locator("#dir-search-filters summary").click()
    for value in ("west", "tour", "afternoon"):
        page.locator(f'#dir-search-filters input[value="{value}"]').check()
        wait_rendered(page)
    found = result_slugs(page)
    assert len(found) == 2
    button = page.locator("#dir-search-filters").get_by_role("button", name="2事業所を見る")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    first_card = page.locator("#dir-search-results .dir-card__name a").first
    assert first_card.bounding_box()["y"] > PHONE["height"]  # out of sight below the filters
    button.click()
    assert page.evaluate("document.activeElement.closest('.dir-card__name') !== null")
    assert urlparse(page.evaluate("document.activeElement.href")).path.endswith(f"/employers/{found[0]}/")
    top = first_card.bounding_box()["y"]
    assert 48 <= top < PHONE["height"] / 3  # below the fixed header, at the top of the screen
    # Live: another box ticked, and the words follow; none found leads to the help.
    page.locator('#dir-search-filters input[name="day"][value="土"]').check()
    wait_rendered(page)
    assert result_slugs(page) == []
    page.locator("#dir-search-filters").get_by_role("button", name="見つかりません（さがし方のヒントを見る）").click()
    assert page.evaluate("document.activeElement.id") == "dir-search-empty"
    assert watched.errors == []


def offer_slots_in_content(offer_type=None):
    """Each employer's days and start/end minutes of the offers of one type (of every type:
    None), read from content/."""
    import yaml

    slots = {}
    for path in EMPLOYERS.glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        for offer in front.get("offers", []):
            if offer_type in (None, offer["type"]) and offer.get("hours"):
                start, end = (int(h) * 60 + int(m) for h, m in (t.split(":") for t in re.split("[〜~]", offer["hours"])))
                slots.setdefault(path.stem, []).append((set(offer.get("days", [])), start, end))
    return slots


def test_the_hours_and_days_filters_apply_to_the_chosen_offer_type_itself(watched, site_url):
    # A counsellor looks for an afternoon 就労体験: an employer whose 就労体験 is 9:00〜12:00 is no
    # answer just because its 見学 is in the afternoon (before: あおば台病院, 白樺台きのこセンター, …).
    page = watched.page
    experience = offer_slots_in_content("就労体験")
    open_search(page, site_url, "?offer=experience&time=afternoon")
    afternoon = {slug for slug, slots in experience.items() if any(start >= 12 * 60 for _, start, _ in slots)}
    assert afternoon and set(result_slugs(page)) == afternoon
    open_search(page, site_url, "?offer=experience&time=morning&day=月")
    monday_morning = {slug for slug, slots in experience.items() if any("月" in days and end <= 12 * 60 for days, _, end in slots)}
    assert monday_morning and set(result_slugs(page)) == monday_morning
    # With no offer type chosen, any offer's hours still count, as before.
    open_search(page, site_url, "?time=afternoon")
    assert {"aobadai-hospital"} <= set(result_slugs(page))


@pytest.mark.parametrize(("day", "time"), [("月", "morning"), ("土", "afternoon")])
def test_a_day_and_a_time_of_day_are_met_by_one_offer(watched, site_url, day, time):
    """月 + 午前だけ with no offer type chosen listed employers whose Monday offer is in the
    afternoon and whose morning offer is on Tuesday (seven of the samples): the day and the time
    were matched against different offers. One offer must now fit both."""
    page = watched.page
    every = offer_slots_in_content()
    fits = (lambda start, end: end <= 12 * 60) if time == "morning" else (lambda start, end: start >= 12 * 60)
    wanted = {slug for slug, slots in every.items() if any(day in days and fits(start, end) for days, start, end in slots)}
    either = {slug for slug, slots in every.items() if any(day in days for days, _, _ in slots) and any(fits(start, end) for _, start, end in slots)}
    assert wanted and either - wanted  # the samples hold the case
    open_search(page, site_url, f"?time={time}&day={day}")
    assert set(result_slugs(page)) == wanted


def test_the_search_waits_while_an_input_method_is_converting(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    cdp = watched.context.new_cdp_session(page)
    page.locator("#dir-search-q").focus()
    before = page.url
    # か → かい → かいg while the input method composes: no search, no URL, no announcement.
    for text in ("か", "かい", "かいg"):
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
        page.wait_for_timeout(250)  # longer than the search's typing delay
        assert page.url == before and page.locator("#dir-search-status").inner_text().startswith("登録されている"), text
    cdp.send("Input.insertText", {"text": "介護"})  # the conversion is chosen
    wait_rendered(page)
    assert parse_qs(urlparse(page.url).query) == {"q": ["介護"]}
    assert page.locator("#dir-search-status").inner_text().startswith("「介護」で ")


def test_back_from_an_employer_returns_to_the_same_place_in_the_results(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    # A page with an unload handler is never kept whole in the back-forward cache: the way back
    # loads the search page again, as on phones short of memory.
    page.evaluate("window.addEventListener('unload', () => {})")
    last = page.locator("#dir-search-results .dir-card__name a").last
    last.scroll_into_view_if_needed()
    place = page.evaluate("scrollY")
    assert place > 1000
    last.click()
    page.wait_for_url("**/employers/**")
    page.go_back()
    page.wait_for_selector("#dir-search[data-ready]")
    assert abs(page.evaluate("scrollY") - place) < 5


def test_on_a_slow_line_the_page_says_it_is_loading_not_that_javascript_is_off(watched, site_url):
    page = watched.page
    held = []
    # The search code arrives late, as on a slow phone line; then it never arrives at all.
    page.route("**/lunr-*.js", lambda route: held.append(route))
    page.goto(site_url + "search/", wait_until="commit")  # the held script blocks the parser
    page.wait_for_function("() => { const s = document.getElementById('dir-search-status'); return s && s.textContent !== ''; }")
    assert page.locator("#dir-search").is_visible()
    assert page.locator("#dir-search-status").inner_text() == "読み込んでいます…"
    assert not page.get_by_text("JavaScript が必要です").is_visible()
    assert held, "the lunr script was requested"
    held[0].abort()
    page.wait_for_function("() => !document.getElementById('dir-search-fallback').hidden")
    assert page.locator("#dir-search-status").inner_text().startswith("検索の準備ができませんでした")
    assert not page.get_by_text("JavaScript が必要です").is_visible(), "JavaScript is on; the loading failed"
    watched.errors.clear()  # the aborted script is the point of this test


def test_the_index_is_asked_for_while_the_search_code_is_still_on_its_way(watched, site_url):
    """On a slow phone line the index and the documents were asked for only once Material's
    bundle and the search code had come and run: the page's own script asks for them first, and
    the search code takes those answers over (each file is fetched once)."""
    page = watched.page
    held = []
    asked = []
    page.on("request", lambda request: request.url.endswith(".json") and asked.append(urlparse(request.url).path))
    page.route("**/assets/directory-search.js", lambda route: held.append(route))
    with page.expect_request("**/directory-index.json"), page.expect_request("**/directory-documents.json"):
        page.goto(site_url + "search/", wait_until="commit")  # the held script blocks the parser
    assert held, "the search code was requested and is held back"
    assert sorted(Path(path).name for path in asked) == ["directory-documents.json", "directory-index.json"]
    held[0].continue_()
    page.wait_for_selector("#dir-search[data-ready]")
    assert len(result_slugs(page)) == 25
    assert sorted(Path(path).name for path in asked) == ["directory-documents.json", "directory-index.json"]
    assert watched.errors == []


def test_a_card_that_spells_the_word_another_way_has_it_highlighted(watched, site_url):
    """Found by review: 障害 in a card was found by 障害 or 障がい (both sides become 障がい)
    but not highlighted: the card's text was folded one character at a time."""
    page = watched.page
    # The sample content says 障がい; the cards here say 障害, as an employer may write it.
    page.route("**/directory-documents.json", lambda route: route.fulfill(response=(fetched := route.fetch()), body=fetched.text().replace("障がい", "障害")))
    open_search(page, site_url)
    for query in ("障害", "障がい"):
        type_query(page, query)
        assert result_slugs(page)
        assert set(page.locator("#dir-search-results mark").all_inner_texts()) == {"障害"}, query
    assert watched.errors == []


def test_a_reading_or_an_everyday_word_finds_and_highlights_the_contents_word(watched, site_url):
    """かいご typed without conversion (a cheap phone's input method) finds 介護 and marks it;
    付添 marks 付き添い in the accommodations line. The words come from mkdocs.yml via the page."""
    page = watched.page
    open_search(page, site_url)
    type_query(page, "かいご")
    assert set(result_slugs(page)) == {"yamabiko-care", "kokoro-no-ie"}
    assert set(page.locator("#dir-search-results mark").all_inner_texts()) == {"介護"}
    type_query(page, "ｶｲｺﾞ")  # half-width katakana meet the same word
    assert set(result_slugs(page)) == {"yamabiko-care", "kokoro-no-ie"}
    type_query(page, "付添")
    assert set(result_slugs(page)) == slugs_whose_file_contains("付き添い可")
    assert set(page.locator("#dir-search-results .dir-card__accommodations mark").all_inner_texts()) == {"付き添い"}
    assert watched.errors == []


def test_a_card_that_writes_the_search_word_has_it_highlighted(watched, site_url):
    """The other way round: a card saying 付添可 (as an employer may write it) is marked whole
    for 付添 and for 付き添い, as 障害 is for 障がい."""
    page = watched.page
    page.route("**/directory-documents.json", lambda route: route.fulfill(response=(fetched := route.fetch()), body=fetched.text().replace("付き添い可", "付添可")))
    open_search(page, site_url)
    for query in ("付添", "付き添い", "つきそい"):
        type_query(page, query)
        assert result_slugs(page), query
        assert set(page.locator("#dir-search-results .dir-card__accommodations mark").all_inner_texts()) == {"付添"}, query
    assert watched.errors == []


def test_a_search_word_typed_part_way_is_highlighted_as_written(watched, site_url):
    """Found by review: こだまぶつ (on the way to こだまぶつりゅう, a search word) finds the
    employer through its reading as written, but a card saying こだまぶつりゅう was not marked:
    only its text with the words replaced (こだま物流) was looked at."""
    page = watched.page
    page.route("**/directory-documents.json", lambda route: route.fulfill(response=(fetched := route.fetch()), body=fetched.text().replace("こだま物流", "こだまぶつりゅう")))
    open_search(page, site_url)
    type_query(page, "こだまぶ")
    assert result_slugs(page) == ["kodama-butsuryu"]
    assert set(page.locator("#dir-search-results .dir-card__name mark").all_inner_texts()) == {"こだまぶ"}
    # ぶつ begins a search word (ぶつりゅう → 物流), so こだまぶつ also searches こだま物流, which
    # the card's こだまぶつりゅう is: the whole word is marked
    type_query(page, "こだまぶつ")
    assert result_slugs(page) == ["kodama-butsuryu"]
    assert set(page.locator("#dir-search-results .dir-card__name mark").all_inner_texts()) == {"こだまぶつりゅう"}
    type_query(page, "こだまぶつりゅう")
    assert set(page.locator("#dir-search-results .dir-card__name mark").all_inner_texts()) == {"こだまぶつりゅう"}
    assert watched.errors == []


def test_a_weekday_kanji_alone_is_searched_as_a_word_not_as_the_days(watched, site_url, built_site):
    """水 alone is water (水やり), not every employer open on 水曜: the browser searches a
    one-character query in the fields the page names (PREFIX_FIELDS), as the Python side does,
    and does not mark it in the days line. 水曜 and 土日 still find the days."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    for day in "水木土":
        open_that_day = {e["url"].split("/")[1] for e in documents["employers"] if day in e["days"]}
        type_query(page, f"{day}曜")
        assert set(result_slugs(page)) == open_that_day, day
        type_query(page, day)
        found = set(result_slugs(page))
        assert found == set(search_in_python(index, documents, day)) and len(found) < len(open_that_day), day
        assert page.locator("#dir-search-results .dir-card__days mark").count() == 0, day
    type_query(page, "土日")
    assert set(result_slugs(page)) == {e["url"].split("/")[1] for e in documents["employers"] if {"土", "日"} & set(e["days"])}
    assert watched.errors == []


def test_a_search_word_typed_part_way_finds_what_it_means_and_marks_it(watched, site_url, built_site):
    """のうぎ (on the way to のうぎょう, a search word for 農業) found nothing until the last kana:
    the results flashed "見つかりませんでした" while people watched them as they typed. Kana that
    begin a search word now find what it means too; kana that begin several (せい: 清掃 and 製造)
    find all of them, and each kana more only narrows the results."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)

    def found(text):
        type_query(page, text)
        return set(result_slugs(page))

    agriculture = found("農業")
    assert agriculture and not set(search_in_python(index, documents, "のうぎ"))  # nothing as written
    for typed in ("のうぎ", "ノウギ", "ﾉｳｷﾞｮ"):
        assert found(typed) == agriculture | set(search_in_python(index, documents, typed)), typed
    assert {"農業"} <= set(page.locator("#dir-search-results mark").all_inner_texts())
    # a prefix of two words: both, then fewer with each kana, down to the word typed whole
    cleaning, making = found("清掃"), found("製造")
    assert cleaning - making and making - cleaning
    steps = [found(typed) for typed in ("せい", "せいそ", "せいそう")]
    assert steps[0] >= cleaning | making and steps[0] >= steps[1] >= steps[2] == cleaning
    assert steps[1] == cleaning | set(search_in_python(index, documents, "せいそ"))
    # the end of a longer query, after words typed whole or as written
    assert found("とまとのしゅうか") == found("トマトの収穫") != set()
    assert found("りれきしょな") >= found("履歴書不要") != set()
    assert found("かいご せい") == found("かいご 清掃") | found("かいご 製造")
    # one kana is not enough
    assert found("せ") == set(search_in_python(index, documents, "せ"))
    assert watched.errors == []


def said_line(page) -> str:
    """The status line's second line: what the query was also searched as (empty if none)."""
    said = page.locator("#dir-search-status .dir-search__said")
    return said.inner_text() if said.count() else ""


def test_the_status_says_what_a_widened_or_replaced_query_was_searched_as(watched, site_url):
    """Results for のうぎ or かいご hold none of the typed letters (農業, 介護): the status line
    says what was searched, in the letters as typed, and only when something was."""
    page = watched.page
    open_search(page, site_url)
    expected = {
        "農業": "",
        "トマト": "",
        "のうぎ": "『のうぎ』を『農業』としてもさがしました",
        "ﾉｳｷﾞｮ": "『ﾉｳｷﾞｮ』を『農業』としてもさがしました",
        "せい": "『せい』を『清掃』か『製造』としてもさがしました",
        "カイゴ": "『カイゴ』を『介護』としてさがしました",
        "障害": "『障害』を『障がい』としてさがしました",
        "かいご せい": "『かいご』を『介護』として、『せい』を『清掃』か『製造』としてもさがしました",
        "りれきしょな": "『りれきしょ』を『履歴書』として、『りれきしょな』を『履歴書不要』としてもさがしました",
        # a search word typed whole is replaced, not also widened to the longer words it begins
        "めんせつ": "『めんせつ』を『面接』としてさがしました",
    }
    for typed, said in expected.items():
        type_query(page, typed)
        count = len(result_slugs(page))
        assert page.locator("#dir-search-status").inner_text() == "\n".join(filter(None, [f"「{typed}」で {count} 事業所が見つかりました", said])), typed
        assert said_line(page) == said, typed
    # nothing found: a replaced word is still said (it was not searched as typed) …
    type_query(page, "かいご ラーメン")
    assert said_line(page) == "『かいご』を『介護』としてさがしました"
    assert page.locator("#dir-search-status").inner_text().startswith("「かいご ラーメン」に合う事業所は見つかりませんでした")
    # … a widening that found nothing is not: ラーメン ends in めん, which begins めんせつ (面接)
    type_query(page, "ラーメン")
    assert said_line(page) == ""
    assert watched.errors == []


def test_the_status_is_one_live_region_changed_once_per_search(watched, site_url):
    """Screen readers announce the count and what was searched together: the line is inside
    the one status region, which each search changes in one mutation (two would be read as
    two announcements by some screen readers)."""
    page = watched.page
    open_search(page, site_url)
    # the search's one region (the counter packet's own announcer is outside the form)
    assert page.locator("#dir-search [aria-live], #dir-search [role=status], #dir-search [role=alert]").count() == 1
    page.evaluate(
        """() => {
        window.statusRecords = [];
        new MutationObserver(records => window.statusRecords.push(...records))
          .observe(document.getElementById('dir-search-status'), { childList: true, characterData: true, subtree: true });
        document.getElementById('dir-search-q').value = 'のうぎ';
        document.getElementById('dir-search').requestSubmit();
    }"""
    )
    wait_rendered(page)
    page.wait_for_function("() => window.statusRecords.length > 0")
    assert page.evaluate("window.statusRecords.length") == 1
    assert page.locator("[role=status] .dir-search__said").inner_text() == "『のうぎ』を『農業』としてもさがしました"
    assert watched.errors == []


def employers_open_on(documents, days) -> set[str]:
    return {e["url"].split("/")[1] for e in documents["employers"] if set(days) & set(e["days"])}


def test_a_list_of_days_typed_as_one_word_finds_an_offer_on_any_of_them(watched, site_url, built_site):
    """月水金, 火木 or 土日祝 found nothing. Such a list means what the 曜日 filter (どれかに受け入れが
    ある) and 土日 mean: an offer on any of the days. Words of day kanji that are not a list in
    the week's order (土木), single kanji and real words are searched as typed only."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("月水金", "月水金"), ("火木", "火木"), ("土日祝", "土日"), ("月・水・金", "月水金"), ("土日", "土日")):
        expected = employers_open_on(documents, days)
        # as typed, only 土日 (an indexed day word) finds them all
        assert expected and (typed == "土日") == (set(search_in_python(index, documents, typed)) >= expected), typed
        type_query(page, typed)
        found = set(result_slugs(page))
        assert found == expected | set(search_in_python(index, documents, typed)), typed
        assert said_line(page) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてもさがしました" + ("（祝日ではさがせません）" if "祝" in typed else ""), typed
        marked = set(page.locator("#dir-search-results .dir-card__days mark").all_inner_texts())
        assert marked and marked <= set(days), typed
        # the same as ticking the days under 曜日
        page.goto(site_url + "search/?" + "&".join(f"day={day}" for day in days))
        page.wait_for_selector("#dir-search[data-ready]")
        assert set(result_slugs(page)) == expected, typed
        open_search(page, site_url)
    # with another word: both required
    type_query(page, "介護 月水金")
    care = set(search_in_python(index, documents, "介護"))
    assert set(result_slugs(page)) == care & employers_open_on(documents, "月水金") != set()
    # single days and real words: as typed, nothing said
    for typed in ("月", "金", "木工", "水やり", "金属", "土木", "祝日", "日祝"):
        type_query(page, typed)
        assert set(result_slugs(page)) == set(search_in_python(index, documents, typed)), typed
        assert said_line(page) == "", typed
    # a name of day kanji in the week's order (水木) is still found as typed, before the days
    assert page.evaluate("DirectorySearch.dayReadings('水木農園')") == ["水木農園"]
    assert page.evaluate("DirectorySearch.dayReadings('水木')") == ["水木", "水曜", "木曜"]
    assert watched.errors == []


def test_the_day_of_a_trailing_youbi_or_shukujitsu_is_no_sunday(watched, site_url):
    """月水金曜日 and 月水金祝日 are Monday, Wednesday and Friday: the 日 of 曜日 or 祝日 is not a
    Sunday in the list (it was, and 土日曜日 or 土日祝日, with 日 twice, was no list at all)."""
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("月水金曜日", "月水金"), ("火木曜日", "火木"), ("月水金祝日", "月水金"), ("土日曜日", "土日"), ("土日祝日", "土日")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [typed] + [f"{day}曜" for day in days], typed
        assert page.evaluate("typed => DirectorySearch.querySaid(typed)", typed) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてもさがしました" + ("（祝日ではさがせません）" if "祝" in typed else ""), typed
    assert watched.errors == []


WEEKDAYS = "『月曜〜金曜』のどれか"
"""How a range of weekdays (月〜金, 平日) is said in the status line: as a range, not day by day."""


def test_a_range_of_days_or_heijitsu_finds_an_offer_on_any_day_in_it(watched, site_url, built_site):
    """月〜金 (with ~, -, or the ー an input method types for -) found one employer, 平日 none: a
    range means the days in it, an offer on any of them as for 月水金, and the status says so.
    As typed a range is one-character words (月, 金), which never search the days: 土〜日 found
    園芸 for its 土 (soil). So a range is searched as its days only (として), and so is 平日, a
    search word for 月〜金. 月ー金 was the list 月・金."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    weekdays = employers_open_on(documents, "月火水木金")
    for typed in ("月〜金", "月~金", "月～金", "月-金", "月ー金", "月曜〜金曜", "月〜金曜日", "月 〜 金", "月〜 金", "平日"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in "月火水木金"], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == weekdays, typed
        assert said_line(page) == f"『{typed}』を{WEEKDAYS}としてさがしました", typed
    # the same as ticking 月 to 金 under 曜日
    page.goto(site_url + "search/?" + "&".join(f"day={day}" for day in "月火水木金"))
    page.wait_for_selector("#dir-search[data-ready]")
    assert set(result_slugs(page)) == weekdays
    open_search(page, site_url)
    # a range of fewer days narrows, marks its days in the cards, and finds no 土 (soil) as typed
    type_query(page, "土〜日")
    weekend = employers_open_on(documents, "土日")
    assert set(result_slugs(page)) == weekend != weekdays
    assert set(search_in_python(index, documents, "土 日")) - weekend != set()
    assert set(page.locator("#dir-search-results .dir-card__days mark").all_inner_texts()) == {"土", "日"}
    type_query(page, "介護 平日")
    assert set(result_slugs(page)) == set(search_in_python(index, documents, "介護")) & weekdays != set()
    # across the weekend; the same day twice is no range
    assert page.evaluate("DirectorySearch.dayReadings('金〜月')") == ["金曜", "土曜", "日曜", "月曜"]
    assert page.evaluate("DirectorySearch.dayReadings('日〜土')") == [f"{day}曜" for day in "日月火水木金土"]
    assert page.evaluate("DirectorySearch.dayReadings('月〜月')") == ["月〜月"]
    # with a list typed as one word: that list as typed too, the range never
    assert page.evaluate("DirectorySearch.dayReadings('水木 土〜日')") == ["水木 土曜", "水木 日曜", "水曜 土曜", "水曜 日曜", "木曜 土曜", "木曜 日曜"]
    # 週末 (土日) is said as its days too, not also as 『土日』
    assert page.evaluate("DirectorySearch.querySaid('週末')") == "『週末』を『土曜』か『日曜』としてもさがしました"
    assert watched.errors == []


def test_days_typed_with_spaces_are_one_list(watched, site_url, built_site):
    """月 水 金 was three one-character words, each required and none searching the days: it
    found nothing, and 土 日 two employers for a 土 (soil) and a 日 in their text. Single day
    kanji side by side are a list of days, as 月水金 is, searched as those days only. One alone
    (月, 金) and kanji out of the week's order are still searched as typed."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("月 水 金", "月水金"), ("土 日", "土日"), ("月、 水、 金", "月水金")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in days], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == employers_open_on(documents, days), typed
        assert said_line(page) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてさがしました", typed
    type_query(page, "介護 月 水 金")
    assert set(result_slugs(page)) == set(search_in_python(index, documents, "介護")) & employers_open_on(documents, "月水金") != set()
    for typed in ("水 月", "月", "金", "水 やり"):
        type_query(page, typed)
        assert set(result_slugs(page)) == set(search_in_python(index, documents, typed)), typed
        assert said_line(page) == "", typed
    assert watched.errors == []


def test_a_range_of_days_on_a_phone(browser, site_url, tmp_path):
    """390 px: the note under the count wraps, nothing scrolls sideways."""
    session = Watched(browser, {"width": 390, "height": 844})
    try:
        open_search(session.page, site_url, "?q=月〜金")
        assert said_line(session.page) == f"『月〜金』を{WEEKDAYS}としてさがしました"
        assert session.page.evaluate("document.documentElement.scrollWidth") <= 390
        session.page.screenshot(path=str(tmp_path / "search-range-390.png"))
        assert session.errors == []
    finally:
        session.close()


SAID_LINES = """() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('#dir-search-status .dir-search__said'));
  return new Set([...range.getClientRects()].map(rect => Math.round(rect.bottom))).size;
}"""


def test_a_range_of_three_days_or_more_is_said_as_a_range_and_holidays_as_not_searched(browser, site_url):
    """月から金 was said day by day (『月曜』か『火曜』か『水曜』か『木曜』か『金曜』), two full lines
    on a phone: a range of three days or more is said as one (『月曜〜金曜』のどれか), in the days
    of the week whatever way it was typed, in at most two lines; two days (土〜日) and lists as
    before. 祝 in 平日祝 or 土日祝 searched nothing, and the line says so rather than leave a
    seeker thinking holidays were."""
    session = Watched(browser, {"width": 390, "height": 844})
    page = session.page
    try:
        open_search(page, site_url)
        for typed, said in (
            ("月から金", "『月から金』を『月曜〜金曜』のどれかとしてさがしました"),
            ("月曜から金曜", "『月曜から金曜』を『月曜〜金曜』のどれかとしてさがしました"),
            ("月〜金", "『月〜金』を『月曜〜金曜』のどれかとしてさがしました"),
            ("月 〜 金", "『月 〜 金』を『月曜〜金曜』のどれかとしてさがしました"),
            ("平日", "『平日』を『月曜〜金曜』のどれかとしてさがしました"),
            ("金〜月", "『金〜月』を『金曜〜月曜』のどれかとしてさがしました"),
            ("平日祝", "『平日祝』を『月曜〜金曜』のどれかとしてさがしました（祝日ではさがせません）"),
            ("土日祝", "『土日祝』を『土曜』か『日曜』としてもさがしました（祝日ではさがせません）"),
            ("土〜日", "『土〜日』を『土曜』か『日曜』としてさがしました"),
            ("月水金", "『月水金』を『月曜』か『水曜』か『金曜』としてもさがしました"),
        ):
            type_query(page, typed)
            assert said_line(page) == said, typed
            lines = page.evaluate(SAID_LINES)
            assert lines <= 2, (typed, lines)
        # 祝 said once, however many words hold it
        assert page.evaluate("DirectorySearch.querySaid('平日祝 土日祝')").count("祝日ではさがせません") == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert session.errors == []
    finally:
        session.close()


def why_lines(page) -> dict[str, str]:
    """Each result card's line that says why it was found (bring list or caution), by slug."""
    lines = page.locator("#dir-search-results .dir-card").evaluate_all(
        "cards => cards.map(c => [c.querySelector('.dir-card__name a').href, (c.querySelector('.dir-card__why') || {}).innerText || ''])"
    )
    return {urlparse(href).path.rstrip("/").rsplit("/", 1)[1]: text for href, text in lines if text}


def test_a_card_found_by_what_to_bring_or_a_caution_shows_it(watched, site_url, built_site):
    """長靴, 三角巾 (bring list) or 脚立, 免許 (a task's caution) are searched but were nowhere on
    the card: the seeker could not tell why it was there. Now the card has one line with the
    matched item or sentence, as the data writes it, the word marked. Cards whose words are on
    them anyway have no such line."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    by_slug = {e["url"].split("/")[1]: e for e in documents["employers"]}
    page = watched.page
    open_search(page, site_url)
    for typed in ("長靴", "三角巾", "エプロン"):
        type_query(page, typed)
        found = result_slugs(page)
        bring = {slug: [item for item in by_slug[slug].get("bring", []) if typed in item] for slug in found}
        assert why_lines(page) == {slug: "持ち物: " + "、".join(items) for slug, items in bring.items() if items} != {}, typed
        assert set(page.locator("#dir-search-results .dir-card__why mark").all_inner_texts()) == {typed}, typed
    for typed, slug, sentence in (
        ("脚立", "higashidai-ringo-en", "脚立に乗る作業は慣れてからです"),
        ("免許", "kokoro-no-ie", "普通自動車免許が必要です"),
        # one sentence of a caution of two: the one with the word
        ("湿気", "shirakabadai-kinoko", "栽培室は少し寒く湿気があります"),
    ):
        type_query(page, typed)
        assert why_lines(page)[slug] == f"注意: {sentence}", typed
        assert page.locator("#dir-search-results .dir-card__why mark").all_inner_texts() == [typed] * len(why_lines(page)), typed
    type_query(page, "暑")
    assert why_lines(page)["himawari-chubo"] == "注意: 夏は室内が暑くなります"
    # with a word the card shows: only the hidden one is in the line, and marked
    type_query(page, "介護 免許")
    assert why_lines(page) == {"kokoro-no-ie": "注意: 普通自動車免許が必要です"}
    assert page.locator(".dir-card__why mark").all_inner_texts() == ["免許"]
    # found by what the card shows: no line
    for typed in ("介護", "トマト", "のうぎ", "清掃", "月水金", "水やり"):
        type_query(page, typed)
        assert result_slugs(page) and why_lines(page) == {}, typed
    assert watched.errors == []


def test_a_card_found_by_its_address_or_the_way_there_shows_it(watched, site_url, built_site):
    """北町 (a part of town) or バス (no car) finds employers by their address or access, which the
    card did not show: a mother looking near 北町 saw three cards and no 北町. Now the card says
    where, with only the parts that hold the word, marked; words the card shows add nothing."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    by_slug = {e["url"].split("/")[1]: e for e in documents["employers"]}
    page = watched.page
    open_search(page, site_url)
    for typed in ("北町", "バス", "自転車"):
        type_query(page, typed)
        found = result_slugs(page)
        place = {slug: [text for text in by_slug[slug].get("place", []) if typed in text] for slug in found}
        assert all(place.values()) and found, typed
        assert why_lines(page) == {slug: "場所: " + "　".join(parts) for slug, parts in place.items()}, typed
        assert page.locator("#dir-search-results .dir-card__why mark").all_inner_texts() == [typed] * len(found), typed
    type_query(page, "北町")
    assert why_lines(page)["wakaba-hoikuen"] == "場所: しらかば市北町2-8-11"
    # with a word the card shows (清掃, a task), only the address is in the line
    type_query(page, "北町 清掃")
    assert set(why_lines(page).values()) <= {"場所: しらかば市北町2-8-11", "場所: しらかば市北町5-40", "場所: しらかば市北町1234-5"}
    assert set(page.locator(".dir-card__why mark").all_inner_texts()) == {"北町"}
    assert watched.errors == []


def test_whole_days_typed_with_spaces_mean_any_of_them(watched, site_url, built_site):
    """月 水 and 月水 find an offer on either day, but 月曜 水曜 needed both (two words, each
    required). Whole days side by side are a list too, in any order (they can only be days)."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("月曜 水曜", "月水"), ("月曜日 水曜日", "月水"), ("土曜 日曜", "土日"), ("水曜 月曜", "水月"), ("月 水曜", "月水"), ("火曜、 木曜", "火木")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in days], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == employers_open_on(documents, days), typed
        assert said_line(page) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてさがしました", typed
    # like 月 水
    type_query(page, "月 水")
    assert set(result_slugs(page)) == employers_open_on(documents, "月水")
    # either, where both found fewer
    both = set(search_in_python(index, documents, "土曜 日曜"))
    assert both < employers_open_on(documents, "土日")
    type_query(page, "介護 月曜 水曜")
    assert set(result_slugs(page)) == set(search_in_python(index, documents, "介護")) & employers_open_on(documents, "月水") != set()
    # one day, or the same day twice: as typed, nothing said
    for typed in ("月曜", "水曜日", "月曜 月曜"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [typed], typed
        type_query(page, typed)
        assert said_line(page) == "", typed
    assert watched.errors == []


def test_whole_days_typed_as_one_word_mean_any_of_them(watched, site_url, built_site):
    """月曜、水曜 or 月曜水曜 (one word, as a schedule or a phone's input method writes it) found
    nothing: only single day kanji (月水) were read as a list. Whole days joined are a list too,
    in any order, searched as their days only (they can be nothing but days)."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("月曜水曜", "月水"), ("月曜、水曜", "月水"), ("月曜日・水曜日", "月水"), ("水曜,月曜", "水月"), ("土曜日曜", "土日"), ("火曜、木曜、土曜", "火木土")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in days], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == employers_open_on(documents, days) != set(), typed
        assert said_line(page) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてさがしました", typed
    type_query(page, "土曜、日曜、祝日")
    assert said_line(page) == "『土曜、日曜、祝日』を『土曜』か『日曜』としてさがしました（祝日ではさがせません）"
    assert set(page.locator("#dir-search-results .dir-card__days mark").all_inner_texts()) <= {"土", "日"}
    # the same day twice is one day: as typed
    assert page.evaluate("DirectorySearch.dayReadings('月曜月曜')") == ["月曜月曜"]
    assert watched.errors == []


def test_one_whole_day_with_holidays_is_that_day(watched, site_url, built_site):
    """月曜・祝日 or 日曜祝日 found nothing (one word, as typed), though 月曜 and 土日祝 find their
    days: one whole day and 祝 is that day, and the status line says holidays are not searched."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    page = watched.page
    open_search(page, site_url)
    for typed, day in (("月曜・祝日", "月"), ("日曜祝日", "日"), ("土曜日、祝日", "土"), ("水曜祝", "水")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜"], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == employers_open_on(documents, day) != set(), typed
        assert said_line(page) == f"『{typed}』を『{day}曜』としてさがしました（祝日ではさがせません）", typed
    # one whole day without 祝 is searched as typed, as before
    for typed in ("月曜", "日曜日", "日曜日曜日"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [typed], typed
    assert watched.errors == []


def test_a_range_of_days_written_with_kara_is_a_range(watched, site_url, built_site):
    """月から金 or 月曜から金曜 found nothing (から joined 月 and 金 into one word): read like 月〜金."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    page = watched.page
    open_search(page, site_url)
    weekdays = employers_open_on(documents, "月火水木金")
    for typed in ("月から金", "月曜から金曜", "月曜日から金曜日", "月曜から金曜まで", "月 から 金", "月曜から 金曜"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in "月火水木金"], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == weekdays, typed
        assert said_line(page) == f"『{typed}』を{WEEKDAYS}としてさがしました", typed
    type_query(page, "土から日")
    assert set(result_slugs(page)) == employers_open_on(documents, "土日") != weekdays
    assert set(page.locator("#dir-search-results .dir-card__days mark").all_inner_texts()) == {"土", "日"}
    assert page.evaluate("DirectorySearch.dayReadings('金から月')") == ["金曜", "土曜", "日曜", "月曜"]
    # the same day twice, or no second day: as typed
    for typed in ("月から月", "水から"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [typed], typed
    assert watched.errors == []


def test_a_search_word_for_days_inside_a_list_is_said_once(watched, site_url):
    """平日祝 was said twice: 『平日』を『月〜金』として、『平日祝』を『月曜』か…として. Its days say it
    all; the search word alone (平日の午前, no list of days) is still said."""
    page = watched.page
    open_search(page, site_url)
    for typed, said in (
        ("平日祝", f"『平日祝』を{WEEKDAYS}としてさがしました（祝日ではさがせません）"),
        ("平日・祝日", f"『平日・祝日』を{WEEKDAYS}としてさがしました（祝日ではさがせません）"),
        ("週末祝", "『週末祝』を『土曜』か『日曜』としてもさがしました（祝日ではさがせません）"),
        ("かいご 週末", "『かいご』を『介護』として、『週末』を『土曜』か『日曜』としてもさがしました"),
        ("平日の午前", "『平日』を『月〜金』としてさがしました"),
    ):
        assert page.evaluate("typed => DirectorySearch.querySaid(typed)", typed) == said, typed
    type_query(page, "介護 平日祝")
    assert said_line(page) == f"『平日祝』を{WEEKDAYS}としてさがしました（祝日ではさがせません）"
    assert watched.errors == []


def test_days_across_the_weekend_are_a_list(watched, site_url, built_site):
    """金 土 日 月 (and 金土日月) were no list: 月 comes before 金 in the week. Three days or more
    may go on across the weekend, as 金〜月 does; two are still words (日月, 水月, 土木)."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    index = expand_index(json.loads((built_site / "search" / "directory-index.json").read_text(encoding="utf-8")))
    page = watched.page
    open_search(page, site_url)
    for typed, days in (("金 土 日 月", "金土日月"), ("土 日 月", "土日月"), ("土、 日、 月", "土日月"), ("金 土 日 月 火", "金土日月火")):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed) == [f"{day}曜" for day in days], typed
        type_query(page, typed)
        assert set(result_slugs(page)) == employers_open_on(documents, days), typed
        assert said_line(page) == f"『{typed}』を" + "か".join(f"『{day}曜』" for day in days) + "としてさがしました", typed
    # typed as one word: as typed too (it may be a name), like 月水金
    assert page.evaluate("DirectorySearch.dayReadings('金土日月')") == ["金土日月", "金曜", "土曜", "日曜", "月曜"]
    assert page.evaluate("DirectorySearch.dayReadings('金〜月')") == page.evaluate("DirectorySearch.dayReadings('金 土 日 月')")
    # once round only, and two days are words
    for typed in ("金土日月金", "日月", "水月", "土木", "日 月", "水 月"):
        assert page.evaluate("typed => DirectorySearch.dayReadings(typed)", typed)[0] == typed, typed
    for typed in ("日 月", "水 月"):
        type_query(page, typed)
        assert set(result_slugs(page)) == set(search_in_python(index, documents, typed)), typed
        assert said_line(page) == "", typed
    assert watched.errors == []


def test_a_day_the_card_shows_in_its_days_line_is_not_explained_by_a_caution(watched, site_url, built_site):
    """A day searched (月曜, or from 月水金) is marked in the card's 曜日 line, so it is on the card:
    a caution that names the day (月曜は…) is no reason to add the line, nor to mark the day in it."""
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    [care] = [e for e in documents["employers"] if e["url"] == "employers/kokoro-no-ie/"]
    assert "月" in care["days"] and care["cautions"] == ["普通自動車免許が必要です"]
    care["cautions"] = ["月曜は普通自動車免許が必要です"]
    body = json.dumps(documents, ensure_ascii=False)
    page = watched.page
    page.route("**/directory-documents.json", lambda route: route.fulfill(body=body, content_type="application/json"))
    open_search(page, site_url)
    for typed in ("月曜", "月水金"):
        type_query(page, typed)
        assert "kokoro-no-ie" in result_slugs(page) and why_lines(page) == {}, typed
    type_query(page, "月曜 免許")
    assert why_lines(page) == {"kokoro-no-ie": "注意: 月曜は普通自動車免許が必要です"}
    assert page.locator(".dir-card__why mark").all_inner_texts() == ["免許"]
    assert watched.errors == []


def test_enter_after_the_search_as_typed_does_not_announce_the_same_status_again(watched, site_url):
    """The results follow the typing; Enter then finds the same. Writing the same line into the
    live region again made screen readers read it a second time."""
    page = watched.page
    open_search(page, site_url)
    type_query(page, "介護")
    wait_rendered(page)
    page.evaluate(
        """() => {
        window.statusRecords = [];
        new MutationObserver(records => window.statusRecords.push(...records))
          .observe(document.getElementById('dir-search-status'), { childList: true, characterData: true, subtree: true });
        window.rendered = new Promise(done => document.addEventListener('directory:cards-rendered', done, { once: true }));
    }"""
    )
    page.locator("#dir-search-q").press("Enter")
    page.evaluate("window.rendered")
    assert page.evaluate("window.statusRecords.length") == 0
    # A different search still changes it.
    type_query(page, "農")
    page.wait_for_function("() => window.statusRecords.length > 0")
    assert page.locator("#dir-search-status").inner_text().startswith("「農」で ")
    assert watched.errors == []


def test_the_filters_do_not_move_when_the_count_replaces_the_loading_line_on_a_phone(watched, site_url):
    """Found by review, running scripts/phone_cost.py: on a phone, 「登録されている 25 事業所を
    すべて表示しています」 takes two lines where 「読み込んでいます…」 took one, so the filters and
    the packet link jumped down as the index arrived (layout shift 0.22 on the search page)."""
    page = watched.page
    held = []
    page.route("**/directory-index.json", lambda route: held.append(route))
    page.goto(site_url + "search/", wait_until="commit")
    page.wait_for_function("() => (document.getElementById('dir-search-status') || {}).textContent === '読み込んでいます…'")
    page.wait_for_load_state("load")
    loading = page.locator("#dir-search-filters").bounding_box()["y"]
    assert held, "the index is held back"
    held[0].continue_()
    page.wait_for_selector("#dir-search[data-ready]")
    assert page.locator("#dir-search-status").inner_text().startswith("登録されている 25 事業所")
    assert page.locator("#dir-search-filters").bounding_box()["y"] == loading
    assert watched.errors == []


def content_front(slug):
    import yaml

    return yaml.safe_load((EMPLOYERS / f"{slug}.md").read_text(encoding="utf-8").split("---")[1])


LADDER = ["見学", "就労体験", "プチバイト", "認定就労訓練（雇用型）", "認定就労訓練（非雇用型）", "雇用"]
OFFER_IDS = {"tour": "見学", "experience": "就労体験", "petit-job": "プチバイト", "employment": "雇用"}


def offer_line_in_content(offer):
    """One offer's days and hours as the employer page's table writes them, from the content file."""
    when = " ".join(part for part in ("・".join(d for d in "月火水木金土日" if d in offer.get("days", [])) + "曜" if offer.get("days") else "", offer.get("hours", "")) if part)
    note = offer.get("schedule_note")
    if not when and not note:
        return "日にちは相談して決めます"
    return when + (f"（{note}）" if when and note else note or "")


def card_lines(page, selector) -> dict[str, list[str]]:
    """Each result card's lines matching ``selector`` (their text), by slug."""
    lines = page.locator("#dir-search-results .dir-card").evaluate_all(
        "(cards, selector) => cards.map(c => [c.querySelector('.dir-card__name a').href, [...c.querySelectorAll(selector)].map(p => p.innerText)])", selector
    )
    return {urlparse(href).path.rstrip("/").rsplit("/", 1)[1]: texts for href, texts in lines}


def test_with_offer_types_chosen_a_card_shows_those_offers_own_days_and_hours(watched, site_url):
    """A counsellor chose 就労体験: こむぎの丘's card said 曜日: 月・火・水・木・金・土（13:00〜16:00、
    13:00〜17:00、14:00〜15:00） and 日程: 週1日から相談できます, its 見学's and プチバイト's too. Now each
    card shows each chosen offer's own days, hours and note (as the employer page's table), on a
    line labelled with the offer, compared here with the content files."""
    page = watched.page
    for chosen in (["experience"], ["tour", "employment"]):
        open_search(page, site_url, "?" + "&".join(f"offer={o}" for o in chosen))
        lines = card_lines(page, ".dir-card__days")
        assert len(lines) == len(result_slugs(page)) > 0
        for slug, texts in lines.items():
            offers = {o["type"]: o for o in content_front(slug)["offers"]}
            wanted = [label for label in LADDER if label in offers and label in [OFFER_IDS[o] for o in chosen]]
            assert texts == [f"{label}: {offer_line_in_content(offers[label])}" for label in wanted], slug
        # No employer-wide line: its notes may be another offer's.
        assert page.locator("#dir-search-results .dir-card__notes").count() == 0
    assert card_lines(page, ".dir-card__days")["kodama-butsuryu"] == ["見学: 月・火・水・木・金曜 10:00〜15:00（1時間程度）", "雇用: 日にちは相談して決めます"]
    open_search(page, site_url, "?offer=experience")
    komugi = page.locator(".dir-card", has=page.locator('a[href$="employers/komugi-no-oka-bakery/"]'))
    assert komugi.locator(".dir-card__days").inner_text() == "就労体験: 火・木曜 13:00〜16:00"
    assert "週1日から相談できます" not in komugi.inner_text() and "17:00" not in komugi.inner_text()
    # Found by another offer's note: that note is said with its offer's name, marked.
    open_search(page, site_url, "?q=週3日&offer=experience")
    tomato = page.locator(".dir-card", has=page.locator('a[href$="employers/minamihara-tomato-farm/"]'))
    assert tomato.locator(".dir-card__days").inner_text() == "就労体験: 月・水・金曜 9:00〜12:00（6月〜10月）"
    assert why_lines(page)["minamihara-tomato-farm"] == "プチバイトの日程: 週3日から。7月〜9月の収穫期のみ"
    assert tomato.locator(".dir-card__why mark").all_inner_texts() == ["週3日"]
    assert watched.errors == []


def offer_lines_in_content(slug) -> list[str]:
    """The card's lines for all of an employer's offers that have days, hours or a note, as
    offer_line_in_content writes them; offers with the same line share it (見学・就労体験: …)."""
    lines: dict[str, list[str]] = {}
    for offer in sorted(content_front(slug)["offers"], key=lambda o: LADDER.index(o["type"])):
        if offer.get("days") or offer.get("hours") or offer.get("schedule_note"):
            lines.setdefault(offer_line_in_content(offer), []).append(offer["type"])
    return [f"{'・'.join(labels)}: {line}" for line, labels in lines.items()]


def times_differ_in_content(slug) -> bool:
    offers = content_front(slug)["offers"]
    return len({("".join(o.get("days") or []), o.get("hours", "")) for o in offers if o.get("days") or o.get("hours")}) > 1


def test_with_no_offer_type_chosen_a_card_says_which_offer_has_which_days_and_hours(watched, site_url, built_site):
    """南原トマトファーム's card said 曜日: 月・火・水・木・金（8:00〜12:00、9:00〜12:00、10:00〜11:00）
    and 日程: 6月〜10月、週3日から。7月〜9月の収穫期のみ: nobody could tell which hours were the
    見学's and which the プチバイト's, and might come at the wrong time. When the offers' days or
    hours differ, each offer now has its own line (as with offer types chosen), with its note;
    offers alike share one; when they are all alike, the one 曜日 line and 日程 line stay."""
    page = watched.page
    open_search(page, site_url)
    lines = card_lines(page, ".dir-card__days")
    notes = card_lines(page, ".dir-card__notes")
    assert len(lines) == 25
    differ = {slug for slug in lines if times_differ_in_content(slug)}
    assert 0 < len(differ) < 25
    for slug, texts in lines.items():
        if slug in differ:
            assert texts == offer_lines_in_content(slug) and notes[slug] == [], slug
        else:
            assert len(texts) == 1 and texts[0].startswith("曜日: "), slug
    assert lines["minamihara-tomato-farm"] == [
        "見学: 月・水・金曜 10:00〜11:00",
        "就労体験: 月・水・金曜 9:00〜12:00（6月〜10月）",
        "プチバイト: 月・火・水・木・金曜 8:00〜12:00（週3日から。7月〜9月の収穫期のみ）",
    ]
    # 雇用 with no days, hours or note has no line (it had no part in the 曜日 line either)
    assert lines["kodama-butsuryu"] == [
        "見学: 月・火・水・木・金曜 10:00〜15:00（1時間程度）",
        "就労体験: 月・水・金曜 9:00〜12:00",
        "認定就労訓練（雇用型）: 月・火・水・木・金曜 9:00〜14:00（週3日から。3か月ごとに面談をします）",
    ]
    # one offer: one line, as before
    assert lines["aozora-blueberry-en"] == ["曜日: 月・水・金・土（7:00〜11:00）"]
    assert notes["aozora-blueberry-en"] == ["日程: 7月〜8月。朝の涼しい時間だけの作業です"]
    # A searched day is marked in the lines as in the 曜日 line (土, not the 土曜 of 土・日曜);
    # a note that matched is on the card, so no line says why.
    type_query(page, "土曜")
    assert set(page.locator("#dir-search-results .dir-card__days mark").all_inner_texts()) == {"土"}
    hoshizora = page.locator(".dir-card", has=page.locator('a[href$="employers/hoshizora-keibi/"]'))
    assert hoshizora.locator(".dir-card__days mark").count() == 2  # プチバイト 土・日, 雇用 月〜土
    type_query(page, "週3日")
    assert result_slugs(page) and why_lines(page) == {}
    # A time range is not broken after its 〜 on a phone.
    hours = page.locator("#dir-search-results .dir-card__hours")
    assert hours.count() > 0
    assert hours.evaluate_all("spans => spans.filter(s => s.getClientRects().length !== 1).map(s => s.textContent)") == []
    # Offers alike share a line; offers all alike keep the one line (no sample has either).
    documents = json.loads((built_site / "search" / "directory-documents.json").read_text(encoding="utf-8"))
    by_slug = {e["url"].split("/")[1]: e for e in documents["employers"]}
    tomato = by_slug["minamihara-tomato-farm"]["slots"]
    tomato["tour"] = dict(tomato["experience"])
    farm = by_slug["shirakaba-farm"]["slots"]
    for offer in ("tour", "experience"):
        farm[offer] = dict(farm["petit-job"], note=farm[offer].get("note", ""))
    by_slug["shirakaba-farm"]["days"] = farm["petit-job"]["days"]
    body = json.dumps(documents, ensure_ascii=False)
    page.route("**/directory-documents.json", lambda route: route.fulfill(body=body, content_type="application/json"))
    open_search(page, site_url)
    lines = card_lines(page, ".dir-card__days")
    assert lines["minamihara-tomato-farm"] == [
        "見学・就労体験: 月・水・金曜 9:00〜12:00（6月〜10月）",
        "プチバイト: 月・火・水・木・金曜 8:00〜12:00（週3日から。7月〜9月の収穫期のみ）",
    ]
    assert lines["shirakaba-farm"] == ["曜日: 月・水・金（8:00〜12:00）"]
    assert card_lines(page, ".dir-card__notes")["shirakaba-farm"] == ["日程: 1時間程度、5月〜10月"]
    assert watched.errors == []


def accommodation_labels_in_content() -> dict[str, set[str]]:
    return {path.stem: set(content_front(path.stem).get("accommodations", [])) for path in EMPLOYERS.glob("*.md")}


def test_either_of_the_accommodations_for_getting_there_will_do(watched, site_url):
    """A client without a car can go where there is a pick-up or a station nearby: 送迎あり and
    駅から近い are one either-or group (通い方の配慮), one search instead of two. The other
    accommodations chosen with them must still all hold."""
    page = watched.page
    labels = accommodation_labels_in_content()
    open_search(page, site_url)
    page.locator("#dir-search-filters summary").click()
    group = page.get_by_role("group", name="通い方の配慮（どれか1つでよい）")
    assert [box.get_attribute("value") for box in group.locator("input").all()] == ["pickup", "near-station"]
    group.get_by_label("送迎あり", exact=True).check()
    wait_rendered(page)
    pickup = {slug for slug, written in labels.items() if "送迎あり" in written}
    assert set(result_slugs(page)) == pickup
    group.get_by_label("駅から近い", exact=True).check()
    wait_rendered(page)
    either = {slug for slug, written in labels.items() if written & {"送迎あり", "駅から近い"}}
    assert set(result_slugs(page)) == either > pickup
    assert page.locator("#dir-search-status").inner_text() == f"選んだ条件で {len(either)} 事業所が見つかりました"
    # with 短時間: that one must hold as well
    page.get_by_role("group", name="働きやすさの配慮（すべて満たす）").get_by_label("短時間", exact=True).check()
    wait_rendered(page)
    short_and_either = {slug for slug in either if "短時間" in labels[slug]}
    assert set(result_slugs(page)) == short_and_either and 0 < len(short_and_either) < len(either)
    # The link alone gives the same search.
    assert parse_qs(urlparse(page.url).query) == {"accommodation": ["short-hours", "pickup", "near-station"]}
    other = watched.context.new_page()
    open_search(other, site_url, "?" + urlparse(page.url).query)
    for label in ("送迎あり", "駅から近い", "短時間"):
        assert other.get_by_label(label, exact=True).is_checked(), label
    assert set(result_slugs(other)) == short_and_either
    other.close()
    # The others still combine with "and", and both boxes of the group as before alone.
    open_search(page, site_url, "?accommodation=short-hours&accommodation=no-resume")
    assert set(result_slugs(page)) == {slug for slug, written in labels.items() if {"短時間", "履歴書不要"} <= written}
    assert watched.errors == []


def test_the_counsellors_search_experience_in_the_afternoon_without_a_car(watched, site_url):
    """The counter's case in one link: 就労体験, 午後だけ, and a pick-up or a station nearby. The
    results are those whose 就労体験 starts at 12:00 or later and that have either, each card
    with that 就労体験's hours."""
    page = watched.page
    labels = accommodation_labels_in_content()
    experience = offer_slots_in_content("就労体験")
    open_search(page, site_url, "?offer=experience&time=afternoon&accommodation=pickup&accommodation=near-station")
    wanted = {slug for slug, slots in experience.items() if any(start >= 12 * 60 for _, start, _ in slots) and labels[slug] & {"送迎あり", "駅から近い"}}
    assert wanted and set(result_slugs(page)) == wanted
    for slug, texts in card_lines(page, ".dir-card__days").items():
        offer = next(o for o in content_front(slug)["offers"] if o["type"] == "就労体験")
        assert texts == ["就労体験: " + offer_line_in_content(offer)], slug


def test_the_either_group_and_the_cards_offer_lines_by_keyboard_and_with_axe(browser, site_url):
    """The new fieldset is reached and ticked with Tab and Space; axe finds nothing on the page
    with the offer lines and both groups, on a phone and a desktop."""
    for viewport in (PHONE, None):
        session = Watched(browser, viewport)
        try:
            page = session.page
            open_search(page, site_url, "?offer=experience&offer=petit-job&accommodation=near-station")
            assert page.locator("#dir-search-filters").get_attribute("open") is not None
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert page.evaluate("document.documentElement.scrollWidth") <= (viewport or {"width": 1280})["width"]
            page.locator("#dir-search-q").focus()
            for _ in range(60):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.value") == "pickup":
                    break
            assert page.evaluate("document.activeElement.closest('fieldset').querySelector('legend').textContent") == "通い方の配慮（どれか1つでよい）"
            page.keyboard.press("Space")
            wait_rendered(page)
            assert parse_qs(urlparse(page.url).query)["accommodation"] == ["pickup", "near-station"]
            labels = accommodation_labels_in_content()
            offered = {p.stem for p in EMPLOYERS.glob("*.md") if {o["type"] for o in content_front(p.stem)["offers"]} & {"就労体験", "プチバイト"}}
            either = {slug for slug in offered if labels[slug] & {"送迎あり", "駅から近い"}}
            assert set(result_slugs(page)) == either
            assert page.locator("#dir-search-status").inner_text() == f"選んだ条件で {len(either)} 事業所が見つかりました"
            assert page.locator("#dir-search-results .dir-card__days--offer").count() >= len(either)
            assert session.errors == [] and session.hosts == {"127.0.0.1"}
        finally:
            session.close()


FOOTER_WATCH = """() => {
  // Where the footer is on screen as soon as the page is drawn, and every layout shift after.
  window.footerTops = [];
  window.shifts = [];
  const note = () => { const f = document.querySelector('.md-footer'); if (f) window.footerTops.push(Math.round(f.getBoundingClientRect().top)); };
  document.addEventListener('DOMContentLoaded', note);
  new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) { window.shifts.push(e.value); window.shiftSources = (window.shiftSources || []).concat(e.sources.map(s => (s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 80) : String(s.node && s.node.textContent).slice(0,40)) + JSON.stringify([s.previousRect.top, s.currentRect.top, s.previousRect.height, s.currentRect.height]))); } })).observe({type: 'layout-shift', buffered: true});
}"""


@pytest.mark.parametrize("query", ["", "?q=%E3%83%88%E3%83%9E%E3%83%88", "?q=zzzz"], ids=["all", "tomato", "nothing"])
def test_the_footer_does_not_jump_when_the_results_arrive_on_a_slow_phone(browser, site_url, query):
    """On a slow phone line the results came seconds after the page: the footer was drawn under
    the search box, in view, and jumped down when the cards arrived (a tap meant for it, or for
    what was under it, landed elsewhere). The results' place is kept free until they come."""
    session = Watched(browser, PHONE)
    try:
        page = session.page
        def late(route):
            page.wait_for_timeout(1500)
            route.continue_()
        page.route(re.compile(r".*/search/.*\.json$"), late)
        page.add_init_script(f"({FOOTER_WATCH})()")
        page.goto(site_url + "search/" + query)
        page.wait_for_selector("#dir-search[data-ready]")
        page.wait_for_timeout(300)
        before = page.evaluate("window.footerTops[0]")
        after = page.evaluate("Math.round(document.querySelector('.md-footer').getBoundingClientRect().top)")
        assert before >= PHONE["height"] and after >= PHONE["height"], (before, after)
        if query != "?q=zzzz":  # (found nothing: the help that says so comes above the packet link and moves it)
            assert sum(page.evaluate("window.shifts")) < 0.01, page.evaluate("window.shiftSources")
    finally:
        session.close()


BACK_TO_TOP_OVER_THE_BOX = """() => {
  // Whether Material's back-to-top button is shown, and whether it lies over the search box.
  const top = document.querySelector('.md-top'), box = document.querySelector('#dir-search-q');
  const a = top.getBoundingClientRect(), b = box.getBoundingClientRect();
  const shown = top.checkVisibility({visibilityProperty: true, opacityProperty: true});
  return {y: Math.round(scrollY), shown, over: shown && a.bottom > b.top && b.bottom > a.top && a.right > b.left && b.right > a.left};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_back_to_top_button_does_not_cover_the_search_box(browser, site_url, width):
    """Scrolling the search page down and back up, Material's 「ページトップへ戻る」 (shown below
    the header while the page scrolls up) lay over the search box on a phone. It stays hidden
    within a screen of the top, and still shows further down."""
    session = Watched(browser, {"width": width, "height": 740})
    page = session.page
    try:
        open_search(page, site_url)
        for _ in range(8):
            page.mouse.wheel(0, 400)
            page.wait_for_timeout(100)
        assert page.evaluate("scrollY") > 2000
        seen, over = [], []
        while page.evaluate("scrollY") > 0:
            page.mouse.wheel(0, -60)
            page.wait_for_timeout(300)  # Material's fade
            state = page.evaluate(BACK_TO_TOP_OVER_THE_BOX)
            seen.append(state)
            if state["over"]:
                over.append(state)
        assert over == []
        assert any(s["shown"] for s in seen if s["y"] > 740)  # still there far from the top
        assert session.errors == []
    finally:
        session.close()
