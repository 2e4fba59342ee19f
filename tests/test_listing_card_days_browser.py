"""The days and hours on the cards of the listing pages, made at build time (Employer.card_days),
are the lines the search page's cards draw in the browser (directory-search.js), for every sample
employer: with no offer type chosen (an area's page) and with one (an offer type's page)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from test_browser import PHONE, Watched

LINES = "p.dir-card__days, p.dir-card__notes"


@pytest.fixture
def watched(browser):
    session = Watched(browser, PHONE)
    yield session
    session.close()


def cards_lines(page, cards: str) -> dict[str, list[str]]:
    found = page.locator(cards).evaluate_all(
        "(cards, lines) => cards.map(card => [card.querySelector('.dir-card__name a').href,"
        " [...card.querySelectorAll(lines)].map(p => p.innerText.replace(/\\s+/g, ' ').trim())])",
        LINES,
    )
    return {urlparse(href).path.rstrip("/").rsplit("/", 1)[1]: lines for href, lines in found}


def search_cards(page, site_url, query=""):
    page.goto(site_url + "search/" + query)
    page.wait_for_selector("#dir-search[data-ready]")
    page.wait_for_function("() => document.getElementById('dir-search-results').hasAttribute('data-rendered')")
    return cards_lines(page, "#dir-search-results article.dir-card")


def listing_cards(page, url):
    page.goto(url)
    return cards_lines(page, ".dir-cards article.dir-card")


def test_area_pages_cards_say_the_days_the_search_cards_say(watched, site_url):
    page = watched.page
    searched = search_cards(page, site_url)
    assert len(searched) == 25
    listed: dict[str, list[str]] = {}
    for area in ("central", "north", "south", "east", "west"):
        listed |= listing_cards(page, f"{site_url}areas/{area}/")
    assert listed == searched
    # both kinds of card are among the samples: one 曜日 line, and a line for each offer
    assert any(lines and lines[0].startswith("曜日: ") for lines in listed.values())
    assert any(len(lines) > 1 and all(not line.startswith(("曜日", "日程")) for line in lines) for lines in listed.values())
    assert watched.errors == []


@pytest.mark.parametrize("offer", ["tour", "experience", "employment"])
def test_an_offer_types_page_gives_that_offers_line_as_the_search_with_it_chosen(watched, site_url, offer):
    page = watched.page
    listed = listing_cards(page, f"{site_url}offers/{offer}/")
    assert listed and listed == search_cards(page, site_url, f"?offer={offer}")
    assert all(len(lines) == 1 for lines in listed.values()), listed
