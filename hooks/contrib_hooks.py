"""MkDocs adapter for contributors: the edit and report links, and the freshness report.

Reads the per-build plan that directory_hooks puts in ``config.extra["directory_site"]``
(``on_pre_build``); the domain work is in ``employer_directory.contrib``.

- ``on_files``: after every ``on_pre_build`` has run, so the plan exists; logs the records
  whose 情報確認日 is older than ``extra.directory.stale_after_months``. The lines start with
  「警告:」 but are logged at INFO level on purpose: under ``strict: true`` MkDocs counts every
  WARNING and aborts the build, and an old date must remind staff, not stop the site.
  It also registers the join page's view in the plan: its template and the sample employer
  pages picked from the data (join_examples.py), so it never links to a missing file.
- ``on_page_context``: hands the report-form link (and whether the record is stale) to the
  employer and program templates; the edit link is MkDocs' own ``page.edit_url`` (repo_url +
  edit_uri + the page's source file, which stays the file name even when ``slug`` moves the page).
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from employer_directory.contrib.freshness import record_is_stale, stale_records
from employer_directory.contrib.issue_forms import report_url
from employer_directory.contrib.join_examples import CONTACT_ANCHOR, CONTACT_HEADING, JOIN_PAGE, join_page_view

STALE_LINES_IN_LOG = 50
"""A large site's first build would otherwise bury every other message under this report."""

log = logging.getLogger("mkdocs.hooks.contrib")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    directory = pages.directory
    months = directory.settings.stale_after_months
    found = stale_records(directory.employers, directory.programs, directory.today, months)
    for record in found[:STALE_LINES_IN_LOG]:
        log.info(record.message(months))
    if len(found) > STALE_LINES_IN_LOG:
        log.info("警告: ほか %d 件。全部は python -m employer_directory stale で見られます", len(found) - STALE_LINES_IN_LOG)
    if found:
        log.info("警告: 情報確認日から%dか月以上たっているものが %d 件あります（ビルドは続けます）", months, len(found))
    pages.views[JOIN_PAGE] = join_page_view(directory.employers)
    return files


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    site = config.extra["directory_site"]
    directory = site.directory
    view = site.view_for(page.file.src_uri)
    if page.file.src_uri == JOIN_PAGE:
        # The contact section comes from the template, not the Markdown: list it in the page's
        # table of contents too, where employers look for it (under the h1, as Material shows it).
        items = page.toc.items
        sections = items[0].children if items and items[0].level == 1 else items
        if all(item.id != CONTACT_ANCHOR for item in sections):
            sections.append(AnchorLink(CONTACT_HEADING, CONTACT_ANCHOR, 2))
    record = view and (view.context.get("employer") or view.context.get("program"))
    if record is None:
        return context
    context["record_is_stale"] = record_is_stale(record, directory.today, directory.settings.stale_after_months)
    context["stale_after_months"] = directory.settings.stale_after_months
    if config.repo_url:
        context["report_url"] = report_url(config.repo_url, view.title, page.canonical_url or "", record.source_path)
    return context
