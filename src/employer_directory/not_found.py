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
    """JSON-ready: the URL name and name of every employer and program, in the site's order, with
    its former URL names (``former``, only when it has some): a sheet printed before a rename
    carries the former one, and a typo in it is answered with the page now."""
    return {
        "employers": [_record(e.slug, e.name, e.former_slugs) for e in directory.employers],
        "programs": [_record(p.slug, p.title, p.former_slugs) for p in directory.programs],
    }


def _record(slug: str, name: str, former: list[str]) -> dict:
    record: dict = {"slug": slug, "name": name}
    if former:
        record["former"] = list(former)
    return record


def render_not_found_files(directory: Directory) -> dict[str, bytes]:
    """``{path below the site root: bytes}``: the catalogue, compact, Japanese as UTF-8."""
    text = json.dumps(not_found_catalogue(directory), ensure_ascii=False, separators=(",", ":"))
    return {NOT_FOUND_FILE: text.encode("utf-8")}
