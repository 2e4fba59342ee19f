"""A card in a listing (an area's, a category's or an offer type's page) says when the employer
takes people, as the search page's card does: an area's page showed no days at all, so a family
looking for a weekday-afternoon 見学 had to open every employer."""

from __future__ import annotations

import re
from pathlib import Path

from employer_directory.models.employer import CardDays, Employer, Offer


def offer(kind: str, days: list[str], hours: str | None = None, note: str | None = None) -> Offer:
    return Offer(type=kind, days=days, hours=hours, schedule_note=note, content="倉庫")


def employer(*offers: Offer) -> Employer:
    return Employer.model_construct(offers=list(offers))


def said(lines: list[CardDays]) -> list[str]:
    return [f"{line.label}: " + " ".join(part for part in (line.when, line.hours) if part) + line.note for line in lines]


def test_the_same_days_and_hours_for_every_offer_are_one_line_with_the_notes_apart():
    e = employer(offer("見学", ["火", "木"], "9:00〜12:00", "1時間程度"), offer("就労体験", ["木", "火"], "9:00〜12:00"), offer("雇用", []))
    assert said(e.card_days()) == ["曜日: 火・木（9:00〜12:00）", "日程: 1時間程度"]
    assert not any(line.per_offer for line in e.card_days())


def test_days_only_and_no_days_at_all():
    assert said(employer(offer("見学", ["月", "水"])).card_days()) == ["曜日: 月・水"]
    assert employer(offer("雇用", [])).card_days() == []
    assert said(employer(offer("雇用", [], note="相談して決めます")).card_days()) == ["日程: 相談して決めます"]


def test_different_hours_give_each_offer_its_line_in_the_ladders_order_and_same_lines_are_joined():
    e = employer(
        offer("プチバイト", ["土"], "7:00〜11:00"),
        offer("就労体験", ["月", "水"], "13:00〜15:00", "週3日から"),
        offer("見学", ["月", "水"], "13:00〜15:00", "週3日から"),
        offer("雇用", []),
    )
    lines = e.card_days()
    assert said(lines) == ["見学・就労体験: 月・水曜 13:00〜15:00（週3日から）", "プチバイト: 土曜 7:00〜11:00"]
    assert all(line.per_offer for line in lines)
    assert lines[1].when == "土曜" and lines[1].hours == "7:00〜11:00"


def test_an_offer_with_only_a_note_keeps_it_unbracketed_when_times_differ():
    e = employer(offer("見学", ["月"], "9:00〜10:00"), offer("就労体験", ["火"], "9:00〜12:00"), offer("雇用", [], note="面接のあと相談"))
    assert said(e.card_days())[-1] == "雇用: 面接のあと相談"


def test_the_general_lines_hours_are_each_once_earliest_first():
    e = employer(offer("見学", ["月"], "13:00〜15:00"), offer("就労体験", ["月"], "9:00〜12:00"), offer("プチバイト", ["月"], "9:00〜12:00"))
    # different hours on the same days: still a line each, as the hours belong to an offer
    assert said(e.card_days()) == ["見学: 月曜 13:00〜15:00", "就労体験・プチバイト: 月曜 9:00〜12:00"]


def test_a_chosen_offer_gets_its_own_line_even_with_nothing_said_of_when():
    e = employer(offer("見学", ["火"], "9:00〜12:00"), offer("雇用", []))
    assert said(e.card_days("tour")) == ["見学: 火曜 9:00〜12:00"]
    assert said(e.card_days("employment")) == ["雇用: 日にちは相談して決めます"]
    # an offer the employer does not have: the lines without a choice, as in the search
    assert e.card_days("petit-job") == e.card_days() != []


def card_lines(page_html: str) -> dict[str, list[str]]:
    cards = re.findall(r'<article class="dir-card" aria-labelledby="card-([^"]+)">(.*?)</article>', page_html, re.S)
    text = lambda html: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()
    return {slug: [text(p) for p in re.findall(r'<p class="dir-card__(?:days|notes)[^"]*">(.*?)</p>', body, re.S)] for slug, body in cards}


def test_every_area_and_offer_page_gives_its_cards_days(built_site: Path):
    areas = {slug: lines for page in (built_site / "areas").glob("*/index.html") for slug, lines in card_lines(page.read_text(encoding="utf-8")).items()}
    assert len(areas) == 25
    assert sum(bool(lines) for lines in areas.values()) >= 20, areas
    tours = card_lines((built_site / "offers" / "tour" / "index.html").read_text(encoding="utf-8"))
    assert tours and all(len(lines) == 1 and lines[0].startswith("見学: ") for lines in tours.values()), tours
