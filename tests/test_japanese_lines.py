"""Line breaks inside Japanese sentences in Markdown do not become visible spaces."""

from __future__ import annotations

import re

import markdown
import pytest

WIDE_BREAK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]\n[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]")


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["employer_directory.japanese_lines", "attr_list", "tables"]).convert(text)


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("職場を見せたり、\n短い作業を体験します。", "<p>職場を見せたり、短い作業を体験します。</p>"),
        ("ここは **大事な\nところ** です。", "<p>ここは <strong>大事なところ</strong> です。</p>"),
        ("まず確認です。\n**注意**してください。", "<p>まず確認です。<strong>注意</strong>してください。</p>"),
        ("使えます\nWi-Fi もあります。", "<p>使えます\nWi-Fi もあります。</p>"),  # next to Latin: a space
        ("- 一つ目の\n  項目", "<ul>\n<li>一つ目の項目</li>\n</ul>"),
        ("`コード\nです`", "<p><code>コード\nです</code></p>"),  # code is left as written
        ("```\nコード\nブロック\n```", "<p><code>コード\nブロック</code></p>"),
    ],
)
def test_breaks_between_japanese_characters_are_removed(source, html):
    assert convert(source) == html


def test_the_built_pages_have_no_break_inside_a_japanese_sentence(built_site):
    for page in ("about/index.html", "join/index.html", "employers/shirakaba-farm/index.html"):
        text = re.sub(r"<(pre|code|script|style)\b.*?</\1>", "", (built_site / page).read_text(encoding="utf-8"), flags=re.S)
        paragraphs = re.findall(r"<p>(.*?)</p>", text, flags=re.S)
        assert paragraphs and not [p for p in paragraphs if WIDE_BREAK.search(p)], page
