"""An employer and a program as scripts/new-employer and scripts/new-program write them, with
every optional question skipped: what their pages, sheets and calendars say where the file
says nothing (the staff walk-through found empty labels and a program with no number to call)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from conftest import BUILD_DATE, copy_project, run_build, serve_below_project_path
from employer_directory.cli import read_settings
from employer_directory.contrib.scaffold import scaffold
from test_contrib_scaffold import EMPLOYER_FLAGS

PROGRAM_FLAGS = {
    "slug": "minimal-tour",
    "title": "職場見学会",
    "kind": "職場見学会",
    "summary": "工場を見学します",
    "place": "しらかば市民プラザ",
    "date": "2026-12-16",
    "time": "10:00〜11:30",
}
CENTRE = "問い合わせ: しらかば市 生活・就労支援センター（架空） 電話 0268-00-0000"
AGREED = "日にちは相談して決めます"


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("minimal"))
    settings = read_settings(project / "mkdocs.yml")
    today = dt.date.fromisoformat(BUILD_DATE)
    for kind, flags in (("employers", {**EMPLOYER_FLAGS, "phone": ""}), ("programs", PROGRAM_FLAGS)):
        made = scaffold(kind, flags, settings, today, project / "content", project)
        assert made.problems == [] and made.text
        (project / made.path).write_text(made.text, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", markup))).strip()


def test_a_program_naming_nobody_gives_the_centres_phone_on_its_page_feed_and_google_link(minimal_site):
    page = (minimal_site / "programs/minimal-tour/index.html").read_text(encoding="utf-8")
    said = re.search(r'<dt id="apply">問い合わせ</dt><dd>(.*?)</dd>', page).group(1)
    assert _text(said) == CENTRE.removeprefix("問い合わせ: ")
    assert '<a href="tel:0268-00-0000">' in said
    assert '<a href="#apply">問い合わせ先（電話）</a>' in page  # the link at the top, as a program with a contact has
    feed = icalendar.Calendar.from_ical((minimal_site / "calendar/minimal-tour.ics").read_bytes())
    (event,) = feed.walk("VEVENT")
    assert str(event["description"]).split("\n")[1] == CENTRE
    google = html.unescape(re.search(r'href="(https://calendar\.google\.com/[^"]+)"', page).group(1))
    assert CENTRE in parse_qs(urlsplit(google).query)["details"][0].split("\n")


def test_a_minimal_employer_says_the_days_are_agreed_on_its_page_and_sheets_one_and_three(minimal_site):
    page = (minimal_site / "employers/mizunara-seimen/index.html").read_text(encoding="utf-8")
    when = re.search(r'<td data-label="曜日・時間">(.*?)</td>', page, re.S).group(1)
    assert _text(when) == AGREED
    sheets = (minimal_site / "employers/mizunara-seimen/sheets.html").read_text(encoding="utf-8")
    for kind in ("introduction", "staff"):
        article = re.search(rf'<article id="{kind}".*?</article>', sheets, re.S).group(0)
        cell = re.search(r'<td data-label="曜日・時間">(.*?)</td>', article, re.S).group(1)
        assert _text(cell) == AGREED, kind


@pytest.fixture(scope="module")
def minimal_url(minimal_site, tmp_path_factory):
    yield from serve_below_project_path(minimal_site, tmp_path_factory.mktemp("www-minimal"))


# Each card line a phone shows (a table cell with its column's name before it) and its own text.
CARD_LINES = """sel => [...document.querySelectorAll(sel)].filter(td => td.offsetParent && td.dataset.label)
  .map(td => [td.dataset.label, td.innerText.trim()])"""


def test_a_minimal_employers_cards_at_360_px_have_no_label_with_nothing_after_it(browser, minimal_url):
    """No minutes and no checks on the task, no days or hours on the offer: no 「時間：」 or
    「確認できること：」 alone on the page's cards or sheet ③'s, and 曜日・時間 says they are agreed."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        for path, selector in (("employers/mizunara-seimen/", ".dir-tasks td, .dir-offers td"), ("employers/mizunara-seimen/sheets.html", "#staff .sheet-tasks td, .sheet-offers td")):
            page.goto(minimal_url + path)
            lines = page.evaluate(CARD_LINES, selector)
            labels = [label for label, _ in lines]
            assert "内容" in labels and "曜日・時間" in labels, (path, lines)
            assert all(text for _, text in lines), (path, lines)
            assert "時間" not in labels and "確認できること" not in labels, (path, lines)
    finally:
        page.close()
