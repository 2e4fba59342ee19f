"""Making a build's files that are not pages (ICS feeds, open data, search index, printable
sheets with their QR codes) beside the page rendering.

MkDocs renders pages on one core. These files depend only on the validated directory, so for
large directories they are made in forked worker processes, launched once every output kind
has registered its job and collected when the site is written; the main process joins in when
its pages are done (``SiteFileJobs``). Small directories (the sample has 25 employers) make
them in-process: a worker would cost more than it saves. Both paths run the same functions and
give the same bytes (tested).

A job's function returns ``{path below the site root: bytes}``; the files are written into the
site folder where they are made (in a worker, so that writing thousands of small files is off
the main process too). Register jobs only after MkDocs has cleaned the site folder
(``on_files`` or later). Nothing here knows MkDocs.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable

from .loading import PARALLEL_FROM

SiteFiles = dict[str, bytes]

WRITE_THREADS = 8
WRITE_THREADS_FROM = 64

FORCE_ENV = "DIRECTORY_BACKGROUND"
"""``1`` forces workers (tests of the worker path), ``0`` forbids them."""


class FileJobFailed(Exception):
    """A file job raised, in whichever process ran it: the job's name and the traceback."""

    def __init__(self, name: str, detail: str) -> None:
        self.name = name
        self.detail = detail
        lines = detail.strip().splitlines()
        super().__init__(lines[-1] if lines else name)


def available_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - macOS, Windows


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
        and available_cores() > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class WorkerJob:
    """One function's result, computed in a forked worker or, without one, when first asked for."""

    def __init__(self, make: Callable[[], Any], in_worker: bool) -> None:
        self._make = make
        self._done = False
        self._result: Any = None
        self._process = None
        self._receiver = None
        if in_worker:
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(make, sender), daemon=True)
            self._process.start()
            sender.close()

    def result(self) -> Any:
        """Waits for the worker if there is one; a failure in the worker is raised here."""
        if self._done:
            return self._result
        if self._process is None:
            self._result = self._make()
        else:
            try:
                status, payload = self._receiver.recv()
            except EOFError:
                status, payload = "error", "the worker process ended without a result"
            finally:
                self.close()
            if status == "failed":
                raise FileJobFailed(*payload)
            if status != "ok":
                raise RuntimeError(f"making site files in a worker process failed:\n{payload}")
            self._result = payload
        self._done = True
        return self._result

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


@dataclass(frozen=True)
class FileJob:
    name: str
    make: Callable[[], SiteFiles]
    cost: float
    """Relative CPU time per employer, to start the longest jobs first (measured with
    scripts/benchmark.py); only the order depends on it."""


class JobQueue:
    """Jobs taken one at a time, longest first, by every process that inherits the queue (fork):
    the workers, and the main process once its pages are done. A shared counter says which job
    is next, so each job runs exactly once, in whichever process is free first."""

    def __init__(self, jobs: list[FileJob]) -> None:
        self.jobs = sorted(jobs, key=lambda job: -job.cost)
        self._next = multiprocessing.get_context("fork").Value("i", 0)

    def claim(self) -> FileJob | None:
        with self._next.get_lock():
            index = self._next.value
            self._next.value += 1
        return self.jobs[index] if index < len(self.jobs) else None


def _claim_and_write(queue: JobQueue, site_dir: Path) -> dict[str, list[str]]:
    """Takes jobs from the queue until it is empty; the paths written, by job."""
    written = {}
    while (job := queue.claim()) is not None:
        written.update(_make_and_write([job], site_dir))
    return written


def _make_and_write(jobs: list[FileJob], site_dir: Path) -> dict[str, list[str]]:
    """Runs file jobs one after the other and writes their files: paths written, by job."""
    written = {}
    for job in jobs:
        try:
            files = job.make()
            write_site_files(files, site_dir)
        except Exception:
            raise FileJobFailed(job.name, traceback.format_exc()) from None
        written[job.name] = sorted(files)
    return written


def _run(make: Callable[[], Any], sender) -> None:
    try:
        files = make()
    except FileJobFailed as failure:
        sender.send(("failed", (failure.name, failure.detail)))
    except BaseException:  # report anything, the parent decides
        sender.send(("error", traceback.format_exc()))
    else:
        sender.send(("ok", files))
    finally:
        sender.close()


def write_site_files(files: SiteFiles, site_dir: Path) -> list[Path]:
    """Write the files below ``site_dir``. Creating folders and files is slow on some disks
    (about a millisecond each on the machines we measured) while the CPU waits, so many files
    are written by a few threads at once."""
    paths = sorted(files)
    targets = [site_dir / path for path in paths]

    def write(target: Path, path: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])

    if len(targets) < WRITE_THREADS_FROM:
        for target, path in zip(targets, paths):
            write(target, path)
    else:
        with ThreadPoolExecutor(WRITE_THREADS) as pool:
            list(pool.map(write, targets, paths))
    return targets


class SiteFileJobs:
    """The file jobs of one build: each output kind registers its own, and they run together.

    With workers (large directories), :meth:`launch` forks one worker process for each core but
    the one that renders the pages (at least one, at most one per job). They take the jobs from a
    shared queue, longest first, while MkDocs renders pages; when the pages are done, the main
    process takes what is left instead of waiting, so no core idles while there is work. Without workers, or for a job registered after the
    launch, jobs run in-process in :meth:`finish_all`.
    """

    def __init__(self, site_dir: Path, employer_count: int, interactive: bool = False) -> None:
        self.site_dir = site_dir
        self.in_worker = workers_allowed(employer_count, interactive)
        self.interactive = interactive
        self._waiting: list[FileJob] = []
        self._queue: JobQueue | None = None
        self._workers: list[WorkerJob] = []

    def start(self, name: str, make: Callable[[], SiteFiles], cost: float = 1.0) -> None:
        self._waiting.append(FileJob(name, make, cost))

    def launch(self) -> None:
        """Start the workers with every job registered so far (nothing happens without workers)."""
        if self.in_worker and self._queue is None and self._waiting:
            self._queue = JobQueue(self._waiting)
            self._waiting = []
            # The main process is busy rendering pages: one worker for each of the other cores.
            # A worker per core would make three processes share two cores, and the pages (the
            # longest path of the build) would wait their turn (measured: the build took 7 %
            # longer at 1,000 employers on two cores).
            count = min(max(1, available_cores() - 1), len(self._queue.jobs))
            # What exists now (the loaded directory, the plan, MkDocs' files and pages) lives
            # until the build ends: frozen, later garbage collections skip it, here and in the
            # workers, so a worker's collections neither scan it again nor write to (and so
            # copy) the memory it shares with this process (the gc.freeze documentation's advice
            # before a fork). Measured at 1,000 employers: the worker's collections took 0.07 s
            # instead of 0.11-0.13 s. Not while serving (workers forced there by DIRECTORY_BACKGROUND):
            # frozen objects are never collected, so every rebuild would keep the last one's
            # cycles for the life of the server.
            if not self.interactive:
                gc.freeze()
            run = partial(_claim_and_write, self._queue, self.site_dir)
            self._workers = [WorkerJob(run, in_worker=True) for _ in range(count)]

    def finish_all(self) -> dict[str, list[str]]:
        """Paths written by each job. A job's failure is raised as :class:`FileJobFailed` (from
        the main process or a worker alike) after the workers are stopped."""
        try:
            written = _claim_and_write(self._queue, self.site_dir) if self._queue is not None else {}
            for worker in self._workers:
                try:
                    written.update(worker.result())
                except RuntimeError as error:  # the worker itself broke (killed, out of memory …)
                    raise FileJobFailed("ページ以外のファイル", str(error)) from None
            written.update(_make_and_write(self._waiting, self.site_dir))
            return written
        finally:
            self.close_all()

    def close_all(self) -> None:
        for worker in self._workers:
            worker.close()
        self._workers = []
        self._queue = None
        self._waiting = []
