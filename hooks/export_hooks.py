"""MkDocs adapter for the open data: JSON-LD on pages, the data page, data files after the build.

Reads the per-build plan that directory_hooks.py shares in ``config.extra["directory_site"]``
and calls ``employer_directory.exports``. Registered after directory_hooks.py in mkdocs.yml, so
at equal (default) priority its events run second and the plan is already there.

1. ``on_config``: reset per-build state (hook modules survive ``mkdocs serve`` rebuilds).
2. ``on_files``: the plan is complete; list program occurrences once for every export and
   register the data files (data/*.json, data/*.csv, data/hsds/*.json) as one of the build's
   file jobs (``config.extra["site_file_jobs"]``, collected by the directory hooks at the end).
   Content errors stop the build in on_pre_build, so this never runs on invalid content.
3. ``on_page_context``: JSON-LD for employer and program pages (``structured_data``, rendered by
   overrides/partials/structured_data.html), facts for the data page.
"""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from employer_directory.exports.data_files import data_page_facts, render_data_files
from employer_directory.exports.json_ld import employer_json_ld, program_json_ld
from employer_directory.exports.records import OccurrenceRecord, occurrences_by_program, program_occurrences
from employer_directory.site_address import SiteAddress

DATA_PAGE = "data.md"


class _Build:
    """State of one build; replaced in on_config."""

    def __init__(self) -> None:
        self.occurrences: list[OccurrenceRecord] = []
        self.by_program: dict[str, list[OccurrenceRecord]] = {}
        self.site = SiteAddress("/")


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    directory = config.extra["directory_site"].directory
    _build.occurrences = program_occurrences(directory)
    _build.by_program = occurrences_by_program(_build.occurrences)
    _build.site = SiteAddress(config.site_url or "/")
    config.extra["site_file_jobs"].start("オープンデータ", partial(render_data_files, directory, _build.site, _build.occurrences), cost=1)
    return files


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    directory = config.extra["directory_site"].directory
    if "employer" in context and page.meta.get("template") == "employer.html":
        context["structured_data"] = employer_json_ld(context["employer"], _build.site, directory.today)
    elif "program" in context and page.meta.get("template") == "program.html":
        program = context["program"]
        context["structured_data"] = program_json_ld(program, _build.by_program.get(program.slug, []), directory, _build.site)
    elif page.file.src_uri == DATA_PAGE:
        context["open_data"] = data_page_facts(directory, _build.occurrences)
    return context
