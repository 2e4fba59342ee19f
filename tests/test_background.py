"""Data files made beside the page rendering: worker processes and their failures."""

from __future__ import annotations

import os

import pytest

from employer_directory.background import WorkerJob, workers_allowed, write_site_files


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
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
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


def test_a_build_makes_every_kind_in_one_worker_and_a_failure_stops_the_build(tmp_path, monkeypatch):
    from employer_directory.background import SiteFileJobs

    monkeypatch.setenv("DIRECTORY_BACKGROUND", "1")
    jobs = SiteFileJobs(tmp_path, employer_count=25)
    assert jobs.in_worker
    jobs.start("pid", _pid_file)
    jobs.start("other", lambda: {"x/y.txt": b"y"})  # a closure: fork runs it without pickling
    jobs.launch()
    jobs.start("late", lambda: {"late.txt": str(os.getpid()).encode()})  # after the launch: in-process
    assert jobs.finish_all() == {"pid": ["pid.txt"], "other": ["x/y.txt"], "late": ["late.txt"]}
    assert (tmp_path / "pid.txt").read_bytes() != str(os.getpid()).encode()
    assert (tmp_path / "late.txt").read_bytes() == str(os.getpid()).encode()
    assert (tmp_path / "x/y.txt").read_bytes() == b"y"
    jobs.start("broken", _fails)
    jobs.launch()
    with pytest.raises(RuntimeError, match="broken exporter"):
        jobs.finish_all()


def test_without_workers_jobs_run_in_process_at_the_end(tmp_path, monkeypatch):
    from employer_directory.background import SiteFileJobs

    monkeypatch.setenv("DIRECTORY_BACKGROUND", "0")
    jobs = SiteFileJobs(tmp_path, employer_count=5000)
    jobs.start("pid", _pid_file)
    jobs.launch()
    assert not (tmp_path / "pid.txt").exists()
    assert jobs.finish_all() == {"pid": ["pid.txt"]}
    assert (tmp_path / "pid.txt").read_bytes() == str(os.getpid()).encode()
