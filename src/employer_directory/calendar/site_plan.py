"""Which calendar pages and files the site gets, and what the existing pages show of the calendar.

Adds to the per-build :class:`~employer_directory.site_pages.SitePages` plan:

* ``calendar/index.md``: this month, coming meetings, every program, coming months, the archive
  of past months (the months with a meeting), feed links;
* ``calendar/YYYY-MM.md``: one page per month from the first to the last month with a meeting;
* the occurrences each program page, employer page and the home page show.

Every lookup goes through the one :class:`ProgramCalendar` of the build, so no page does work
that grows with the total number of programs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, Callable

from ..models.program import Place, Program
from ..site_address import SiteAddress
from ..site_pages import GeneratedPage, PageView, SitePages, docs_uri
from .google import google_calendar_url
from .ics import event_uid, feed_files, ics_path_for_program, taking_part, uid_domain
from .month_view import WEEKDAY_HEADERS, MonthView, month_views
from .occurrences import TAKES_PLACE, Month, Occurrence

if TYPE_CHECKING:  # pragma: no cover
    from ..models.employer import Contact
    from .ics import AccessOf

HOME_UPCOMING = 6
EMPLOYER_UPCOMING = 5


@dataclass
class CalendarPlan:
    months: list[MonthView]
    make_feeds: Callable[[], dict[str, bytes]] | None = None
    """Makes every ICS file ({path: bytes}); the hook runs it beside the page rendering."""
    all_feed: str = "calendar/all.ics"

    def month_uri(self, month: Month) -> str:
        return f"calendar/{month.slug}.md"

    def is_month_page(self, src_uri: str) -> bool:
        return src_uri in self._month_uris

    @cached_property
    def _month_uris(self) -> frozenset[str]:
        return frozenset(self.month_uri(view.month) for view in self.months)

    @property
    def current(self) -> MonthView | None:
        """The month holding today, else the nearest coming month. None once every month is past:
        the last month is then a record, not "this month's calendar" (the index says nothing is
        planned and points at the archive instead)."""
        return next((view for view in self.months if not view.is_past), None)


@dataclass(frozen=True)
class CalendarAdd:
    """A meeting's "カレンダーに追加" link. It points at the program's feed; ``assets/calendar-add.js``
    cuts the one event with ``uid`` out of it and saves it as ``filename``. Without JavaScript
    the link gives the whole feed. Beside it, 「Googleカレンダーに追加」 opens ``google`` (Google
    Calendar's event template address: Android's calendar does not open .ics files)."""

    feed: str
    uid: str
    filename: str
    google: str


def calendar_adds(program: Program, occurrences: tuple[Occurrence, ...], feed: str, domain: str, page_url: str, access_of: AccessOf | None = None, centre: Contact | None = None) -> dict[str, CalendarAdd]:
    """The add links of a program's meetings, by occurrence key: every coming meeting that is not
    cancelled (募集中, 満員, 受付終了 or 当日参加可; past ones drop out at the daily rebuild).
    ``page_url`` is the program page's full address; it ends the Google Calendar event's details,
    after the lines the feed's event gives for the meeting's place (``ics.taking_part``, made once
    per place: a program meets at one or a few). ``centre``: whom to call when the program names
    nobody, as in the feed."""
    details: dict[Place, list[str]] = {}
    adds = {}
    for o in occurrences:
        if o.status not in TAKES_PLACE:
            continue
        if o.place not in details:
            details[o.place] = taking_part(program, o.place, access_of, centre)
        adds[o.key] = CalendarAdd(feed, event_uid(o, domain), f"{o.key}.ics", google_calendar_url(o, page_url, details[o.place]))
    return adds


def webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[-1]


def plan_calendar_pages(pages: SitePages, site_url: str, site_name: str) -> CalendarPlan:
    directory = pages.directory
    calendar = directory.calendar
    site = SiteAddress(site_url)
    views = month_views(calendar)
    domain = uid_domain(site_url)
    plan = CalendarPlan(views, partial(feed_files, calendar, site_url, site_name, directory.access_at, directory.centre_contact))
    feed_links = {"ics_url": plan.all_feed, "webcal_url": webcal(site.page(plan.all_feed)), "feed_url": site.page(plan.all_feed)}

    # The index lists the months with a meeting (a called-off one counts: it is listed, struck
    # through). A month without any between two that have some still gets its page, reached by
    # its neighbours' 前の月／次の月 links, but is not listed: 「2027年4月（0件）」 among the
    # months only made a visitor open an empty page.
    listed = [v for v in views if v.count]
    index = GeneratedPage("calendar/index.md")
    pages.generated.append(index)
    pages.views[index.src_uri] = PageView(
        "calendar_index.html",
        "プログラムの予定",
        {
            "calendar_plan": plan,
            "current_month": plan.current,
            "coming_months": [v for v in listed if not v.is_past],
            "past_months": [v for v in listed if v.is_past][::-1],
            "upcoming_occurrences": calendar.upcoming(limit=10),
            "program_overview": calendar.overview(),
            **feed_links,
        },
    )
    for view in views:
        page = GeneratedPage(plan.month_uri(view.month))
        pages.generated.append(page)
        pages.views[page.src_uri] = PageView(
            "calendar_month.html",
            f"プログラムの予定 {view.month.label}",
            {"month_view": view, "weekday_headers": WEEKDAY_HEADERS, **feed_links},
        )

    for program in directory.programs:
        view = pages.views.get(docs_uri(program.source_path))
        if view is None:
            continue
        feed = ics_path_for_program(program.slug)
        occurrences = calendar.of(program.slug)
        coming_rows, past_rows = calendar.schedule_of(program.slug)
        view.context.update(
            {
                "coming_rows": coming_rows,
                "past_rows": past_rows,
                "next_occurrence": calendar.next_of(program.slug),
                "next_with_room": calendar.next_with_room_of(program.slug),
                "program_ics_url": feed,
                "program_webcal_url": webcal(site.page(feed)),
                "program_feed_url": site.page(feed),
                "calendar_adds": calendar_adds(program, occurrences, feed, domain, site.program(program.slug), directory.access_at, directory.centre_contact),
            }
        )

    for employer in directory.employers:
        view = pages.views.get(docs_uri(employer.source_path))
        if view is not None and view.context.get("related_programs"):
            view.context["employer_occurrences"] = calendar.upcoming_for_employer(employer.slug or "", EMPLOYER_UPCOMING)

    home = pages.views.get("index.md")
    if home is not None:
        home.context["upcoming_occurrences"] = calendar.upcoming(limit=HOME_UPCOMING)
        home.context.update(feed_links)
    return plan
