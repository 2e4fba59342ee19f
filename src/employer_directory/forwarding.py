"""Pages at the addresses a record had before its file (or ``slug:``) was renamed.

A QR code on a sheet a job seeker took home, a bookmark or a link from another site keeps the old
address. GitHub Pages cannot answer with an HTTP redirect, so each former address
(``former_slugs:``) gets a small page that sends the reader on to the record's page (a
``<meta http-equiv="refresh">`` of 0 seconds, the sheets' ``#seeker`` kept by a script) and links
to it for readers whose browser does not follow. The page's markup is
``overrides/forwarding.html``; a program's calendar feed is copied to its former address by the
ICS module (:func:`employer_directory.calendar.ics.build_feeds`).

Plain Python and Jinja; nothing from MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .directory import Directory
from .sheets.sheet_files import sheet_path, template_environment
from .site_address import SiteAddress

TEMPLATE = "forwarding.html"


@dataclass(frozen=True)
class Forward:
    path: str
    """The former address's file below the site root: ``employers/<old>/index.html``."""
    to: str
    """The page now, relative to that file: ``../<new>/``."""
    canonical: str
    """The page now, absolute (``site_url``), for search engines and for copying."""
    kind: str
    """事業所, 印刷用シート or プログラム."""
    name: str


def forwards(directory: Directory, site_url: str) -> list[Forward]:
    """Every former address of every employer (its page and its sheets) and program (its page)."""
    site = SiteAddress(site_url)
    found: list[Forward] = []
    for employer in directory.employers:
        for former in employer.former_slugs:
            found.append(Forward(f"employers/{former}/index.html", f"../{employer.slug}/", site.employer(employer.slug), "事業所", employer.name))
            found.append(Forward(sheet_path(former), f"../{employer.slug}/sheets.html", site.page(sheet_path(employer.slug)), "印刷用シート", employer.name))
    for program in directory.programs:
        for former in program.former_slugs:
            found.append(Forward(f"programs/{former}/index.html", f"../{program.slug}/", site.program(program.slug), "プログラム", program.title))
    return found


def render_forwarding_files(directory: Directory, site_url: str, site_name: str, templates: Path) -> dict[str, bytes]:
    """``{path below the site root: HTML}`` of every former address (none, and no template
    read, when no record was renamed)."""
    found = forwards(directory, site_url)
    if not found:
        return {}
    template = template_environment(templates).get_template(TEMPLATE)
    return {forward.path: template.render(forward=forward, site_name=site_name).encode("utf-8") for forward in found}
