"""Building the search files beside MkDocs rather than after it.

At 1,000 employers the index takes about a second of pure-Python work. MkDocs renders pages on
one core meanwhile, so for large directories the index is built in a forked worker process,
started as soon as the directory is loaded, and collected when the site is written. Small
directories (the sample has 25 employers) build in-process: a worker would cost more than it
saves. Same threshold and start method as the parallel loader.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from ..directory import Directory
from ..loading import PARALLEL_FROM
from .index import render_search_files


class SearchFilesJob:
    def __init__(self, directory: Directory) -> None:
        self._directory = directory
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[dict[str, str]] | None = None
        if self.runs_in_background(directory):
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(render_search_files, directory)

    @staticmethod
    def runs_in_background(directory: Directory) -> bool:
        return (
            len(directory.employers) >= PARALLEL_FROM
            and (os.cpu_count() or 1) > 1
            and "fork" in multiprocessing.get_all_start_methods()
        )

    def result(self) -> dict[str, str]:
        """Path below the site root → file text; waits for the worker if there is one."""
        try:
            return self._future.result() if self._future is not None else render_search_files(self._directory)
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
