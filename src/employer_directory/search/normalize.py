"""Text normalization applied the same way to indexed text and to queries.

The browser copy is ``normalizeText`` in ``content/assets/directory-search.js``; both are tested on
``tests/fixtures/search_text_cases.json``.

Steps, in order:

1. NFKC: full-width ASCII and digits become half-width, half-width katakana become full-width
   (ﾄﾏﾄ → トマト, ３ → 3).
2. Lower case (``str.lower``, not ``casefold``: JavaScript has only ``toLowerCase``, and both
   sides must give the same result).
3. Katakana → hiragana (トマト → とまと), so that either script finds the other.
4. Small kana → full-size kana (しょう → しよう, っ → つ): people who type with large kana, or
   with an input method that does not offer the small ones, still match.
5. The long-vowel mark ー is dropped (すーぱー → すぱ, スーパー → すぱ): it is written
   inconsistently (ー, ｰ, or a vowel), and dropping it on both sides makes the common variants
   meet.

Then the site's search words (``extra.directory.search_words`` in mkdocs.yml, see
:class:`SearchWords`) are replaced by what they mean in the content's wording: readings typed
without conversion (かいご → 介護), everyday words (付添 → 付き添い, 駅近 → 駅から近い) and words
written in more than one accepted way (表記ゆれ: staff type 障害 as in the law and in the names of
their agencies, while employers' pages say 障がい). Without this, such a query found nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_KATAKANA_TO_HIRAGANA = 0x60
_ITERATION_MARKS = {"ヽ": "ゝ", "ヾ": "ゞ"}
_SMALL_KANA = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ"))
LONG_VOWEL_MARK = "ー"


def _fold_table() -> dict[int, str | None]:
    """Steps 3 to 5 as one ``str.translate`` table (one pass over the text)."""
    table: dict[int, str | None] = {}
    for code in range(_KATAKANA_START, _KATAKANA_END + 1):
        hiragana = chr(code - _KATAKANA_TO_HIRAGANA)
        table[code] = _SMALL_KANA.get(hiragana, hiragana)
    for katakana, hiragana in _ITERATION_MARKS.items():
        table[ord(katakana)] = hiragana
    for small, large in _SMALL_KANA.items():
        table[ord(small)] = large
    table[ord(LONG_VOWEL_MARK)] = None
    return table


_FOLD = _fold_table()


def fold_text(text: str) -> str:
    """Steps 1 to 5, without the search words."""
    return unicodedata.normalize("NFKC", text).lower().translate(_FOLD)


@dataclass(frozen=True)
class SearchWords:
    """Words a query may use for what the content writes another way, replaced on both sides.

    ``pairs`` are ``(word, means)`` already folded (:func:`fold_text`), so that カイゴ, かいご and
    ｶｲｺﾞ all meet かいご, and のうぎょう meets the folded のうぎよう. The replacement runs after
    folding, in one pass, longest word first: a replaced part is never replaced again, and
    settings.py refuses a meaning that holds another word (its index text would be replaced
    once more and the query's not). The browser gets ``pairs`` from the build (the search page)
    and replaces the same way (``normalizeText`` in directory-search.js).
    """

    pairs: tuple[tuple[str, str], ...] = ()
    _pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    _means: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str]]) -> "SearchWords":
        pairs = [(fold_text(word), fold_text(means)) for word, means in entries]
        return cls(tuple(pairs) + _typed_with_a_reading(pairs))

    def __post_init__(self) -> None:
        if self.pairs:
            # Longest first: at one position the alternation takes the first that matches.
            words = sorted((word for word, _ in self.pairs), key=len, reverse=True)
            object.__setattr__(self, "_pattern", re.compile("|".join(map(re.escape, words))))
            object.__setattr__(self, "_means", dict(self.pairs))

    def replace(self, folded: str) -> str:
        if self._pattern is None:
            return folded
        return self._pattern.sub(lambda match: self._means[match.group()], folded)

    def spans(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, means) of each word :meth:`replace` replaces in ``folded``."""
        if self._pattern is None:
            return []
        return [(match.start(), match.end(), self._means[match.group()]) for match in self._pattern.finditer(folded)]


def _typed_with_a_reading(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A word that holds another entry's meaning, written with that entry's word instead:
    りれきしょなし for 履歴書なし → 履歴書不要 (りれきしょ → 履歴書). One pass replaces
    りれきしょ and stops: without this, りれきしょなし became 履歴書なし, never 履歴書不要,
    and found nothing while 履歴書なし did."""
    known = {word for word, _ in pairs}
    derived: list[tuple[str, str]] = []
    for word, means in pairs:
        for other_word, other_means in pairs:
            if not other_means or other_means == means or other_means not in word:
                continue
            typed = word.replace(other_means, other_word)
            # A meaning holding it would be replaced again in the index (settings.py refuses
            # such a word written by staff; a derived one is just left out).
            if typed not in known and not any(typed in meaning for _, meaning in pairs):
                derived.append((typed, means))
                known.add(typed)
    return tuple(derived)


def normalize_text(text: str, words: SearchWords) -> str:
    """Indexed text and queries must be normalized with the same ``words``."""
    return words.replace(fold_text(text))
