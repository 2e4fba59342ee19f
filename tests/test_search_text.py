"""Normalization and tokenization of the Python indexer on the cases shared with the browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from employer_directory.search.normalize import normalize_text
from employer_directory.search.tokenize import index_terms, query_terms

CASES = json.loads((Path(__file__).parent / "fixtures" / "search_text_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["title"] for case in CASES])
def test_python_side_agrees_with_the_shared_cases(case):
    assert normalize_text(case["text"]) == case["normalized"]
    assert index_terms(case["text"]) == case["index_terms"]
    assert [{"term": t.term, "prefix": t.prefix} for t in query_terms(case["text"])] == case["query_terms"]


def test_every_query_term_of_a_text_is_among_its_index_terms():
    # What makes a query find the text it was copied from, whatever the script or width.
    for text in ("週3日から", "トマトの収穫と選果", "ﾄﾏﾄ", "介護老人保健施設 やまびこ", "NPO法人 Webサイト", "畑"):
        indexed = set(index_terms(text))
        for term in query_terms(text):
            assert term.term in indexed or (term.prefix and any(t.startswith(term.term) for t in indexed)), (text, term)


def test_variants_meet_after_normalization():
    assert normalize_text("トマト") == normalize_text("ﾄﾏﾄ") == normalize_text("とまと")
    assert normalize_text("スーパー") == normalize_text("すーぱー") == normalize_text("ｽｰﾊﾟｰ")
    assert normalize_text("ＡＢＣ１２３") == "abc123"


def test_a_mixed_query_does_not_fall_apart_into_single_characters():
    # 週3日 must not become {週, 3, 日}: those would match any text with 週 and 日 anywhere.
    assert {t.term for t in query_terms("週3日")} == {"3", "週3", "3日"}
    assert "週3" not in index_terms("週に3日")

