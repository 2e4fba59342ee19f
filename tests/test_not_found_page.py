"""The 404 page links absolutely below the site's path (MkDocs gives it base_url "/<path>/", with a
trailing slash); our templates must not turn that into "//": "/kyoryoku-jigyosho//data/" on a
project site, or "//data/" (another host) on a site at the root of its domain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT_PATH, ROOT, run_build

URL_ATTRIBUTES = re.compile(r'\b(?:href|src|action)="([^"]*)"')


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    """The site built for the root of a domain (no project path)."""
    site = tmp_path_factory.mktemp("root-site") / "site"
    result = run_build(ROOT, site, SITE_URL="https://shien.example.jp/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def own_links(page: Path) -> list[str]:
    return [url for url in URL_ATTRIBUTES.findall(page.read_text(encoding="utf-8")) if not re.match(r"https?://", url)]


def test_the_404_page_links_below_the_project_path_without_double_slashes(built_site):
    links = own_links(built_site / "404.html")
    assert links and not [url for url in links if "//" in url], links
    assert f"{PROJECT_PATH}data/" in links, "the footer's open data link"
    assert f'action="{PROJECT_PATH}search/"' in (built_site / "404.html").read_text(encoding="utf-8"), "the header's search box"


def test_the_404_page_of_a_site_at_the_domain_root_links_to_the_same_host(root_site):
    links = own_links(root_site / "404.html")
    assert links and not [url for url in links if url.startswith("//")], links
    assert "/data/" in links and 'action="/search/"' in (root_site / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page", "data", "search"),
    [("index.html", "./data/", "./search/"), ("calendar/2026-11/index.html", "../../data/", "../../search/"), ("about/index.html", "../data/", "../search/")],
)
def test_other_pages_keep_their_relative_links(built_site, root_site, page, data, search):
    for site in (built_site, root_site):
        text = (site / page).read_text(encoding="utf-8")
        assert f'<p class="dir-footer-links"><a href="{data}">' in text
        assert f'<form class="dir-header-search" action="{search}"' in text
