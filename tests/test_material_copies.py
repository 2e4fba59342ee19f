"""Partials copied from Material for MkDocs to change a few words stay copies of the installed
version: upgrading Material must not keep serving an old menu silently."""

from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"


def test_the_copied_nav_item_is_materials_own_but_for_aria_current():
    """overrides/partials/nav-item.html adds aria-current="page" (and a comment naming the
    version it was copied from); all else must be the installed Material's nav-item.html."""
    ours = (ROOT / "overrides" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    theirs = (MATERIAL_PARTIALS / "nav-item.html").read_text(encoding="utf-8")
    without_comment = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)
    assert without_comment.count('aria-current="page"') == 2
    without_ours = re.sub(r'\{% if index == page %\} aria-current="page"\{% endif %\}| aria-current="page"', "", without_comment)
    assert without_ours == theirs, "Material was upgraded: copy its nav-item.html again and add aria-current"


def test_the_copied_nav_is_materials_own_but_for_the_drawer_s_close_button():
    """overrides/partials/nav.html adds the phone drawer's 「閉じる」 button (with its comment, and a
    comment naming the version it was copied from); all else must be the installed Material's nav.html."""
    ours = (ROOT / "overrides" / "partials" / "nav.html").read_text(encoding="utf-8")
    theirs = (MATERIAL_PARTIALS / "nav.html").read_text(encoding="utf-8")
    without_comment = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)
    button = re.compile(r'  \{#-[^#]*?-#\}\n  <button type="button" class="dir-drawer-close" hidden>.*?</button>\n', re.S)
    assert len(button.findall(without_comment)) == 1
    assert button.sub("", without_comment) == theirs, "Material was upgraded: copy its nav.html again and add the close button"
