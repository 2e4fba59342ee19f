"""The counter packet (印刷リスト on screen): the employers a counsellor picks, in their order.

The list itself lives in the visitor's browser (localStorage, ``content/assets/packet.js``);
the site only publishes which employers exist, so that a shared link (``?e=slug,slug``; older ones add ``&s=seeker``)
can be checked and shown with names before any sheet is fetched.
"""

from __future__ import annotations

from ..directory import Directory
from .employer_sheets import SHEET_KINDS


def packet_catalogue(directory: Directory) -> dict:
    """JSON-ready data for the packet page: employers by slug, the slug now of each former one
    (``former_slugs``: a list saved in a browser or a link shared before a rename names the old
    one) and the sheet kinds."""
    return {
        "employers": [{"slug": e.slug, "name": e.name} for e in directory.employers],
        "renamed": {former: e.slug for e in directory.employers for former in e.former_slugs},
        "kinds": [{"id": kind.id, "number": kind.number, "title": kind.title} for kind in SHEET_KINDS if kind.id != "introduction"],
    }
