"""Occurrences: every dated meeting of every program, with its status, computed once per build.

A program's dates come in three forms that may be combined: ``dates`` (single dates at the
program's time), ``sessions`` (each with its own date, time and title) and ``recurrence`` (a rule
such as 毎月第2・第4水曜 between two dates, whose occurrences on public holidays and local
closures are skipped). ``extra_dates`` add meetings to a rule, ``cancelled`` marks meetings as
中止 (they stay listed, with the reason), ``full`` marks them 満員; past ones become 終了, and
once the program's application ``deadline`` has passed the meetings still to come say 受付終了
(当日参加可 when the program takes people on the day: ``walk_in``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional, Union

from ..models.values import TOKYO, TimeRange
from .closures import ClosedDays
from .rules import parse_rule

if TYPE_CHECKING:  # pragma: no cover
    from ..models.program import Place, Program, Recurrence

OPEN = "募集中"
FULL = "満員"
CANCELLED = "中止"
ENDED = "終了"
CLOSED = "受付終了"
"""The program's application deadline is past; the meeting still takes place for those who applied
in time. (Not 申込締切: next to the meeting's date that reads as "apply by this date".)"""
WALK_IN = "当日参加可"
"""The deadline is past, but the program takes people on the day without applying (``walk_in``)."""
STATUSES = (OPEN, FULL, CLOSED, WALK_IN, CANCELLED, ENDED)
TAKES_PLACE = (OPEN, FULL, CLOSED, WALK_IN)
"""Statuses of a meeting that is still to come and will be held."""


@dataclass(frozen=True)
class PlannedDate:
    """One meeting as the file describes it, before statuses are applied."""

    date: dt.date
    time: Optional[TimeRange]
    title: Optional[str]
    origin: str
    """Where it came from, as a dotted field path (``dates.0``, ``sessions.3``, ``recurrence``;
    ``recurrence.1`` for the second period of a rule written as a list of periods)."""
    place: Optional["Place"] = field(default=None, compare=False)
    """Where it meets: its own (a session's or extra date's ``place``), else the rule period's,
    else the program's (set by plan_program)."""

    @property
    def from_rule(self) -> bool:
        """A meeting of the recurrence rule (of any of its periods), not a date written out."""
        return self.origin == "recurrence" or self.origin.startswith("recurrence.")

    @property
    def date_path(self) -> str:
        """The dotted path of the field that holds its date (``dates.0``, ``sessions.3.date``;
        ``recurrence.rule`` or ``recurrence.1.rule`` for a meeting of the rule), where messages
        about the date point."""
        if self.from_rule:
            return f"{self.origin}.rule"
        return self.origin if self.origin.startswith("dates.") else f"{self.origin}.date"


@dataclass(frozen=True)
class SkippedDate:
    date: dt.date
    reason: str


@dataclass(frozen=True)
class Plan:
    dates: tuple[PlannedDate, ...]
    skipped: tuple[SkippedDate, ...]


def plan_program(program: "Program", closed: ClosedDays | None = None) -> Plan:
    """All meetings of one program in date order, and the rule's dates that were skipped."""
    from ..models.program import recurrence_periods  # the model imports the calendar

    closed = closed or ClosedDays()
    planned: list[PlannedDate] = []
    skipped: list[SkippedDate] = []
    for index, day in enumerate(program.dates):
        planned.append(PlannedDate(day, program.time, None, f"dates.{index}", program.place))
    for index, session in enumerate(program.sessions):
        planned.append(PlannedDate(session.date, session.time or program.time, session.title, f"sessions.{index}", program.session_place(session)))
    periods = recurrence_periods(program.recurrence)
    for path, rule in periods:  # each period's titles go to its own meetings
        if rule.start > rule.until:
            continue
        spec = parse_rule(rule.rule)
        titles = list(rule.titles)
        for day in spec.dates(rule.start, rule.until):
            reason = closed.reason(day, rule.skip_holidays)
            if reason:
                skipped.append(SkippedDate(day, reason))
                continue
            title = titles.pop(0) if titles else None
            planned.append(PlannedDate(day, program.period_time(rule), title, path, program.period_place(rule)))
    for index, session in enumerate(program.extra_dates):
        rule = program.rule_in_effect(session.date)  # the time and place of the rhythm around it
        planned.append(PlannedDate(session.date, session.time or (program.period_time(rule) if rule else program.time), session.title, f"extra_dates.{index}", program.extra_date_place(session)))
    planned.sort(key=lambda p: (p.date, p.time.start.minutes if p.time else -1))
    return Plan(tuple(planned), tuple(skipped))


@dataclass(frozen=True)
class Occurrence:
    """One meeting of one program, ready for pages, feeds, exports and print sheets.

    ``start``/``end`` are aware datetimes in Asia/Tokyo, or plain dates (``end == start``) for a
    meeting without a time (all day). ``key`` is stable across builds (the program's first URL name,
    ``Program.first_slug``, plus the date and, for a day's second and later meetings, their place
    in the day: ``occurrence_key``; a rename or a new time keeps it) and is what the ICS UID is
    made from.
    """

    program_slug: str
    start: Union[dt.datetime, dt.date]
    end: Union[dt.datetime, dt.date]
    title: Optional[str]
    status: str
    cancel_reason: Optional[str] = None
    key: str = ""
    program_title: str = field(default="", compare=False)
    number: int = field(default=0, compare=False)
    """1-based position among the program's occurrences (第n回)."""
    time: Optional[TimeRange] = field(default=None, compare=False)
    """The local time range ``start``/``end`` were made from; None for all-day meetings."""
    marked_full: bool = field(default=False, compare=False)
    """Staff marked the meeting 満員 (``full``), whatever its status on the build date: feeds and
    open data use this, so that they do not change when the meeting's day passes."""
    place: Optional["Place"] = field(default=None, compare=False)
    """Where this meeting is held: its own, else its rule period's, else the program's (always set by
    occurrences_of_plan; the default only keeps the field order)."""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def date(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def time_label(self) -> str:
        """``13:30〜15:00`` or an empty string for all-day meetings."""
        return str(self.time) if self.time else ""

    @property
    def sort_key(self) -> tuple:
        moment = self.start if isinstance(self.start, dt.datetime) else dt.datetime.combine(self.start, dt.time(), TOKYO)
        return (moment, self.program_title, self.program_slug)

    @property
    def is_cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def is_past(self) -> bool:
        return self.status == ENDED


def _moment(day: dt.date, hour: int, minute: int) -> dt.datetime:
    if hour == 24:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, minute), TOKYO)
    return dt.datetime.combine(day, dt.time(hour, minute), TOKYO)


def occurrence_key(first_slug: str, day: dt.date, nth: int = 1) -> str:
    """A meeting's stable key: the program's first URL name and the date (``group-20261223``),
    and for the second and later meetings of the same day their place in the day's order
    (``tour-20261216-2``: the afternoon of a day that also has a morning meeting).

    Not the time of day: when staff move the group from 10:00 to 13:30, the meeting is the same
    one, and a calendar that imported or subscribed to it must move it rather than add a second
    entry (the ICS UID is made from the key). The first meeting of a day has no suffix, so adding
    a second meeting that day later leaves the first one's key as it was. The suffix cannot meet
    another program's key: a date is always 8 digits, a suffix far fewer."""
    return f"{first_slug}-{day:%Y%m%d}" + (f"-{nth}" if nth > 1 else "")


def deadline_passed(program: "Program", today: dt.date) -> bool:
    """Whether the program's application deadline is before ``today``."""
    return program.deadline is not None and today > program.deadline


def program_occurrences(program: "Program", today: dt.date, closed: ClosedDays | None = None) -> tuple[Occurrence, ...]:
    return occurrences_of_plan(program, plan_program(program, closed), today)


def occurrences_of_plan(program: "Program", plan: Plan, today: dt.date) -> tuple[Occurrence, ...]:
    after_deadline = WALK_IN if program.walk_in else CLOSED
    closed_for_applications = deadline_passed(program, today)
    result = []
    of_the_day: dict[dt.date, int] = {}
    for number, planned in enumerate(plan.dates, start=1):
        if planned.time:
            start = _moment(planned.date, planned.time.start.hour, planned.time.start.minute)
            end = _moment(planned.date, planned.time.end.hour, planned.time.end.minute)
        else:
            start = end = planned.date
        nth = of_the_day[planned.date] = of_the_day.get(planned.date, 0) + 1
        key = occurrence_key(program.first_slug, planned.date, nth)
        # An entry with a date alone is every meeting of that day; with a time, the one meeting
        # of the day that starts then (the afternoon of a day with a morning and an afternoon).
        cancellation = program.cancellation(planned)
        marked_full = any(f.names(planned) for f in program.full)  # never also cancelled: validation refuses both
        if cancellation is not None:
            status, reason = CANCELLED, cancellation.reason
        elif planned.date < today:
            status, reason = ENDED, None
        elif marked_full:
            status, reason = FULL, None
        elif closed_for_applications:
            status, reason = after_deadline, None
        else:
            status, reason = OPEN, None
        result.append(Occurrence(program.slug, start, end, planned.title, status, reason, key, program.title, number, planned.time, marked_full, planned.place))
    return tuple(result)


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def next(self) -> "Month":
        return Month(self.year + (self.month == 12), self.month % 12 + 1)

    def previous(self) -> "Month":
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @classmethod
    def of(cls, day: dt.date) -> "Month":
        return cls(day.year, day.month)


@dataclass(frozen=True)
class ScheduleRow:
    """One line of a program's schedule: a meeting, or a day its rule skips."""

    date: dt.date
    occurrence: Optional[Occurrence]
    skipped: Optional[SkippedDate]


@dataclass(frozen=True)
class ProgramOverview:
    """One line of the list of every program: what it is, how often it meets, and when next."""

    program: "Program"
    occurrences: tuple[Occurrence, ...]
    next: Optional[Occurrence]
    """The next meeting that takes place (not cancelled), or None when none is left."""
    today: dt.date

    @property
    def ended(self) -> bool:
        return self.next is None

    @property
    def meetings(self) -> int:
        """How many meetings the program has in all (cancelled ones included)."""
        return len(self.occurrences)

    @property
    def cancelled(self) -> int:
        return sum(1 for o in self.occurrences if o.is_cancelled)

    @property
    def first(self) -> Optional[dt.date]:
        """The first meeting, cancelled ones included (with ``last``, the span the program covers)."""
        return self.occurrences[0].date if self.occurrences else None

    @property
    def last(self) -> Optional[dt.date]:
        return self.occurrences[-1].date if self.occurrences else None

    @property
    def last_held(self) -> Optional[dt.date]:
        """The last meeting that was not cancelled (its last meeting, once it has ended)."""
        return next((o.date for o in reversed(self.occurrences) if not o.is_cancelled), None)

    @property
    def last_to_come(self) -> bool:
        """Its next meeting is the only one left to come (cancelled ones counted, as the program
        page lists them): a program's only meeting (日時), or a series' last one (最後の回)."""
        return self.next is not None and sum(1 for o in self.occurrences if o.date >= self.today) == 1

    @property
    def cancelled_ahead(self) -> bool:
        """Some coming meetings are cancelled (with ``ended``: all that were left)."""
        return any(o.is_cancelled and o.date >= self.today for o in self.occurrences)


class ProgramCalendar:
    """Every occurrence of every program, indexed the ways pages need them.

    Built once per build (``Directory.calendar``); pages only look things up here, so the
    cost of a page does not grow with the number of programs.
    """

    def __init__(self, programs: Iterable["Program"], today: dt.date, closed: ClosedDays):
        self.today = today
        self.closed = closed
        self.by_program: dict[str, tuple[Occurrence, ...]] = {}
        self.plans: dict[str, Plan] = {}
        """Each program's meetings as its file writes them, and the dates its rule skips."""
        self._programs = {}
        everything: list[Occurrence] = []
        for program in programs:
            plan = self.plans[program.slug] = plan_program(program, closed)
            found = occurrences_of_plan(program, plan, today)
            self.by_program[program.slug] = found
            self._programs[program.slug] = program
            everything.extend(found)
        everything.sort(key=lambda o: o.sort_key)
        self.several_places: frozenset[str] = frozenset(slug for slug, program in self._programs.items() if program.meets_at_several_places())
        """The programs whose meetings are not all at one place (``Program.meets_at_several_places``),
        worked out once: meeting lists ask for every meeting they show whether to name its venue."""
        self.all: tuple[Occurrence, ...] = tuple(everything)
        self._dates = [o.date for o in self.all]
        self.by_month: dict[Month, list[Occurrence]] = {}
        for occurrence in self.all:
            self.by_month.setdefault(Month.of(occurrence.date), []).append(occurrence)
        self.by_employer: dict[str, list[Occurrence]] = {}
        for occurrence in self.all:
            for slug in self._programs[occurrence.program_slug].employers:
                self.by_employer.setdefault(slug, []).append(occurrence)

    def schedule_of(self, program_slug: str) -> tuple[list["ScheduleRow"], list["ScheduleRow"]]:
        """The program page's lists, (coming, past): its meetings with the days its rule skips in
        between (「お休み（秋分の日）」), so that a missing week is explained where it is missed."""
        rows = [ScheduleRow(o.date, o, None) for o in self.of(program_slug)]
        rows += [ScheduleRow(s.date, None, s) for s in self.plans[program_slug].skipped]
        rows.sort(key=lambda row: (row.date, row.skipped is None))
        coming: list[ScheduleRow] = []
        past: list[ScheduleRow] = []
        for row in rows:  # by date: a cancelled meeting whose day is past is past too
            (past if row.date < self.today else coming).append(row)
        return coming, past

    def program(self, slug: str) -> "Program":
        return self._programs[slug]

    def of(self, program_slug: str) -> tuple[Occurrence, ...]:
        return self.by_program.get(program_slug, ())

    def upcoming(self, today: dt.date | None = None, limit: int | None = 5, *, include_cancelled: bool = True) -> list[Occurrence]:
        """Occurrences from ``today`` on, soonest first."""
        today = today or self.today
        start = bisect.bisect_left(self._dates, today)
        result = []
        for occurrence in self.all[start:]:
            if occurrence.status == ENDED or (not include_cancelled and occurrence.is_cancelled):
                continue
            result.append(occurrence)
            if limit is not None and len(result) >= limit:
                break
        return result

    def next_of(self, program_slug: str, statuses: tuple[str, ...] = TAKES_PLACE) -> Occurrence | None:
        """The next meeting with one of ``statuses`` (by default: that takes place, not
        cancelled), or None."""
        return next((o for o in self.of(program_slug) if o.date >= self.today and o.status in statuses), None)

    def next_with_room_of(self, program_slug: str) -> Occurrence | None:
        """The next meeting one can still join (募集中, or 当日参加可), or None: when the next
        meeting is 満員, a seeker reading only 「次回 … 満員」 takes the whole program for full."""
        return self.next_of(program_slug, (OPEN, WALK_IN))

    def overview(self, ended_within_days: int = 365) -> list[ProgramOverview]:
        """Every program still meeting (soonest next meeting first), then those that ended in the
        last ``ended_within_days`` (most recent first). Older ones stay in the month archive: the
        list would otherwise grow every year, since ended programs are kept."""
        since = self.today - dt.timedelta(days=ended_within_days)
        lines = [ProgramOverview(program, self.by_program[slug], self.next_of(slug), self.today) for slug, program in self._programs.items()]
        coming = sorted((o for o in lines if not o.ended), key=lambda o: (o.next.sort_key, o.program.title))
        # by the last meeting planned, held or cancelled: a program whose meetings were all called
        # off ended then too
        ended = [o for o in lines if o.ended and (o.last or dt.date.min) >= since]
        ended.sort(key=lambda o: (o.last or dt.date.min, o.program.title), reverse=True)
        return coming + ended

    def deadline_passed(self, program_slug: str) -> bool:
        """Whether the program's application deadline is before the build date."""
        return deadline_passed(self._programs[program_slug], self.today)

    def upcoming_for_employer(self, employer_slug: str, limit: int | None = 5, *, include_cancelled: bool = True) -> list[Occurrence]:
        """The coming meetings of the programs held with the employer, soonest first. With a
        ``limit``, each program's next meeting is in before any program's second one: a weekly
        group linked to the employer must not push its one tour day or job fair off the employer
        page and sheet ② (a counsellor printing the sheet would not know of the tour). The places
        left are then filled by date; if there are more programs than places, those meeting
        soonest are in. A program's next meeting is the next one that takes place: a tour day
        called off (listed as 中止) must not hold the place of the tour day after it."""
        found = [o for o in self.by_employer.get(employer_slug, ()) if o.date >= self.today and (include_cancelled or not o.is_cancelled)]
        if limit is None:
            return found
        firsts: dict[str, Occurrence] = {}
        for occurrence in found:
            first = firsts.get(occurrence.program_slug)
            if first is None or (first.is_cancelled and not occurrence.is_cancelled):
                firsts[occurrence.program_slug] = occurrence
        chosen = sorted(firsts.values(), key=lambda o: o.sort_key)[:limit]
        taken = {id(o) for o in chosen}
        chosen += [o for o in found if id(o) not in taken][: limit - len(chosen)]
        return sorted(chosen, key=lambda o: o.sort_key)

    def months(self) -> list[Month]:
        """Every month from the first to the last with an occurrence (empty months included)."""
        if not self.all:
            return []
        month, last = Month.of(self.all[0].date), Month.of(self.all[-1].date)
        result = []
        while (month.year, month.month) <= (last.year, last.month):
            result.append(month)
            month = month.next()
        return result

    def in_month(self, month: Month) -> list[Occurrence]:
        return self.by_month.get(month, [])

    def rule_changes_in(self, month: Month) -> list["RuleChange"]:
        """Programs whose rhythm or place changes in ``month`` (a rule period with another rule,
        time or place starts in it): the month page names them, so that a group seen on
        Wednesday and then on Thursday reads as one group that moved, not as two, and a group
        that keeps its days but moves is not looked for at the old place."""
        found = []
        for slug, program in self._programs.items():
            changes = program.rhythm_changes() + program.place_changes()
            found += [self._rule_change(slug, period) for period in program.rule_periods if period in changes and Month.of(period.start) == month]
        return sorted(found, key=lambda change: (change.start, change.program_title))

    def change_after(self, slug: str, today: dt.date) -> Optional["RuleChange"]:
        """The program's next change of rhythm or place after ``today`` (``Program.rule_after``):
        the calendar index names it beside the rule in effect, as the month page does."""
        period = self._programs[slug].rule_after(today)
        return self._rule_change(slug, period) if period else None

    def _rule_change(self, slug: str, period: "Recurrence") -> "RuleChange":
        """What changes from ``period`` on: its rhythm, its place, or both."""
        program = self._programs[slug]
        place = program.period_place(period) if period in program.place_changes() else None
        return RuleChange(slug, program.title, period.start, period.rule, program.period_time(period), place, rhythm_changed=period in program.rhythm_changes())


@dataclass(frozen=True)
class RuleChange:
    """From ``start`` on, the program meets by another rule or at another place (its next rule
    period)."""

    program_slug: str
    program_title: str
    start: dt.date
    rule: str
    time: Optional[TimeRange]
    place: Optional["Place"] = None
    """The place it meets at from ``start``, when that changes."""
    rhythm_changed: bool = True
    """False when only the place changes (``rule`` and ``time`` are then the ones it keeps)."""


def build_calendar(programs: Iterable["Program"], today: dt.date, closures=None) -> ProgramCalendar:
    return ProgramCalendar(programs, today, ClosedDays(closures))
