"""MkDocs adapter for the program calendar (month pages, upcoming lists, ICS feeds).

Runs after ``directory_hooks.py`` (see the order under ``hooks:`` in mkdocs.yml), which has
already validated the content and put the per-build plan in ``config.extra["directory_site"]``.

1. ``on_startup``: remember whether this is ``mkdocs serve`` (no worker processes there).
2. ``on_config``: reset per-build state; a worker left from a failed build is stopped.
3. ``on_pre_build``: add the calendar's pages and views to the plan (the directory hooks then
   create the files and hand the templates their context).
4. ``on_files``: the site folder is clean now; start making and writing the ICS files, in a
   worker process for large directories, while MkDocs renders the pages.
5. ``on_post_build``: wait for them (or make them now, for small directories).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from employer_directory.background import FileJob, workers_allowed
from employer_directory.calendar.occurrences import CANCELLED, ENDED, FULL, OPEN
from employer_directory.calendar.site_plan import plan_calendar_pages


class _Build:
    """State of one build; replaced in on_config."""

    def __init__(self) -> None:
        self.feeds: FileJob | None = None


_build = _Build()
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if _build.feeds is not None:
        _build.feeds.close()
    _build = _Build()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    pages = config.extra["directory_site"]
    plan = plan_calendar_pages(pages, config.site_url or "", config.site_name)
    config.extra["calendar_plan"] = plan


def on_files(files, config: MkDocsConfig):
    pages, plan = config.extra["directory_site"], config.extra["calendar_plan"]
    in_worker = workers_allowed(len(pages.directory.employers), interactive=_serving)
    _build.feeds = FileJob(plan.make_feeds, Path(config.site_dir), in_worker)
    return files


def on_env(env, config: MkDocsConfig, files):
    env.globals["occurrence_statuses"] = {"open": OPEN, "full": FULL, "cancelled": CANCELLED, "ended": ENDED}
    return env


def on_post_build(config: MkDocsConfig) -> None:
    assert _build.feeds is not None
    _build.feeds.finish()
    _build.feeds = None


def on_build_error(error: Exception) -> None:
    if _build.feeds is not None:
        _build.feeds.close()
        _build.feeds = None
