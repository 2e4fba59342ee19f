"""Controlled-vocabulary checks that name the allowed values and the closest match."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Annotated, Any, Iterable

from pydantic import BeforeValidator, WithJsonSchema

from .values import staff_error


# ぷちばいと typed without converting it to katakana: compared as プチバイト.
KATAKANA_OF_HIRAGANA = {code: code + 0x60 for code in range(ord("ぁ"), ord("ゖ") + 1)}


def closest(value: str, allowed: Iterable[str]) -> str | None:
    allowed = list(allowed)
    normal = unicodedata.normalize("NFKC", value).strip()
    for candidate in allowed:
        if unicodedata.normalize("NFKC", candidate) == normal:
            return candidate
    for candidate in allowed:
        if unicodedata.normalize("NFKC", candidate).translate(KATAKANA_OF_HIRAGANA) == normal.translate(KATAKANA_OF_HIRAGANA):
            return candidate
    containing = [candidate for candidate in allowed if normal and (normal in candidate or candidate in normal)]
    if len(containing) == 1:
        return containing[0]
    matches = difflib.get_close_matches(normal, allowed, n=1, cutoff=0.6)
    return matches[0] if matches else None


JAPANESE_LIST_SEPARATOR = re.compile("[、，,､]")
# 火・木, 火／木: the separators a list of words is written with on paper.
WRITTEN_LIST_SEPARATOR = re.compile("[、，,､・･/／]")


def written_choices(value: str, allowed: Iterable[str]) -> list[str] | None:
    """The allowed values a string like 「火・木」 or 「土日」 was meant to list, or None."""
    allowed = list(allowed)
    pieces = [piece.strip() for piece in WRITTEN_LIST_SEPARATOR.split(value) if piece.strip()]
    if len(pieces) > 1 and all(piece in allowed for piece in pieces):
        return pieces
    text = value.strip()
    if len(text) > 1 and all(len(choice) == 1 for choice in allowed) and all(char in allowed for char in text):
        # 土日 for days: one-character values written side by side.
        return list(text)
    return None


def check_choice(value: Any, allowed: list[str], what: str) -> str:
    if isinstance(value, str) and value.strip() in allowed:
        return value.strip()
    shown = value if isinstance(value, str) else repr(value)
    pieces = [piece.strip() for piece in JAPANESE_LIST_SEPARATOR.split(shown)] if isinstance(value, str) else []
    if len(pieces) > 1 and all(piece in allowed for piece in pieces):
        # [火、木] typed with the Japanese keyboard on: YAML reads one value, 「火、木」.
        raise staff_error(
            f"「{shown}」は「、」で区切られているため、1つの値として読まれています",
            f"半角の「,」と空白で区切ってください（[{', '.join(pieces)}]）",
        )
    written = written_choices(shown, allowed) if isinstance(value, str) else None
    if written:
        # [火・木] or [土日]: several values read as one.
        raise staff_error(
            f"「{shown}」は1つの値として読まれています（{what}は1つずつ書きます）",
            f"半角の「,」と空白で区切ってください（[{', '.join(written)}]）",
        )
    suggestion = closest(shown, allowed) if isinstance(value, str) else None
    fix = f"「{suggestion}」のことでしたら、そう書いてください。" if suggestion else ""
    raise staff_error(
        f"「{shown}」は登録されていない{what}です",
        fix + "書ける値: " + "、".join(allowed),
    )


def choice(allowed: tuple[str, ...] | list[str], what: str):
    """An ``Annotated`` str restricted to a fixed list known when the code is written."""
    values = list(allowed)
    return Annotated[
        str,
        BeforeValidator(lambda value: check_choice(value, values, what)),
        WithJsonSchema({"type": "string", "enum": values}),
    ]
