"""MkDocs adapter for the directory search (domain code: ``employer_directory.search``).

* ``on_files``: add the search page (a virtual stub) and register its view in the per-build
  plan that ``directory_hooks`` loaded in ``on_pre_build``; that hook then sets the template
  and context like for every other directory page. Every ``on_pre_build`` has run by now, so
  the plan exists whatever the order of the hook files.
* ``on_post_build``: write the prebuilt lunr index and the document store into the site. They
  are data files, not pages: MkDocs need not know them, and writing them last keeps a failed
  build from leaving them behind.

No state is kept here between builds: everything comes from ``config`` of the current build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from employer_directory.search.index import SearchIndex
from employer_directory.search.page import SEARCH_PAGE, search_page_view

log = logging.getLogger("mkdocs.hooks.search")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    files.append(File.generated(config, SEARCH_PAGE.src_uri, content=SEARCH_PAGE.stub))
    pages.views[SEARCH_PAGE.src_uri] = search_page_view(pages.directory)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    pages = config.extra["directory_site"]
    written = SearchIndex(pages.directory).add_all().write(Path(config.site_dir))
    log.info("検索用の索引を書き出しました: %s", ", ".join(path.name for path in written))
