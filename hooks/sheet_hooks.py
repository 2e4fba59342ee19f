"""MkDocs adapter for the printable pages (sheets, pamphlet, packet, blank forms).

What each printout shows is decided in ``employer_directory.sheets``; this module only adds the
pages and hands the data to the templates in ``overrides/sheets/``. The three sheets of every
employer (one file per employer, with its QR code) are not MkDocs pages: they are rendered from
the same templates as file jobs of the build (``config.extra["site_file_jobs"]``), beside the
page rendering for large directories.
The other printouts are registered in ``on_files`` in the per-build plan that ``directory_hooks``
leaves in ``config.extra["directory_site"]`` (as ``search_hooks`` does: every ``on_pre_build``,
the calendar's included, has run by then); that hook then sets their template and context.
"""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from employer_directory.sheets.print_pages import plan_print_pages
from employer_directory.sheets.sheet_files import render_sheet_files

SHEET_JOB_PARTS = 4


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    site_url = config.site_url or "/"
    for generated in plan_print_pages(pages, site_url):
        files.append(File.generated(config, generated.src_uri, content=generated.stub))
    directory = pages.directory
    templates = config.extra["directory_templates"]
    jobs = config.extra["site_file_jobs"]
    # The sheets are the longest file job (a QR code and three sheets per employer): made in
    # parts, so that the processes that share the jobs finish together.
    for part in range(SHEET_JOB_PARTS):
        make = partial(render_sheet_files, directory, site_url, config.site_name, templates, part, SHEET_JOB_PARTS)
        jobs.start(f"印刷用シート（{part + 1}/{SHEET_JOB_PARTS}）", make, cost=3 / SHEET_JOB_PARTS)
    return files
