"""Shared fixtures: build the sample site once, serve it under a project path, drive Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Debian's Chromium, launched with the flags the PR check's preview uses too.
from employer_directory.contrib.page_preview import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parents[1]
BUILD_DATE = "2026-11-22"
"""Every build in the tests treats this day as today, so results do not depend on the clock."""
PROJECT_PATH = "/kyoryoku-jigyosho/"
"""The GitHub Pages project path from site_url; pages must work below it."""


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "DIRECTORY_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1", **extra}
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def run_build(project: Path, site_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` as staff would run it; output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(target: Path, with_content: bool = True) -> Path:
    """A throwaway copy of the project (config, hooks, templates, site pages, optionally content)."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    if with_content:
        shutil.copytree(ROOT / "content", target / "content")
    else:
        (target / "content" / "employers").mkdir(parents=True)
        (target / "content" / "programs").mkdir(parents=True)
        for name in ("index.md", "about.md", "join.md"):
            shutil.copy(ROOT / "content" / name, target / "content" / name)
        shutil.copytree(ROOT / "content" / "assets", target / "content" / "assets")
        shutil.copytree(ROOT / "content" / "schema", target / "content" / "schema")
        # The open data page is in the nav (issue 7).
        shutil.copy(ROOT / "content" / "data.md", target / "content" / "data.md")
    return target


def build_edited(root: Path, edits: dict[str, list[tuple[str, str]]], **env: str) -> Path:
    """The sample site built from a copy whose content files (paths relative to the project)
    have each ``(before, after)`` replaced; each ``before`` must be written there exactly once.
    ``env``: as for ``run_build`` (another DIRECTORY_BUILD_DATE)."""
    project = copy_project(root)
    for name, replacements in edits.items():
        path = project / name
        written = path.read_text(encoding="utf-8")
        for before, after in replacements:
            assert written.count(before) == 1, (name, before)
            written = written.replace(before, after)
        path.write_text(written, encoding="utf-8")
    result = run_build(project, root / "site", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once with the fixed build date."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """Base URL of the built site, served on 127.0.0.1 below the project path."""
    yield from serve_below_project_path(built_site, tmp_path_factory.mktemp("www"))


@pytest.fixture(scope="module")
def elsewhere_url(elsewhere_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site of test_calendar_site.elsewhere_site (a seminar session in a hall, a group's extra
    meeting at an employer), served like the sample; a module that uses it imports that fixture."""
    yield from serve_below_project_path(elsewhere_site, tmp_path_factory.mktemp("www-elsewhere"))


def serve_below_project_path(site: Path, root: Path):
    """Serves ``site`` on 127.0.0.1 below the project path (a folder of ``root``), as GitHub
    Pages does; yields the base URL, then stops the server."""
    (root / PROJECT_PATH.strip("/")).symlink_to(site, target_is_directory=True)
    with served(root) as base:
        yield base + PROJECT_PATH.lstrip("/")


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def require_chromium() -> None:
    """For a test that needs Chromium: it fails under CI when Chromium is missing, and skips elsewhere."""
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Missing Chromium fails under CI and skips elsewhere."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        _pin_clock_to_the_build_date(browser)
        yield browser
        browser.close()


BUILD_MOMENT = f"{BUILD_DATE}T10:00:00+09:00"
"""What the pages' own clock says in browser tests: the morning of the sample's build date, as on
the day the site was built (assets/build-age.js compares the two)."""


def _pin_clock_to_the_build_date(browser) -> None:
    """Every context and page the tests open sees BUILD_MOMENT as now (timers still run)."""
    new_context, new_page = browser.new_context, browser.new_page

    def pinned_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.clock.set_fixed_time(BUILD_MOMENT)
        return context

    def pinned_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        page.clock.set_fixed_time(BUILD_MOMENT)
        return page

    browser.new_context, browser.new_page = pinned_context, pinned_page
