"""What the 404 page knows of the site: the employers and programs by URL name, so that a mistyped
or cut address (typed by hand from the URL printed on a sheet, ``employers/shirakaba-farn/``) can
be answered with 「もしかして: しらかば農園」 (``content/assets/not-found.js``).

Plain Python; nothing from MkDocs.
"""

from __future__ import annotations

from .directory import Directory


def not_found_catalogue(directory: Directory) -> dict:
    """JSON-ready: the URL name and name of every employer and program, in the site's order."""
    return {
        "employers": [{"slug": e.slug, "name": e.name} for e in directory.employers],
        "programs": [{"slug": p.slug, "name": p.title} for p in directory.programs],
    }
