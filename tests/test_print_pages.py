"""Printing the site's own pages (not the printable sheets) in Chromium: A4 portrait except the month
calendar (A4 landscape); a one-meeting program fits one page; headings stay with what follows;
the past meetings and the today mark stay off paper."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from test_print import squeeze

pytestmark = pytest.mark.browser

A4_PORTRAIT = (595, 842)
"""A4 in PDF points, rounded."""
HIROBA = "programs/hataraku-junbi-no-hiroba/"
TOUR = "programs/tour-shirakaba-farm/"


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    yield page
    context.close()


def print_with_css_page_size(page, url: str | None, target: Path) -> tuple[set[tuple[int, int]], list[str]]:
    """Print ``url`` (or the page as it is, if None) as a visitor's Chromium would: the paper size
    from the page's CSS, none given here. The sizes of its pages in points, and each page's text."""
    if url is not None:
        page.goto(url)
    page.pdf(path=str(target), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(target)], capture_output=True, text=True, check=True).stdout
    sizes = {(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)}
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout
    pages = [squeeze(p) for p in text.split("\f")]
    if pages and not pages[-1]:
        pages.pop()
    return sizes, pages


@pytest.mark.parametrize(
    ("path", "most_pages"),
    [
        (TOUR, 1),
        ("programs/godo-mensetsukai-2027-02/", 1),
        (HIROBA, 2),
        ("programs/chiiki-zukuri-seminar/", 2),
        ("employers/shirakaba-farm/", 2),
        ("about/", 2),
        ("calendar/", 2),
    ],
)
def test_site_pages_print_on_a4_portrait(page, site_url, tmp_path, path, most_pages):
    sizes, pages = print_with_css_page_size(page, site_url + path, tmp_path / "page.pdf")
    assert sizes == {A4_PORTRAIT}, f"{path}: {sizes} pt is not A4 portrait"
    assert 1 <= len(pages) <= most_pages, f"{path}: {len(pages)} pages"
    assert "しらかば市協力事業所ガイド" not in "".join(pages), "no site chrome in print"
    assert "ほかのプログラムの予定（カレンダー）" not in "".join(pages), "no link that means nothing on paper"


def test_the_one_meeting_tour_fits_one_page_from_its_title_to_its_date_line(page, site_url, tmp_path):
    _, pages = print_with_css_page_size(page, site_url + TOUR, tmp_path / "tour.pdf")
    assert len(pages) == 1
    assert pages[0].startswith("職場見学会「しらかば農園」")
    assert "2026年11月22日(日)時点の情報です。" in pages[0]
    # No wide empty band above the title: Material's 25 mm page margin and the screen's gap under the header.
    subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "tour.pdf"), str(tmp_path / "tour.html")], check=True)
    first_word_top = float(re.search(r'<word xMin="[\d.]+" yMin="([\d.]+)"', (tmp_path / "tour.html").read_text()).group(1))
    assert first_word_top < 20 / 25.4 * 72, f"title starts {first_word_top / 72 * 25.4:.0f} mm from the top"


def test_a_heading_is_printed_on_the_page_of_what_follows_it(page, site_url, tmp_path):
    _, pages = print_with_css_page_size(page, site_url + HIROBA, tmp_path / "hiroba.pdf")
    for number, page_text in enumerate(pages[:-1], start=1):
        for heading in ("日程", "くわしく", "関係する協力事業所"):
            assert not page_text.endswith(heading), f"page {number} ends with the heading {heading}"
    # Whatever stands above it (fewer or more meetings, a longer text), くわしく is never left alone at
    # the foot of a page: with the meeting list taken out, a growing gap above the section moves it
    # down the first page and over to the second.
    page.goto(site_url + HIROBA)
    page.evaluate("""() => { document.querySelector('ul.cal-sessions').remove();
        const gap = document.createElement('div'); gap.id = 'gap';
        document.querySelector('section[aria-labelledby=details]').before(gap); }""")
    places = set()
    for gap in range(0, 800, 25):
        page.evaluate("gap => { document.getElementById('gap').style.height = gap + 'px'; }", gap)
        _, pages = print_with_css_page_size(page, None, tmp_path / f"gap-{gap}.pdf")
        holding = [number for number, page_text in enumerate(pages) if "くわしく" in page_text]
        assert len(holding) == 1 and "くわしく会場" in pages[holding[0]], f"gap {gap} px: くわしく parted from 会場"
        places.add(holding[0])
    assert places == {0, 1}, "the gaps moved the section from page 1 to page 2"


def test_a_long_programs_details_begin_on_its_first_printed_page(page, site_url, tmp_path):
    """The twice-monthly group's 「くわしく」 kept whole went to page 2 and left page 1 40 % empty:
    it goes on over the page a row at a time, so the first sheet (the one on the fridge) has the
    place and how to apply, and no row is cut. Built on 11-30, when seven meetings are to come
    (on the sample's 11-22 the meetings fill page 1 by themselves)."""
    from test_calendar_site import built_on

    html = (built_on(tmp_path, "2026-11-30") / HIROBA / "index.html").read_text(encoding="utf-8")
    page.route(site_url + HIROBA, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    try:
        _, pages = print_with_css_page_size(page, site_url + HIROBA, tmp_path / "hiroba.pdf")
    finally:
        page.unroute(site_url + HIROBA)  # the page is shared by this file's tests
    assert len(pages) == 2
    # 会場 lists both venues of the group's rule periods (the new one from 2027-02-15), on one line
    assert "くわしく会場〜2027年2月14日(日):しらかば市総合福祉センター" in pages[0] and "申し込み" in pages[0]
    assert "／2027年2月15日(月)〜:しらかば市駅前交流プラザ" in pages[0]
    # The last row is not cut from its label: the centre's number is on the page that says 問い合わせ.
    assert any("問い合わせ" in page_text and "0268-00-0000" in page_text[page_text.rindex("問い合わせ"):] for page_text in pages)


def test_a_printed_program_gives_its_next_meeting_once_and_keeps_its_details_on_page_1(page, site_url, tmp_path):
    """On paper 次回 and 空きのある次の回 said again what the list right below them prints (each
    meeting with its status), and took the lines that 「くわしく」 needs: with a 行き方 line under
    the group's place, 問い合わせ went to page 2. Now they are left off paper where that list is
    printed; a tour's 日時, its only date, is printed. Built on 11-30 (12-09 満員, 12-23 with room)."""
    from test_calendar_site import built_on

    html = (built_on(tmp_path, "2026-11-30") / HIROBA / "index.html").read_text(encoding="utf-8")
    assert "次回: " in html and "空きのある次の回: " in html and "行き方: しらかば駅から歩いて5分" in html
    page.route(site_url + HIROBA, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    try:
        _, pages = print_with_css_page_size(page, site_url + HIROBA, tmp_path / "hiroba.pdf")
    finally:
        page.unroute(site_url + HIROBA)  # the page is shared by this file's tests
    text = "".join(pages)
    assert "次回" not in text and "空きのある次の回" not in text
    assert "第15回2026年12月9日(水)13:30〜15:00職場見学会「見て聞いて感じて私のはたらく姿」満員" in pages[0]
    assert "第16回2026年12月23日(水)13:30〜15:00クリスマスイベント「あたたか会」募集中" in pages[0]
    details = pages[0][pages[0].index("くわしく会場"):]
    assert "行き方:しらかば駅から歩いて5分" in details and "申し込み初めての方は" in details
    assert "問い合わせ生活・就労支援センター電話0268-00-0000" in details, pages[0][-120:]
    _, pages = print_with_css_page_size(page, site_url + TOUR, tmp_path / "tour.pdf")
    assert "日時:2026年12月16日(水)10:00〜11:30" in pages[0]  # no list below: its date line is printed


def test_the_seminars_details_begin_under_its_meetings_on_the_first_page(page, site_url, tmp_path):
    """The seminar's 「くわしく」 fits on one page: with a break between its rows forbidden (a term
    and its text share a grid row on paper), it went whole to page 2 and left a third of page 1
    empty. Now it begins on page 1 under the last meeting, and goes on over the page a row at a time."""
    _, pages = print_with_css_page_size(page, site_url + "programs/chiiki-zukuri-seminar/", tmp_path / "seminar.pdf")
    assert len(pages) == 2
    assert "第8回" in pages[0] and "くわしく会場オンライン（Zoom）" in pages[0], pages[0][-200:]
    assert not pages[0].endswith("くわしく")
    # no row cut: each label is on the page of its text
    assert "問い合わせ生活・就労支援センター" in pages[0] + pages[1]


def test_past_meetings_are_left_out_of_a_printed_program(page, site_url, tmp_path):
    page.goto(site_url + HIROBA)
    past = page.locator("details.cal-past")
    assert past.is_visible() and "終わった回（13回）" in past.inner_text()
    page.emulate_media(media="print")
    try:
        assert not past.is_visible()
        assert page.locator(".cal-sessions li:not(.is-past)").first.is_visible(), "the meetings to come are printed"
    finally:
        page.emulate_media(media="null")  # back to the page's own media (print when printing)
    _, pages = print_with_css_page_size(page, site_url + HIROBA, tmp_path / "hiroba.pdf")
    text = "".join(pages)
    assert "終わった回" not in text and "第1回" not in text and "「自分の1日を振り返ろう」" not in text
    assert "第14回" in text and "第22回" in text


def test_the_printed_month_does_not_mark_today(page, site_url):
    page.goto(site_url + "calendar/2026-11/")
    background = lambda selector: page.eval_on_selector(selector, "cell => getComputedStyle(cell).backgroundColor")
    today, other = "td.is-today", "td.cal-wd-1:not(.is-today):not(.is-outside)"
    assert background(today) != background(other), "on screen today is tinted"
    page.emulate_media(media="print")
    try:
        assert not page.locator(f"{today} .cal-today").is_visible(), "no 今日 label on paper"
        assert background(today) == background(other), "nor the tint that went with it"
        assert page.eval_on_selector(today, "cell => getComputedStyle(cell).outlineStyle") == "none"
    finally:
        page.emulate_media(media="null")  # back to the page's own media (print when printing)


def test_a_printed_employer_page_leaves_out_the_screen_controls(page, site_url, tmp_path):
    page.goto(site_url + "employers/shirakaba-farm/")
    page.wait_for_selector("[data-packet-add]:not([hidden])")  # packet.js has shown the controls
    _sizes, pages = print_with_css_page_size(page, None, tmp_path / "employer.pdf")
    printed = "".join(pages)
    assert "しらかば農園" in printed
    assert "印刷リスト" not in printed and "窓口用セット" not in printed and "印刷用シート" not in printed, printed[:400]
    assert "窓口・支援機関の方向け" not in printed, "the box's heading goes with the controls it names"


from test_calendar_site import elsewhere_site  # noqa: E402,F401 - the site conftest's elsewhere_url serves


def test_a_meeting_elsewhere_is_named_on_the_first_printed_page_with_its_date_whole(page, elsewhere_url, tmp_path):
    """The venue of a session or extra date of its own is named after the usual place(s) in 会場
    (on page 1 for both: the seminar's 「くわしく」 begins under its meetings), its date
    not cut over two lines; the pages print on as many sheets as before (2)."""
    for path, named, on in ((HIROBA, "／2027年1月20日(水)の回:しらかば農園（しらかば市北町1234-5）", 0),
                            ("programs/chiiki-zukuri-seminar/", "（Zoomの案内と資料）をメールでお送りします／2027年9月8日(水)の回:しらかば市総合福祉センター3階講堂（しらかば市中央町3-1-1）", 0)):
        target = tmp_path / "page.pdf"
        _, pages = print_with_css_page_size(page, elsewhere_url + path, target)
        assert len(pages) == 2 and named in pages[on], path
        lines = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout.splitlines()
        day = re.search(r"2027年\d+月\d+日\(.\)の回", named).group()
        assert any(day in line for line in lines), (path, [line for line in lines if "の回" in line])


def test_a_printed_employer_page_keeps_captions_and_introductions_with_what_they_name(page, site_url, tmp_path):
    """The bakery's 「できる作業」 and its table caption stood at the foot of page 1, the table all on
    page 2; the farm's 「支援機関の方が…連絡先です。」 ended page 2, the contact it introduces on
    page 3. No printed page ends with a caption or with the sentence before a list of facts.
    Every sample employer prints on two sheets: 11 of the 25 took a third for a few lines (the
    screen's spacing on paper), now each leaves room on page 2 (a quarter to a half of it)."""
    employers = sorted(path.stem for path in (Path(__file__).parents[1] / "content" / "employers").glob("*.md"))
    assert "komugi-no-oka-bakery" in employers and "asahi-yasai-farm" in employers
    sheets = {}
    for slug in employers:
        page.goto(site_url + f"employers/{slug}/")
        names = page.eval_on_selector_all(".md-content caption, .md-content p:has(+ dl.dir-facts)", "found => found.map(n => n.textContent)")
        assert any("連絡先です" in name for name in names), slug
        _, pages = print_with_css_page_size(page, None, tmp_path / f"{slug}.pdf")
        sheets[slug] = len(pages)
        for number, page_text in enumerate(pages[:-1], start=1):
            for name in names:
                assert not page_text.endswith(squeeze(name)), f"{slug}: page {number} ends with {name}"
    more = {slug: count for slug, count in sheets.items() if count > 2}
    assert not more, f"printed on more than two sheets: {more}"


def printed_employer_programs(page, tmp_path: Path, name: str) -> tuple[list[str], str]:
    """The titles the employer page lists under 「この事業所に関係するプログラム」 (on screen), and
    its printed text."""
    titles = page.eval_on_selector_all("section[aria-labelledby=programs] > ul > li", "items => items.map(n => n.textContent.trim())")
    assert titles and page.locator("section[aria-labelledby=programs] > ul > li").first.is_visible(), "the screen lists them"
    _, pages = print_with_css_page_size(page, None, tmp_path / f"{name}.pdf")
    return titles, "".join(pages)


def test_a_printed_employer_page_names_each_program_once_when_the_dated_list_names_them(page, site_url, tmp_path):
    """On paper 「この事業所に関係するプログラム」 listed the titles that the dated list just under it
    gives again with their dates: a client read each program twice. Where every title is in the
    dated list, the bare titles are left off paper (the screen keeps them)."""
    employers = sorted(path.stem for path in (Path(__file__).parents[1] / "content" / "employers").glob("*.md"))
    with_programs = []
    for slug in employers:
        page.goto(site_url + f"employers/{slug}/")
        if not page.locator("section[aria-labelledby=programs]").count():
            continue
        with_programs.append(slug)
        titles, printed = printed_employer_programs(page, tmp_path, slug)
        assert "関係するプログラムのこれからの予定" in printed, slug
        for title in titles:
            assert printed.count(squeeze(title)) == 1, f"{slug}: {title} printed {printed.count(squeeze(title))} times"
    assert "shirakaba-farm" in with_programs and len(with_programs) >= 2, with_programs


def test_a_printed_employer_page_keeps_a_program_with_no_date_to_come(page, site_url, tmp_path):
    """Built on 2026-12-20, after the farm's one tour day (12-16): the dated list says there is
    none, so the tour's title stays on paper, once."""
    from test_calendar_site import built_on

    farm = "employers/shirakaba-farm/"
    html = (built_on(tmp_path, "2026-12-20") / farm / "index.html").read_text(encoding="utf-8")
    page.route(site_url + farm, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    try:
        page.goto(site_url + farm)
        titles, printed = printed_employer_programs(page, tmp_path, "farm")
    finally:
        page.unroute(site_url + farm)  # the page is shared by this file's tests
    assert "いま予定されている回はありません。" in printed
    assert titles == ["職場見学会「しらかば農園」"] and printed.count(squeeze(titles[0])) == 1


def test_a_printed_employer_pages_foot_lines_are_at_least_10_pt(page, site_url, tmp_path):
    """情報確認日 … and … 時点の情報です printed at 9.9 and 8.9 pt, small for older readers at the
    counter: at least 10 pt on paper (the pages still print on two sheets, as checked above)."""
    page.goto(site_url + "employers/shirakaba-farm/")
    sizes = lambda: page.eval_on_selector_all(".dir-verified p", "lines => lines.map(n => [n.textContent.trim(), parseFloat(getComputedStyle(n).fontSize)])")
    page.emulate_media(media="print")
    try:
        printed = sizes()
    finally:
        page.emulate_media(media="null")  # back to the page's own media (print when printing)
    assert any("情報確認日" in line for line, _ in printed) and any("時点の情報です" in line for line, _ in printed)
    for line, px in printed:
        assert px * 72 / 96 >= 10 - 0.01, f"{line}: {px * 72 / 96:.2f} pt on paper"
