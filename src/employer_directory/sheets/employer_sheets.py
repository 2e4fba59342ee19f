"""The three sheets of seed 004 for one employer, and what each of them shows.

① 事業所紹介シート (introduction): who the employer is, what they do, where, how to get there and
which steps of the ladder they offer.
② 相談者向けプログラム情報シート (seeker): for the job seeker, in plain words and large type: what
you will do, when, where, what to bring, whom to ask.
③ 支援員向けプログラム情報シート (staff): for support staff: each task with minutes, setting, load,
the traits it lets you check, cautions, the capacity of each offer, ★ for a qualification.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..calendar.occurrences import Occurrence
from ..directory import Directory
from ..models.employer import Employer
from ..site_address import SiteAddress
from ..vocabulary import Term


@dataclass(frozen=True)
class SheetKind:
    id: str
    """The sheet's address in its employer's sheet file (``employers/<slug>/sheets.html#<id>``)
    and the packet's ``s=`` value."""
    number: str
    title: str
    template: str


SHEET_KINDS: tuple[SheetKind, ...] = (
    SheetKind("introduction", "①", "事業所紹介シート", "sheets/introduction.html"),
    SheetKind("seeker", "②", "相談者向けプログラム情報シート", "sheets/seeker.html"),
    SheetKind("staff", "③", "支援員向けプログラム情報シート", "sheets/staff.html"),
)


@dataclass
class EmployerSheets:
    """Everything the three sheets of one employer show; shared by the three templates."""

    employer: Employer
    category: Term
    accommodations: list[Term]
    organization: str
    contact_phone: str
    site_url: str
    today: dt.date
    upcoming: list[Occurrence] = field(default_factory=list)
    """The next (at most three) meetings of programs held with this employer."""

    @property
    def slug(self) -> str:
        return self.employer.slug or ""

    @property
    def live_url(self) -> str:
        """Absolute address of the employer's page (what the QR code opens)."""
        return SiteAddress(self.site_url).employer(self.slug)

    def has_qualification_tasks(self) -> bool:
        return any(task.qualification for task in self.employer.tasks)

    def total_capacity_note(self) -> str:
        """Capacity in a phrase, for the staff sheet's header."""
        return "、".join(f"{offer.type} {offer.capacity_label}" for offer in self.employer.offers_in_ladder_order())


def employer_sheets(directory: Directory, employer: Employer, site_url: str) -> EmployerSheets:
    # The next meetings of this employer's programs (tours, fairs …) from the program calendar;
    # cancelled ones are left out: a printed sheet must not send anyone to a meeting that is off.
    upcoming = [o for o in directory.calendar.upcoming_for_employer(employer.slug or "", limit=None) if not o.is_cancelled]
    return EmployerSheets(
        employer=employer,
        category=directory.category_of(employer),
        accommodations=directory.accommodation_terms_of(employer),
        organization=directory.settings.organization,
        contact_phone=directory.settings.contact_phone,
        site_url=site_url,
        today=directory.today,
        upcoming=upcoming[:3],
    )
