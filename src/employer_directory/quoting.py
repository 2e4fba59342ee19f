"""Names and themes in 「」 for texts that set them after other words: a name or theme that holds
brackets of its own is not bracketed a second time (「職場見学会「しらかば農園」」 read as
doubled quotes). The ICS feeds' SUMMARY and the staff texts (the pull-request summary, the
freshness warning) follow the same rule."""

from __future__ import annotations


def in_brackets(theme: str) -> str:
    """A meeting's theme in 「」 after the program title, unless the whole theme already is in
    one pair: 「SST体験」 stays as it is, お話し会「私の体験談」 becomes 「お話し会「私の体験談」」."""
    if theme.startswith("「") and theme.endswith("」"):
        depth = 0
        for position, char in enumerate(theme):
            depth += {"「": 1, "」": -1}.get(char, 0)
            if depth == 0:
                break
        if position == len(theme) - 1:
            return theme
    return f"「{theme}」"


def theme_after_title(theme: str) -> str:
    """What follows the program title in SUMMARY: the theme in one pair of 「」 (in_brackets),
    but a theme that holds brackets of its own only in part (SST体験「…」, 「A」と「B」) as it is,
    after a space, as the pages set it beside the title: a second pair round it read as doubled
    quotes (「SST体験「…」」)."""
    bracketed = in_brackets(theme)
    return " " + theme if "「" in theme and bracketed != theme else bracketed


def named(kind: str, name: str) -> str:
    """A record named after its kind in staff texts: プログラム「ひろば」, but
    プログラム 職場見学会「しらかば農園」 for a name with brackets of its own (``theme_after_title``)."""
    return kind + theme_after_title(name)
