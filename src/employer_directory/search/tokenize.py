"""Japanese tokenization without spaces or a dictionary: overlapping character bigrams.

The same rules run in the browser (``queryTerms`` in ``content/assets/directory-search.js``);
``tests/fixtures/search_text_cases.json`` holds the cases both sides are tested on.

After :func:`normalize_text`, text is cut into *runs* of word characters (kana, kanji, ASCII
letters, digits); everything else separates runs. Inside a run:

* every ASCII word (letters and digits, ``npo``, ``30``) is a term of its own;
* every *segment* of kana, kanji and digits that holds at least one kana or kanji gives its
  overlapping bigrams. Digits stay inside the segment so that ``週3日`` gives ``週3``, ``3日``
  and a query ``週3日`` finds exactly the texts that contain it, not every text with 週 and 日.

Indexed text also gets the last character of each segment as a unigram, so that every
character starts at least one term; a one-character query (``畑``) then becomes a prefix
query (``畑*``) that finds it anywhere. Longer query segments need no unigrams: each of their
bigrams is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import SearchWords, fold_text, normalize_text

# Kana (after folding, hiragana; katakana kept for the few that have no hiragana form),
# iteration marks 々〆〇, CJK ideographs. The browser uses the same ranges.
_KANA_KANJI = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_KANA_KANJI}0-9a-z]+")
_ASCII_WORD = re.compile("[0-9a-z]+")
_SEGMENT = re.compile(f"[{_KANA_KANJI}0-9]+")
_HAS_KANA_KANJI = re.compile(f"[{_KANA_KANJI}]")


@dataclass(frozen=True)
class QueryTerm:
    term: str
    prefix: bool = False
    """True for a one-character segment: matched as ``term*``."""


def is_one_run(folded: str) -> bool:
    """True when folded text is one run of word characters: nothing in it separates terms."""
    return _RUN.fullmatch(folded) is not None


def _segments(run: str) -> list[str]:
    return [segment for segment in _SEGMENT.findall(run) if _HAS_KANA_KANJI.search(segment)]


def _bigrams(segment: str) -> list[str]:
    return [segment[i : i + 2] for i in range(len(segment) - 1)]


def index_terms(text: str, words: SearchWords) -> list[str]:
    """Terms of indexed text, in order (repeats kept: lunr counts term frequency)."""
    return _terms_of_normalized(normalize_text(text, words))


def _terms_of_normalized(normalized: str) -> list[str]:
    terms: list[str] = []
    for run in _RUN.findall(normalized):
        terms.extend(_ASCII_WORD.findall(run))
        for segment in _segments(run):
            terms.extend(_bigrams(segment))
            terms.append(segment[-1])
    return terms


def field_terms(text: str, words: SearchWords) -> list[str]:
    """What the search index holds for a field: :func:`index_terms`, then those of the text
    without the search words, and the bigrams where the two meet, that those lack.

    A query's word is replaced only once it is typed whole, and the search runs as people type:
    ほしぞらけい (on the way to ほしぞらけいび, indexed as ほしぞら警備) or こだまぶつ (こだま物流)
    must still meet the reading as written, as they did before there were search words.
    """
    folded = fold_text(text)
    replaced = words.replace(folded)
    terms = _terms_of_normalized(replaced)
    if replaced != folded:
        spans = words.spans(folded)
        # Only runs that hold a replaced word read differently as written (a body is mostly
        # other runs: tokenizing it all twice doubled the index's tokenizing time).
        touched = " ".join(run.group() for run in _RUN.finditer(folded) if any(start < run.end() and run.start() < end for start, end, _ in spans))
        present = set(terms)
        terms += [term for term in _terms_of_normalized(touched) + _bridges(folded, spans) if term not in present]
    return terms


def _bridges(folded: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The bigrams where a replaced word meets a character as written: さくらこうつうけ, typed
    on the way to さくらこうつうけいび, is さくら交通け (こうつう is whole, けいび not yet), and its
    通け is in neither the replaced text (交通警備) nor the text as written."""
    bridges = []
    for start, end, means in spans:
        if start > 0:
            bridges.append(folded[start - 1] + means[0])
        if end < len(folded):
            bridges.append(means[-1] + folded[end])
    return [bigram for bigram in bridges if _SEGMENT.fullmatch(bigram)]


def query_terms(text: str, words: SearchWords) -> list[QueryTerm]:
    """Terms of a query, each required, without repeats, in first-seen order."""
    seen: dict[str, QueryTerm] = {}
    for run in _RUN.findall(normalize_text(text, words)):
        found = [QueryTerm(word) for word in _ASCII_WORD.findall(run)]
        for segment in _segments(run):
            if len(segment) == 1:
                found.append(QueryTerm(segment, prefix=True))
            else:
                found.extend(QueryTerm(bigram) for bigram in _bigrams(segment))
        for term in found:
            seen.setdefault(term.term, term)
    return list(seen.values())

