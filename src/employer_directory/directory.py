"""The whole directory after validation: employers, programs and the views over them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .calendar.closures import ClosedPeriod
from .calendar.occurrences import TAKES_PLACE, Occurrence, ProgramCalendar, build_calendar
from .models.employer import Contact, Employer
from .models.program import Place, Program, VenueAccess, venue_access
from .models.values import names_town
from .settings import DirectorySettings
from .vocabulary import OFFER_TYPES, Term


@dataclass(frozen=True)
class Listing:
    """One static listing page: a category, an area or an offer type and its employers."""

    kind: str
    """``category``, ``area`` or ``offer``: also the URL folder (categories/, areas/, offers/)."""
    term: Term
    employers: list[Employer]

    @property
    def url_folder(self) -> str:
        return {"category": "categories", "area": "areas", "offer": "offers"}[self.kind]

    @property
    def src_uri(self) -> str:
        return f"{self.url_folder}/{self.term.id}.md"

    @property
    def title(self) -> str:
        prefix = {"category": "仕事の種類", "area": "地域", "offer": "受け入れ"}[self.kind]
        return f"{prefix}: {self.term.label}"


@dataclass
class Directory:
    settings: DirectorySettings
    today: dt.date
    employers: list[Employer] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Sorted by reading so that listings follow あいうえお order, as a pamphlet would.
        self.employers.sort(key=lambda employer: (employer.reading, employer.slug or ""))
        self._by_slug = {employer.slug: employer for employer in self.employers}

    def employer(self, slug: str) -> Employer | None:
        return self._by_slug.get(slug)

    def category_listings(self) -> list[Listing]:
        return [
            Listing("category", term, [e for e in self.employers if e.category == term.label])
            for term in self.settings.category_terms()
        ]

    def area_listings(self) -> list[Listing]:
        terms = self.settings.area_terms()
        return [Listing("area", term, [e for e in self.employers if e.area == term.label]) for term in terms]

    def offer_listings(self) -> list[Listing]:
        return [Listing("offer", term, [e for e in self.employers if term.id in e.offer_ids]) for term in OFFER_TYPES]

    def listings(self) -> list[Listing]:
        return self.category_listings() + self.area_listings() + self.offer_listings()

    def category_of(self, employer: Employer) -> Term:
        return next(term for term in self.settings.category_terms() if term.label == employer.category)

    def area_of(self, employer: Employer) -> Term | None:
        return next((term for term in self.settings.area_terms() if term.label == employer.area), None)

    def area_by_town(self, employer: Employer) -> tuple[Term, str] | None:
        """The area whose ``towns`` hold the town of ``employer``'s address, and that town (the
        longest name that fits: 南原町 before 南町), if any area lists it."""
        found = [(town, term) for term in self.settings.area_terms() for town in term.towns if names_town(employer.address, town)]
        if not found:
            return None
        town, term = max(found, key=lambda pair: len(pair[0]))
        return term, town

    def accommodation_terms_of(self, employer: Employer) -> list[Term]:
        wanted = set(employer.accommodations)
        return [term for term in self.settings.accommodation_terms() if term.label in wanted]

    def paused_among(self, employers: list[Employer]) -> list[Employer]:
        """Those of ``employers`` that take nobody on the build date (受け入れ休止中): the home
        page and the listings count them apart, so that a count does not promise places."""
        return [employer for employer in employers if employer.is_paused_on(self.today)]

    def paused_at(self, occurrence: Occurrence) -> list[Employer]:
        """The employers of the meeting's program that take nobody on its day (受け入れ休止), for
        a meeting still to be held: a tour day at a paused farm still reads 募集中, so the lists
        show the pause beside it. Whether it goes ahead is for staff to settle with the employer
        (``validate`` tells them: loading.paused_employer_meeting_notices); it gets no status of
        its own."""
        if occurrence.status not in TAKES_PLACE:
            return []
        program = self.calendar.program(occurrence.program_slug)
        employers = [self.employer(slug) for slug in program.employers]
        return [employer for employer in employers if employer is not None and employer.is_paused_on(occurrence.date)]

    def access_at(self, program: Program, place: Place) -> VenueAccess | None:
        """How to get to ``place``, one of ``program``'s venues: its own ``access:``, else that of
        a related employer at the same address (``models.program.venue_access``)."""
        return venue_access(program, place, self.employer)

    @cached_property
    def centre_contact(self) -> Contact:
        """The centre that runs the site (``organization``, ``contact_phone`` in mkdocs.yml), as a
        program's contact: whom to call about a program whose file names nobody."""
        return Contact(name=self.settings.organization, phone=self.settings.contact_phone or None)

    def contact_of(self, program: Program) -> Contact:
        """Whom to call about ``program``: its own ``contact:``, else the centre. A file made by
        new-program with the questions skipped has none, and its page said 募集中 and offered
        「カレンダーに追加」 with no number to call."""
        return program.contact or self.centre_contact

    def programs_for(self, employer: Employer) -> list[Program]:
        return [program for program in self.programs if employer.slug in program.employers]

    @cached_property
    def calendar(self) -> ProgramCalendar:
        """Every program's occurrences, computed once per build (see calendar/occurrences.py)."""
        return build_calendar(self.programs, self.today, self.settings.closures)

    @cached_property
    def coming_closures(self) -> tuple[ClosedPeriod, ...]:
        """The centre's closure going on at the build and those starting within two weeks (home
        and employer pages: closure_notice in partials/directory_macros.html; the head of the
        sheets)."""
        return self.calendar.closed.coming(self.today)

    def occurrences(self, program: Program) -> tuple[Occurrence, ...]:
        return self.calendar.of(program.slug)
