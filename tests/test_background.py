"""Data files made beside the page rendering: worker processes and their failures."""

from __future__ import annotations

import gc
import os
import re
import time

import pytest
from conftest import copy_project, run_build

from employer_directory import background
from employer_directory.background import FileJobFailed, SiteFileJobs, WorkerJob, workers_allowed, write_site_files


def _pid_file() -> dict[str, bytes]:
    return {"pid.txt": str(os.getpid()).encode()}


def _fails() -> dict[str, bytes]:
    raise ValueError("broken exporter")


def test_a_worker_job_runs_in_another_process():
    assert WorkerJob(os.getpid, in_worker=True).result() != os.getpid()


def test_an_in_process_job_runs_here_when_asked():
    assert WorkerJob(os.getpid, in_worker=False).result() == os.getpid()


def test_a_failure_in_the_worker_is_raised_with_its_traceback():
    with pytest.raises(RuntimeError, match="broken exporter"):
        WorkerJob(_fails, in_worker=True).result()


def test_workers_only_for_large_directories_and_never_while_serving(monkeypatch):
    monkeypatch.delenv("DIRECTORY_BACKGROUND", raising=False)
    monkeypatch.setattr(background, "available_cores", lambda: 2)
    assert not workers_allowed(25)
    assert workers_allowed(1000)
    assert not workers_allowed(1000, interactive=True)
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "0")
    assert not workers_allowed(1000)
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "1")
    assert workers_allowed(25)


def test_files_are_written_below_the_site(tmp_path):
    written = write_site_files({"calendar/a.ics": b"x", "data/b.csv": b"y"}, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["calendar/a.ics", "data/b.csv"]
    assert (tmp_path / "data/b.csv").read_text() == "y"


def _slow_pid_file(name: str, seconds: float):
    def make() -> dict[str, bytes]:
        time.sleep(seconds)
        return {f"{name}.txt": str(os.getpid()).encode()}

    return make


def _pids(tmp_path, names) -> dict[str, int]:
    return {name: int((tmp_path / f"{name}.txt").read_text()) for name in names}


def test_workers_take_the_jobs_longest_first_and_a_failure_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "1")
    monkeypatch.setattr(background, "available_cores", lambda: 2)
    jobs = SiteFileJobs(tmp_path, employer_count=25)
    assert jobs.in_worker
    jobs.start("small", _slow_pid_file("small", 0), cost=0.5)
    jobs.start("large", _slow_pid_file("large", 0), cost=3)
    jobs.start("other", lambda: {"x/y.txt": b"y"})  # a closure: fork runs it without pickling
    jobs.launch()
    assert [job.name for job in jobs._queue.jobs] == ["large", "other", "small"]
    # The pages being rendered: meanwhile the workers take every job.
    deadline = time.monotonic() + 30
    while jobs._queue._next.value < len(jobs._queue.jobs) and time.monotonic() < deadline:
        time.sleep(0.01)
    jobs.start("late", _slow_pid_file("late", 0))  # after the launch: in-process
    assert jobs.finish_all() == {"large": ["large.txt"], "other": ["x/y.txt"], "small": ["small.txt"], "late": ["late.txt"]}
    pids = _pids(tmp_path, ["large", "small", "late"])
    assert pids["large"] != os.getpid() and pids["small"] != os.getpid() and pids["late"] == os.getpid()
    assert (tmp_path / "x/y.txt").read_bytes() == b"y"
    jobs.start("broken", _fails)
    jobs.launch()
    # The same error whichever process took the job: its name, and its traceback for the log.
    with pytest.raises(FileJobFailed, match="broken exporter") as failed:
        jobs.finish_all()
    assert failed.value.name == "broken" and "Traceback" in failed.value.detail and "_fails" in failed.value.detail


def test_the_main_process_takes_the_jobs_left_when_its_pages_are_done(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "1")
    monkeypatch.setattr(background, "available_cores", lambda: 2)
    jobs = SiteFileJobs(tmp_path, employer_count=25)
    names = [f"job{number}" for number in range(6)]
    for name in names:
        jobs.start(name, _slow_pid_file(name, 0.3))
    jobs.launch()
    assert len(jobs._workers) == 1, "one core renders the pages, the other runs a worker"
    assert sorted(jobs.finish_all()) == names  # at once: the worker is busy with the first
    pids = _pids(tmp_path, names)
    assert os.getpid() in pids.values(), "the main process made some of the files"
    assert len(set(pids.values())) == 2, "each job ran once, in one of two processes"
    monkeypatch.setattr(background, "available_cores", lambda: 4)
    jobs = SiteFileJobs(tmp_path, employer_count=25)
    for name in names:
        jobs.start(name, _slow_pid_file(name, 0.3))
    jobs.launch()
    assert len(jobs._workers) == 3
    assert sorted(jobs.finish_all()) == names
    assert len(set(_pids(tmp_path, names).values())) == 4


def test_launching_workers_freezes_what_exists_but_not_while_serving(tmp_path, monkeypatch):
    """gc.freeze before the fork (a build), never in ``mkdocs serve``, where frozen objects would
    outlive every rebuild, even with workers forced there."""
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "1")
    try:
        for interactive, frozen in ((True, False), (False, True)):
            gc.unfreeze()
            jobs = SiteFileJobs(tmp_path, employer_count=25, interactive=interactive)
            jobs.start("pid", _pid_file)
            jobs.launch()
            assert jobs.in_worker and (gc.get_freeze_count() > 0) == frozen, interactive
            jobs.finish_all()
    finally:
        gc.unfreeze()


def test_without_workers_jobs_run_in_process_at_the_end(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "0")
    jobs = SiteFileJobs(tmp_path, employer_count=5000)
    jobs.start("pid", _pid_file)
    jobs.launch()
    assert not (tmp_path / "pid.txt").exists()
    assert jobs.finish_all() == {"pid": ["pid.txt"]}
    assert (tmp_path / "pid.txt").read_bytes() == str(os.getpid()).encode()


def test_a_failing_job_in_the_main_process_is_reported_the_same_way(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_BACKGROUND", "0")
    jobs = SiteFileJobs(tmp_path, employer_count=25)
    jobs.start("broken", _fails)
    with pytest.raises(FileJobFailed, match="broken exporter") as failed:
        jobs.finish_all()
    assert failed.value.name == "broken"


@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_broken_sheet_template_stops_the_build_with_a_message_not_a_traceback(tmp_path, workers):
    project = copy_project(tmp_path)
    template = project / "overrides" / "sheets" / "seeker.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endfor %}", "{% endfo %}", 1), encoding="utf-8")
    result = run_build(project, tmp_path / "site", DIRECTORY_BACKGROUND=workers)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(r"印刷用シート（[1-4]/4）のファイルを作れませんでした", output) and "サイトは完成していません" in output
    assert "Traceback" not in output
