"""Names and themes in 「」 for texts that set them after other words: a name or theme that holds
brackets of its own is not bracketed a second time (「職場見学会「しらかば農園」」 read as
doubled quotes). The ICS feeds' SUMMARY and the staff texts (the pull-request summary, the
freshness warning) follow the same rule."""

from __future__ import annotations


def wholly_bracketed(text: str) -> bool:
    """Whether one pair of 「」 holds the whole text (「SST体験」, not 「A」と「B」)."""
    if not (text.startswith("「") and text.endswith("」")):
        return False
    depth = 0
    for position, char in enumerate(text):
        depth += {"「": 1, "」": -1}.get(char, 0)
        if depth == 0:
            return position == len(text) - 1
    return False


def theme_after_title(theme: str) -> str:
    """What follows the program title (a meeting's SUMMARY, a record's name after its kind): the
    theme in 「」; as it is when one pair already holds it whole (「SST体験」); and after a space
    when it holds brackets of its own only in part (SST体験「…」, 「A」と「B」), as the pages set it
    beside the title: a second pair round it read as doubled quotes (「SST体験「…」」)."""
    if "「" not in theme:
        return f"「{theme}」"
    return theme if wholly_bracketed(theme) else " " + theme


def named(kind: str, name: str) -> str:
    """A record named after its kind in staff texts: プログラム「ひろば」, but
    プログラム 職場見学会「しらかば農園」 for a name with brackets of its own (``theme_after_title``)."""
    return kind + theme_after_title(name)
