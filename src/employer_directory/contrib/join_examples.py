"""Which employer pages the join page shows as sample sheets.

The join page is for employers thinking of joining; the best samples show several steps of
the ladder and a task broken out with its traits, ideally one with a ★ (qualification) task
next to ones that need none. Picked from the data so the page never links to a file that a
site does not have.
"""

from __future__ import annotations

from typing import Iterable

from ..models.employer import Employer
from ..site_pages import PageView


def sheet_examples(employers: Iterable[Employer], count: int = 3) -> list[Employer]:
    """Up to ``count`` employers, at most one per category, richest first."""

    def richness(employer: Employer) -> tuple[int, int, int, str]:
        starred = any(task.qualification for task in employer.tasks)
        return (-len(employer.offers), -int(starred), -len(employer.tasks), employer.reading)

    chosen: list[Employer] = []
    categories: set[str] = set()
    for employer in sorted(employers, key=richness):
        if employer.category in categories:
            continue
        chosen.append(employer)
        categories.add(employer.category)
        if len(chosen) == count:
            break
    return chosen


JOIN_PAGE = "join.md"
CONTACT_ANCHOR = "contact"
CONTACT_HEADING = "問い合わせ"
"""The contact section that join.html adds after the page's own text (content/join.md links to it)."""


def join_page_view(employers: Iterable[Employer]) -> PageView:
    """The join page (content/join.md, its own text kept) with its sample sheets."""
    return PageView("join.html", "", {"sheet_examples": sheet_examples(employers), "contact_anchor": CONTACT_ANCHOR, "contact_heading": CONTACT_HEADING})
