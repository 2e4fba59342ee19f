"""MkDocs adapter for the program calendar (month pages, upcoming lists, ICS feeds).

Runs after ``directory_hooks.py`` (see the order under ``hooks:`` in mkdocs.yml), which has
already validated the content and put the per-build plan in ``config.extra["directory_site"]``.
Here the calendar adds its pages and views to that plan (the directory hooks then create the
files and hand the templates their context) and writes the ICS files once per build.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from employer_directory.calendar.site_plan import plan_calendar_pages
from employer_directory.calendar.occurrences import CANCELLED, ENDED, FULL, OPEN


def on_pre_build(config: MkDocsConfig) -> None:
    pages = config.extra["directory_site"]
    config.extra["calendar_plan"] = plan_calendar_pages(pages, config.site_url or "", config.site_name)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for feed in config.extra["calendar_plan"].feeds:
        files.append(File.generated(config, feed.path, content=feed.content))
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["occurrence_statuses"] = {"open": OPEN, "full": FULL, "cancelled": CANCELLED, "ended": ENDED}
    return env
