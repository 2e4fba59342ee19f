"""Making a build's data files (ICS feeds, open data, search index) beside the page rendering.

MkDocs renders pages on one core. The files that are not pages depend only on the validated
directory, so for large directories each kind is made in a forked worker process, started as
soon as the directory is loaded and collected when the site is written. Small directories (the
sample has 25 employers) make them in-process: a worker would cost more than it saves. Both
paths run the same function and give the same bytes (tested).

A job's function returns ``{path below the site root: bytes}``; the job writes them into the
site folder (in the worker, so that writing thousands of small files is off the main process
too). Start a job only after MkDocs has cleaned the site folder (``on_files`` or later).
Nothing here knows MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from pathlib import Path
from typing import Callable

from .loading import PARALLEL_FROM

SiteFiles = dict[str, bytes]

FORCE_ENV = "DIRECTORY_BACKGROUND"
"""``1`` forces workers (tests of the worker path), ``0`` forbids them."""


def workers_allowed(employer_count: int, interactive: bool = False) -> bool:
    """Whether file jobs of a build with this many employers should run in worker processes.

    ``interactive`` builds (``mkdocs serve``) keep everything in-process: the dev server runs
    threads, and forking a threaded process is only safe when nothing else runs.
    """
    forced = os.environ.get(FORCE_ENV)
    if forced in ("0", "1"):
        return forced == "1" and "fork" in multiprocessing.get_all_start_methods()
    return (
        not interactive
        and employer_count >= PARALLEL_FROM
        and (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class FileJob:
    """One kind of site files, made and written into ``site_dir`` in a forked worker, or
    in-process when :meth:`finish` is called."""

    def __init__(self, make: Callable[[], SiteFiles], site_dir: Path, in_worker: bool) -> None:
        self._make = _MakeAndWrite(make, site_dir)
        self._files: list[str] | None = None
        self._process = None
        self._receiver = None
        if in_worker:
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(self._make, sender), daemon=True)
            self._process.start()
            sender.close()

    def finish(self) -> list[str]:
        """Paths written (below the site root); waits for the worker if there is one. A failure
        in the worker is raised here."""
        if self._files is not None:
            return self._files
        if self._process is None:
            self._files = self._make()
            return self._files
        try:
            status, payload = self._receiver.recv()
        except EOFError:
            status, payload = "error", "the worker process ended without a result"
        finally:
            self.close()
        if status != "ok":
            raise RuntimeError(f"making site files in a worker process failed:\n{payload}")
        self._files = payload
        return payload

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.join(timeout=0.1)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None


class _MakeAndWrite:
    def __init__(self, make: Callable[[], SiteFiles], site_dir: Path) -> None:
        self.make, self.site_dir = make, site_dir

    def __call__(self) -> list[str]:
        files = self.make()
        write_site_files(files, self.site_dir)
        return sorted(files)


def _run(make: Callable[[], list[str]], sender) -> None:
    try:
        files = make()
    except BaseException:  # report anything, the parent decides
        sender.send(("error", traceback.format_exc()))
    else:
        sender.send(("ok", files))
    finally:
        sender.close()


def write_site_files(files: SiteFiles, site_dir: Path) -> list[Path]:
    written = []
    for path in sorted(files):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = files[path]
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append(target)
    return written


class SiteFileJobs:
    """The file jobs of one build: started by each output kind, collected once at the end.

    Worker processes are used when :func:`workers_allowed` says so for the build's directory.
    """

    def __init__(self, site_dir: Path, employer_count: int, interactive: bool = False) -> None:
        self.site_dir = site_dir
        self.in_worker = workers_allowed(employer_count, interactive)
        self._jobs: dict[str, FileJob] = {}

    def start(self, name: str, make: Callable[[], SiteFiles]) -> None:
        self._jobs[name] = FileJob(make, self.site_dir, self.in_worker)

    def finish_all(self) -> dict[str, list[str]]:
        """Paths written by each job; a job's failure is raised after the others are stopped."""
        try:
            return {name: job.finish() for name, job in self._jobs.items()}
        finally:
            self.close_all()

    def close_all(self) -> None:
        for job in self._jobs.values():
            job.close()
        self._jobs.clear()
