"""The pamphlet of cooperating employers (協力事業所一覧, seed 000).

A cover, the number of employers per category (seed 000's table: 農業・栽培 10, 福祉・医療 4 …),
a contents list, then one numbered section per employer grouped by category in あいうえお order.
The contents list and the sections are made from the same ``PamphletGroup`` list, so they
cannot disagree. An entry whose 情報確認日 is older than ``stale_after_months`` carries the
site's warning (the rule of ``contrib.freshness``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..contrib.freshness import is_stale
from ..directory import Directory
from ..models.employer import Employer
from ..site_address import SiteAddress
from ..vocabulary import Term
from .qr import qr_svg


@dataclass(frozen=True)
class PamphletEntry:
    number: int
    """Running number across the whole pamphlet (No. 1 …), as in a printed list."""
    employer: Employer
    is_stale: bool = False
    """情報確認日 older than the settings' ``stale_after_months``: the entry warns."""

    @property
    def anchor(self) -> str:
        return f"e-{self.employer.slug}"


@dataclass(frozen=True)
class PamphletGroup:
    category: Term
    entries: list[PamphletEntry]

    @property
    def anchor(self) -> str:
        return f"category-{self.category.id}"


@dataclass(frozen=True)
class Pamphlet:
    title: str
    organization: str
    contact_phone: str
    today: dt.date
    groups: list[PamphletGroup]
    """Categories with at least one employer, in the order of mkdocs.yml."""
    counts: list[tuple[Term, int]]
    """Every category with its number of employers (zero included: the table shows the whole range)."""
    live_url: str
    """Absolute address of the directory's list of employers, where the printed list is kept up to date."""
    qr_code: str
    """An inline SVG QR code of ``live_url`` for the cover (one code: each employer's own is on its sheets)."""
    stale_after_months: int = 12

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def entries(self) -> list[PamphletEntry]:
        return [entry for group in self.groups for entry in group.entries]


def make_pamphlet(directory: Directory, site_url: str) -> Pamphlet:
    groups: list[PamphletGroup] = []
    counts: list[tuple[Term, int]] = []
    number = 0
    for listing in directory.category_listings():
        counts.append((listing.term, len(listing.employers)))
        entries = []
        for employer in listing.employers:
            number += 1
            stale = is_stale(employer.verified, directory.today, directory.settings.stale_after_months)
            entries.append(PamphletEntry(number, employer, stale))
        if entries:
            groups.append(PamphletGroup(listing.term, entries))
    return Pamphlet(
        title="協力事業所一覧",
        organization=directory.settings.organization,
        contact_phone=directory.settings.contact_phone,
        today=directory.today,
        groups=groups,
        counts=counts,
        live_url=(live_url := SiteAddress(site_url).page("employers/")),
        qr_code=qr_svg(live_url),
        stale_after_months=directory.settings.stale_after_months,
    )
