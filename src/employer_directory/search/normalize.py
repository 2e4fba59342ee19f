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

Before steps 3 to 5, a few words written in more than one accepted way are brought to the spelling
the content uses (``SPELLING_VARIANTS``, 表記ゆれ): staff type 障害 as in the law and in the names
of their agencies, while employers' pages say 障がい; without this, 障害 found nothing at all.
"""

from __future__ import annotations

import unicodedata

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_KATAKANA_TO_HIRAGANA = 0x60
_ITERATION_MARKS = {"ヽ": "ゝ", "ヾ": "ゞ"}
_SMALL_KANA = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ"))
LONG_VOWEL_MARK = "ー"
SPELLING_VARIANTS = (("障害", "障がい"), ("障碍", "障がい"), ("子供", "子ども"))
"""(variant, spelling used in the content); the browser copy is SPELLING_VARIANTS in directory-search.js."""


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


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    for variant, spelling in SPELLING_VARIANTS:
        text = text.replace(variant, spelling)
    return text.translate(_FOLD)
