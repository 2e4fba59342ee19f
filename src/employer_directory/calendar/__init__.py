"""Program calendars: recurrence rules, holidays and closures, occurrences, month views, ICS.

Public API (used by pages, open-data exports and print sheets)::

    directory.calendar                 # ProgramCalendar, computed once per Directory
    directory.calendar.of(slug)        # tuple[Occurrence, ...] of one program
    directory.calendar.all             # every occurrence, sorted by start
    directory.calendar.upcoming(today, limit)
    directory.occurrences(program)     # same as calendar.of(program.slug)
"""

from .occurrences import CANCELLED, CLOSED, ENDED, FULL, OPEN, STATUSES, TAKES_PLACE, WALK_IN, Month, Occurrence, ProgramCalendar, build_calendar

__all__ = ["CANCELLED", "CLOSED", "ENDED", "FULL", "OPEN", "STATUSES", "TAKES_PLACE", "WALK_IN", "Month", "Occurrence", "ProgramCalendar", "build_calendar"]
