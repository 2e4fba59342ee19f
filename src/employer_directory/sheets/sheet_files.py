"""The three sheets of every employer as finished HTML files, rendered outside the page loop.

The sheet templates (``overrides/sheets/``) stand alone: no Material header, menu or search,
nothing that needs MkDocs' navigation. So instead of being thousands of MkDocs pages (each one a
Markdown instance, a page context and a write on the one core MkDocs uses), they are rendered
here with Jinja and written as a build file job, in worker processes for large directories
(``employer_directory.background``).

An employer's three sheets share one file, ``employers/<slug>/sheets.html``, each sheet at its own
address inside it (``#introduction``, ``#seeker``, ``#staff``; see sheets/employer_sheets.html):
one file instead of four (three sheets and a QR image) per employer, because creating files is
the slowest part of writing a large site on the disks we measured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..directory import Directory
from ..models.values import jp_date
from .employer_sheets import SHEET_KINDS, employer_sheets
from .qr import qr_svg

SHEET_TEMPLATE = "sheets/employer_sheets.html"


@dataclass(frozen=True)
class SiteConfig:
    """What the sheet templates read of ``config``."""

    site_name: str


def sheet_path(slug: str) -> str:
    """Where an employer's sheet file is written below the site root; also its URL. A file in
    the employer's own folder, not a folder of its own."""
    return f"employers/{slug}/sheets.html"


SHEET_BASE_URL = "../.."
"""From ``employers/<slug>/sheets.html`` back to the site root (relative, so the site works
under a GitHub Pages project path)."""


def template_environment(templates: Path) -> jinja2.Environment:
    # The same settings MkDocs gives its theme environment: templates switch autoescape on.
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), auto_reload=False)
    environment.filters["jp_date"] = jp_date
    return environment


def render_sheet_files(directory: Directory, site_url: str, site_name: str, templates: Path, part: int = 0, parts: int = 1) -> dict[str, bytes]:
    """``{path below the site root: HTML}``: the sheet file of every employer, or of every
    ``parts``-th employer from the ``part``-th (0-based) on, so that the sheets can be made as
    several file jobs (the longest job of a build would otherwise leave a core idle at its end)."""
    template = template_environment(templates).get_template(SHEET_TEMPLATE)
    config = SiteConfig(site_name)
    files: dict[str, bytes] = {}
    for employer in directory.employers[part::parts]:
        sheets = employer_sheets(directory, employer, site_url)
        html = template.render(
            sheets=sheets,
            sheet_kinds=SHEET_KINDS,
            qr_code=qr_svg(sheets.live_url),
            print_title=f"印刷用シート｜{employer.name}",
            config=config,
            base_url=SHEET_BASE_URL,
        )
        files[sheet_path(sheets.slug)] = html.encode("utf-8")
    return files
