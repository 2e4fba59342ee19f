"""Normalization and tokenization of the Python indexer on the cases shared with the browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from employer_directory.cli import read_settings
from employer_directory.search.normalize import SearchWords, normalize_text
from employer_directory.search.tokenize import index_terms, query_terms
from employer_directory.settings import load_settings

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "search_text_cases.json").read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]
WORDS = SearchWords.of((entry["word"], entry["means"]) for entry in FIXTURE["search_words"])
"""The fixture's search words, as mkdocs.yml would give them."""
NONE = SearchWords()


@pytest.mark.parametrize("case", CASES, ids=[case["title"] for case in CASES])
def test_python_side_agrees_with_the_shared_cases(case):
    assert normalize_text(case["text"], WORDS) == case["normalized"]
    assert index_terms(case["text"], WORDS) == case["index_terms"]
    assert [{"term": t.term, "prefix": t.prefix} for t in query_terms(case["text"], WORDS)] == case["query_terms"]


def test_every_query_term_of_a_text_is_among_its_index_terms():
    # What makes a query find the text it was copied from, whatever the script or width.
    for text in ("週3日から", "トマトの収穫と選果", "ﾄﾏﾄ", "介護老人保健施設 やまびこ", "NPO法人 Webサイト", "畑"):
        indexed = set(index_terms(text, WORDS))
        for term in query_terms(text, WORDS):
            assert term.term in indexed or (term.prefix and any(t.startswith(term.term) for t in indexed)), (text, term)


def test_variants_meet_after_normalization():
    assert normalize_text("トマト", NONE) == normalize_text("ﾄﾏﾄ", NONE) == normalize_text("とまと", NONE)
    assert normalize_text("スーパー", NONE) == normalize_text("すーぱー", NONE) == normalize_text("ｽｰﾊﾟｰ", NONE)
    assert normalize_text("ＡＢＣ１２３", NONE) == "abc123"


def test_a_mixed_query_does_not_fall_apart_into_single_characters():
    # 週3日 must not become {週, 3, 日}: those would match any text with 週 and 日 anywhere.
    assert {t.term for t in query_terms("週3日", NONE)} == {"3", "週3", "3日"}
    assert "週3" not in index_terms("週に3日", NONE)



# --- search words (extra.directory.search_words) ---------------------------------------------


def test_without_search_words_the_settings_keep_the_spelling_variants():
    # A site whose mkdocs.yml has no search_words still finds 障がい by 障害, as before.
    words = load_settings({}).search_word_table()
    assert normalize_text("障害・障碍・子供", words) == "障がい・障がい・子ども"


def test_the_site_search_words_reach_queries_and_indexed_text_alike():
    words = read_settings(ROOT / "mkdocs.yml").search_word_table()
    for typed, written in (("かいご", "介護"), ("カイゴ", "介護"), ("のうぎょう", "農業"), ("付添", "付き添い可"), ("付添い", "付き添い可"),
                           ("面接不要", "面接なし"), ("駅近", "駅から近い"), ("障害", "障がいへの配慮"), ("週末", "土日"), ("そうじ", "居室の清掃")):
        assert {t.term for t in query_terms(typed, words)} <= set(index_terms(written, words)), typed
        assert not {t.term for t in query_terms(typed, NONE)} <= set(index_terms(written, NONE)), typed  # found only thanks to the word


def test_a_search_word_inside_a_longer_kana_word_is_replaced_on_both_sides():
    # The reading かいごろうじん… is indexed as 介護ろうじん…, and a query typed the same way meets it.
    assert {t.term for t in query_terms("かいごろうじん", WORDS)} <= set(index_terms("かいごろうじんほけんしせつ", WORDS))


def test_search_words_are_replaced_in_one_pass_longest_first():
    words = SearchWords.of([("付添", "付き添い"), ("付添い", "付き添い")])
    # 付添い is one word: not 付添 → 付き添い followed by the い (which would give 付き添いい).
    assert normalize_text("付添い可", words) == "付き添い可"
    assert normalize_text("付添可", words) == "付き添い可"
