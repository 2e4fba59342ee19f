"""What the 404 page knows of the site: the employers and programs by URL name, so that a mistyped
or cut address (typed by hand from the URL printed on a sheet, ``employers/shirakaba-farn/``) can
be answered with 「もしかして: しらかば農園」 (``content/assets/not-found.js``).

A file of its own (``not-found.json``), fetched by the 404 page only when the address names an
employer or a program: in the page itself it would be about 100 KB at 1,000 employers for every
visitor of any missing address. Plain Python; nothing from MkDocs.
"""

from __future__ import annotations

import json

from .directory import Directory

NOT_FOUND_FILE = "not-found.json"


def not_found_catalogue(directory: Directory) -> dict:
    """JSON-ready: the URL name and name of every employer and program, in the site's order."""
    return {
        "employers": [{"slug": e.slug, "name": e.name} for e in directory.employers],
        "programs": [{"slug": p.slug, "name": p.title} for p in directory.programs],
    }


def render_not_found_files(directory: Directory) -> dict[str, bytes]:
    """``{path below the site root: bytes}``: the catalogue, compact, Japanese as UTF-8."""
    text = json.dumps(not_found_catalogue(directory), ensure_ascii=False, separators=(",", ":"))
    return {NOT_FOUND_FILE: text.encode("utf-8")}
