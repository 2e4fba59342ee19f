"""A Python-Markdown extension: line breaks inside Japanese sentences do not become spaces.

Staff wrap long Markdown paragraphs (本文, the about and join pages) at any point. HTML turns
each line break into a space, and Chromium and Safari show it: 「見せたり、 短い」. Between two
Japanese (full-width) characters the break is removed; next to Latin letters or digits it stays
a space, as in 「使えます Wi-Fi」. Code is left alone.

Enabled in mkdocs.yml under ``markdown_extensions`` as ``employer_directory.japanese_lines``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Iterator

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

WIDE = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6"
"""Japanese punctuation, kana, kanji and full-width forms."""
BREAK_INSIDE = re.compile(rf"(?<=[{WIDE}])[ \t]*\n[ \t]*(?=[{WIDE}])")
STARTS_WIDE = re.compile(rf"^[{WIDE}]")
ENDS_WIDE_THEN_BREAK = re.compile(rf"(?<=[{WIDE}])[ \t]*\n[ \t]*$")
UNTOUCHED = {"pre", "code", "script", "style"}


def _segments(element: etree.Element) -> Iterator[tuple[etree.Element, str]]:
    """The text pieces of ``element`` in reading order, as (owner, "text" | "tail")."""
    if element.tag in UNTOUCHED:
        return
    yield element, "text"
    for child in element:
        yield from _segments(child)
        yield child, "tail"


class JapaneseLines(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        segments = [(owner, attribute) for owner, attribute in _segments(root) if owner is not root or attribute == "text"]
        texts = [getattr(owner, attribute) or "" for owner, attribute in segments]
        for index, text in enumerate(texts):
            if "\n" not in text:
                continue
            joined = BREAK_INSIDE.sub("", text)
            # A break at the end of a piece, before an inline element (「です。\n**注意**」).
            following = next((later for later in texts[index + 1 :] if later), "")
            if STARTS_WIDE.match(following):
                joined = ENDS_WIDE_THEN_BREAK.sub("", joined)
            if joined != text:
                owner, attribute = segments[index]
                setattr(owner, attribute, joined)
                texts[index] = joined


class JapaneseLinesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After inline parsing (priority 20) has made the elements, before prettify (10).
        md.treeprocessors.register(JapaneseLines(md), "japanese_lines", 15)


def makeExtension(**kwargs) -> JapaneseLinesExtension:  # noqa: N802 - Python-Markdown's name
    return JapaneseLinesExtension(**kwargs)
