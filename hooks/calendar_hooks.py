"""MkDocs adapter for the program calendar (month pages, upcoming lists, ICS feeds).

Runs after ``directory_hooks.py`` (see the order under ``hooks:`` in mkdocs.yml), which has
already validated the content and put the per-build plan in ``config.extra["directory_site"]``.

1. ``on_pre_build``: add the calendar's pages and views to the plan (the directory hooks then
   create the files and hand the templates their context).
2. ``on_files``: the site folder is clean now; start making the ICS files as one of the build's
   file jobs (``config.extra["site_file_jobs"]``, collected by the directory hooks at the end).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from employer_directory.calendar.site_plan import plan_calendar_pages


def on_pre_build(config: MkDocsConfig) -> None:
    pages = config.extra["directory_site"]
    config.extra["calendar_plan"] = plan_calendar_pages(pages, config.site_url or "", config.site_name)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    # A month grid needs the width: the sidebar menu is hidden on month pages (Material's
    # ``hide`` meta; the menu stays in the header's drawer).
    if config.extra["calendar_plan"].is_month_page(page.file.src_uri):
        page.meta["hide"] = ["navigation", "toc"]
    return markdown


def on_files(files, config: MkDocsConfig):
    config.extra["site_file_jobs"].start("ICS", config.extra["calendar_plan"].make_feeds, cost=0.5)
    return files

