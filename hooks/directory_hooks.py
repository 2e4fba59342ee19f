"""MkDocs adapter for the employer directory: turns build events into domain calls.

Everything about employers, programs and validation lives in ``employer_directory`` (no MkDocs
imports there). This module only decides *when* things happen in MkDocs' two-pass build:

1. ``on_config``: read the settings under ``extra.directory``; reset per-build state (hook
   modules stay loaded across ``mkdocs serve`` rebuilds, so nothing may survive from the last
   build).
2. ``on_pre_build``: load and validate all content *before* MkDocs cleans or writes the site
   directory, so that bad content aborts with the full list of problems and no half-written site.
3. ``on_files``: add the generated listing pages as virtual files and give employer and
   program pages their URLs; register the pages at renamed records' former addresses
   (``employer_directory.forwarding``) as a file job.
4. ``on_page_markdown``: pick the template for each of our pages.
5. ``on_env`` / ``on_page_context``: hand domain objects to the Jinja templates in
   ``overrides/``; all markup lives there.
6. ``on_nav``: launch the file jobs (ICS, open data, search index, sheets with their QR codes) that the
   other hook files registered in ``config.extra["site_file_jobs"]`` during ``on_files``; for
   large directories they are made in worker processes while MkDocs renders the pages
   (``employer_directory.background``). ``on_post_build`` collects them.
"""

from __future__ import annotations

import gc
import logging
from functools import partial
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from employer_directory.background import FileJobFailed, SiteFileJobs
from employer_directory.forwarding import render_forwarding_files
from employer_directory.loading import load_directory
from employer_directory.not_found import render_not_found_files
from employer_directory.problems import ContentInvalid
from employer_directory.settings import load_settings
from employer_directory.site_pages import SitePages, plan_site_pages
from employer_directory.models.values import jp_date, number_runs

log = logging.getLogger("mkdocs.hooks.directory")


class _Build:
    """State of one build; replaced in on_config."""

    def __init__(self) -> None:
        self.pages: SitePages | None = None
        self.jobs: SiteFileJobs | None = None

    def stop_jobs(self) -> None:
        if self.jobs is not None:
            self.jobs.close_all()
            self.jobs = None


_build = _Build()
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    # mkdocs serve runs threads: no worker processes are forked there.
    _serving = command == "serve"


def _content_error(invalid: ContentInvalid) -> PluginError:
    # PluginError is a BuildError: MkDocs prints the message and exits 1 without a traceback.
    return PluginError("\n" + invalid.report())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build.stop_jobs()
    _build = _Build()
    try:
        config_file = Path(config.config_file_path)
        settings = load_settings((config.extra or {}).get("directory"), source=config_file.name, config_text=config_file.read_text(encoding="utf-8"))
    except ContentInvalid as invalid:
        raise _content_error(invalid) from None
    config.extra["directory_settings"] = settings
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    settings = config.extra["directory_settings"]
    root = Path(config.config_file_path).parent
    # Loading makes hundreds of thousands of objects that all live until the build ends; Python's
    # cyclic garbage collector would scan them again and again while pages are rendered (a sixth
    # of a 10,000-employer build). So it pauses while loading, and for a build what was loaded is
    # moved out of its reach (gc.freeze). Not while serving: the next rebuild would freeze this
    # build's garbage along with its own records.
    gc.disable()
    try:
        directory = load_directory(Path(config.docs_dir), settings, root=root)
    except ContentInvalid as invalid:
        raise _content_error(invalid) from None
    finally:
        gc.enable()
    if not _serving:
        gc.freeze()
    _build.pages = plan_site_pages(directory)
    # Other hook files (one per output kind) read the plan from here; config is per build.
    config.extra["directory_site"] = _build.pages
    # Where the templates are, for the files rendered outside MkDocs' page loop (sheets, forwards).
    config.extra["directory_templates"] = Path(config.theme.custom_dir or Path(config.config_file_path).parent / "overrides")
    _build.jobs = SiteFileJobs(Path(config.site_dir), len(directory.employers), interactive=_serving)
    config.extra["site_file_jobs"] = _build.jobs
    log.info("協力事業所 %d 件、プログラム %d 件を読み込みました", len(directory.employers), len(directory.programs))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = _build.pages
    assert pages is not None
    for generated in pages.generated:
        files.append(File.generated(config, generated.src_uri, content=generated.stub))
    for src_uri, dest_uri in pages.moved.items():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            file.dest_uri = dest_uri
    directory = pages.directory
    assert _build.jobs is not None
    # What the 404 page offers for a mistyped address (employer_directory.not_found), and the
    # pages at renamed records' former addresses (none without former_slugs).
    _build.jobs.start("見つからないページの案内", partial(render_not_found_files, directory), cost=0.05)
    make = partial(render_forwarding_files, directory, config.site_url or "/", config.site_name, config.extra["directory_templates"])
    _build.jobs.start("前のアドレスからの案内", make, cost=0.05)
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    # Every hook file has registered its file job in on_files by now: start the worker.
    assert _build.jobs is not None
    _build.jobs.launch()
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    env.filters["jp_date"] = jp_date
    env.filters["number_runs"] = number_runs
    return env


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # Employer and program files were already read and validated in on_pre_build; handing
    # MkDocs the body alone spares it a second (pure-Python) YAML parse of every record.
    pages = _build.pages
    assert pages is not None
    return pages.body_for(page.file.src_uri)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    pages = _build.pages
    assert pages is not None
    # The sitemap's <lastmod> is the build's today (Asia/Tokyo, settable), not the clock's UTC
    # date: two builds of one day give the same sitemap, also across midnight UTC.
    page.update_date = pages.directory.today.isoformat()
    view = pages.view_for(page.file.src_uri)
    if view is not None:
        page.meta["template"] = view.template
        if view.title:
            # Material prints page titles unescaped in its header; titles come from staff
            # content, so they are escaped here (validation already refuses tags).
            page.meta["title"] = str(escape(view.title))
    return markdown


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    pages = _build.pages
    assert pages is not None
    context["directory"] = pages.directory
    view = pages.view_for(page.file.src_uri)
    if view is not None:
        context.update(view.context)
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    # Theme pages with no Markdown of their own (404.html) name the centre and its phone too.
    if _build.pages is not None:
        context["directory"] = _build.pages.directory
    return context


def on_post_build(config: MkDocsConfig) -> None:
    assert _build.jobs is not None
    try:
        finished = _build.jobs.finish_all()
    except FileJobFailed as failure:
        log.debug("%s", failure.detail)
        raise PluginError(
            f"{failure.name}のファイルを作れませんでした（{failure}）。サイトは完成していません。"
            "テンプレート（overrides/）を変えたときは、その書き方を確かめてください。詳しくは mkdocs build --verbose で表示されます"
        ) from None
    for name, written in finished.items():
        log.info("%s: %d ファイルを書き出しました", name, len(written))
    _build.jobs = None


def on_build_error(error: Exception) -> None:
    _build.stop_jobs()
