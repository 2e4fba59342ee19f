"""Printing in Debian's Chromium: every sheet of every sample employer fits one A4 page and
carries its key text; a long employer flows to exactly two pages with nothing cut; the
pamphlet's counts and contents match the data; the counter packet works; axe on screen."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe

from conftest import BUILD_DATE, ROOT, copy_project, run_build, serve_below_project_path
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.models.employer import Employer, Task
from employer_directory.models.values import jp_date
from employer_directory.sheets.employer_sheets import SHEET_KINDS
from employer_directory.vocabulary import LOADS, OFFER_TYPES, SETTINGS, WEEKDAYS

pytestmark = pytest.mark.browser

from test_browser import AXE_OPTIONS, assert_accessible  # one set of rules for every axe check
from test_calendar_site import KEEPS_THE_RHYTHM, SECOND_PERIOD  # the sample group's second period
PRINT_DAY = "2026-11-25T10:00:00+09:00"
"""The browser's clock while printing: sheets show it as the printing date."""
PRINT_DAY_JP = "2026年11月25日(水)"
SHEET_KIND_IDS = tuple(kind.id for kind in SHEET_KINDS)
LONG_TASKS = 11
"""Tasks of the deliberately long employer: enough for sheet ③ to need a second page."""
STALE_WARNING = "【注意】この情報は12か月以上確認されていません。変わっていることがあります。"
STALE_CUTOFF = dt.date(2025, 11, 22)
"""The build day less stale_after_months (12): employers verified before it print the warning."""
A4_TEXT_WIDTH = {"width": 703, "height": 1000}
"""A viewport as wide as an A4 page less its margins (186 mm), to measure the printed layout on screen."""


@pytest.fixture(scope="module")
def directory():
    """The sample content on the day the built site treats as today."""
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT, today=dt.date.fromisoformat(BUILD_DATE))


@pytest.fixture(scope="module")
def printer(browser):
    """One page, reused for every printout, with a fixed clock."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.clock.set_fixed_time(PRINT_DAY)
    yield page
    context.close()


def print_pdf(page, url: str, target: Path) -> list[str]:
    """Print ``url`` to an A4 PDF and return the text of each page (pdftotext)."""
    page.goto(url)
    page.pdf(path=str(target), format="A4")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [squeeze(page_text) for page_text in pages]


def qr_codes_in(pdf: Path) -> list[str]:
    """Decode the QR codes on the first page of a printed PDF (rendered in grey by pdftoppm)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "120", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
    data = pdf.with_suffix(".pgm").read_bytes()
    magic, width, height, _, _ = data.split(maxsplit=4)
    assert magic == b"P5"
    width, height = int(width), int(height)
    pixels = memoryview(data[len(data) - width * height:]).cast("B", (height, width))
    return [code.text for code in zxingcpp.read_barcodes(pixels)]


def squeeze(text: str) -> str:
    """PDF text without the line breaks and spaces that layout adds between characters."""
    return re.sub(r"\s+", "", text)


# --- every sheet of every sample employer ---------------------------------------------------

def test_every_sheet_of_every_sample_employer_prints_on_one_page_with_its_key_text(printer, site_url, directory, tmp_path):
    assert len(directory.employers) >= 25
    for number, employer in enumerate(directory.employers):
        for kind in SHEET_KIND_IDS:
            pdf = tmp_path / f"{employer.slug}-{kind}.pdf"
            pages = print_pdf(printer, f"{site_url}employers/{employer.slug}/sheets.html#{kind}", pdf)
            where = f"{employer.slug} sheet {kind}"
            assert len(pages) == 1, f"{where}: {len(pages)} pages"
            text = pages[0]
            assert squeeze(employer.name) in text, where
            assert f"情報確認日{squeeze(jp_date(employer.verified))}" in text, where
            assert f"印刷日{PRINT_DAY_JP}" in text, where
            assert text.startswith("1/1"), f"{where}: page number"
            assert "しらかば市協力事業所ガイド" not in text, f"{where}: site chrome printed"
            assert (STALE_WARNING in text) == (employer.verified < STALE_CUTOFF), f"{where}: warning of old information"
            if kind in ("seeker", "staff"):
                for task in employer.tasks:
                    assert squeeze(task.name) in text, f"{where}: task {task.name}"
            if kind == "staff":
                for task in employer.tasks:
                    assert squeeze(task.description) in text, f"{where}: {task.description}"
                    marked = f"★{squeeze(task.name)}" in text
                    assert marked == task.qualification, f"{where}: ★ on {task.name}"
            if kind == "introduction":
                for offer in employer.offers:
                    assert squeeze(offer.type) in text, where
            if kind == "staff" and employer.access.note:
                assert squeeze(employer.access.note) in text, f"{where}: access note"
            if kind in ("seeker", "staff"):
                for occurrence in directory.calendar.upcoming_for_employer(employer.slug, limit=3):
                    place = directory.calendar.program(occurrence.program_slug).place
                    assert squeeze(place.name) in text, f"{where}: place of {occurrence.program_title}"
            if kind == SHEET_KIND_IDS[number % len(SHEET_KIND_IDS)]:
                # The printed QR code opens the employer's live page (one sheet kind per employer, in turn).
                assert qr_codes_in(pdf) == [f"https://example.github.io/kyoryoku-jigyosho/employers/{employer.slug}/"], where


STAR_AND_FIRST_CHARACTER = """th => {
    const found = [];
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && found.length < 2; node = walker.nextNode()) {
        if (node.parentElement.closest('.print-sr')) continue;
        for (let i = 0; i < node.length && found.length < 2; i++) {
            if (!node.data[i].trim()) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            found.push([node.data[i], range.getBoundingClientRect().top]);
        }
    }
    return found;
}"""


@pytest.mark.parametrize("slug", ["shirakaba-farm", "hoshizora-keibi", "kodama-butsuryu"])
def test_the_star_of_a_task_that_needs_a_qualification_stays_on_the_line_of_its_name(browser, site_url, directory, slug):
    context = browser.new_context(viewport=A4_TEXT_WIDTH, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(f"{site_url}employers/{slug}/sheets.html#staff")
        page.emulate_media(media="print")
        names = [task.name for task in directory.employer(slug).tasks if task.qualification]
        assert names
        for name in names:
            cell = page.locator("#staff .sheet-tasks tbody th", has_text=name)
            (star, star_top), (first, first_top) = cell.evaluate(STAR_AND_FIRST_CHARACTER)
            assert (star, first) == ("★", name[0])
            assert abs(star_top - first_top) < 3, f"{slug}: ★ on a line of its own above {name}"
    finally:
        context.close()


def test_the_sheet_toolbar_and_title_follow_the_sheet_shown(browser, site_url, directory):
    employer = directory.employer("yamabiko-care")
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(f"{site_url}employers/{employer.slug}/sheets.html#staff")
        current = lambda: page.eval_on_selector_all("[data-sheet-link][aria-current=page]", "links => links.map(a => a.textContent)")
        shown = lambda: page.eval_on_selector_all("article.sheet", "sheets => sheets.filter(s => s.offsetParent !== null).map(s => s.id)")
        assert current() == ["③支援員向けプログラム情報シート"] and shown() == ["staff"]
        assert page.title() == f"支援員向けプログラム情報シート｜{employer.name}｜しらかば市 協力事業所ガイド"
        assert page.get_by_role("button", name="印刷する").is_visible(), "the toolbar stays in view"
        page.get_by_role("link", name="②相談者向けプログラム情報シート").click()
        page.wait_for_function("document.title.startsWith('相談者向け')")
        assert current() == ["②相談者向けプログラム情報シート"] and shown() == ["seeker"]
        page.get_by_role("link", name="3枚まとめて").click()
        page.wait_for_function("!location.hash && document.querySelectorAll('[data-sheet-link][aria-current]').length === 1")
        assert current() == ["3枚まとめて"] and shown() == ["introduction", "seeker", "staff"]
        assert page.title() == f"印刷用シート｜{employer.name}｜しらかば市 協力事業所ガイド"
    finally:
        context.close()


def test_the_sheet_file_without_an_address_prints_all_three_sheets_one_per_page(printer, site_url, directory, tmp_path):
    employer = directory.employer("yamabiko-care")
    pages = print_pdf(printer, f"{site_url}employers/{employer.slug}/sheets.html", tmp_path / "all.pdf")
    assert len(pages) == 3
    for page_text, kind in zip(pages, SHEET_KINDS):
        assert squeeze(f"{kind.number}{kind.title}") in page_text and squeeze(employer.name) in page_text


# --- a long employer flows onto a second page --------------------------------------------------

def long_employer_text() -> str:
    text = (ROOT / "content" / "employers" / "shirakaba-farm.md").read_text(encoding="utf-8")
    text = text.replace("name: しらかば農園", "name: ながいさぎょう農園").replace("reading: しらかばのうえん", "reading: ながいさぎょうのうえん")
    tasks = ["tasks:"]
    for number in range(1, LONG_TASKS + 1):
        tasks += [
            f"  - name: 長い作業{number:02d}",
            f"    description: 長い作業{number:02d}の内容です。手順を一つずつ確かめながら、決まった場所に道具と材料を片付けます",
            f"    minutes: {number * 5}",
            "    setting: 屋内",
            "    load: ふつう",
            "    checks: [理解力, 正確性, 手先器用度, 集中力]",
            f"    cautions: 長い作業{number:02d}の注意点です。刃物を使うので、始める前に使い方を確認します",
            f"    qualification: {'true' if number % 4 == 0 else 'false'}",
        ]
    return re.sub(r"^tasks:\n(?:  .*\n)+", "\n".join(tasks) + "\n", text, flags=re.M)


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("long"))
    (project / "content" / "employers" / "nagai-sagyou-farm.md").write_text(long_employer_text(), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_long_staff_sheet_flows_to_exactly_two_pages_without_cut_rows_and_repeats_its_header(printer, long_site, tmp_path):
    url = (long_site / "employers" / "nagai-sagyou-farm" / "sheets.html").as_uri() + "#staff"
    pages = print_pdf(printer, url, tmp_path / "long.pdf")
    assert len(pages) == 2
    for page_text in pages:
        # The table header is printed again on the second page.
        assert "作業内容・注意点時間場所負担確認できること" in page_text
    for number in range(1, LONG_TASKS + 1):
        name = f"長い作業{number:02d}"
        row = [
            squeeze(name),
            f"{name}の内容です。手順を一つずつ確かめながら、決まった場所に道具と材料を片付けます",
            f"注意:{name}の注意点です。刃物を使うので、始める前に使い方を確認します",
        ]
        holding = [index for index, page_text in enumerate(pages) if row[0] in page_text]
        assert len(holding) == 1, f"{name} on pages {holding}"
        for part in row:
            assert part in pages[holding[0]], f"{name} cut: {part}"
    assert "長い作業01" in pages[0] and f"長い作業{LONG_TASKS:02d}" in pages[1]
    # Sheet ② of the same employer continues on a second page too, no task split across pages.
    seeker = print_pdf(printer, url.replace("#staff", "#seeker"), tmp_path / "long-seeker.pdf")
    assert len(seeker) == 2
    for number in range(1, LONG_TASKS + 1):
        item = f"長い作業{number:02d}：長い作業{number:02d}の内容です。手順を一つずつ確かめながら、決まった場所に道具と材料を片付けます"
        assert sum(item in page_text for page_text in seeker) == 1, item
    # The sample employers are still one page in the same build (the long one is a test fixture).
    short = print_pdf(printer, (long_site / "employers" / "shirakaba-farm" / "sheets.html").as_uri() + "#staff", tmp_path / "short.pdf")
    assert len(short) == 1


# --- pamphlet ----------------------------------------------------------------------------

def test_pamphlet_counts_equal_the_data_and_its_contents_list_matches_its_sections(printer, site_url, directory, tmp_path):
    printer.goto(f"{site_url}pamphlet/")
    counts = printer.eval_on_selector_all(".pamphlet-counts td[data-category]", "cells => cells.map(c => [c.dataset.category, Number(c.textContent)])")
    expected = [[term.id, sum(1 for e in directory.employers if e.category == term.label)] for term in directory.settings.category_terms()]
    assert counts == expected
    assert printer.inner_text(".pamphlet-counts td[data-total]") == str(len(directory.employers))

    contents = printer.eval_on_selector_all(
        ".pamphlet-contents li a", "links => links.map(a => [a.getAttribute('href').slice(1), a.textContent.trim(), Number(a.parentElement.value)])"
    )
    sections = printer.eval_on_selector_all(
        "article.pamphlet-entry",
        "items => items.map(a => [a.id, a.querySelector('h3').textContent.replace(/^\\s*No\\.\\d+\\s*/, '').trim(), Number(a.querySelector('.pamphlet-entry__number').textContent.slice(3)), a.closest('section').querySelector('h2').textContent.trim()])",
    )
    assert [c[:3] for c in contents] == [s[:3] for s in sections]
    assert [s[2] for s in sections] == list(range(1, len(directory.employers) + 1))
    by_name = {e.name: e for e in directory.employers}
    assert sorted(s[1] for s in sections) == sorted(by_name)
    for _, name, _, heading in sections:
        assert by_name[name].category == heading
    # Grouped by category in the order of the settings, あいうえお order inside a group.
    order = [term.label for term in directory.settings.category_terms()]
    assert [s[3] for s in sections] == sorted((s[3] for s in sections), key=order.index)

    pages = print_pdf(printer, f"{site_url}pamphlet/", tmp_path / "pamphlet.pdf")
    assert "協力事業所一覧" in pages[0]
    assert qr_codes_in(tmp_path / "pamphlet.pdf") == ["https://example.github.io/kyoryoku-jigyosho/employers/"], "the cover's QR code"
    assert not re.search(r"\d+/\d+", pages[0]), "no page number on the cover"
    for number, page_text in enumerate(pages[1:], start=2):
        assert f"{number}/{len(pages)}" in page_text, "page numbers at the foot"
    for employer in directory.employers:
        assert squeeze(employer.name) in "".join(pages[2:])
    assert "しらかば市協力事業所ガイド" not in "".join(pages), "no site chrome in print"
    # Entries not confirmed for 12 months carry the web page's warning, printed.
    warned = printer.eval_on_selector_all("article.pamphlet-entry", "items => items.filter(a => a.querySelector('.print-stale')).map(a => a.id)")
    assert sorted(warned) == sorted(f"e-{e.slug}" for e in directory.employers if e.verified < STALE_CUTOFF)
    assert "".join(pages).count(STALE_WARNING) == len(warned) == 5


def test_blank_forms_print_on_one_page(printer, site_url, tmp_path):
    introduction = print_pdf(printer, f"{site_url}forms/self-introduction/", tmp_path / "f1.pdf")
    assert len(introduction) == 1 and "しごと体験等参加者の自己紹介書" in introduction[0]
    # seed 000: whether the participant has worked before (就労の経験の有無).
    assert "働いた経験□ある□ない" in introduction[0]
    breakdown = print_pdf(printer, f"{site_url}forms/task-breakdown/", tmp_path / "f2.pdf")
    assert len(breakdown) == 1
    assert "時間業務名しごと内容所要時間（分）作業場所体への負担★" in breakdown[0]
    # seed 003's example comes first; the time cells are left for the day's own hours (6:00, 7:00 …).
    assert "記入例7:00引継ぎ夜勤より5屋内軽いモーニングケア口腔ケア10屋内ふつう★" in breakdown[0]
    assert "8:00" not in breakdown[0]


def test_the_task_breakdown_form_asks_each_task_s_setting_and_load_which_the_employer_file_requires(printer, site_url, tmp_path):
    # Staff turn the filled sheet into the employer file's tasks:, where 作業場所 and 体への負担
    # are required (and the join page tells the owner this sheet records them). Without the two
    # columns the staff guess or phone the employer back.
    pages = print_pdf(printer, f"{site_url}forms/task-breakdown/", tmp_path / "f.pdf")
    assert len(pages) == 1
    headers = printer.eval_on_selector_all(".form-table--tasks thead th", "ths => ths.map(th => th.textContent.trim())")
    for field in ("setting", "load"):
        assert Task.model_fields[field].title in headers, f"{field}: no column for it"
        assert Task.model_fields[field].is_required()
    # Each blank row offers the file's words to circle (屋内と屋外: circle both), so any answer maps.
    rows = printer.eval_on_selector_all(
        ".form-table--tasks tbody tr:not(.form-example)", "rows => rows.map(r => Array.from(r.cells, c => c.textContent.trim()))"
    )
    assert len(rows) >= 22
    setting_column, load_column = (headers.index(Task.model_fields[f].title) for f in ("setting", "load"))
    for cells in rows:
        assert cells[setting_column].split("・") == [value for value in SETTINGS if "と" not in value]
        assert cells[load_column].split("・") == list(LOADS)
    assert "両方なら両方に○" in pages[0]
    # The example rows are filled in with one of the file's values.
    examples = printer.eval_on_selector_all(".form-example", "rows => rows.map(r => Array.from(r.cells, c => c.textContent.trim()))")
    assert examples and all(cells[setting_column] in SETTINGS and cells[load_column] in LOADS for cells in examples)


HEARING_FIELDS = (
    "name", "reading", "category", "area", "address", "access.nearest", "access.pickup", "access.parking", "headcount",
    "business", "offers.type", "offers.capacity", "offers.days", "offers.hours", "offers.content", "matching",
    "accommodations", "bring", "contact.name", "contact.phone", "contact.email", "contact.url",
)
"""The employer file's items the hearing sheet asks, in the order of seed 000's entry."""
HEARING_OWN_LABELS = {"記入日", "聞き取り", "対応"}
"""The hearing sheet's labels that are no field of the file (CONTRIBUTING: 書きません)."""


def employer_field(path: str):
    """The pydantic field at a dotted path of the employer file (``offers.days``: each offer's days)."""
    from typing import get_args

    from pydantic import BaseModel

    model, info = Employer, None
    for part in path.split("."):
        info = model.model_fields[part]
        inner = [info.annotation, *get_args(info.annotation)]
        model = next((t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)), None)
    return info


def test_the_hearing_form_prints_on_one_page_with_the_file_s_field_titles_and_the_configured_words_to_circle(printer, site_url, directory, tmp_path):
    pages = print_pdf(printer, f"{site_url}forms/hearing/", tmp_path / "hearing.pdf")
    assert len(pages) == 1 and "事業所ヒアリングシート" in pages[0]
    assert "個人の氏名は、サイトにもシートにも載せません。" in pages[0]
    # Every label is the file's own field title (renaming a title without the form fails here),
    # apart from the form's own three; staff copy each box into the field of the same name.
    labels = printer.eval_on_selector_all(
        ".form-table--fields th, .form-table--offers thead th", "ths => ths.map(th => th.textContent.trim())"
    )
    titles = [employer_field(path).title for path in HEARING_FIELDS]
    assert [label for label in labels if label not in HEARING_OWN_LABELS] == titles
    # Everything the file requires is asked here or on the task breakdown sheet (tasks), or is a date.
    required = {name for name, info in Employer.model_fields.items() if info.is_required()}
    assert required - {path.split(".")[0] for path in HEARING_FIELDS} == {"tasks", "registered", "verified"}
    # The words to circle are the configured lists and the ladder, each printed on the page.
    def circled(label: str) -> list[str]:
        return printer.eval_on_selector_all(f".form-table th:text-is('{label}') + td .form-option", "spans => spans.map(s => s.textContent)")

    settings = directory.settings
    assert circled("業種") == [term.label for term in settings.category_terms()]
    assert circled("地域") == [term.label for term in settings.area_terms()]
    assert circled("働きやすさの配慮") == [term.label for term in settings.accommodation_terms()]
    assert circled("送迎") == circled("駐車場") == ["あり", "なし"]
    for word in circled("業種") + circled("地域") + circled("働きやすさの配慮"):
        assert squeeze(word) in pages[0], word
    stages = printer.eval_on_selector_all(".form-table--offers tbody th", "ths => ths.map(th => th.textContent.trim())")
    assert stages == [term.label for term in OFFER_TYPES]
    assert all(squeeze(stage) in pages[0] for stage in stages)
    days = printer.eval_on_selector_all(".form-table--offers tbody td.form-circle", "tds => tds.map(td => td.textContent)")
    assert days == ["".join(WEEKDAYS)] * len(OFFER_TYPES)


def test_the_boxes_of_the_hearing_form_are_tall_enough_to_write_in(browser, site_url):
    # Measured in the print layout, in a context of its own (the shared printer keeps print media off).
    context = browser.new_context(viewport=A4_TEXT_WIDTH, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(site_url + "forms/hearing/")
        page.emulate_media(media="print")
        heights = page.eval_on_selector_all(".form-sheet--hearing td", "tds => tds.map(td => td.getBoundingClientRect().height / 96 * 25.4)")
    finally:
        context.close()
    assert len(heights) > 40 and min(heights) >= 8, f"the lowest box is {min(heights):.1f} mm"


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("forms/task-breakdown/", ["事業所名", "部署・職種", "記入日", "聞き取り"]),
        ("forms/self-introduction/", ["記入日", "体験の日"]),
        ("forms/hearing/", ["事業所名", "よみがな", "住所", "最寄り駅・バス停", "事業の内容", "持ち物・服装", "窓口", "電話番号", "メール"]),
    ],
)
def test_the_answer_boxes_of_the_blank_forms_are_wide_enough_to_write_in(browser, site_url, path, labels):
    context = browser.new_context(viewport=A4_TEXT_WIDTH, locale="ja-JP")
    page = context.new_page()
    try:
        page.goto(site_url + path)
        page.emulate_media(media="print")
        for label in labels:
            width = page.locator(".form-table--fields th", has_text=label).evaluate("th => th.nextElementSibling.getBoundingClientRect().width")
            assert width / 96 * 25.4 >= 40, f"{path}: the box for {label} is {width / 96 * 25.4:.0f} mm wide"
    finally:
        context.close()


# --- counter packet ------------------------------------------------------------------------

def test_sheets_printed_together_carry_no_page_count(printer, site_url, tmp_path):
    """Printed together, an employer's three sheets were numbered 1/3, 2/3, 3/3 at their feet: a
    client handed sheet ② alone read 「2 / 3」 and asked for the missing pages. The number counted
    the printout, not the sheet, so sheets printed together have none; printed alone, a sheet
    keeps its 「1/1」 (test_every_sheet_of_every_sample_employer_prints_on_one_page_with_its_key_text)."""
    pages = print_pdf(printer, f"{site_url}employers/shirakaba-farm/sheets.html", tmp_path / "three.pdf")
    assert len(pages) == 3
    for kind, page_text in zip(("①事業所紹介シート", "②相談者向けプログラム情報シート", "③支援員向けプログラム情報シート"), pages):
        assert page_text.startswith(kind + "しらかば農園"), page_text[:40]
        assert not re.search(r"(?<![\d年月日:：-])[1-3]/3(?!\d)", page_text), page_text
    alone = print_pdf(printer, f"{site_url}employers/shirakaba-farm/sheets.html#seeker", tmp_path / "alone.pdf")
    assert len(alone) == 1 and alone[0].startswith("1/1②相談者向けプログラム情報シート")


def packet_sheets(page) -> list[list[str]]:
    page.wait_for_function("document.querySelector('[data-packet-sheets]').dataset.loaded !== undefined")
    return page.eval_on_selector_all("[data-packet-sheets] article.sheet", "s => s.map(a => [a.dataset.employer, a.dataset.sheet])")


def test_counter_packet_add_reorder_print_reload_and_share(browser, site_url, directory, tmp_path):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}categories/agriculture/")
    chosen = [e.slug for e in directory.employers if e.category == "農業・栽培"][:2]
    for slug in chosen:
        page.click(f"[data-packet-add='{slug}']")
    assert page.inner_text(f"[data-packet-add='{chosen[0]}']").startswith("✓")
    page.goto(f"{site_url}employers/yamabiko-care/")
    page.click("[data-packet-add='yamabiko-care']")
    assert page.inner_text("[data-packet-link]").endswith("（3件）")
    page.click("[data-packet-link] a")
    page.wait_for_url("**/packet/**")

    names = {e.slug: e.name for e in directory.employers}
    listed = lambda: page.eval_on_selector_all("[data-packet-list] li", "items => items.map(i => i.dataset.slug)")
    assert listed() == [*chosen, "yamabiko-care"]
    # Reorder with the keyboard: move the last one up twice, focus stays on its "up" button.
    page.focus("[data-packet-list] li[data-slug='yamabiko-care'] [data-move='up']")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert listed() == ["yamabiko-care", *chosen]
    assert page.evaluate("document.activeElement.closest('li').dataset.slug") == "yamabiko-care"
    page.click(f"[data-packet-list] li[data-slug='{chosen[0]}'] [data-move='down']")
    order = ["yamabiko-care", chosen[1], chosen[0]]
    assert listed() == order
    assert page.eval_on_selector_all("[data-packet-list] li .packet-item__name", "n => n.map(x => x.textContent)") == [names[s] for s in order]

    assert packet_sheets(page) == [[slug, kind] for slug in order for kind in ("seeker", "staff")]
    page.check("input[name='packet-kinds'][value='staff']")
    page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 3")
    assert packet_sheets(page) == [[slug, "staff"] for slug in order]
    # The page's outline for screen readers: 印刷リスト (1), 印刷されるシート (2), each sheet's
    # name (3) and its parts (4), not a second h1 per sheet.
    outline = page.locator("main").evaluate(
        "main => [...main.querySelectorAll('h1, h2, h3, h4')].map(h => [Number(h.getAttribute('aria-level') || h.tagName[1]), h.textContent.trim()])"
    )
    assert outline[:3] == [[1, "印刷リスト（選んだ事業所をまとめて印刷）"], [2, "選んだ事業所"], [2, "印刷されるシート"]]
    assert [level for level, text in outline[3:] if text == names[order[0]]] == [3]
    assert {level for level, _ in outline[3:]} == {3, 4}
    # Printed: one sheet per page, in the chosen order, without the controls.
    page.pdf(path=str(tmp_path / "packet.pdf"), format="A4")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "packet.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    printed = [squeeze(p) for p in text.split("\f") if p.strip()]
    assert len(printed) == len(order)
    for number, (slug, page_text) in enumerate(zip(order, printed), start=1):
        # No 「1/3」: each sheet is handed out alone (test_sheets_printed_together_carry_no_page_count).
        assert not re.match(r"\d+/\d+", page_text), page_text[:20]
        assert page_text.startswith(f"③支援員向けプログラム情報シート{squeeze(names[slug])}")
        assert "選んだ事業所" not in page_text

    page.reload()
    assert listed() == order
    assert packet_sheets(page) == [[slug, "staff"] for slug in order]
    link = page.input_value("[data-packet-share]")
    # The link names the employers only: printing ③ alone is this counsellor's choice, and the
    # colleague who opens it gets the whole set (test_packet_days_browser).
    assert link.endswith(f"packet/?e={','.join(order)}")

    # Remove one, then open the shared link in a fresh browser (no stored list).
    page.focus(f"[data-packet-list] li[data-slug='{chosen[1]}'] [data-remove]")
    page.keyboard.press("Enter")
    assert listed() == ["yamabiko-care", chosen[0]]
    assert page.evaluate("document.activeElement.closest('li').dataset.slug") == chosen[0], "focus stays in the list"
    page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 2")
    assert "を外しました" in page.inner_text("[data-packet-status]")
    context.close()
    fresh = browser.new_context(locale="ja-JP")
    other = fresh.new_page()
    other.goto(link)
    assert other.eval_on_selector_all("[data-packet-list] li", "items => items.map(i => i.dataset.slug)") == order
    assert packet_sheets(other) == [[slug, kind] for slug in order for kind in ("seeker", "staff")]
    fresh.close()
    assert errors == []


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_adding_to_the_packet_is_announced_politely_and_the_focus_stays_on_the_button(browser, site_url, directory, viewport):
    """The add button only changes its label, which screen readers may not read: a polite status
    says what was added or taken out and the new count, and nothing moves the focus."""
    names = {e.slug: e.name for e in directory.employers}
    context = browser.new_context(viewport=viewport, locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}employers/shirakaba-farm/")
    status = page.get_by_role("status")
    assert status.count() == 1 and status.get_attribute("aria-live") in (None, "polite")
    assert status.text_content() == ""
    page.click("[data-packet-add='shirakaba-farm']")
    assert status.text_content() == f"{names['shirakaba-farm']}を印刷リストに入れました（1件）"
    focused = lambda: page.evaluate("document.activeElement.getAttribute('data-packet-add')")
    assert focused() == "shirakaba-farm"
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Enter")  # the same button again: out of the packet
    assert status.text_content() == f"{names['shirakaba-farm']}を印刷リストから外しました（0件）"
    assert focused() == "shirakaba-farm"

    # A listing: one button per employer, one status for all of them, the count across pages.
    page.click("[data-packet-add='shirakaba-farm']")
    page.goto(f"{site_url}categories/agriculture/")
    status = page.get_by_role("status")
    other = next(e.slug for e in directory.employers if e.category == "農業・栽培" and e.slug != "shirakaba-farm")
    page.click(f"[data-packet-add='{other}']")
    assert status.text_content() == f"{names[other]}を印刷リストに入れました（2件）"
    assert focused() == other
    assert page.inner_text("[data-packet-link]").endswith("（2件）")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    context.close()
    assert errors == []


def test_employers_found_with_the_search_filters_go_into_the_packet_from_the_results(browser, site_url, directory):
    """Counsellors narrow by 配慮 on the search page (the listings have no such filter); each
    result card has the add button, which keeps its state when the results are drawn again."""
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}search/?accommodation=short-hours&accommodation=job-coach")
    page.wait_for_selector("#dir-search[data-ready]")
    page.wait_for_function("document.getElementById('dir-search-results').hasAttribute('data-rendered')")
    found = [e.slug for e in directory.employers if {"短時間", "付き添い可"} <= set(e.accommodations)]
    cards = page.locator("#dir-search-results .dir-card")
    assert cards.count() == len(found) >= 2
    buttons = page.locator("#dir-search-results [data-packet-add]")
    assert sorted(buttons.evaluate_all("bs => bs.map(b => b.dataset.packetAdd)")) == sorted(found)
    first, second = buttons.evaluate_all("bs => bs.slice(0, 2).map(b => b.dataset.packetAdd)")
    names = {e.slug: e.name for e in directory.employers}
    assert buttons.nth(0).get_attribute("aria-label") == f"＋ 印刷リストに入れる：{names[first]}"
    buttons.nth(0).click()
    buttons.nth(1).click()
    assert page.inner_text("[data-packet-announce]") == f"{names[second]}を印刷リストに入れました（2件）"
    assert page.inner_text("[data-packet-link]").endswith("（2件）")
    # Drawn again by another search, the cards still say which employers are in the packet.
    if not page.locator("#dir-search-filters").evaluate("details => details.open"):
        page.locator("#dir-search-filters summary").click()
    page.get_by_label("付き添い可", exact=True).uncheck()
    page.wait_for_function("document.querySelectorAll('#dir-search-results .dir-card').length > %d" % len(found))
    marked = page.locator("#dir-search-results [data-packet-add].is-in-packet").evaluate_all("bs => bs.map(b => b.dataset.packetAdd)")
    assert sorted(marked) == sorted([first, second])
    page.click("[data-packet-link] a")
    page.wait_for_url("**/packet/**")
    assert page.eval_on_selector_all("[data-packet-list] li", "items => items.map(i => i.dataset.slug)") == [first, second]
    context.close()
    assert errors == []


def test_every_sheet_in_the_packet_prints_on_one_page_as_it_does_alone(printer, site_url, directory, tmp_path):
    """The counter packet prints each chosen sheet on exactly one page, like the sheet printed on
    its own: the fullest seeker sheet (yamabiko-care, with a job fair in its dates) once spilled its
    last line onto a nearly blank page of its own because the packet's screen gap was printed."""
    slugs = [e.slug for e in directory.employers]
    names = {e.slug: e.name for e in directory.employers}
    printer.goto(f"{site_url}packet/?e={','.join(slugs)}&s=seeker,staff")
    assert packet_sheets(printer) == [[slug, kind] for slug in slugs for kind in ("seeker", "staff")]
    printer.pdf(path=str(tmp_path / "packet.pdf"), format="A4")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "packet.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    printed = [squeeze(p) for p in text.split("\f") if p.strip()]
    expected = [(slug, title) for slug in slugs for title in ("②相談者向けプログラム情報シート", "③支援員向けプログラム情報シート")]
    total = len(expected)
    assert len(printed) == total, f"{len(printed)} pages for {total} sheets"
    for number, ((slug, title), page_text) in enumerate(zip(expected, printed), start=1):
        assert page_text.startswith(f"{title}{squeeze(names[slug])}"), f"page {number}: {page_text[:60]}"
        assert page_text.endswith(f"employers/{slug}/"), f"page {number} ({slug}) does not end with its address"


def test_a_packet_of_one_sheet_keeps_its_page_count_as_the_sheet_printed_alone(printer, site_url, directory, tmp_path):
    """Only sheets printed together lose 「1/3」 (test_sheets_printed_together_carry_no_page_count):
    a packet of one employer's seeker sheet is that sheet printed alone, with its 「1/1」."""
    slug = directory.employers[0].slug
    printer.goto(f"{site_url}packet/?e={slug}&s=seeker")
    assert packet_sheets(printer) == [[slug, "seeker"]]
    printer.pdf(path=str(tmp_path / "one.pdf"), format="A4")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "one.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    printed = [squeeze(p) for p in text.split("\f") if p.strip()]
    assert len(printed) == 1 and printed[0].startswith("1/1②相談者向けプログラム情報シート"), printed[0][:40]


@pytest.mark.parametrize("path", ["categories/agriculture/", "employers/shirakaba-farm/"])
def test_the_packet_controls_keep_their_place_until_the_script_shows_them(browser, site_url, path):
    """On a slow phone line the page is drawn before assets/packet.js has run: showing the add
    buttons and the packet link then pushed the cards and sections below them down. With
    JavaScript off they take no room."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="ja-JP")
    page = context.new_page()
    held = []
    page.route("**/assets/packet.js", lambda route: held.append(route))
    page.goto(site_url + path, wait_until="commit")
    page.wait_for_selector("footer")
    while not held:
        page.wait_for_timeout(20)
    below = page.locator(".dir-card").nth(1) if "categories" in path else page.locator("main section").first
    before = below.bounding_box()["y"]
    assert not page.locator("[data-packet-add]").first.is_visible()
    held[0].continue_()
    page.wait_for_function("!document.querySelector('[data-packet-add]').hidden")
    assert page.locator("[data-packet-add]").first.is_visible()
    assert below.bounding_box()["y"] == before
    context.close()

    off = browser.new_context(viewport={"width": 360, "height": 640}, locale="ja-JP", java_script_enabled=False)
    page = off.new_page()
    page.goto(site_url + path)
    assert page.locator("[data-packet-add]").first.bounding_box() is None
    assert page.locator("[data-packet-link]").bounding_box() is None
    off.close()


@pytest.mark.parametrize("path", ["categories/agriculture/", "employers/shirakaba-farm/", "search/"])
def test_the_packet_controls_take_no_room_when_the_script_fails_to_load(browser, site_url, path):
    """Found by review: with JavaScript on, the room kept for the add buttons and the packet link
    stayed, blank, when assets/packet.js never came (a dropped request, a blocker): a gap above
    every card and section that nothing would fill."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="ja-JP")
    page = context.new_page()
    page.route("**/assets/packet.js", lambda route: route.abort())
    page.goto(site_url + path, wait_until="load")
    assert page.locator("[data-packet-link]").count() == 1
    assert page.locator("[data-packet-link]").bounding_box() is None
    for button in page.locator(".md-content [data-packet-add]").all():
        assert button.bounding_box() is None
    context.close()


def test_the_packet_cannot_be_printed_until_every_chosen_sheet_is_in_the_page(browser, site_url):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    held = []
    page.route("**/sheets.html", lambda route: held.append(route))
    page.goto(f"{site_url}packet/?e=shirakaba-farm,yamabiko-care,kodama-butsuryu&s=seeker,staff")
    buttons = page.locator("[data-packet-print], .print-toolbar [data-print-button]")
    status = page.locator("[data-packet-status]")
    assert buttons.count() == 2
    page.wait_for_function("document.querySelectorAll('[data-packet-list] li').length === 3")
    while len(held) < 3:
        page.wait_for_timeout(20)

    def shown() -> list[tuple[bool, str]]:
        return [(buttons.nth(i).is_disabled(), buttons.nth(i).inner_text()) for i in range(2)]

    # Fetching: both print buttons are off and say why; the status line (polite) says it too.
    assert shown() == [(True, "読み込んでいます…")] * 2
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") in (None, "polite")
    assert "読み込んでいます" in status.inner_text()
    for route in held[:2]:
        route.continue_()
    page.wait_for_timeout(300)
    assert shown() == [(True, "読み込んでいます…")] * 2, "two of three sheets files are not a packet"
    held[2].continue_()
    page.wait_for_function("!document.querySelector('[data-packet-print]').disabled")
    assert page.locator("[data-packet-sheets] article.sheet").count() == 6
    assert shown() == [(False, "印刷する")] * 2
    assert status.inner_text() == "印刷するシートは6枚です"

    # A sheet file that cannot be fetched: the error message, and printing stays off.
    page.unroute("**/sheets.html")
    page.route("**/kodama-butsuryu/sheets.html", lambda route: route.abort())
    page.check("input[name='packet-kinds'][value='staff']")
    page.wait_for_function("document.querySelector('[data-packet-status]').textContent.includes('読み込めませんでした')")
    assert status.inner_text() == "シートを読み込めませんでした。通信を確かめて、ページを読み込み直してください。"
    assert shown() == [(True, "印刷する")] * 2

    # Nothing chosen: nothing to print, and neither button is shown (the toolbar's keeps its room
    # unseen, test_packet_days_browser: its rendered text is empty).
    page.unroute("**/kodama-butsuryu/sheets.html")
    page.click("[data-packet-clear]")
    assert [(buttons.nth(i).is_disabled(), buttons.nth(i).is_hidden(), buttons.nth(i).text_content()) for i in range(2)] == [(True, True, "印刷する")] * 2
    context.close()
    assert errors == []


def test_printouts_are_linked_from_the_employer_index(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}employers/")
    for name, path in [
        ("協力事業所一覧（パンフレット）", "pamphlet/"),
        ("しごと体験等参加者の自己紹介書（白紙）", "forms/self-introduction/"),
        ("事業所ヒアリングシート（白紙）", "forms/hearing/"),
    ]:
        page.get_by_role("link", name=name).click()
        page.wait_for_url(f"{site_url}{path}")  # the click returns before the next page has loaded
        page.go_back()
    context.close()


def test_add_buttons_stay_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}employers/shirakaba-farm/")
    assert page.locator("[data-packet-add]").count() == 1
    assert not page.locator("[data-packet-add]").is_visible()
    assert page.get_by_role("link", name="③支援員向け").is_visible()
    context.close()


# --- accessibility on screen ------------------------------------------------------------------

@pytest.mark.parametrize(
    "path",
    [
        "employers/shirakaba-farm/sheets.html",
        "employers/shirakaba-farm/sheets.html#introduction",
        "employers/yamabiko-care/sheets.html#seeker",
        "employers/yamabiko-care/sheets.html#staff",
        "pamphlet/",
        "forms/self-introduction/",
        "forms/task-breakdown/",
        "forms/hearing/",
        "packet/?e=shirakaba-farm,yamabiko-care&s=seeker,staff",
    ],
)
def test_print_pages_have_no_accessibility_violations_on_screen(browser, site_url, path):
    for viewport in ({"width": 360, "height": 740}, {"width": 1280, "height": 900}):
        context = browser.new_context(viewport=viewport, locale="ja-JP")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url + path)
        if path.startswith("packet/"):
            packet_sheets(page)
        results = Axe().run(page, options=AXE_OPTIONS)
        context.close()
        assert results.violations_count == 0, results.generate_report()
        assert errors == []


# --- month calendar sheet (A4 landscape) -------------------------------------------------------

def test_every_calendar_month_prints_on_one_a4_landscape_page_with_its_programs_and_places(printer, site_url, directory, tmp_path):
    months = directory.calendar.months()
    assert len(months) >= 12
    programs = {program.slug: program for program in directory.programs}
    for month in months:
        printer.goto(f"{site_url}calendar/{month.slug}/")
        target = tmp_path / f"{month.slug}.pdf"
        printer.pdf(path=str(target), prefer_css_page_size=True)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        assert re.search(r"Pages:\s+1\n", info), f"{month.slug}: more than one page"
        assert (round(width), round(height)) == (842, 595), f"{month.slug}: not A4 landscape"
        text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
        assert f"{month.year}年{month.month}月のプログラム" in text
        assert "しらかば市協力事業所ガイド" not in text, "no site chrome"
        occurrences = directory.calendar.in_month(month)
        assert ("この月のプログラムと会場" in text) == bool(occurrences)
        for occurrence in occurrences:
            program = programs[occurrence.program_slug]
            assert squeeze(program.title) in text, f"{month.slug}: {program.title}"
            assert squeeze(occurrence.place.name) in text, f"{month.slug}: {occurrence.place.name}"  # its rule period's place
            assert f"{occurrence.date.day}日(" in text
        # the month a program's rhythm changes says so on paper too (the sample group: 2027-02)
        for change in directory.calendar.rule_changes_in(month):
            moved = f"。会場も {change.place.name} に変わります" if change.place else ""
            said = f"{change.rule} {change.time} に変わります{moved}" if change.rhythm_changed else f"会場が {change.place.name} に変わります"
            assert squeeze(f"{change.program_title}は、{jp_date(change.start)}から {said}。") in text, month.slug
    assert [m.slug for m in months if directory.calendar.rule_changes_in(m)] == ["2027-02"]
    # the group moves in February 2027: one line per place, each with the meetings held there
    february = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "2027-02.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert squeeze("しらかば市総合福祉センター 2階 研修室（しらかば市中央町3-1-1） 13:30〜15:00 10日(水)") in february
    assert squeeze("しらかば市駅前交流プラザ 3階 会議室（しらかば市本町2-5-8） 13:30〜15:30 18日(木)") in february

    # Readable from a metre: day numbers and entries in large type when printed.
    printer.goto(f"{site_url}calendar/2026-12/")
    printer.emulate_media(media="print")
    try:
        day_size = printer.evaluate("parseFloat(getComputedStyle(document.querySelector('.cal-grid .cal-day')).fontSize)")
        entry_size = printer.evaluate("parseFloat(getComputedStyle(document.querySelector('.cal-grid td li')).fontSize)")
    finally:
        printer.emulate_media(media="null")  # back to no emulation: "screen" would make later pdf() calls print the screen
    assert day_size >= 20 and entry_size >= 14.6, (day_size, entry_size)  # px: 15pt and 11pt


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The sample with the group keeping its rhythm (第2・第4水曜 13:30〜15:00) after 2027-02-15
    and only moving to the new venue."""
    project = copy_project(tmp_path_factory.mktemp("moved"))
    group = project / "content" / "programs" / "hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    assert SECOND_PERIOD in written
    group.write_text(written.replace(SECOND_PERIOD, KEEPS_THE_RHYTHM), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_month_sheet_of_a_change_of_place_alone_says_so_on_its_one_page(printer, moved_site, tmp_path):
    printer.goto((moved_site / "calendar" / "2027-02" / "index.html").as_uri())
    target = tmp_path / "2027-02.pdf"
    printer.pdf(path=str(target), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
    assert squeeze("はたらく準備のひろばは、2027年2月15日(月)から 会場が しらかば市駅前交流プラザ 3階 会議室 に変わります。") in text
    assert squeeze("しらかば市総合福祉センター 2階 研修室（しらかば市中央町3-1-1） 13:30〜15:00 10日(水)") in text
    assert squeeze("しらかば市駅前交流プラザ 3階 会議室（しらかば市本町2-5-8） 13:30〜15:00 24日(水)") in text


def test_a_month_without_meetings_still_prints_whom_to_ask_and_as_of_when(printer, site_url, directory, tmp_path):
    """A counsellor may print a month with nothing in it (the gap between two fiscal years) to show
    a client: the sheet still names the centre with its phone number and the day it is true for."""
    empty = [month for month in directory.calendar.months() if not directory.calendar.in_month(month)]
    assert empty, "the sample has months without meetings (2027-04)"
    for month in empty:
        printer.goto(f"{site_url}calendar/{month.slug}/")
        target = tmp_path / f"{month.slug}.pdf"
        printer.pdf(path=str(target), prefer_css_page_size=True)
        text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
        assert "この月の予定はありません。" in text and "この月のプログラムと会場" not in text, month.slug
        assert squeeze(f"電話 {directory.settings.contact_phone}") in text, month.slug
        assert squeeze(f"{jp_date(directory.today)} 時点の情報です。") in text, month.slug


# --- a busy month still prints on one sheet ------------------------------------------------------

BUSY_PROGRAMS = {  # long titles, as real ones are: about 25 meetings a month with the sample's
    "weekly-mon-wed-fri.md": ("月・水・金の作業体験プログラム（午前の部）", "毎週月・水・金曜", "10:00〜11:30", "しらかば市総合福祉センター 2階 作業室"),
    "weekly-tue-thu.md": ("火・木のパソコン練習（初めての方向け）", "毎週火・木曜", "13:00〜14:30", "しらかば市立図書館 研修室"),
}
BUSY_AT_THE_FARM = "weekly-mon-wed-fri.md"
"""The busy program held with しらかば農園 (which also has its one tour day, 2026-12-16)."""


def busy_project(target: Path) -> Path:
    """The sample plus two weekly programs in December and January (about 25 meetings a month), one
    of them held with しらかば農園."""
    project = copy_project(target)
    for name, (title, rule, time, place) in BUSY_PROGRAMS.items():
        (project / "content" / "programs" / name).write_text(
            f"---\ntitle: {title}\nkind: 集団プログラム\nsummary: 毎週の練習です。\nplace:\n  name: {place}\n"
            + ("employers: [shirakaba-farm]\n" if name == BUSY_AT_THE_FARM else "")
            + f"recurrence:\n  rule: {rule}\n  start: 2026-12-01\n  until: 2027-01-31\n  time: \"{time}\"\nverified: 2026-11-20\n---\n",
            encoding="utf-8",
        )
    return project


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory):
    project = busy_project(tmp_path_factory.mktemp("busy"))
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


PAUSED_FARM = "しらかば農園は受け入れ休止中（1月31日(日)まで）"
"""The words of the farm's pause beside a meeting in it (busy_paused_site)."""


@pytest.fixture(scope="module")
def busy_paused_site(tmp_path_factory):
    """The busy site with しらかば農園 paused from 2026-12-10 until 2027-01-31: its weekly program
    meets before and in the pause, its tour day (2026-12-16) in it. The tour is held jointly with
    あさひ野菜農場, which takes people as usual."""
    project = busy_project(tmp_path_factory.mktemp("busy-paused"))
    farm = project / "content" / "employers" / "shirakaba-farm.md"
    written = farm.read_text(encoding="utf-8")
    assert written.count("\nregistered:") == 1
    farm.write_text(written.replace("\nregistered:", "\npaused:\n  from: 2026-12-10\n  until: 2027-01-31\n  reason: 冬の改修のため\nregistered:"), encoding="utf-8")
    tour = project / "content" / "programs" / "tour-shirakaba-farm.md"
    written = tour.read_text(encoding="utf-8")
    assert "employers: [shirakaba-farm]" in written
    tour.write_text(written.replace("employers: [shirakaba-farm]", "employers: [shirakaba-farm, asahi-yasai-farm]"), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def month_sheet_rows(site: Path, month: str) -> dict[str, str]:
    """The programs table of a month page: each row's program title and its text."""
    html = (site / "calendar" / month / "index.html").read_text(encoding="utf-8")
    table = html[html.index('class="cal-print-programs"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r'<th scope="row">(.*?)</tr>', table, re.S)
    return {re.split(r"<", row, maxsplit=1)[0].strip(): squeeze(re.sub(r"<[^>]+>", "", row)) for row in rows}


def test_a_month_sheet_says_beside_each_program_when_a_related_employer_pauses_on_its_one_page(browser, busy_paused_site, tmp_path):
    """The grid's chip beside each meeting is cut off in a busy month's two-line cells: the programs
    table says it once a line, and from which day when the program meets before the pause."""
    weekly, tour = BUSY_PROGRAMS[BUSY_AT_THE_FARM][0], "職場見学会「しらかば農園」"
    for month, words in (("2026-12", {weekly: "しらかば農園は12月10日(木)から受け入れ休止（1月31日(日)まで）", tour: PAUSED_FARM}), ("2027-01", {weekly: PAUSED_FARM})):
        rows = month_sheet_rows(busy_paused_site, month)
        assert set(words) < set(rows), month
        for title, text in rows.items():
            assert text.count("受け入れ休止") == (title in words) and words.get(title, "") in text, (month, title)
    for day, shown in (("2026-11-25", True), ("2027-02-01", False)):  # a page printed after the pause leaves it off
        context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
        page = context.new_page()
        page.clock.set_fixed_time(f"{day}T10:00:00+09:00")
        page.goto((busy_paused_site / "calendar" / "2026-12" / "index.html").as_uri())
        target = tmp_path / f"2026-12-{day}.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True)
        context.close()
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info), f"{day}: more than one page"
        text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
        assert (text.count(PAUSED_FARM), "しらかば農園は12月10日(木)から受け入れ休止（1月31日(日)まで）" in text) == ((1, True) if shown else (0, False)), day


def test_a_month_sheet_says_full_and_closed_beside_the_dates_as_it_says_cancelled(browser, busy_site, tmp_path):
    """A busy month's cells are cut to two lines, and a long title pushes the grid's 満員 or
    受付終了 chip off the cell: the programs table says them beside their dates, as it says 中止."""
    rows = month_sheet_rows(busy_site, "2026-12")
    assert "9日(水)（満員）、23日(水)" in rows["はたらく準備のひろば"]
    assert "（満員）" not in "".join(text for title, text in rows.items() if title != "はたらく準備のひろば")
    assert "（受付終了）" not in "".join(rows.values()), "the tour's deadline (12-10) is still to come on 11-22"
    page = browser.new_page()
    page.goto((busy_site / "calendar" / "2026-12" / "index.html").as_uri())
    target = tmp_path / "busy.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    page.close()
    text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
    assert "9日(水)（満員）" in text
    assert re.search(r"Pages:\s+1\n", subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout)
    # Built after the tour's deadline: its day is 受付終了; the group's full day has passed (no mark).
    from test_calendar_site import built_on

    rows = month_sheet_rows(built_on(tmp_path, "2026-12-12"), "2026-12")
    assert rows["職場見学会「しらかば農園」"].endswith("16日(水)（受付終了）")
    assert "9日(水)、23日(水)" in rows["はたらく準備のひろば"]


def test_sheets_two_and_three_say_beside_a_joint_meeting_that_the_other_employer_pauses_and_keep_to_one_page(printer, busy_paused_site, tmp_path):
    """The tour is held with the paused farm and あさひ野菜農場: the latter's sheets list it, and must
    not send someone to a farm that takes nobody. The farm's own sheets say its pause at the top and
    do not repeat it beside each meeting."""
    tour = squeeze("職場見学会「しらかば農園」 2026年12月16日(水) 10:00〜11:30 （申し込みは12月10日(木)まで）")
    for slug, beside in (("asahi-yasai-farm", 1), ("shirakaba-farm", 0)):
        url = (busy_paused_site / "employers" / slug / "sheets.html").as_uri()
        for kind in ("seeker", "staff"):
            pages = print_pdf(printer, f"{url}#{kind}", tmp_path / f"{slug}-{kind}.pdf")
            assert len(pages) == 1, f"{slug} {kind}: {len(pages)} pages"
            assert tour in pages[0] and pages[0].count(PAUSED_FARM) == beside, (slug, kind)
            if beside:
                assert tour + PAUSED_FARM in pages[0], kind
            else:
                assert pages[0].count("受け入れ休止") == 1 and "【受け入れ休止のお知らせ】" in pages[0], kind  # the top's notice only


@pytest.fixture(scope="module")
def busy_paused_url(busy_paused_site, tmp_path_factory):
    yield from serve_below_project_path(busy_paused_site, tmp_path_factory.mktemp("www-busy-paused"))


@pytest.mark.parametrize("path", ["employers/asahi-yasai-farm/sheets.html", "employers/shirakaba-farm/sheets.html", "calendar/2026-12/", "employers/asahi-yasai-farm/", "employers/shirakaba-farm/"])
def test_pages_with_a_related_employer_s_pause_beside_meetings_have_no_accessibility_violations(browser, busy_paused_url, path):
    assert_accessible(browser, busy_paused_url + path)


def test_a_busy_month_prints_on_one_sheet_with_each_time_once_and_the_deadlines(printer, busy_site, tmp_path):
    for month in ("2026-12", "2027-01"):
        printer.goto((busy_site / "calendar" / month / "index.html").as_uri())
        target = tmp_path / f"{month}.pdf"
        printer.pdf(path=str(target), prefer_css_page_size=True)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info), f"{month}: more than one page"
        text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
        assert "この月のプログラムと会場" in text and "火・木のパソコン練習（初めての方向け）" in text
    december = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "2026-12.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert "10:00〜11:302日(水)、4日(金)、7日(月)" in december  # its time once, then its days
    assert "（申し込みは12月10日(木)まで）" in december  # the tour: a wall sheet says until when
    assert "募集中" not in december  # the usual state is not printed: it goes stale on the wall


def test_a_weekly_program_of_the_farm_leaves_its_tour_day_on_sheet_two_and_its_page_and_both_sheets_keep_to_one_page(printer, busy_site, tmp_path):
    """The tour (2026-12-16) comes after the weekly program's first five meetings; a counsellor
    printing the farm's sheets must still see it, beside the weekly program's next meeting, and
    the page lists it after the weekly program's next four."""
    tour, weekly = "職場見学会「しらかば農園」", BUSY_PROGRAMS[BUSY_AT_THE_FARM][0]
    url = (busy_site / "employers" / "shirakaba-farm" / "sheets.html").as_uri()
    for kind in ("seeker", "staff"):
        pages = print_pdf(printer, f"{url}#{kind}", tmp_path / f"farm-{kind}.pdf")
        assert len(pages) == 1, f"{kind}: {len(pages)} pages"
        assert squeeze(f"{tour} 2026年12月16日(水)") in pages[0], kind
        # one line per program when there are several (EmployerSheets.upcoming)
        assert squeeze(f"{weekly} 2026年12月2日(水)") in pages[0] and squeeze("2026年12月4日(金)") not in pages[0], kind
    page = squeeze(re.sub(r"<[^>]+>", " ", (busy_site / "employers" / "shirakaba-farm" / "index.html").read_text(encoding="utf-8")))
    listed = page[page.index("関係するプログラムのこれからの予定"):]
    assert squeeze(f"2026年12月16日(水) 10:00〜11:30 {tour}") in listed
    assert squeeze(f"2026年12月9日(水) 10:00〜11:30 {weekly}") in listed and squeeze("2026年12月11日(金)") not in listed


@pytest.fixture(scope="module")
def paused_care_site(tmp_path_factory):
    """The sample with やまびこ (the fullest sheets) paused: the pause notice at the top of each of
    its three sheets pushed ① and ② onto a second page."""
    project = copy_project(tmp_path_factory.mktemp("paused-care"))
    care = project / "content" / "employers" / "yamabiko-care.md"
    written = care.read_text(encoding="utf-8")
    assert written.count("\nregistered:") == 1
    care.write_text(written.replace("\nregistered:", "\npaused:\n  from: 2026-11-01\n  reason: 施設の感染症対策のため\nregistered:"), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_sheet_a_little_too_full_for_its_page_is_set_smaller_and_prints_on_one_page(printer, paused_care_site, tmp_path):
    url = (paused_care_site / "employers" / "yamabiko-care" / "sheets.html").as_uri()
    fitted = {}
    for kind, last in (("introduction", "事業所の窓口"), ("seeker", "聞きたいこと・申し込み"), ("staff", "事業所の窓口")):
        pages = print_pdf(printer, f"{url}#{kind}", tmp_path / f"care-{kind}.pdf")
        assert len(pages) == 1, f"{kind}: {len(pages)} pages"
        assert "受け入れ休止中" in pages[0] and last in pages[0], kind
        fitted[kind] = printer.eval_on_selector(f"#{kind}", "sheet => sheet.getAttribute('data-fitted')")
    # ① and ② ran over by a few lines and are set a little smaller (85 % at the least); ③ fits as it is.
    assert fitted["staff"] is None
    for kind in ("introduction", "seeker"):
        assert fitted[kind] is not None and 0.85 <= float(fitted[kind]) < 1, (kind, fitted[kind])
    # All three printed together: one page each.
    assert len(print_pdf(printer, url, tmp_path / "care-all.pdf")) == 3
    # Not a sheet of the sample without a pause, which fits in its own size.
    printer.goto(url.replace("yamabiko-care", "shirakaba-farm"))
    assert printer.eval_on_selector_all("article.sheet[data-fitted]", "sheets => sheets.length") == 0


def test_a_sheet_opened_on_a_phone_is_fitted_as_on_a_computer_and_prints_on_one_page(browser, paused_care_site, tmp_path):
    """The fit is measured in the paper's layout, not the phone's (one column, task cards, a
    narrower padding): measured at 390 px, ② of the paused やまびこ was found too long to fit and
    printed on 2 pages, alone and in the counter packet."""
    url = (paused_care_site / "employers" / "yamabiko-care" / "sheets.html").as_uri()
    fitted = {}
    for width in (1280, 390):
        context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", viewport={"width": width, "height": 844})
        page = context.new_page()
        page.clock.set_fixed_time(PRINT_DAY)
        pages = print_pdf(page, f"{url}#seeker", tmp_path / f"care-seeker-{width}.pdf")
        fitted[width] = page.eval_on_selector_all("article.sheet", "sheets => sheets.map(sheet => sheet.getAttribute('data-fitted'))")
        assert len(pages) == 1, f"{width} px: {len(pages)} pages"
        # The phone keeps its own layout on screen.
        if width == 390:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            assert page.eval_on_selector("#staff .sheet-tasks tr", "row => getComputedStyle(row).display") == "block"
        context.close()
    assert fitted[390] == fitted[1280]


def test_sheets_printed_after_a_meetings_day_leave_it_off(browser, site_url):
    """The farm's sheets list its tour on 2026-12-16. Printed on the 17th (the morning rebuild
    has not run, or has stopped), the tour is left off sheets ② and ③, and the staff sheet's row
    goes with it; printed on the 16th it is still there."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    try:
        url = f"{site_url}employers/shirakaba-farm/sheets.html"
        page.clock.set_fixed_time("2026-12-16T18:00:00+09:00")
        page.goto(url)
        tour = "職場見学会「しらかば農園」"
        assert page.locator("#seeker li", has_text=tour).is_visible()
        assert page.locator("#staff tr[data-meetings]").is_visible()
        page.clock.set_fixed_time("2026-12-17T07:00:00+09:00")
        page.goto(url)
        assert page.locator("#seeker li", has_text=tour).count() == 1 and not page.locator("#seeker li", has_text=tour).is_visible()
        assert not page.locator("#staff tr[data-meetings]").is_visible()
        assert "2026年12月17日(木)" in page.locator("#seeker [data-print-date]").inner_text()

        # yamabiko-care's sheet ② says the job fair (2027-02-17) meets elsewhere; after the fair
        # that note goes too, and so does the care home's name before its own address
        url = f"{site_url}employers/yamabiko-care/sheets.html"
        page.clock.set_fixed_time("2027-02-17T12:00:00+09:00")
        page.goto(url)
        assert page.locator("#seeker .sheet-elsewhere").is_visible() and page.locator("#seeker [data-elsewhere-name]").is_visible()
        page.clock.set_fixed_time("2027-02-18T12:00:00+09:00")
        page.goto(url)
        assert not page.locator("#seeker .sheet-elsewhere").is_visible()
        assert not page.locator("#seeker [data-elsewhere-name]").is_visible()
    finally:
        context.close()


def test_sheets_printed_after_the_deadline_say_applications_have_closed(browser, site_url, tmp_path):
    """The site is built on 2026-11-22, when the farm's tour (deadline 2026-12-10) is open. A sheet
    printed on 2026-12-11 from that build (the morning rebuild stopped) must not invite the seeker
    to apply until a day that has passed; on the 10th the deadline still stands."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    try:
        url = f"{site_url}employers/shirakaba-farm/sheets.html"
        tour = page.locator("#seeker li", has_text="職場見学会「しらかば農園」")
        page.clock.set_fixed_time("2026-12-10T18:00:00+09:00")
        page.goto(url)
        assert "（申し込みは12月10日(木)まで）" in tour.inner_text()
        page.clock.set_fixed_time("2026-12-11T07:00:00+09:00")
        page.goto(url)
        assert "（申し込みは締め切りました）" in tour.inner_text() and "12月10日" not in tour.inner_text()
        assert "（申し込みは締め切りました）" in page.locator("#staff tr[data-meetings]").inner_text()
        # the job fair takes people on the day: after its deadline (2027-02-10) the sheet says so
        page.clock.set_fixed_time("2027-02-12T07:00:00+09:00")
        page.goto(f"{site_url}employers/yamabiko-care/sheets.html")
        fair = page.locator("#seeker li", has_text="しらかば市 合同就職面接会").inner_text()
        assert "（当日、会場で参加できます）" in fair and "2月10日" not in fair
        target = tmp_path / "fair-seeker.pdf"
        page.goto(f"{site_url}employers/yamabiko-care/sheets.html#seeker")
        page.pdf(path=str(target), format="A4")
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info), "still one page"
    finally:
        context.close()


FULLEST_SHEETS = (("hikari-jimu-service", "introduction"), ("hoshizora-keibi", "introduction"), ("yamabiko-care", "introduction"), ("yamabiko-care", "seeker"))
"""The sample sheets that fill their A4 page to the last line (found by printing every one)."""


@contextmanager
def sheets_made_on(browser, site_url: str, day: dt.date, closures=()):
    """A page whose employer sheet files are those made on ``day`` (with ``closures`` added to
    the settings), served with the site's scripts and styles, and the clock at ``day``."""
    from employer_directory.sheets.sheet_files import render_sheet_files

    settings = read_settings(ROOT / "mkdocs.yml")
    if closures:
        settings = settings.model_copy(update={"closures": [*settings.closures, *closures]})
    directory = load_directory(ROOT / "content", settings, root=ROOT, today=day)
    files = render_sheet_files(directory, site_url, "サイト名", ROOT / "overrides")
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.route(f"{site_url}employers/*/sheets.html", lambda route: route.fulfill(body=files[route.request.url[len(site_url):]], content_type="text/html; charset=utf-8"))
    page.clock.set_fixed_time(f"{day.isoformat()}T10:00:00+09:00")
    try:
        yield page
    finally:
        context.close()


def test_a_sheet_tells_of_the_coming_closure_on_the_same_one_page_and_not_once_it_is_over(browser, site_url, tmp_path):
    """Sheet files made on 2026-12-15 tell of 年末年始 (12-29 … 01-03) under the employer's name.
    The sheets that fill their page to the last line still print on one page with it. Printed on
    01-03 from that build (the morning rebuild stopped) a sheet still tells of it; printed on
    01-04 the centre is open again, and the paper must not say it is closed."""
    with sheets_made_on(browser, site_url, dt.date(2026, 12, 15)) as page:
        for slug, kind in FULLEST_SHEETS:
            pages = print_pdf(page, f"{site_url}employers/{slug}/sheets.html#{kind}", tmp_path / f"{slug}-{kind}.pdf")
            assert len(pages) == 1 and "センター休館日:12月29日(火)〜1月3日(日)（年末年始）" in pages[0], (slug, kind)
        url = f"{site_url}employers/shirakaba-farm/sheets.html"
        notice = page.locator("#seeker .sheet__closure")
        page.clock.set_fixed_time("2027-01-03T18:00:00+09:00")
        page.goto(url)
        assert notice.is_visible() and "年末年始" in notice.inner_text()
        page.clock.set_fixed_time("2027-01-04T07:00:00+09:00")
        page.goto(url)
        assert notice.count() == 1 and not notice.is_visible()


def test_two_coming_closures_share_the_line_and_the_fullest_sheets_stay_on_one_page(browser, site_url, tmp_path):
    """A one-off closure on 12-21/22 and 年末年始 a week later: made on 12-20, a sheet tells of
    both (the first alone would send the client to a closed centre on 12-29), by their dates on
    one line, so that the sheets that fill their page still print on one A4 page. Printed on
    12-23 the first is gone, and the 「、」 with it. Copied, the line has the 「、」 too."""
    from employer_directory.calendar.closures import Closure

    check = Closure(label="設備点検", start=dt.date(2026, 12, 21), until=dt.date(2026, 12, 22))
    with sheets_made_on(browser, site_url, dt.date(2026, 12, 20), [check]) as page:
        for slug, kind in FULLEST_SHEETS:
            pages = print_pdf(page, f"{site_url}employers/{slug}/sheets.html#{kind}", tmp_path / f"{slug}-{kind}.pdf")
            assert len(pages) == 1, (slug, kind)
            assert "センター休館日:12月21日(月)〜22日(火)、12月29日(火)〜1月3日(日)" in pages[0], (slug, kind)
        for clock, copied in (("2026-12-20T10:00:00+09:00", "センター休館日: 12月21日(月)〜22日(火)、12月29日(火)〜1月3日(日)"), ("2026-12-23T07:00:00+09:00", "センター休館日: 12月29日(火)〜1月3日(日)")):
            page.clock.set_fixed_time(clock)
            page.goto(f"{site_url}employers/shirakaba-farm/sheets.html")
            shown = [line for line in page.locator("#seeker .sheet__closure").all() if line.is_visible()]
            # What copying the line gives (CSS content is not copied: the 「、」 must be text).
            assert [line.evaluate("node => { getSelection().selectAllChildren(node); return getSelection().toString(); }") for line in shown] == [copied], clock


def test_a_month_printed_after_a_deadline_from_a_stale_page_leaves_the_deadline_off(browser, site_url, tmp_path):
    """December's sheet says 「申し込みは12月10日(木)まで」 for the farm's tour. Printed on the 11th
    from the 2026-11-22 build (the morning rebuild stopped), the wall sheet must not invite anyone
    to apply by a day that has passed; on the 10th it still says so."""
    context = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    page = context.new_page()
    try:
        for clock, shown in (("2026-12-10T18:00:00+09:00", True), ("2026-12-11T07:00:00+09:00", False)):
            page.clock.set_fixed_time(clock)
            page.goto(f"{site_url}calendar/2026-12/")
            target = tmp_path / "december.pdf"
            page.pdf(path=str(target), prefer_css_page_size=True)
            text = squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True).stdout)
            assert "職場見学会「しらかば農園」" in text
            assert ("（申し込みは12月10日(木)まで）" in text) == shown, clock
    finally:
        context.close()


WHEN_BREAKS = r"""root => [...root.querySelectorAll('.sheet-offers tbody tr > :nth-child(3)')].flatMap(td => {
  // The 曜日・時間 cell: each visible character with the line it is on.
  const chars = []; const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) for (let i = 0; i < n.length; i++) {
    const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
    const box = [...range.getClientRects()].find(r => r.width);
    if (box) chars.push([n.data[i], Math.round(box.top)]);
  }
  const text = chars.map(c => c[0]).join(''); const out = [];
  // The hours whole, 「曜」 on the line of its day, a short note in brackets (「（30分程度）」) whole.
  for (const m of text.matchAll(/\d{1,2}:\d{2}〜\d{1,2}:\d{2}|[月火水木金土日]曜|（[^（）]{1,8}）/g)) {
    const lines = new Set(chars.slice(m.index, m.index + m[0].length).map(c => c[1]));
    if (lines.size > 1) out.push(m[0]);
  }
  return out;
})"""


def test_the_days_hours_and_a_short_note_of_each_offer_stay_whole_on_sheets_one_and_three(browser, site_url, directory):
    """Sheet ③ printed 「13:00〜15:00（30 / 分程度）」: the note in brackets broke inside a word. On
    paper (A4 less its margins) and on a 360 px phone the hours stay whole, 「曜」 stays with its day
    and a short note goes whole onto the next line; sheet ① (the note on a line of its own) too."""
    checked = 0
    for viewport, media in ((A4_TEXT_WIDTH, "print"), ({"width": 360, "height": 740}, "screen")):
        context = browser.new_context(viewport=viewport, locale="ja-JP")
        page = context.new_page()
        try:
            page.emulate_media(media=media)
            for employer in directory.employers:
                page.goto(f"{site_url}employers/{employer.slug}/sheets.html")
                for kind in ("staff", "introduction"):
                    broken = page.locator(f"#{kind}").evaluate(WHEN_BREAKS)
                    assert broken == [], (employer.slug, kind, viewport["width"], media)
                    checked += 1
        finally:
            context.close()
    assert checked == 2 * 2 * len(directory.employers)
