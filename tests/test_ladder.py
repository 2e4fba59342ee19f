"""The employer page's 受け入れの段階: each step says plainly whether it is offered (「✓ 受け入れあり」
or 「なし」, no 「○」 that looked like an empty radio button), and an offered step tells its days
and hours, which on a phone were two screens further down, in the table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.models.employer import Offer


@pytest.fixture(scope="module")
def directory():
    return load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)


def offer(days: list[str], hours: str | None = "9:00〜12:00") -> Offer:
    return Offer(type="見学", days=days, hours=hours, content="倉庫")


@pytest.mark.parametrize(
    ("days", "short", "full"),
    [
        (["月", "火", "水", "木", "金"], "月〜金曜", "月・火・水・木・金曜"),
        (["火", "水", "木"], "火〜木曜", "火・水・木曜"),
        (["火", "木"], "火・木曜", "火・木曜"),
        (["月", "火", "木", "金"], "月・火・木・金曜", "月・火・木・金曜"),
        (["月", "水", "金", "土"], "月・水・金・土曜", "月・水・金・土曜"),
        (["水", "木", "金", "土", "月"], "月・水〜土曜", "水・木・金・土・月曜"),
        (["土", "日"], "土・日曜", "土・日曜"),
        (["月", "火", "水", "木", "金", "土", "日"], "毎日", "月・火・水・木・金・土・日曜"),
        ([], "", ""),
    ],
)
def test_the_days_said_short_join_three_or_more_days_in_a_row(days, short, full):
    assert offer(days).days_in_short == short
    assert offer(days).days_label == full


def test_days_and_hours_leave_out_what_is_missing():
    assert offer(["火", "木"]).days_and_hours == "火・木曜 9:00〜12:00"
    assert offer(["火", "木"], None).days_and_hours == "火・木曜"
    assert offer([]).days_and_hours == "9:00〜12:00"
    assert offer([], None).days_and_hours == ""


def ladder_steps(site: Path, slug: str) -> list[tuple[str, str]]:
    page = (site / "employers" / slug / "index.html").read_text(encoding="utf-8")
    ladder = page[page.index('<ol class="dir-ladder">') : page.index("</ol>", page.index('<ol class="dir-ladder">'))]
    return re.findall(r'<li class="dir-ladder__step (is-offered|is-not-offered)">(.*?)</li>', ladder, re.S)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_every_step_says_offered_with_a_check_mark_or_not_offered_with_なし(built_site, directory):
    for employer in directory.employers:
        steps = ladder_steps(built_site, employer.slug)
        assert [kind == "is-offered" for kind, _ in steps] == [offer is not None for _, offer in employer.ladder()], employer.slug
        for (kind, body), (term, offer) in zip(steps, employer.ladder()):
            assert "○" not in body and "―" not in body, (employer.slug, term.label)
            mark = re.search(r'<span class="dir-ladder__mark">(.*?)</span>(?=\s)', body, re.S).group(1)
            if offer:
                # The check mark is drawn, not read: a screen reader hears 「見学 受け入れあり」.
                assert mark == '<span class="dir-ladder__check" aria-hidden="true">✓</span>受け入れあり', employer.slug
            else:
                assert mark == "なし", employer.slug


def test_an_offered_step_tells_its_days_and_hours_and_marks_a_schedule_note(built_site, directory):
    seen_note = seen_plain = 0
    for employer in directory.employers:
        steps = ladder_steps(built_site, employer.slug)
        page = (built_site / "employers" / employer.slug / "index.html").read_text(encoding="utf-8")
        for (kind, body), (term, offer) in zip(steps, employer.ladder()):
            when = re.search(r'<span class="dir-ladder__when">(.*)</span>', body, re.S)
            if offer is None or not (offer.days or offer.hours):
                assert when is None, (employer.slug, term.label)
                continue
            said = text(when.group(1))
            expected = " ".join(part for part in (offer.days_in_short, str(offer.hours) if offer.hours else "") if part)
            if offer.schedule_note:
                seen_note += 1
                assert said == expected + "※（補足あり）", (employer.slug, term.label, said)
            else:
                seen_plain += 1
                assert said == expected, (employer.slug, term.label, said)
        # ※ is explained under the ladder when it is used, and only then.
        marked = any(o.schedule_note and (o.days or o.hours) for o in employer.offers)
        assert ("※ 日程の補足があります。下の「受け入れの内容」をご覧ください。" in page) == marked, employer.slug
    assert seen_note and seen_plain


def test_the_offers_table_still_says_every_day(built_site, directory):
    employer = next(e for e in directory.employers if e.slug == "kodama-butsuryu")
    page = (built_site / "employers" / employer.slug / "index.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="dir-offers">') :]
    cells = re.findall(r'<td data-label="曜日・時間">(.*?)</td>', table, re.S)
    assert cells[0].strip().endswith("<br>1時間程度") and text(cells[0]) == "月・火・水・木・金曜 10:00〜15:001時間程度"
    # The days and the hours each in a span the CSS keeps whole on a line.
    assert '<span class="dir-offers__when"><span>月・火・水・木・金曜</span> <span>10:00〜15:00</span></span>' in cells[0]
    assert text(cells[-1]) == "日にちは相談して決めます"  # 雇用: no days or hours, worded as sheet ② words it
