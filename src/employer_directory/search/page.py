"""The search page: a generated stub filled by ``overrides/search_page.html``."""

from __future__ import annotations

from ..directory import Directory
from ..site_pages import GeneratedPage, PageView
from ..vocabulary import OFFER_TYPES, WEEKDAYS
from .documents import TIMES_OF_DAY
from .index import DOCUMENTS_FILE, INDEX_FILE, PREFIX_FIELDS

SEARCH_PAGE = GeneratedPage("search.md")
"""Served at ``search/``; the header's search box sends its query there as ``?q=``."""

VENDORED_LUNR = "assets/vendor/lunr-2.3.9.min.js"


def search_page_view(directory: Directory) -> PageView:
    settings = directory.settings
    commute = settings.commute_accommodation_terms()
    other_accommodations = [term for term in settings.accommodation_terms() if term not in commute]
    return PageView(
        "search_page.html",
        "キーワードでさがす",
        {
            # (name, legend, terms, either). The accommodations must all be met, except those
            # for getting there: a client without a car needs a pick-up or a station nearby,
            # either will do (one search, not two), while 短時間 and the rest still must hold.
            # Their boxes keep the name accommodation (the links sent before still work);
            # directory-search.js reads which ones are either-or from their fieldset.
            "search_filters": [
                ("category", "仕事の種類", settings.category_terms(), False),
                ("area", "地域", settings.area_terms(), False),
                ("offer", "受け入れ", list(OFFER_TYPES), False),
                ("accommodation", "働きやすさの配慮（すべて満たす）", other_accommodations, False),
                ("accommodation", "通い方の配慮（どれか1つでよい）", commute, True),
                ("time", "時間帯", list(TIMES_OF_DAY), False),
            ],
            "search_weekdays": WEEKDAYS,
            # Folded (word, means) pairs for normalizeText in directory-search.js: the browser
            # replaces exactly what the index was built with.
            "search_words": [list(pair) for pair in settings.search_word_table().pairs],
            # The fields a one-character query searches (PREFIX_FIELDS), for directory-search.js.
            "search_prefix_fields": PREFIX_FIELDS,
            "search_index_url": INDEX_FILE,
            "search_documents_url": DOCUMENTS_FILE,
            "search_lunr_url": VENDORED_LUNR,
            "category_listings": directory.category_listings(),
            "area_listings": directory.area_listings(),
            "offer_listings": directory.offer_listings(),
            # The search finds employers only: someone who types a program's name (heard at a
            # clinic: 「働く準備のひろば」) is shown the programs still meeting, to go to directly.
            "coming_programs": [line.program for line in directory.calendar.overview() if not line.ended],
        },
    )
