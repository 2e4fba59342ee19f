"""Which pages the directory adds to the site, which template renders each, and with what data.

This is the plan the MkDocs hooks carry out. Generated pages (listings) are virtual files
with an empty stub: their content comes entirely from their template, filled late with the
domain objects below. Employer and program pages are the staff's own Markdown files; their
body is rendered by MkDocs and the template adds the structured parts around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .directory import Directory, Listing


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Path as if the page were a file in the docs folder (``categories/agriculture.md``)."""
    stub: str = ""


@dataclass(frozen=True)
class PageView:
    template: str
    """Template in ``overrides/`` that renders the page."""
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    """Extra names handed to the template."""


@dataclass
class SitePages:
    directory: Directory
    generated: list[GeneratedPage] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)
    """Source page → destination file, for records whose ``slug`` differs from the file name."""
    views: dict[str, PageView] = field(default_factory=dict)

    bodies: dict[str, str] = field(default_factory=dict)
    """Markdown body (front-matter removed) of each employer and program page."""

    def view_for(self, src_uri: str) -> PageView | None:
        return self.views.get(src_uri)

    def body_for(self, src_uri: str) -> str | None:
        return self.bodies.get(src_uri)


def docs_uri(source_path: str) -> str:
    """``content/employers/x.md`` → ``employers/x.md`` (the path MkDocs knows the page by)."""
    parts = PurePosixPath(source_path).parts
    return "/".join(parts[-2:])


def plan_site_pages(directory: Directory) -> SitePages:
    pages = SitePages(directory)

    index = GeneratedPage("employers/index.md")
    pages.generated.append(index)
    pages.views[index.src_uri] = PageView(
        "employer_index.html",
        "事業所をさがす",
        {"category_listings": directory.category_listings(), "area_listings": directory.area_listings(), "offer_listings": directory.offer_listings()},
    )

    for listing in directory.listings():
        _add_listing(pages, listing)

    for employer in directory.employers:
        src_uri = docs_uri(employer.source_path)
        pages.bodies[src_uri] = employer.body
        if PurePosixPath(src_uri).stem != employer.slug:
            pages.moved[src_uri] = f"employers/{employer.slug}/index.html"
        pages.views[src_uri] = PageView(
            "employer.html",
            employer.name,
            {
                "employer": employer,
                "category": directory.category_of(employer),
                "area": directory.area_of(employer),
                "accommodation_terms": directory.accommodation_terms_of(employer),
                "related_programs": directory.programs_for(employer),
            },
        )

    for program in directory.programs:
        src_uri = docs_uri(program.source_path)
        pages.bodies[src_uri] = program.body
        if PurePosixPath(src_uri).stem != program.slug:
            pages.moved[src_uri] = f"programs/{program.slug}/index.html"
        pages.views[src_uri] = PageView(
            "program.html",
            program.title,
            {"program": program, "program_employers": [directory.employer(slug) for slug in program.employers]},
        )

    pages.views["index.md"] = PageView(
        "home.html",
        "",  # the home page keeps the title written in index.md
        {"category_listings": directory.category_listings()},
    )
    return pages


def _add_listing(pages: SitePages, listing: Listing) -> None:
    page = GeneratedPage(listing.src_uri)
    pages.generated.append(page)
    pages.views[page.src_uri] = PageView("listing.html", listing.title, {"listing": listing})
