"""The staff documents render as their authors meant: Markdown tables stay whole."""

from __future__ import annotations

import re

import markdown
import pytest

from conftest import ROOT


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "docs/fields.md"])
def test_no_table_row_is_cut_off_from_its_table(name):
    # A blank line inside a table ends it: the rows after it show as a paragraph of "| … |" text
    # on GitHub, where staff read these files.
    html = markdown.markdown((ROOT / name).read_text(encoding="utf-8"), extensions=["tables", "fenced_code"])
    stray = [paragraph for paragraph in re.findall(r"<p>(.*?)</p>", html, flags=re.S) if paragraph.lstrip().startswith("|")]
    assert not stray, stray


def test_the_preview_paragraph_names_the_button_that_makes_an_expired_preview_again():
    # The preview is kept 14 days; staff who come back later need the button's name on GitHub,
    # not only "run the check again".
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    preview = text.split("## プレビュー（公開前の確認）", 1)[1].split("\n## ", 1)[0]
    assert "14日たつと消えます" in preview and "「Re-run all jobs」" in preview
