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
"""

from __future__ import annotations

import unicodedata

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_KATAKANA_TO_HIRAGANA = 0x60
_ITERATION_MARKS = {"ヽ": "ゝ", "ヾ": "ゞ"}
_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
LONG_VOWEL_MARK = "ー"


def fold_katakana(text: str) -> str:
    return "".join(
        chr(ord(char) - _KATAKANA_TO_HIRAGANA) if _KATAKANA_START <= ord(char) <= _KATAKANA_END else _ITERATION_MARKS.get(char, char)
        for char in text
    )


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = fold_katakana(text).translate(_SMALL_KANA)
    return text.replace(LONG_VOWEL_MARK, "")
