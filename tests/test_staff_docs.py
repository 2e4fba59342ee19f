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
