"""The three sheets of every employer as finished HTML files, rendered outside the page loop.

The sheet templates (``overrides/sheets/``) stand alone: no Material header, menu or search,
nothing that needs MkDocs' navigation. So instead of being thousands of MkDocs pages (each one a
Markdown instance, a page context and a write on the one core MkDocs uses), they are rendered
here with Jinja and written as a build file job, in a worker process for large directories
(``employer_directory.background``). The templates and their URLs are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..directory import Directory
from ..models.values import jp_date
from .employer_sheets import SHEET_KINDS, employer_sheets


@dataclass(frozen=True)
class SiteConfig:
    """What the sheet templates read of ``config``."""

    site_name: str


def sheet_path(slug: str, kind_id: str) -> str:
    """Where a sheet is written below the site root; also its URL. A file in the employer's own
    folder, not a folder of its own: creating thousands of folders is the slowest part of
    writing a large site on some disks."""
    return f"employers/{slug}/sheet-{kind_id}.html"


SHEET_BASE_URL = "../.."
"""From ``employers/<slug>/sheet-<kind>.html`` back to the site root (relative, so the site works
under a GitHub Pages project path)."""


def template_environment(templates: Path) -> jinja2.Environment:
    # The same settings MkDocs gives its theme environment: templates switch autoescape on.
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), auto_reload=False)
    environment.filters["jp_date"] = jp_date
    return environment


def render_sheet_files(directory: Directory, site_url: str, site_name: str, templates: Path) -> dict[str, bytes]:
    """``{path below the site root: HTML}`` for the three sheets of every employer."""
    environment = template_environment(templates)
    compiled = {kind.id: environment.get_template(kind.template) for kind in SHEET_KINDS}
    config = SiteConfig(site_name)
    files: dict[str, bytes] = {}
    for employer in directory.employers:
        sheets = employer_sheets(directory, employer, site_url)
        for kind in SHEET_KINDS:
            html = compiled[kind.id].render(
                sheets=sheets,
                sheet_kind=kind,
                sheet_kinds=SHEET_KINDS,
                print_title=f"{kind.title}｜{employer.name}",
                config=config,
                base_url=SHEET_BASE_URL,
            )
            files[sheet_path(sheets.slug, kind.id)] = html.encode("utf-8")
    return files
