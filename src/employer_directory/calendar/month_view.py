"""Month pages of the program calendar: a week grid (wide screens) and a day list (phones).

Pure data for the ``calendar_month.html`` template. Weeks start on Sunday, as Japanese wall
calendars do.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass, replace

from .closures import holiday_name
from .occurrences import Month, Occurrence, ProgramCalendar, RuleChange

WEEKDAY_HEADERS = ("日", "月", "火", "水", "木", "金", "土")
_WEEKS = stdlib_calendar.Calendar(firstweekday=6)


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    in_month: bool
    is_today: bool
    holiday: str | None
    occurrences: tuple[Occurrence, ...]
    closure: str | None = None
    """The centre's closure (年末年始 …) the day falls in, from mkdocs.yml."""

    @property
    def weekday_index(self) -> int:
        """0 = Sunday … 6 = Saturday (column of the grid)."""
        return (self.date.weekday() + 1) % 7


@dataclass(frozen=True)
class MonthView:
    month: Month
    weeks: tuple[tuple[CalendarDay, ...], ...]
    previous: Month | None
    next: Month | None
    today: dt.date
    next_with_meetings: Month | None = None
    """The first later month that has meetings (not only cancelled ones): an empty month (the gap
    between two fiscal years) says where the calendar goes on, rather than leave the reader
    clicking 次の月 through it."""
    rule_changes: tuple[RuleChange, ...] = ()
    """Programs whose rhythm changes this month (a new rule period starts)."""

    @property
    def days_with_occurrences(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day.in_month and day.occurrences]

    @property
    def list_days(self) -> list[CalendarDay]:
        """The days of the phone list: those with meetings, the centre's closures and today (so
        that the list shows them too, as the grid does, even on a day without a meeting)."""
        return [day for week in self.weeks for day in week if day.in_month and (day.occurrences or day.closure or day.is_today)]

    @property
    def count(self) -> int:
        return sum(len(day.occurrences) for day in self.days_with_occurrences)

    @property
    def cancelled_count(self) -> int:
        """Meetings of the month that were called off (counted in ``count`` too: they are listed)."""
        return sum(1 for day in self.days_with_occurrences for o in day.occurrences if o.is_cancelled)

    @property
    def is_past(self) -> bool:
        return (self.month.year, self.month.month) < (self.today.year, self.today.month)


def month_view(calendar: ProgramCalendar, month: Month, previous: Month | None, following: Month | None) -> MonthView:
    by_day: dict[dt.date, list[Occurrence]] = {}
    for occurrence in calendar.in_month(month):
        by_day.setdefault(occurrence.date, []).append(occurrence)
    weeks = []
    for week in _WEEKS.monthdatescalendar(month.year, month.month):
        weeks.append(
            tuple(
                CalendarDay(
                    day,
                    day.month == month.month,
                    day == calendar.today,
                    holiday_name(day) if day.month == month.month else None,
                    tuple(by_day.get(day, ())) if day.month == month.month else (),
                    calendar.closed.closure(day) if day.month == month.month else None,
                )
                for day in week
            )
        )
    return MonthView(month, tuple(weeks), previous, following, calendar.today, rule_changes=tuple(calendar.rule_changes_in(month)))


def month_views(calendar: ProgramCalendar) -> list[MonthView]:
    """One view per month from the first to the last month with an occurrence."""
    months = calendar.months()
    views = [
        month_view(calendar, month, months[i - 1] if i else None, months[i + 1] if i + 1 < len(months) else None)
        for i, month in enumerate(months)
    ]
    following: Month | None = None
    for index in range(len(views) - 1, -1, -1):
        view = views[index]
        views[index] = replace(view, next_with_meetings=following)
        if view.count > view.cancelled_count:
            following = view.month  # a month of called-off meetings is not where "次の予定" is
    return views
