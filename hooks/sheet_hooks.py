"""MkDocs adapter for the printable pages (sheets, pamphlet, packet, blank forms).

What each printout shows is decided in ``employer_directory.sheets``; this module only adds the
pages and hands the data to the templates in ``overrides/sheets/``. The three sheets of every
employer (one file per employer, with its QR code) are not MkDocs pages: they are rendered from
the same templates as one of the build's file jobs (``config.extra["site_file_jobs"]``), beside the page rendering for large directories.
The other printouts are registered in ``on_files`` in the per-build plan that ``directory_hooks``
leaves in ``config.extra["directory_site"]`` (as ``search_hooks`` does: every ``on_pre_build``,
the calendar's included, has run by then); that hook then sets their template and context.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from employer_directory.sheets.print_pages import plan_print_pages
from employer_directory.sheets.sheet_files import render_sheet_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    site_url = config.site_url or "/"
    for generated in plan_print_pages(pages, site_url):
        files.append(File.generated(config, generated.src_uri, content=generated.stub))
    directory = pages.directory
    templates = Path(config.theme.custom_dir or Path(config.config_file_path).parent / "overrides")
    jobs = config.extra["site_file_jobs"]
    jobs.start("印刷用シート", partial(render_sheet_files, directory, site_url, config.site_name, templates), cost=3)
    return files
