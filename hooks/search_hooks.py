"""MkDocs adapter for the directory search (domain code: ``employer_directory.search``).

* ``on_config``: reset per-build state (hook modules stay loaded across ``mkdocs serve``
  rebuilds); a job left from a failed build is stopped.
* ``on_files``: add the search page (a virtual stub) and register its view in the per-build
  plan that ``directory_hooks`` loaded in ``on_pre_build``; that hook then sets the template
  and context as for every other directory page. Every ``on_pre_build`` has run by now, so the
  plan exists whatever the order of the hook files. The search files start building here, in
  a worker for large directories, while MkDocs renders the pages.
* ``on_post_build``: write the compact lunr index and the document store into the site. They
  are data files, not pages, and MkDocs cleans the site folder after ``on_files``, so they are
  written last.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from functools import partial

from employer_directory.background import FileJob, workers_allowed
from employer_directory.search.index import render_search_files
from employer_directory.search.page import SEARCH_PAGE, search_page_view

log = logging.getLogger("mkdocs.hooks.search")


class _Build:
    """State of one build; replaced in on_config."""

    def __init__(self) -> None:
        self.job: FileJob | None = None


_build = _Build()
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if _build.job is not None:
        _build.job.close()
    _build = _Build()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    files.append(File.generated(config, SEARCH_PAGE.src_uri, content=SEARCH_PAGE.stub))
    pages.views[SEARCH_PAGE.src_uri] = search_page_view(pages.directory)
    directory = pages.directory
    in_worker = workers_allowed(len(directory.employers), interactive=_serving)
    _build.job = FileJob(partial(render_search_files, directory), Path(config.site_dir), in_worker)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    assert _build.job is not None
    written = _build.job.finish()
    _build.job = None
    log.info("検索用の索引を書き出しました: %s", ", ".join(Path(path).name for path in written))


def on_build_error(error: Exception) -> None:
    if _build.job is not None:
        _build.job.close()
        _build.job = None
