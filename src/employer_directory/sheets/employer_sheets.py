"""The three sheets of seed 004 for one employer, and what each of them shows.

① 事業所紹介シート (introduction): who the employer is, what they do, where, how to get there and
which steps of the ladder they offer.
② 相談者向けプログラム情報シート (seeker): for the job seeker, in plain words and large type: what
you will do, when, where (each program meeting at its own place), what to bring and wear, what the
employer makes easier (no interview, a supporter may come along …), whom to ask.
③ 支援員向けプログラム情報シート (staff): for support staff: each task with minutes, setting, load,
the traits it lets you check, cautions, the capacity of each offer, ★ for a qualification.

All three carry the site's warning when the employer's 情報確認日 is older than
``stale_after_months`` (the rule of ``contrib.freshness``, which the web page uses too), and, at
the top, the employer's pause (受け入れ休止) when it is in effect or announced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..calendar.closures import ClosedPeriod
from ..calendar.occurrences import Occurrence
from ..contrib.freshness import is_stale
from ..directory import Directory
from ..models.employer import Employer, Pause
from ..models.program import Place, same_address
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
    contact_in_foot: bool = True
    """Whether the foot says whom to ask (「問い合わせ: センター（電話 …）」). Sheet ② says it in its
    own 「聞きたいこと・申し込み」, where a job seeker looks for it, in large type: the number
    printed twice on one page made two numbers to choose from."""


SHEET_KINDS: tuple[SheetKind, ...] = (
    SheetKind("introduction", "①", "事業所紹介シート", "sheets/introduction.html"),
    SheetKind("seeker", "②", "相談者向けプログラム情報シート", "sheets/seeker.html", contact_in_foot=False),
    SheetKind("staff", "③", "支援員向けプログラム情報シート", "sheets/staff.html"),
)


def place_label(place: Place) -> str:
    """A program's place as printed: its name, and its address in brackets when it has one."""
    return f"{place.name}（{place.address}）" if place.address else place.name


@dataclass(frozen=True)
class SheetMeeting:
    """One upcoming meeting of a program held with the employer, with the place it meets at.

    A program may meet far from the employer (a joint job fair in a hall, an online seminar):
    a sheet that lists it must say where, or a job seeker goes to the employer's door instead.
    """

    occurrence: Occurrence
    place: str
    """``place_label`` of the program's place."""
    at_employer: bool
    """The program meets at the employer's own address."""
    deadline: dt.date | None = None
    """The program's application deadline, or None. The sheet says until when to apply while the
    meeting is 募集中, as the site's lists and the month printout do: a printed sheet stays on
    a table for days, and the seeker must not learn of the deadline only after it passed."""
    walk_in: bool = False
    """After the deadline one can still come on the day (``walk_in``)."""
    paused_with: tuple[Employer, ...] = ()
    """The program's other employers that take nobody on the meeting's day (Directory.paused_at):
    a joint tour lists the meeting on each employer's sheets, and a counsellor must not send
    someone to the one that pauses. The sheet's own employer is left out: its pause is at the
    sheet's top."""

    @property
    def status(self) -> str:
        """募集中, 満員, 受付終了 or 当日参加可 on the build day (cancelled meetings are not listed)."""
        return self.occurrence.status

    @property
    def program_slug(self) -> str:
        return self.occurrence.program_slug

    @property
    def title(self) -> str:
        return self.occurrence.program_title

    @property
    def date(self) -> dt.date:
        return self.occurrence.date

    @property
    def time_label(self) -> str:
        return self.occurrence.time_label


BRING = "bring"
"""Said under 「持ち物・服装」: what to wear, which papers to bring."""
APPLY = "apply"
"""Said under 「聞きたいこと・申し込み」: how applying goes, who may come along."""
ABOUT = "about"
"""Said at the top, under what the employer does: what the work allows."""


@dataclass(frozen=True)
class SeekerNote:
    """One accommodation as sheet ② says it to the job seeker, and where on the sheet."""

    term: Term
    text: str
    where: str
    """``BRING``, ``APPLY`` or ``ABOUT``."""


SEEKER_WORDING: dict[str, tuple[str, str]] = {
    "casual-dress": ("服装は自由です。", BRING),
    "no-resume": ("履歴書はいりません。", BRING),
    "no-interview": ("面接はありません。", APPLY),
    "job-coach": ("支援員が付き添えます。", APPLY),
    "short-hours": ("1日数時間から働けます。", ABOUT),
    "one-day-a-week": ("週1日から相談できます。", ABOUT),
    "flexible-schedule": ("日にちは相談できます。", ABOUT),
    "no-experience": ("はじめての人も歓迎です。", ABOUT),
    "disability-support": ("障がいへの配慮があります。", ABOUT),
    "foreign-language": ("外国語でも相談できます。", ABOUT),
}
"""Accommodations (by the id of their term in the settings) in sheet ②'s plain words. A site's own
accommodation not listed here is printed by its label, at the top."""

SEEKER_SHOWN_UNDER_WHERE = frozenset({"pickup", "near-station"})
"""Accommodations sheet ② already tells under 「どこで」 (送り迎え, the nearest station)."""


def seeker_notes(accommodations: list[Term]) -> list[SeekerNote]:
    """The employer's accommodations as sheet ② words them, in the order of the settings."""
    notes = []
    for term in accommodations:
        if term.id in SEEKER_SHOWN_UNDER_WHERE:
            continue
        text, where = SEEKER_WORDING.get(term.id, (term.label, ABOUT))
        notes.append(SeekerNote(term, text, where))
    return notes


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
    stale_after_months: int = 12
    upcoming: list[SheetMeeting] = field(default_factory=list)
    """The next meetings of programs held with this employer, each with its place: each program's
    next one (at most three programs), or a program's next three when it is the only one."""
    closures: tuple[ClosedPeriod, ...] = ()
    """The centre's closure going on and those starting within two weeks (``Directory.coming_closures``):
    the sheets say to call the centre, and lie on a table for days, as the web pages' notice says."""

    @property
    def slug(self) -> str:
        return self.employer.slug or ""

    @property
    def pause(self) -> Pause | None:
        """The employer's pause in effect or announced on the build day: the sheets say so at the
        top, so that nobody hands one over to a job seeker without knowing."""
        return self.employer.pause_on(self.today)

    @property
    def pause_in_effect(self) -> bool:
        return self.employer.is_paused_on(self.today)

    @property
    def live_url(self) -> str:
        """Absolute address of the employer's page (what the QR code opens)."""
        return SiteAddress(self.site_url).employer(self.slug)

    @property
    def is_stale(self) -> bool:
        """情報確認日 older than ``stale_after_months``: the sheets warn, as the web page does."""
        return is_stale(self.employer.verified, self.today, self.stale_after_months)

    @property
    def meetings_elsewhere(self) -> list[SheetMeeting]:
        """Per program that does not meet at the employer's address, its last listed meeting (the
        note about its place is left off the paper with it, once that day has passed)."""
        found: dict[str, SheetMeeting] = {}
        for meeting in self.upcoming:
            if not meeting.at_employer:
                found[meeting.program_slug] = meeting  # the first key keeps its place
        return list(found.values())

    def seeker_notes(self, where: str) -> list[SeekerNote]:
        """The accommodations sheet ② tells at ``where`` (``BRING``, ``APPLY`` or ``ABOUT``)."""
        return [note for note in seeker_notes(self.accommodations) if note.where == where]

    def has_qualification_tasks(self) -> bool:
        return any(task.qualification for task in self.employer.tasks)

    def total_capacity_note(self) -> str:
        """Capacity in a phrase, for the staff sheet's header."""
        return "、".join(f"{offer.type} {offer.capacity_label}" for offer in self.employer.offers_in_ladder_order())


def employer_sheets(directory: Directory, employer: Employer, site_url: str) -> EmployerSheets:
    # The next meetings of this employer's programs (tours, fairs …) from the program calendar;
    # cancelled ones are left out: a printed sheet must not send anyone to a meeting that is off.
    upcoming = directory.calendar.upcoming_for_employer(employer.slug or "", limit=3, include_cancelled=False)
    firsts = {o.program_slug: o for o in reversed(upcoming)}
    if len(firsts) > 1:
        # With several programs, each program's next meeting only, as the calendar index's 次回:
        # sheet ② in large type has no room for a weekly group's next meetings beside a tour and
        # its deadline (a program alone keeps its next three).
        upcoming = [o for o in upcoming if firsts[o.program_slug] is o]
    meetings = []
    for occurrence in upcoming:
        program = directory.calendar.program(occurrence.program_slug)
        place = occurrence.place  # a rule period may meet elsewhere
        at_employer = not place.online and bool(place.address) and same_address(place.address, employer.address)
        paused_with = tuple(other for other in directory.paused_at(occurrence) if other.slug != employer.slug)
        meetings.append(SheetMeeting(occurrence, place_label(place), at_employer, program.deadline, program.walk_in, paused_with))
    return EmployerSheets(
        employer=employer,
        category=directory.category_of(employer),
        accommodations=directory.accommodation_terms_of(employer),
        organization=directory.settings.organization,
        contact_phone=directory.settings.contact_phone,
        site_url=site_url,
        today=directory.today,
        stale_after_months=directory.settings.stale_after_months,
        upcoming=meetings,
        closures=directory.coming_closures,
    )
