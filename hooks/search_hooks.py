"""MkDocs adapter for the directory search (domain code: ``employer_directory.search``).

* ``on_files``: add the search page (a virtual stub) and register its view in the per-build
  plan that ``directory_hooks`` loaded in ``on_pre_build``; that hook then sets the template
  and context as for every other directory page. Every ``on_pre_build`` has run by now, so the
  plan exists whatever the order of the hook files. The search files (the compact lunr index and
  the document store) start here as one of the build's file jobs (``config.extra
  ["site_file_jobs"]``): in worker processes for large directories, while MkDocs renders the
  pages; the directory hooks collect them at the end.
"""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from employer_directory.search.index import render_search_files
from employer_directory.search.page import SEARCH_PAGE, search_page_view


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = config.extra["directory_site"]
    files.append(File.generated(config, SEARCH_PAGE.src_uri, content=SEARCH_PAGE.stub))
    pages.views[SEARCH_PAGE.src_uri] = search_page_view(pages.directory)
    config.extra["site_file_jobs"].start("検索用の索引", partial(render_search_files, pages.directory), cost=2)
    return files
