"""Sheets, pamphlet, forms and packet data, without MkDocs or a browser."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import BUILD_DATE, ROOT
from employer_directory.calendar.closures import Closure
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.sheets.employer_sheets import SHEET_KINDS, employer_sheets, seeker_notes
from employer_directory.sheets.forms import BLANK_FORMS, TASK_BREAKDOWN_ROWS, form_choices
from employer_directory.sheets.packet import packet_catalogue
from employer_directory.sheets.pamphlet import make_pamphlet
from employer_directory.sheets.print_pages import plan_print_pages
from employer_directory.site_pages import SitePages
from employer_directory.vocabulary import OFFER_TYPES
from employer_directory.sheets.qr import qr_svg
from employer_directory.site_address import SiteAddress
from employer_directory.sheets.sheet_files import render_sheet_files, sheet_path

SITE_URL = "https://example.github.io/kyoryoku-jigyosho/"
STALE_WARNING = "この情報は12か月以上確認されていません。変わっていることがあります。"
"""The web page's notice (partials/contrib_links.html), which the printouts repeat."""
FAIR = "しらかば市 合同就職面接会"
FAIR_PLACE = "しらかば市総合福祉センター 3階 講堂（しらかば市中央町3-1-1）"


@pytest.fixture(scope="module")
def directory():
    """The sample content on the tests' build day (the day the built site treats as today)."""
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT, today=dt.date.fromisoformat(BUILD_DATE))


def sheet_articles(html: str) -> dict[str, str]:
    """The markup of each sheet in an employer's sheet file, by kind."""
    parts = re.split(r'(?=<article id=")', html)
    return {re.match(r'<article id="([a-z]+)"', part).group(1): part for part in parts if part.startswith("<article ")}


def test_every_employer_gets_one_sheet_file_with_its_three_sheets_at_stable_addresses(directory):
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    assert sorted(files) == sorted(f"employers/{employer.slug}/sheets.html" for employer in directory.employers)
    for employer in directory.employers:
        html = files[sheet_path(employer.slug)].decode("utf-8")
        assert html.count("<article ") == 3
        for kind in ("introduction", "seeker", "staff"):
            assert f'<article id="{kind}" class="sheet sheet--{kind}"' in html
            assert f"<h2 id=\"sheet-{kind}-{employer.slug}\" class=\"sheet__name\"" in html
        assert 'href="../../assets/print.css"' in html and f"<title>印刷用シート｜{employer.name}｜サイト名</title>" in html
        # Each sheet carries the employer's QR code inline (no image file per employer).
        assert html.count(qr_svg(SiteAddress(SITE_URL).employer(employer.slug))) == 3
    uris = {page.src_uri for page in plan_print_pages(SitePages(directory), SITE_URL)}
    assert uris == {"pamphlet.md", "packet.md", "forms/self-introduction.md", "forms/task-breakdown.md", "forms/hearing.md"}


def test_sheets_made_in_parts_are_the_same_files_each_made_once(directory):
    whole = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    parts = [render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides", part, 4) for part in range(4)]
    assert sum(len(files) for files in parts) == len(whole)
    assert all(files for files in parts)
    assert {path: html for files in parts for path, html in files.items()} == whole


def test_sheets_point_at_the_live_page_under_the_project_path(directory):
    sheets = employer_sheets(directory, directory.employer("shirakaba-farm"), SITE_URL)
    assert sheets.live_url == "https://example.github.io/kyoryoku-jigyosho/employers/shirakaba-farm/"
    assert sheets.total_capacity_note() == "見学 何人でも対応可、就労体験 2人、プチバイト 2人"
    assert [task.qualification for task in sheets.employer.tasks] == [False, False, True]


def test_qr_code_is_an_inline_svg_that_depends_on_its_address():
    one = qr_svg("https://example.github.io/kyoryoku-jigyosho/employers/a/")
    other = qr_svg("https://example.github.io/kyoryoku-jigyosho/employers/b/")
    assert one.startswith('<svg viewBox="0 0 ') and 'class="sheet-qr__code"' in one and one.endswith("</svg>")
    assert "<title>" not in one and "<?xml" not in one
    assert one != other


def test_pamphlet_counts_groups_and_numbers_follow_the_data(directory):
    pamphlet = make_pamphlet(directory, SITE_URL)
    # The cover's one QR code opens the list of employers (each employer's own is on its sheets).
    assert pamphlet.live_url == "https://example.github.io/kyoryoku-jigyosho/employers/"
    assert pamphlet.qr_code == qr_svg(pamphlet.live_url)
    assert pamphlet.counts == [(listing.term, len(listing.employers)) for listing in directory.category_listings()]
    assert pamphlet.total == len(directory.employers) == 25
    entries = pamphlet.entries()
    assert [entry.number for entry in entries] == list(range(1, 26))
    assert sorted(entry.employer.slug for entry in entries) == sorted(e.slug for e in directory.employers)
    for group in pamphlet.groups:
        assert group.entries and all(entry.employer.category == group.category.label for entry in group.entries)
        readings = [entry.employer.reading for entry in group.entries]
        assert readings == sorted(readings)
    # seed 000's table: 農業・栽培 10, 福祉・医療 4, 食品・製造 4, 環境整備 2, 交通警備 2
    assert [count for _, count in pamphlet.counts][:5] == [10, 4, 4, 2, 2]


def test_task_breakdown_form_leaves_the_time_cells_to_staff_and_starts_with_seed_003s_example():
    # A day may start at 6:00 or 7:00 (seed 003's care home) and an hour may hold one task or five:
    # staff write the hour where it begins, no row is labelled 8:00 in advance.
    form = next(form for form in BLANK_FORMS if form.slug == "task-breakdown")
    assert form.time_rows == [""] * TASK_BREAKDOWN_ROWS and TASK_BREAKDOWN_ROWS >= 22
    assert [(row.time, row.name, row.content, row.minutes, row.qualification) for row in form.examples] == [
        ("7:00", "引継ぎ", "夜勤より", "5", False),
        ("", "モーニングケア", "口腔ケア", "10", True),
    ]


def test_the_hearing_form_offers_the_site_s_own_lists_to_circle():
    # Another site's mkdocs.yml (a bakery category, three areas, one accommodation) prints its own
    # words on the hearing sheet: nothing the file would refuse, nothing it accepts left out.
    from employer_directory.settings import load_settings

    settings = load_settings({
        "categories": [{"id": "bakery", "label": "パン・菓子"}, {"id": "other", "label": "その他"}],
        "areas": [{"id": "n", "label": "北"}, {"id": "s", "label": "南"}, {"id": "w", "label": "西"}],
        "accommodations": [{"id": "short", "label": "短時間"}],
    })
    choices = form_choices(settings)
    assert (choices.categories, choices.areas, choices.accommodations) == (("パン・菓子", "その他"), ("北", "南", "西"), ("短時間",))
    assert choices.stages[0] == "見学" and "認定就労訓練（非雇用型）" in choices.stages
    form = next(form for form in BLANK_FORMS if form.slug == "hearing")
    assert form.title == "事業所ヒアリングシート"


def test_packet_catalogue_lists_every_employer_and_the_two_printable_kinds(directory):
    catalogue = json.loads(json.dumps(packet_catalogue(directory)))
    assert [e["slug"] for e in catalogue["employers"]] == [e.slug for e in directory.employers]
    assert [kind["id"] for kind in catalogue["kinds"]] == ["seeker", "staff"]
    assert [kind.id for kind in SHEET_KINDS] == ["introduction", "seeker", "staff"]


# --- what the sheets say -------------------------------------------------------------------

def test_the_sheets_and_pamphlet_entry_of_an_employer_not_confirmed_for_12_months_warn_as_the_web_page_does(directory):
    # The build day less stale_after_months (12) in mkdocs.yml: the rule of contrib.freshness.
    cutoff = dt.date(2025, 11, 22)
    stale = {e.slug for e in directory.employers if e.verified < cutoff}
    assert stale == {"hikari-jimu-service", "nishino-kirara-rice", "yamanami-kakoujo", "hoshizora-keibi", "himawari-chubo"}
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    for employer in directory.employers:
        assert employer_sheets(directory, employer, SITE_URL).is_stale == (employer.slug in stale), employer.slug
        articles = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))
        assert sorted(articles) == ["introduction", "seeker", "staff"]
        for kind, html in articles.items():
            assert html.count(STALE_WARNING) == (employer.slug in stale), f"{employer.slug} sheet {kind}"
    assert {entry.employer.slug for entry in make_pamphlet(directory, SITE_URL).entries() if entry.is_stale} == stale
    # The period is the settings' one, not a number of the sheets' own.
    longer = directory.settings.model_copy(update={"stale_after_months": 18})
    relaxed = load_directory(ROOT / "content", longer, root=ROOT, today=directory.today)
    assert {e.slug for e in relaxed.employers if employer_sheets(relaxed, e, SITE_URL).is_stale} == {"hikari-jimu-service", "nishino-kirara-rice"}
    html = render_sheet_files(relaxed, SITE_URL, "サイト名", ROOT / "overrides")[sheet_path("hikari-jimu-service")].decode("utf-8")
    assert html.count("この情報は18か月以上確認されていません。") == 3


def test_each_program_meeting_on_sheets_two_and_three_shows_its_own_place(directory):
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    with_meetings = set()
    for employer in directory.employers:
        sheets = employer_sheets(directory, employer, SITE_URL)
        articles = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))
        seeker, staff = articles["seeker"], articles["staff"]
        when = seeker[seeker.index("<h3>いつ</h3>"):seeker.index("<h3>どこで</h3>")]
        where = seeker[seeker.index("<h3>どこで</h3>"):]
        for meeting in sheets.upcoming:
            with_meetings.add(employer.slug)
            assert f"場所: {meeting.place}" in when, f"{employer.slug}: {meeting.title}"
            assert f"{meeting.title}　" in staff and f"会場: {meeting.place}" in staff, f"{employer.slug}: {meeting.title}"
            # 「どこで」 gives the employer's address: it must not pass for the place of a meeting held elsewhere.
            # Worded with the sheet's own 「場所:」 label, so that the reader knows which line to look at.
            elsewhere = f"<strong>{meeting.title}</strong>の場所は、ここではありません（上の「場所」を見てください）。"
            assert (elsewhere in where) == (not meeting.at_employer), f"{employer.slug}: {meeting.title}"
    assert with_meetings == {"shirakaba-farm", "yamabiko-care", "kodama-butsuryu", "shirakaba-kogen-foods"}
    for slug in ("yamabiko-care", "kodama-butsuryu", "shirakaba-kogen-foods"):
        sheets = employer_sheets(directory, directory.employer(slug), SITE_URL)
        assert [(m.title, m.place, m.at_employer) for m in sheets.upcoming] == [(FAIR, FAIR_PLACE, False)]
        assert [m.title for m in sheets.meetings_elsewhere] == [FAIR]
    farm = employer_sheets(directory, directory.employer("shirakaba-farm"), SITE_URL)
    assert [(m.place, m.at_employer) for m in farm.upcoming] == [("しらかば農園（しらかば市北町1234-5）", True)]


def test_sheets_two_and_three_say_until_when_to_apply_and_when_applications_have_closed():
    """A printed sheet lies on the counter or the kitchen table for days. The farm's tour (deadline
    2026-12-10, on the 16th) reads 「申し込みは…まで」 until its deadline and 「申し込みは締め切りました」
    after it, as the site's lists say 受付終了; the job fair (walk_in) then says one can come on the day."""
    settings = read_settings(ROOT / "mkdocs.yml")

    def meetings_on_sheets(day: str, slug: str) -> tuple[str, str]:
        directory = load_directory(ROOT / "content", settings, root=ROOT, today=dt.date.fromisoformat(day))
        articles = sheet_articles(render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")[sheet_path(slug)].decode("utf-8"))
        seeker = articles["seeker"]
        when = re.sub(r"<[^>]+>", "", seeker[seeker.index("<h3>いつ</h3>"):seeker.index("<h3>どこで</h3>")])
        staff = re.sub(r"<[^>]+>", "", re.search(r"<tr data-meetings>.*?</tr>", articles["staff"], re.S).group(0))
        return when, staff

    # The staff row is about time (「近い」 read as near in distance); named as the home page's list.
    assert meetings_on_sheets("2026-11-30", "shirakaba-farm")[1].startswith("これからのプログラム")

    tour = "職場見学会「しらかば農園」　2026年12月16日(水)　10:00〜11:30"
    for text in meetings_on_sheets("2026-11-30", "shirakaba-farm"):
        assert "（申し込みは12月10日(木)まで）" in text and "締め切りました" not in text
    when, staff = meetings_on_sheets("2026-12-11", "shirakaba-farm")
    assert f"{tour}（申し込みは締め切りました）" in when
    assert "（申し込みは締め切りました）　会場: しらかば農園" in staff and "12月10日" not in staff
    for text in meetings_on_sheets("2027-02-12", "yamabiko-care"):
        assert "2027年2月17日(水)" in text and "（当日、会場で参加できます）" in text


def test_every_sheet_tells_of_the_centres_coming_closure_as_the_web_pages_do():
    """The sheets say to call the centre and lie on a table for days: from two weeks before
    年末年始 each of them gives its days (in few words, under the employer's name), and during it
    until when; three weeks before, nothing."""
    settings = read_settings(ROOT / "mkdocs.yml")

    def headers(day: str) -> list[str]:
        directory = load_directory(ROOT / "content", settings, root=ROOT, today=dt.date.fromisoformat(day))
        articles = sheet_articles(render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")[sheet_path("shirakaba-farm")].decode("utf-8"))
        return [re.sub(r"<[^>]+>|\s+", "", re.search(r'<header class="sheet__head">.*?</header>', articles[kind.id], re.S).group(0)) for kind in SHEET_KINDS]

    assert all("休館" not in line for line in headers("2026-12-08"))
    for line in headers("2026-12-15"):
        assert "北部センター休館日:12月29日(火)〜1月3日(日)（年末年始）くわしくはこちら" in line
    for line in headers("2027-01-02"):
        assert "北部センター休館中:1月3日(日)まで（年末年始）くわしくはこちら" in line


def test_two_closures_within_two_weeks_share_the_sheets_closure_line_by_their_dates():
    """A one-off closure on 12-21/22 before 年末年始: both on the line under the name (no names,
    to keep it one line), the one going on as "〜12月22日(火)", each with its own last day for
    sheet.js, and the line with the last one's. The 「、」 between them is text in the first one
    (it was CSS content, which copied text lacks), so sheet.js hides it with that one."""
    settings = read_settings(ROOT / "mkdocs.yml")
    settings = settings.model_copy(update={"closures": [*settings.closures, Closure(label="設備点検", start=dt.date(2026, 12, 21), until=dt.date(2026, 12, 22))]})

    def line(day: str) -> str:
        directory = load_directory(ROOT / "content", settings, root=ROOT, today=dt.date.fromisoformat(day))
        html = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")[sheet_path("shirakaba-farm")].decode("utf-8")
        return re.search(r'<p class="sheet__closure".*?</p>', html, re.S).group(0)

    before = line("2026-12-20")
    assert before.startswith('<p class="sheet__closure" data-closed-until="2027-01-03">')
    assert [re.sub(r"<[^>]+>", "", days) for days in re.findall(r'<span class="sheet__closure-days" data-closed-until="[-0-9]+">.*?</span>', before)] == ["12月21日(月)〜22日(火)、", "12月29日(火)〜1月3日(日)"]
    assert 'data-closed-until="2026-12-22"' in before
    assert re.sub(r"<[^>]+>", "", line("2026-12-22")) == "センター休館日: 〜12月22日(火)、12月29日(火)〜1月3日(日)"
    # From 12-23 only 年末年始 is near: its own line, with its name, as before.
    assert re.sub(r"<[^>]+>", "", line("2026-12-23")) == "センター休館日: 12月29日(火)〜1月3日(日)（年末年始）"


def test_sheet_two_tells_the_accommodations_in_plain_words_and_sheet_three_the_access_note(directory):
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    for employer in directory.employers:
        sheets = employer_sheets(directory, employer, SITE_URL)
        labels = {term.label for term in sheets.accommodations}
        articles = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))
        seeker, staff = articles["seeker"], articles["staff"]
        bring = seeker[seeker.index("<h3>持ち物・服装</h3>"):seeker.index("<h3>聞きたいこと・申し込み</h3>")]
        apply = seeker[seeker.index("<h3>聞きたいこと・申し込み</h3>"):]
        where = f"{employer.slug} sheet ②"
        assert ("服装は自由です。" in bring) == ("服装自由" in labels), where
        assert ("履歴書はいりません。" in bring) == ("履歴書不要" in labels), where
        assert ("面接はありません。" in apply) == ("面接なし" in labels), where
        assert ("支援員が付き添えます。" in apply) == ("付き添い可" in labels), where
        for note in seeker_notes(sheets.accommodations):
            assert note.text in seeker, f"{where}: {note.term.label}"
        # 送迎あり and 駅から近い are told under 「どこで」, from the access fields.
        assert {note.term.label for note in seeker_notes(sheets.accommodations)} == labels - {"送迎あり", "駅から近い"}
        if employer.access.note:
            place_row = re.search(r'<th scope="row">場所</th><td>(.*?)</td>', staff).group(1)
            assert employer.access.note in place_row, f"{employer.slug} sheet ③"
    staff = sheet_articles(files[sheet_path("kokoro-no-ie")].decode("utf-8"))["staff"]
    assert "南しらかば駅から職員の送迎車に同乗できます" in staff


def test_sheet_two_tells_each_step_of_the_ladder_in_plain_words(directory):
    """Sheet ② says each offer as 「名前：説明」, like its task lines, and whether money is paid in
    plain words (お金を/給料を もらって), not 有償/無償, with no bracket inside a bracket."""
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    seen = set()
    for employer in directory.employers:
        seeker = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))["seeker"]
        for offer in employer.offers:
            assert f"<strong>{offer.type}</strong>：{offer.term.description}<br>" in seeker, f"{employer.slug} {offer.type}"
            seen.add(offer.term.id)
        assert "有償" not in seeker and "無償" not in seeker, employer.slug
    assert {"experience", "petit-job"} <= seen
    descriptions = {term.id: term.description for term in OFFER_TYPES}
    assert descriptions["experience"].startswith("お金はもらわずに、")
    assert descriptions["petit-job"].startswith("お金をもらって、")
    assert "給料をもらって" in descriptions["training-employed"]
    assert not any("（" in description for description in descriptions.values())


def test_sheet_one_says_the_ladder_as_the_employer_page_does_in_words_not_in_grey(directory):
    """The page's ladder says 「✓ 受け入れあり」 / 「なし」 (○ read as an empty radio button); sheet ①
    printed 「○ 見学」「― プチバイト」, the step not offered told by grey alone once copied in black
    and white. Now 「✓ 見学」 and 「プチバイト なし」, in the page's order."""
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    seen = set()
    for employer in directory.employers:
        introduction = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))["introduction"]
        ladder = re.search(r'<p class="sheet-ladder">(.*?)</p>', introduction, re.S).group(1)
        assert "○" not in ladder and "―" not in ladder, employer.slug
        said = [re.sub(r"<[^>]+>", "", step) for step in re.findall(r'<span class="sheet-ladder__step[^"]*">(.*?</span>)(?=<span class="sheet-ladder__step|$)', ladder, re.S)]
        expected = [f"✓ {term.label}" if offer else f"{term.label} なし" for term, offer in employer.ladder()]
        assert [re.sub(r"\s+", " ", step).strip() for step in said] == expected, employer.slug
        seen.update(bool(offer) for _, offer in employer.ladder())
    assert seen == {True, False}


def test_sheet_two_prints_the_centre_s_phone_once_where_a_seeker_asks_and_the_others_at_their_foot(directory):
    """Sheet ② printed the centre's number twice: at its foot (「問い合わせ: …（電話 …）」) and under
    「聞きたいこと・申し込み」. It keeps the one under its heading, in large type; ① and ③, for
    staff, keep theirs at the foot. (A pause notice at the top names the number too: left out here.)"""
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    phone = directory.settings.contact_phone
    assert phone
    for employer in directory.employers:
        articles = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))
        seeker = re.sub(r'<p class="print-paused.*?</p>', "", articles["seeker"], flags=re.S)
        foot = seeker[seeker.index('<footer class="sheet__foot">'):]
        apply = seeker[seeker.index("<h3>聞きたいこと・申し込み</h3>"):seeker.index('<footer class="sheet__foot">')]
        assert "問い合わせ" not in foot and phone not in foot, employer.slug
        assert seeker.count(phone) == 1 and f"電話 <strong>{phone}</strong>" in apply, employer.slug
        for kind in ("introduction", "staff"):
            foot = articles[kind][articles[kind].index('<footer class="sheet__foot">'):]
            assert f"問い合わせ: {directory.settings.organization}（電話 {phone}）" in foot, (employer.slug, kind)


def test_sheet_three_says_what_a_task_lets_staff_observe_in_words_not_as_ticked_boxes(directory):
    """「☑判断力」 read as "already checked / has it"; sheet ③ is read before matching (seed 004),
    not ticked at the counter: the traits are said as the employer page says them, 「判断力・正確性」,
    each whole with the 「・」 after it, so that a line breaks only after a 「・」."""
    files = render_sheet_files(directory, SITE_URL, "サイト名", ROOT / "overrides")
    seen = 0
    for employer in directory.employers:
        staff = sheet_articles(files[sheet_path(employer.slug)].decode("utf-8"))["staff"]
        assert "☑" not in staff and "□" not in staff, employer.slug
        cells = re.findall(r'<td data-label="確認できること">(.*?)</td>', staff)
        assert len(cells) == len(employer.tasks), employer.slug
        for task, cell in zip(employer.tasks, cells):
            assert re.sub(r"<[^>]+>", "", cell) == "・".join(task.checks), (employer.slug, task.name)
            pieces = re.findall(r'<span class="sheet-check">(.*?)</span>', cell)
            assert pieces == [trait + ("・" if n < len(task.checks) - 1 else "") for n, trait in enumerate(task.checks)]
            seen += len(task.checks) > 1
    assert seen
