"""MkDocs adapter for the printable pages (sheets, pamphlet, packet, blank forms).

What each printout shows is decided in ``employer_directory.sheets``; this module only adds the
pages and hands the data to the templates in ``overrides/sheets/``. The three sheets of every
employer are not MkDocs pages: they are rendered from the same templates as one of the build's
file jobs (``config.extra["site_file_jobs"]``), beside the page rendering for large directories. It reads the per-build plan
that ``directory_hooks`` leaves in ``config.extra["directory_site"]`` during ``on_pre_build``,
and keeps its own plan in ``config.extra`` too (config is per build; hook modules are not).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from employer_directory.sheets.month_sheet import month_program_lines
from employer_directory.sheets.print_pages import plan_print_pages
from employer_directory.sheets.qr import qr_files
from employer_directory.sheets.sheet_files import render_sheet_files

PLAN_KEY = "directory_print"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Runs after on_pre_build, where directory_hooks loaded and validated the content.
    site = config.extra["directory_site"]
    plan = plan_print_pages(site.directory, config.site_url or "/")
    config.extra[PLAN_KEY] = plan
    for generated in plan.generated:
        files.append(File.generated(config, generated.src_uri, content=generated.stub))
    templates = Path(config.theme.custom_dir or Path(config.config_file_path).parent / "overrides")
    make = partial(render_sheet_files, site.directory, config.site_url or "/", config.site_name, templates)
    jobs = config.extra["site_file_jobs"]
    jobs.start("印刷用シート", make)
    jobs.start("QR コード", partial(qr_files, site.directory, config.site_url or "/"))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    view = config.extra[PLAN_KEY].view_for(page.file.src_uri)
    if view is not None:
        page.meta["template"] = view.template
        # Printouts repeat what the employer pages say: keep them out of the site search.
        page.meta["search"] = {"exclude": True}
        page.meta["title"] = str(escape(view.title))
    return markdown


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    view = config.extra[PLAN_KEY].view_for(page.file.src_uri)
    if view is not None:
        context.update(view.context)
        context["print_title"] = view.title
    if "month_view" in context:
        # Calendar month pages print as the counter's month sheet: add the programs and places.
        context["month_sheet"] = month_program_lines(context["month_view"], context["directory"])
    return context
