"""Occurrences of programs over fixed build dates: rules, holidays, closures, statuses."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from employer_directory.calendar import CANCELLED, CLOSED, ENDED, FULL, OPEN, WALK_IN
from employer_directory.calendar.closures import Closure, ClosedDays
from employer_directory.calendar.occurrences import Month, build_calendar, plan_program, program_occurrences
from employer_directory.calendar.rules import parse_rule
from employer_directory.loading import load_directory
from employer_directory.models.program import Program
from employer_directory.settings import TOKYO, load_settings

D = dt.date
NEW_YEAR = [Closure(label="年末年始", start="12-29", until="01-03")]

# 毎月第2・第4水曜 from 2026-04-15 until 2027-03-31, checked by hand against a paper calendar.
# 2026-04-08 (the 2nd Wednesday) is before the start; 2026-09-23 (秋分の日) is a public holiday.
HAND_CHECKED_FY2026 = [
    D(2026, 4, 22),
    D(2026, 5, 13), D(2026, 5, 27),
    D(2026, 6, 10), D(2026, 6, 24),
    D(2026, 7, 8), D(2026, 7, 22),
    D(2026, 8, 12), D(2026, 8, 26),
    D(2026, 9, 9),  # 9/23 is 秋分の日: skipped
    D(2026, 10, 14), D(2026, 10, 28),
    D(2026, 11, 11), D(2026, 11, 25),
    D(2026, 12, 9), D(2026, 12, 23),
    D(2027, 1, 13), D(2027, 1, 27),
    D(2027, 2, 10), D(2027, 2, 24),
    D(2027, 3, 10), D(2027, 3, 24),
]


def program(**fields) -> Program:
    data = {
        "title": "テストの集い",
        "kind": "集団プログラム",
        "summary": "テストです。",
        "place": {"name": "研修室"},
        "verified": "2026-04-01",
        **fields,
    }
    if ("dates" in data or "sessions" in data) and "time" not in data:
        data["time"] = "10:00〜12:00"  # every meeting needs a time (test_staff_slips); sessions may have their own
    record = Program.model_validate(data, context={"settings": load_settings({"closures": [{"label": "年末年始", "from": "12-29", "until": "01-03"}]})})
    return record.model_copy(update={"slug": "test"})


def group(**rule) -> Program:
    return program(recurrence={"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2027-03-31", "time": "13:30〜15:00", **rule})


def test_twice_monthly_rule_for_a_year_matches_the_hand_checked_list():
    occurrences = program_occurrences(group(), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    assert [o.date for o in occurrences] == HAND_CHECKED_FY2026
    assert D(2026, 9, 23) not in [o.date for o in occurrences]
    first = occurrences[0]
    assert first.start == dt.datetime(2026, 4, 22, 13, 30, tzinfo=TOKYO)
    assert first.end == dt.datetime(2026, 4, 22, 15, 0, tzinfo=TOKYO)
    assert first.start.utcoffset() == dt.timedelta(hours=9)


def test_holiday_is_kept_when_the_program_does_not_skip_holidays():
    occurrences = program_occurrences(group(skip_holidays=False), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    dates = [o.date for o in occurrences]
    assert D(2026, 9, 23) in dates
    assert dates == sorted(HAND_CHECKED_FY2026 + [D(2026, 9, 23)])


def test_skipped_dates_say_why():
    plan = plan_program(group(), ClosedDays(NEW_YEAR))
    assert [(s.date, s.reason) for s in plan.skipped] == [(D(2026, 9, 23), "秋分の日")]


def test_local_closure_skips_a_rule_date():
    weekly = program(recurrence={"rule": "毎週火曜", "start": "2026-12-22", "until": "2027-01-12", "time": "10:00〜12:00"})
    dates = [o.date for o in program_occurrences(weekly, D(2026, 12, 1), ClosedDays(NEW_YEAR))]
    # 12/29 falls in 年末年始; 1/12 is not a holiday in 2027 (成人の日 is 1/11)
    assert dates == [D(2026, 12, 22), D(2027, 1, 5), D(2027, 1, 12)]
    assert [o.date for o in program_occurrences(weekly, D(2026, 12, 1), ClosedDays([]))] == [
        D(2026, 12, 22), D(2026, 12, 29), D(2027, 1, 5), D(2027, 1, 12)
    ]


def test_the_coming_closure_is_told_from_two_weeks_ahead_with_all_its_days():
    closed = ClosedDays(NEW_YEAR)
    assert closed.coming(D(2026, 12, 14)) == ()  # 15 days ahead: not yet
    (ahead,) = closed.coming(D(2026, 12, 15))
    assert (ahead.labels, ahead.first, ahead.last) == (("年末年始",), D(2026, 12, 29), D(2027, 1, 3))
    assert not ahead.started_by(D(2026, 12, 15))
    # on a closed day, also in the new year: the whole closure, from its first day
    for today in (D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 3)):
        (during,) = closed.coming(today)
        assert (during.first, during.last) == (D(2026, 12, 29), D(2027, 1, 3)) and during.started_by(today), today
    assert closed.coming(D(2027, 1, 4)) == ()
    assert ClosedDays([]).coming(D(2026, 12, 28)) == ()


def test_closures_that_touch_or_overlap_are_told_as_one_run_with_all_their_names():
    """The centre reopens on the first day no closure covers: a notice "until 01-03" would send
    people to a closed centre on a one-off closed 01-04."""
    right_after = ClosedDays(NEW_YEAR + [Closure(label="臨時休館", start=D(2027, 1, 4))])
    for today in (D(2026, 12, 20), D(2027, 1, 2), D(2027, 1, 4)):
        (run,) = right_after.coming(today)
        assert (run.labels, run.first, run.last) == (("年末年始", "臨時休館"), D(2026, 12, 29), D(2027, 1, 4)), today
    # A one-off closure overlapping the annual one, and one wholly inside it (listed after it,
    # so that closure() names only 年末年始 for its day): every name, in the order they begin.
    overlapping = ClosedDays(NEW_YEAR + [Closure(label="設備点検", start=D(2026, 12, 26), until=D(2026, 12, 30)), Closure(label="大掃除", start=D(2026, 12, 31))])
    (run,) = overlapping.coming(D(2026, 12, 20))
    assert (run.labels, run.first, run.last) == (("設備点検", "年末年始", "大掃除"), D(2026, 12, 26), D(2027, 1, 3))


def test_the_same_closure_name_with_a_day_open_between_is_two_runs():
    closed = ClosedDays([Closure(label="臨時休館", start=D(2027, 3, 15)), Closure(label="臨時休館", start=D(2027, 3, 17))])
    first, second = closed.coming(D(2027, 3, 10))
    assert (first.labels, first.first, first.last) == (("臨時休館",), D(2027, 3, 15), D(2027, 3, 15))
    assert (second.first, second.last) == (D(2027, 3, 17), D(2027, 3, 17))
    (second,) = closed.coming(D(2027, 3, 16))
    assert (second.first, second.last) == (D(2027, 3, 17), D(2027, 3, 17)) and not second.started_by(D(2027, 3, 16))


def test_a_closure_within_two_weeks_of_another_is_told_too():
    """A one-off closure a week before 年末年始 must not hide it: someone reading on 12-20 and
    planning to come on 12-29 is told of both; during the first, the second is told beside it."""
    closed = ClosedDays(NEW_YEAR + [Closure(label="設備点検", start=D(2026, 12, 22), until=D(2026, 12, 23))])
    check, new_year = closed.coming(D(2026, 12, 20))
    assert (check.labels, check.first, check.last) == (("設備点検",), D(2026, 12, 22), D(2026, 12, 23))
    assert (new_year.labels, new_year.first, new_year.last) == (("年末年始",), D(2026, 12, 29), D(2027, 1, 3))
    during, after = closed.coming(D(2026, 12, 23))
    assert during.started_by(D(2026, 12, 23)) and not after.started_by(D(2026, 12, 23)) and after.labels == ("年末年始",)
    # Only what starts within the two weeks: on 12-08, the check (14 days ahead) but not 年末年始.
    assert [p.labels for p in closed.coming(D(2026, 12, 8))] == [("設備点検",)]


def test_statuses_past_cancelled_full_open():
    record = program(
        recurrence={"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2027-03-31", "time": "13:30〜15:00"},
        cancelled=[{"date": "2027-01-27", "reason": "会場の設備点検のため"}],
        full=["2026-12-09"],
    )
    by_date = {o.date: o for o in program_occurrences(record, D(2026, 11, 22), ClosedDays(NEW_YEAR))}
    assert by_date[D(2026, 11, 11)].status == ENDED
    assert by_date[D(2026, 11, 25)].status == OPEN
    assert by_date[D(2026, 12, 9)].status == FULL
    assert by_date[D(2027, 1, 27)].status == CANCELLED
    assert by_date[D(2027, 1, 27)].cancel_reason == "会場の設備点検のため"
    # the same meeting is over once the build date passes it
    later = {o.date: o for o in program_occurrences(record, D(2026, 12, 10), ClosedDays(NEW_YEAR))}
    assert later[D(2026, 12, 9)].status == ENDED


def test_meetings_after_the_application_deadline_say_so():
    record = program(
        recurrence={"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2027-03-31", "time": "13:30〜15:00"},
        deadline="2026-12-01",
        cancelled=[{"date": "2027-01-27", "reason": "会場の設備点検のため"}],
        full=["2026-12-09"],
    )
    on_the_day = {o.date: o.status for o in program_occurrences(record, D(2026, 12, 1), ClosedDays(NEW_YEAR))}
    assert on_the_day[D(2026, 12, 23)] == OPEN  # the deadline day itself still takes applications
    after = {o.date: o.status for o in program_occurrences(record, D(2026, 12, 2), ClosedDays(NEW_YEAR))}
    assert after[D(2026, 12, 23)] == CLOSED and after[D(2027, 3, 24)] == CLOSED
    assert after[D(2026, 11, 25)] == ENDED  # past meetings stay 終了
    assert after[D(2026, 12, 9)] == FULL  # staff's 満員 is kept
    assert after[D(2027, 1, 27)] == CANCELLED
    walk_in = program(recurrence=record.recurrence.model_dump(), deadline="2026-12-01", walk_in=True)
    assert {o.status for o in program_occurrences(walk_in, D(2026, 12, 2), ClosedDays(NEW_YEAR)) if o.date > D(2026, 12, 2)} == {WALK_IN}
    calendar = build_calendar([record], D(2026, 12, 2), NEW_YEAR)
    assert calendar.next_of("test").date == D(2026, 12, 9)  # a closed or full meeting is still held
    assert calendar.deadline_passed("test")
    assert not build_calendar([record], D(2026, 12, 1), NEW_YEAR).deadline_passed("test")
    assert not build_calendar([group()], D(2026, 12, 2), NEW_YEAR).deadline_passed("test")


def test_overview_lists_every_program_coming_ones_by_next_meeting_then_ended_ones():
    weekly = program(recurrence={"rule": "毎週火曜", "start": "2026-11-01", "until": "2026-12-31", "time": "10:00〜11:00"}).model_copy(update={"slug": "weekly", "title": "毎週の集い"})
    tour = program(dates=["2026-12-16"], time="10:00〜11:30", cancelled=[]).model_copy(update={"slug": "tour", "title": "見学会"})
    old = program(dates=["2026-10-01", "2026-10-08"]).model_copy(update={"slug": "old", "title": "秋の講座"})
    older = program(dates=["2026-06-01"]).model_copy(update={"slug": "older", "title": "春の講座"})
    cancelled_next = program(dates=["2026-11-24", "2026-12-01"], cancelled=[{"date": "2026-11-24", "reason": "講師の都合"}]).model_copy(update={"slug": "moved", "title": "延期の講座"})
    calendar = build_calendar([older, tour, old, weekly, cancelled_next], D(2026, 11, 22), NEW_YEAR)
    lines = calendar.overview()
    assert [line.program.slug for line in lines] == ["weekly", "moved", "tour", "old", "older"]
    first = lines[0]
    # Tuesdays of Nov-Dec 2026 without 11/3 (文化の日) and 12/29 (年末年始)
    assert first.next.date == D(2026, 11, 24) and first.meetings == 7 and (first.first, first.last) == (D(2026, 11, 10), D(2026, 12, 22))
    assert lines[1].next.date == D(2026, 12, 1) and lines[1].cancelled == 1  # a cancelled meeting is not the next one
    assert lines[3].ended and lines[3].next is None and lines[3].last_held == D(2026, 10, 8)


def test_overview_of_programs_whose_coming_meetings_are_all_cancelled_or_that_ended_long_ago():
    called_off = program(dates=["2026-11-10", "2026-12-20"], cancelled=[{"date": "2026-12-20", "reason": "講師の都合"}]).model_copy(update={"slug": "off", "title": "中止の講座"})
    long_ago = program(dates=["2025-10-01"]).model_copy(update={"slug": "long-ago", "title": "昔の講座"})
    last_year = program(dates=["2025-11-23"]).model_copy(update={"slug": "last-year", "title": "去年の講座"})
    lines = build_calendar([called_off, long_ago, last_year], D(2026, 11, 22), NEW_YEAR).overview()
    # 中止の講座 has no meeting left, but its last meeting held is 11-10, not the cancelled 12-20
    assert [line.program.slug for line in lines] == ["off", "last-year"]  # 昔の講座 ended over a year ago
    off = lines[0]
    assert off.ended and off.cancelled_ahead and off.last_held == D(2026, 11, 10) and off.last == D(2026, 12, 20)
    assert not lines[1].cancelled_ahead
    # once its cancelled day has passed, the called-off program is still listed (for a year)
    later = build_calendar([called_off, long_ago, last_year], D(2026, 12, 21), NEW_YEAR).overview()
    assert [line.program.slug for line in later] == ["off"] and not later[0].cancelled_ahead


def test_a_full_meeting_stays_marked_full_after_its_day():
    record = program(
        recurrence={"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2027-03-31", "time": "13:30〜15:00"},
        full=["2026-12-09"],
    )
    for today in (D(2026, 11, 22), D(2026, 12, 10)):
        by_date = {o.date: o for o in program_occurrences(record, today, ClosedDays(NEW_YEAR))}
        assert by_date[D(2026, 12, 9)].marked_full and not by_date[D(2026, 12, 23)].marked_full
    assert by_date[D(2026, 12, 9)].status == ENDED  # the page says 終了; feeds and data keep 満員


def test_titles_follow_the_held_meetings_in_order():
    titles = [f"第{n}回" for n in range(1, 23)]
    occurrences = program_occurrences(group(titles=titles), D(2026, 4, 1), ClosedDays(NEW_YEAR))
    assert [o.title for o in occurrences] == titles
    assert occurrences[9].date == D(2026, 9, 9) and occurrences[10].title == "第11回"


def test_single_dates_sessions_and_extra_dates_combine():
    record = program(
        time="10:00〜11:30",
        dates=["2026-12-16"],
        sessions=[{"date": "2026-12-01", "time": "9:00〜10:00", "title": "説明会"}],
        recurrence={"rule": "毎週火曜", "start": "2026-12-08", "until": "2026-12-15"},
        extra_dates=[{"date": "2026-12-19", "title": "特別回"}],
    )
    occurrences = program_occurrences(record, D(2026, 11, 22))
    assert [(o.date, o.time_label, o.title) for o in occurrences] == [
        (D(2026, 12, 1), "9:00〜10:00", "説明会"),
        (D(2026, 12, 8), "10:00〜11:30", None),
        (D(2026, 12, 15), "10:00〜11:30", None),
        (D(2026, 12, 16), "10:00〜11:30", None),
        (D(2026, 12, 19), "10:00〜11:30", "特別回"),
    ]
    assert len({o.key for o in occurrences}) == 5


def test_all_day_when_no_time():
    # Validation refuses a program without a time (test_staff_slips); the calendar still makes
    # an all-day event of a meeting without one rather than a wrong hour.
    record = program(dates=["2026-12-16"]).model_copy(update={"time": None})
    (only,) = program_occurrences(record, D(2026, 11, 22))
    assert only.all_day and only.start == only.end == D(2026, 12, 16) and only.time_label == ""


@pytest.mark.parametrize(
    "text, until, dates",
    [
        ("毎週月・木曜", D(2026, 12, 10), [D(2026, 12, 3), D(2026, 12, 7), D(2026, 12, 10)]),
        ("隔週木曜", D(2026, 12, 31), [D(2026, 12, 3), D(2026, 12, 17), D(2026, 12, 31)]),
        ("毎月最終金曜", D(2027, 1, 31), [D(2026, 12, 25), D(2027, 1, 29)]),
        ("毎月15日", D(2027, 1, 31), [D(2026, 12, 15), D(2027, 1, 15)]),
        ("毎月第１水曜", D(2027, 1, 31), [D(2026, 12, 2), D(2027, 1, 6)]),
        ("毎月第二・第四水曜", D(2026, 12, 31), [D(2026, 12, 9), D(2026, 12, 23)]),
        ("毎週火曜・木曜", D(2026, 12, 10), [D(2026, 12, 1), D(2026, 12, 3), D(2026, 12, 8), D(2026, 12, 10)]),
    ],
)
def test_rule_forms(text, until, dates):
    assert parse_rule(text).dates(D(2026, 12, 1), until) == dates


@pytest.mark.parametrize(
    "text, start, dates",
    [
        # Every other week counts from the first meeting day on or after the start date, not
        # from the start date's week (which would make 12-03 → 12-15, skipping 12-08).
        ("隔週火曜", D(2026, 12, 3), [D(2026, 12, 8), D(2026, 12, 22), D(2027, 1, 5)]),
        ("隔週火曜", D(2026, 12, 1), [D(2026, 12, 1), D(2026, 12, 15), D(2026, 12, 29)]),
        ("隔週月・木曜", D(2026, 12, 2), [D(2026, 12, 3), D(2026, 12, 14), D(2026, 12, 17), D(2026, 12, 28), D(2026, 12, 31)]),
    ],
)
def test_every_other_week_begins_at_the_first_meeting_day_from_the_start(text, start, dates):
    assert parse_rule(text).dates(start, dates[-1]) == dates


def test_calendar_is_indexed_once_per_directory():
    settings = load_settings({"closures": [{"label": "年末年始", "from": "12-29", "until": "01-03"}]})
    directory = load_directory(ROOT / "content", settings, root=ROOT, today=D(2026, 11, 22))
    assert directory.calendar is directory.calendar
    everything = directory.calendar.all
    assert list(everything) == sorted(everything, key=lambda o: o.sort_key)
    hiroba = directory.calendar.of("hataraku-junbi-no-hiroba")
    # the sample group moves to 毎月第1・第3木曜 from 2027-02-15 (two rule periods)
    assert [o.date for o in hiroba] == HAND_CHECKED_FY2026[:19] + [D(2027, 2, 18), D(2027, 3, 4), D(2027, 3, 18)]
    assert len([o for o in hiroba if o.title]) == 22
    upcoming = directory.calendar.upcoming(D(2026, 11, 22), limit=3)
    assert [o.date for o in upcoming] == [D(2026, 11, 25), D(2026, 12, 9), D(2026, 12, 16)]
    assert all(o.status != ENDED for o in directory.calendar.upcoming(D(2026, 11, 22), None))
    tour = directory.calendar.upcoming_for_employer("shirakaba-farm")
    assert [o.program_slug for o in tour] == ["tour-shirakaba-farm"]
    months = directory.calendar.months()
    assert months[0].slug == "2026-04" and months[-1].slug == "2027-11" and len(months) == 20


def test_build_calendar_without_programs_is_empty():
    calendar = build_calendar([], D(2026, 11, 22))
    assert calendar.all == () and calendar.months() == [] and calendar.upcoming() == []


def test_closures_come_from_settings_and_bad_ones_are_located():
    from employer_directory.problems import ContentInvalid

    settings = load_settings({"closures": [{"label": "臨時休館", "from": "2026-12-09"}]})
    calendar = build_calendar([group()], D(2026, 11, 22), settings.closures)
    assert D(2026, 12, 9) not in [o.date for o in calendar.all]
    assert D(2026, 12, 23) in [o.date for o in calendar.all]
    with pytest.raises(ContentInvalid) as caught:
        load_settings({"closures": [{"label": "年末年始", "from": "12-32"}]})
    (problem,) = caught.value.problems
    assert problem.field == "extra.directory.closures[1番目].from" and problem.path == "mkdocs.yml"
    assert problem.what == "「12-32」という月日はありません"
    # from and until must be written alike, and in order: otherwise the closure would never apply.
    for closure, what in (
        ({"label": "年末年始", "from": "12-29", "until": "2027-01-03"}, "from「12-29」と until「2027-01-03」の書き方がそろっていません"),
        ({"label": "臨時休館", "from": "2026-12-10", "until": "2026-12-09"}, "until「2026-12-09」が from「2026-12-10」より前です"),
    ):
        with pytest.raises(ContentInvalid) as caught:
            load_settings({"closures": [closure]})
        (problem,) = caught.value.problems
        assert (problem.field, problem.what) == ("extra.directory.closures[1番目].until", what)


def test_a_misspelt_closure_field_lists_the_names_written_in_mkdocs_yml():
    """``untill:`` under a closure: the message lists ``from`` (what staff write), not ``start``
    (the name inside the code), which staff would copy and which the README never mentions."""
    from employer_directory.problems import ContentInvalid

    with pytest.raises(ContentInvalid) as caught:
        load_settings({"closures": [{"label": "年末年始", "from": "2027-12-28", "untill": "2028-01-04"}]})
    (problem,) = caught.value.problems
    assert problem.field == "extra.directory.closures[1番目].untill"
    assert problem.fix == "「until」の書き間違いではありませんか。書ける項目: label、from、until"


def test_an_annual_closure_of_most_of_the_year_is_refused_with_how_to_write_it():
    """from and until swapped (01-03 … 12-29), or a slip (12-28 … 12-27, or 02-29 … 02-28, where both
    ends fall on the same day of a common year), read as a closure across the new year that shuts
    the centre nearly all year: refused at its until, with the usual form.
    年末年始 (6 days), お盆, and a closure of a whole month stay as they are."""
    from employer_directory.problems import ContentInvalid

    for start, until, days in (("01-03", "12-29", 361), ("12-28", "12-27", 365), ("12-01", "01-01", 32), ("02-29", "02-28", 366)):
        with pytest.raises(ContentInvalid) as caught:
            load_settings({"closures": [{"label": "年末年始", "from": start, "until": until}]})
        (problem,) = caught.value.problems
        assert problem.field == "extra.directory.closures[1番目].until"
        assert problem.what == f"毎年の休み「{start}」〜「{until}」は {days}日間になります"
        assert 'from: "12-29"、until: "01-03"' in problem.fix
    for start, until in (("12-29", "01-03"), ("08-13", "08-16"), ("12-01", "12-31")):
        (closure,) = load_settings({"closures": [{"label": "休み", "from": start, "until": until}]}).closures
        assert closure.covers(D(2027, int(start[:2]), int(start[3:])))
    assert load_settings({"closures": [{"label": "臨時休館", "from": "2027-01-04", "until": "2027-03-31"}]}).closures  # a one-off may be long


def test_an_empty_month_points_past_a_month_whose_meetings_are_all_cancelled():
    """With the seminar's first session (2027-06-30, June's only meeting) cancelled, April and May
    say the calendar goes on in July, not in June, where nothing takes place."""
    from employer_directory.calendar.month_view import month_views
    from employer_directory.cli import read_settings
    from employer_directory.models.program import Cancellation

    settings = read_settings(ROOT / "mkdocs.yml")
    sample = load_directory(ROOT / "content", settings, root=ROOT, today=D(2026, 11, 30))
    called_off = [Cancellation(date=D(2027, 6, 30), reason="講師の都合のため")]
    programs = [p.model_copy(update={"cancelled": called_off}) if p.slug == "chiiki-zukuri-seminar" else p for p in sample.programs]
    views = {view.month.slug: view for view in month_views(build_calendar(programs, D(2026, 11, 30), settings.closures))}
    assert [o.status for day in views["2027-06"].days_with_occurrences for o in day.occurrences] == [CANCELLED]
    assert views["2027-04"].next_with_meetings.slug == views["2027-05"].next_with_meetings.slug == "2027-07"


# The group's rhythm changes in October: 毎月第2・第4水曜 10:00〜12:00 until 2026-09-30, then
# 毎月第1・第3木曜 13:30〜15:30 (a new venue) until 2027-03-31. Checked by hand against a paper
# calendar: 2026-09-23 (秋分の日, a 4th Wednesday) is skipped; 2026-10-01 is the first Thursday.
HAND_CHECKED_TWO_PERIODS = [
    (D(2026, 4, 22), "10:00"),
    (D(2026, 5, 13), "10:00"), (D(2026, 5, 27), "10:00"),
    (D(2026, 6, 10), "10:00"), (D(2026, 6, 24), "10:00"),
    (D(2026, 7, 8), "10:00"), (D(2026, 7, 22), "10:00"),
    (D(2026, 8, 12), "10:00"), (D(2026, 8, 26), "10:00"),
    (D(2026, 9, 9), "10:00"),
    (D(2026, 10, 1), "13:30"), (D(2026, 10, 15), "13:30"),
    (D(2026, 11, 5), "13:30"), (D(2026, 11, 19), "13:30"),
    (D(2026, 12, 3), "13:30"), (D(2026, 12, 17), "13:30"),
    (D(2027, 1, 7), "13:30"), (D(2027, 1, 21), "13:30"),
    (D(2027, 2, 4), "13:30"), (D(2027, 2, 18), "13:30"),
    (D(2027, 3, 4), "13:30"), (D(2027, 3, 18), "13:30"),
]

WEDNESDAYS = {"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2026-09-30", "time": "10:00〜12:00"}
THURSDAYS = {"rule": "毎月第1・第3木曜", "start": "2026-10-01", "until": "2027-03-31", "time": "13:30〜15:30"}


def test_two_rule_periods_give_one_program_with_the_meetings_of_both():
    occurrences = program_occurrences(program(recurrence=[WEDNESDAYS, THURSDAYS]), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    assert [(o.date, f"{o.start:%H:%M}") for o in occurrences] == HAND_CHECKED_TWO_PERIODS
    boundary = [o for o in occurrences if D(2026, 9, 1) <= o.date <= D(2026, 10, 31)]
    assert [(o.number, o.time_label) for o in boundary] == [(10, "10:00〜12:00"), (11, "13:30〜15:30"), (12, "13:30〜15:30")]
    assert [o.key for o in boundary] == ["test-20260909", "test-20261001", "test-20261015"]
    assert len({o.key for o in occurrences}) == len(occurrences)
    # the skipped holiday is listed as skipped, as with one rule
    assert [s.date for s in plan_program(program(recurrence=[WEDNESDAYS, THURSDAYS]), ClosedDays(NEW_YEAR)).skipped] == [D(2026, 9, 23)]


def test_a_single_period_in_a_list_is_the_same_as_the_mapping():
    one = program_occurrences(group(), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    listed = program(recurrence=[{"rule": "毎月第2・第4水曜", "start": "2026-04-15", "until": "2027-03-31", "time": "13:30〜15:00"}])
    assert program_occurrences(listed, D(2026, 11, 22), ClosedDays(NEW_YEAR)) == one


def test_each_period_skips_holidays_by_its_own_setting():
    # 2026-09-23 is 秋分の日 (a 4th Wednesday); 2027-02-11 is 建国記念の日 (a 2nd Thursday)
    september = {"rule": "毎月第2・第4水曜", "start": "2026-09-01", "until": "2026-09-30", "time": "10:00〜12:00"}
    february = {"rule": "毎月第2・第4木曜", "start": "2027-02-01", "until": "2027-02-28", "time": "13:30〜15:30"}
    both = program(recurrence=[september, february])
    assert [o.date for o in program_occurrences(both, D(2026, 8, 1))] == [D(2026, 9, 9), D(2027, 2, 25)]
    assert [s.date for s in plan_program(both).skipped] == [D(2026, 9, 23), D(2027, 2, 11)]
    second_open = program(recurrence=[september, {**february, "skip_holidays": False}])
    assert [o.date for o in program_occurrences(second_open, D(2026, 8, 1))] == [D(2026, 9, 9), D(2027, 2, 11), D(2027, 2, 25)]
    first_open = program(recurrence=[{**september, "skip_holidays": False}, february])
    assert [o.date for o in program_occurrences(first_open, D(2026, 8, 1))] == [D(2026, 9, 9), D(2026, 9, 23), D(2027, 2, 25)]


def test_each_periods_titles_go_to_its_own_meetings_and_numbers_run_on():
    first = {**WEDNESDAYS, "titles": ["はじめまして", "自己紹介"]}
    second = {**THURSDAYS, "titles": ["新しい会場で", "見学"]}
    occurrences = program_occurrences(program(recurrence=[first, second]), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    titled = [(o.number, o.date, o.title) for o in occurrences if o.title]
    assert titled == [(1, D(2026, 4, 22), "はじめまして"), (2, D(2026, 5, 13), "自己紹介"), (11, D(2026, 10, 1), "新しい会場で"), (12, D(2026, 10, 15), "見学")]


def test_an_extra_date_takes_the_time_of_the_period_around_it():
    record = program(recurrence=[WEDNESDAYS, THURSDAYS], extra_dates=[{"date": "2026-09-16"}, {"date": "2026-12-24"}])
    times = {o.date: o.time_label for o in program_occurrences(record, D(2026, 11, 22), ClosedDays(NEW_YEAR))}
    assert times[D(2026, 9, 16)] == "10:00〜12:00" and times[D(2026, 12, 24)] == "13:30〜15:30"


NEW_HALL = {"name": "駅前交流プラザ 3階 会議室", "address": "しらかば市本町2-5-8"}


def test_each_meeting_has_the_place_of_its_period_and_an_extra_date_the_one_around_it():
    record = program(recurrence=[WEDNESDAYS, {**THURSDAYS, "place": NEW_HALL}], sessions=[{"date": "2026-05-30", "time": "10:00〜12:00"}], extra_dates=[{"date": "2026-09-16"}, {"date": "2026-12-24"}])
    places = {o.date: (o.place.name, o.place.address) for o in program_occurrences(record, D(2026, 11, 22), ClosedDays(NEW_YEAR))}
    old, new = ("研修室", None), ("駅前交流プラザ 3階 会議室", "しらかば市本町2-5-8")
    assert {day: place for day, place in places.items() if day < D(2026, 10, 1)} == {day: old for day in places if day < D(2026, 10, 1)}
    assert {day: place for day, place in places.items() if day >= D(2026, 10, 1)} == {day: new for day in places if day >= D(2026, 10, 1)}
    assert places[D(2026, 9, 16)] == old and places[D(2026, 12, 24)] == new and places[D(2026, 5, 30)] == old
    assert record.period_place(record.rule_periods[1]).name == "駅前交流プラザ 3階 会議室" and record.period_place(record.rule_periods[0]) == record.place
    assert [p.name for _r, p in record.place_periods()] == ["研修室", "駅前交流プラザ 3階 会議室"]
    assert program(recurrence=[WEDNESDAYS, THURSDAYS]).place_periods() == []  # one place for all: the page shows it once
    # every period at one place of its own (a list of one period with place:): that place is the
    # one the page names, not the program's
    moved = program(recurrence=[{**WEDNESDAYS, "place": NEW_HALL}, {**THURSDAYS, "place": NEW_HALL}])
    assert moved.place_periods() == [] and moved.meeting_place().name == "駅前交流プラザ 3階 会議室"
    assert program(recurrence=[{**THURSDAYS, "place": NEW_HALL}]).meeting_place().name == "駅前交流プラザ 3階 会議室"
    assert program(recurrence=[WEDNESDAYS, THURSDAYS]).meeting_place().name == "研修室"
    # a series without a rule whose sessions all name one hall: that hall, and nothing elsewhere
    series = program(sessions=[{"date": day, "time": "10:00〜12:00", "place": NEW_HALL} for day in ("2026-05-30", "2026-06-13")])
    assert series.meeting_place().name == "駅前交流プラザ 3階 会議室" and series.places_elsewhere() == []
    one_elsewhere = program(sessions=[{"date": "2026-05-30", "time": "10:00〜12:00", "place": NEW_HALL}, {"date": "2026-06-13", "time": "10:00〜12:00"}])
    assert one_elsewhere.meeting_place().name == "研修室" and [p.name for p, _days in one_elsewhere.places_elsewhere()] == ["駅前交流プラザ 3階 会議室"]
    # … and a session written out, which meets at the program's place, is named with its date
    mixed = program(recurrence=[{**THURSDAYS, "place": NEW_HALL}], sessions=[{"date": "2026-05-30", "time": "10:00〜12:00"}])
    assert mixed.place_periods() == [] and mixed.meeting_place().name == "駅前交流プラザ 3階 会議室"
    assert [(p.name, days) for p, days in mixed.places_elsewhere()] == [("研修室", [D(2026, 5, 30)])] and mixed.meets_at_several_places()
    # the month of the change names the new place with the new rhythm
    change = build_calendar([record], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10))
    assert [(c.start, c.place.name if c.place else None) for c in change] == [(D(2026, 10, 1), "駅前交流プラザ 3階 会議室")]
    assert build_calendar([program(recurrence=[WEDNESDAYS, THURSDAYS])], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10))[0].place is None


HALL = {"name": "しらかば市民会館 大ホール", "address": "しらかば市中央町1-1"}
EMPLOYER = {"name": "ひだまり園芸"}


def test_a_session_or_an_extra_date_with_a_place_of_its_own_meets_there_and_is_named_with_its_dates():
    """The online seminar's 4th session in a hall, the group's one extra meeting at an employer:
    those meetings carry their own place; the others keep theirs; the page's usual place stays
    and the exceptions are named with their dates."""
    online = {"name": "オンライン（Zoom）", "online": True}
    sessions = [{"date": f"2027-0{m}-{d}", "time": "13:30〜16:00"} for m, d in ((6, 30), (7, 14), (7, 28), (8, 11), (8, 25), (9, "08"))]
    sessions[3] = {**sessions[3], "place": HALL}
    sessions[5] = {**sessions[5], "place": HALL}
    seminar = program(place=online, sessions=sessions)
    places = [o.place.name for o in program_occurrences(seminar, D(2027, 6, 1), ClosedDays(NEW_YEAR))]
    assert places == ["オンライン（Zoom）"] * 3 + ["しらかば市民会館 大ホール", "オンライン（Zoom）", "しらかば市民会館 大ホール"]
    assert seminar.place_periods() == [] and seminar.meeting_place().name == "オンライン（Zoom）"
    assert [(p.name, days) for p, days in seminar.places_elsewhere()] == [("しらかば市民会館 大ホール", [D(2027, 8, 11), D(2027, 9, 8)])]
    assert seminar.meets_at_several_places() and not program(place=online, sessions=sessions[:3]).meets_at_several_places()
    # a place: that repeats the usual one is no exception
    assert program(sessions=[{**sessions[0], "place": {"name": "研修室"}}]).places_elsewhere() == []
    # an extra date at an employer, in either period of a group that moves
    group = program(recurrence=[WEDNESDAYS, {**THURSDAYS, "place": NEW_HALL}], extra_dates=[{"date": "2026-09-17", "place": EMPLOYER}, {"date": "2026-12-24"}, {"date": "2027-01-28", "place": EMPLOYER}])
    by_day = {o.date: o.place.name for o in program_occurrences(group, D(2026, 4, 1), ClosedDays(NEW_YEAR))}
    assert (by_day[D(2026, 9, 17)], by_day[D(2026, 12, 24)], by_day[D(2027, 1, 28)]) == ("ひだまり園芸", "駅前交流プラザ 3階 会議室", "ひだまり園芸")
    assert by_day[D(2026, 9, 9)] == "研修室" and by_day[D(2027, 1, 21)] == "駅前交流プラザ 3階 会議室"
    assert [p.name for _r, p in group.place_periods()] == ["研修室", "駅前交流プラザ 3階 会議室"]
    assert [(p.name, days) for p, days in group.places_elsewhere()] == [("ひだまり園芸", [D(2026, 9, 17), D(2027, 1, 28)])]
    # with one place for all its periods, the group's page names that place and the employer
    single = program(recurrence=[WEDNESDAYS, THURSDAYS], extra_dates=[{"date": "2026-12-24", "place": EMPLOYER}])
    assert single.place_periods() == [] and single.meeting_place().name == "研修室" and single.meets_at_several_places()
    assert [(p.name, days) for p, days in single.places_elsewhere()] == [("ひだまり園芸", [D(2026, 12, 24)])]


def test_a_period_that_keeps_the_rhythm_but_meets_elsewhere_is_told_as_a_change_of_place():
    """A group that keeps its days and time but moves: the month of the move and the change to
    come name the new place, without a change of rhythm; moving back is a change too."""
    same = {**WEDNESDAYS, "start": "2026-10-01", "until": "2027-03-31"}
    record = program(recurrence=[WEDNESDAYS, {**same, "place": NEW_HALL}])
    assert record.rhythm_changes() == [] and record.place_changes() == [record.rule_periods[1]]
    assert record.rule_after(D(2026, 9, 1)).start == D(2026, 10, 1) and record.rule_after(D(2026, 10, 1)) is None
    [change] = build_calendar([record], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10))
    assert (change.start, change.rhythm_changed, change.place.name, change.rule) == (D(2026, 10, 1), False, "駅前交流プラザ 3階 会議室", "毎月第2・第4水曜")
    # rhythm and place together: one change, with both
    [both] = build_calendar([program(recurrence=[WEDNESDAYS, {**THURSDAYS, "place": NEW_HALL}])], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10))
    assert both.rhythm_changed and both.place.name == "駅前交流プラザ 3階 会議室"
    # back to the program's place: the period without place: meets at 研修室 again
    back = program(recurrence=[WEDNESDAYS, {**same, "until": "2026-12-31", "place": NEW_HALL}, {**same, "start": "2027-01-01"}])
    assert [period.start for period in back.place_changes()] == [D(2026, 10, 1), D(2027, 1, 1)]
    [returned] = build_calendar([back], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2027, 1))
    assert returned.place.name == "研修室" and not returned.rhythm_changed


def test_the_program_page_lists_a_rhythm_once_over_the_periods_that_keep_it():
    """日程 lists each rhythm once: a period that only moves (told by 会場) or has its own titles
    joins the period before it; another rule, time or holiday setting is a line of its own."""
    same = {**WEDNESDAYS, "start": "2026-10-01", "until": "2026-12-31", "place": NEW_HALL, "titles": ["後期のはじめに"]}
    thursdays = {**THURSDAYS, "start": "2027-01-01"}
    record = program(recurrence=[WEDNESDAYS, same, thursdays, {**thursdays, "start": "2027-04-01", "until": "2027-06-30", "skip_holidays": False}])
    spans = [(s.rule, s.start, s.until, str(s.time), s.skip_holidays) for s in record.rhythm_spans()]
    assert spans == [
        ("毎月第2・第4水曜", D(2026, 4, 15), D(2026, 12, 31), "10:00〜12:00", True),
        ("毎月第1・第3木曜", D(2027, 1, 1), D(2027, 3, 31), "13:30〜15:30", True),
        ("毎月第1・第3木曜", D(2027, 4, 1), D(2027, 6, 30), "13:30〜15:30", False),
    ]
    # the program's time serves a period without its own
    untimed = program(time="09:00〜10:00", recurrence=[{**WEDNESDAYS, "time": None}, {**same, "time": "09:00〜10:00"}])
    assert [(s.start, s.until, str(s.time)) for s in untimed.rhythm_spans()] == [(D(2026, 4, 15), D(2026, 12, 31), "9:00〜10:00")]


def test_cancelled_and_full_are_checked_against_the_meetings_of_all_periods():
    record = program(recurrence=[WEDNESDAYS, THURSDAYS], cancelled=[{"date": "2026-09-09", "reason": "点検"}, {"date": "2026-12-17", "reason": "点検"}], full=["2026-12-03"])
    status = {o.date: o.status for o in program_occurrences(record, D(2026, 11, 22), ClosedDays(NEW_YEAR))}
    assert status[D(2026, 9, 9)] == CANCELLED and status[D(2026, 12, 17)] == CANCELLED and status[D(2026, 12, 3)] == FULL
    # the old rhythm's day after the change is not a meeting any more
    with pytest.raises(ValueError, match="2026-10-14 は開催日ではありません"):
        program(recurrence=[WEDNESDAYS, THURSDAYS], cancelled=[{"date": "2026-10-14", "reason": "点検"}])


@pytest.mark.parametrize(
    ("second", "words"),
    [
        ({**THURSDAYS, "start": "2026-09-15"}, "2026-09-15〜2026-09-30 で重なっています"),
        ({**THURSDAYS, "start": "2026-09-30"}, "2026-09-30 で重なっています"),
        ({**THURSDAYS, "start": "2026-04-01"}, "古い順に並べてください"),
        ({**THURSDAYS, "until": "2029-12-31"}, "3年より長いです"),
        ({**THURSDAYS, "titles": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]}, "この期間（2026-10-01〜2027-03-31）の開催は 12回です"),
        ({"rule": "毎月第1・第3木曜", "start": "2026-10-01", "until": "2026-10-14", "time": "13:30〜15:30", "titles": ["a", "b"]}, "開催は 1回です"),
        ({"rule": "毎月第5木曜", "start": "2026-11-01", "until": "2026-11-30", "time": "13:30〜15:30"}, "に当てはまる日が 2026-11-01〜2026-11-30 に1日もありません"),
    ],
)
def test_a_period_is_checked_on_its_own_and_against_the_one_before(second, words):
    with pytest.raises(ValueError, match=words):
        program(recurrence=[WEDNESDAYS, second])


def test_the_rule_in_effect_and_the_change_to_come():
    record = program(recurrence=[WEDNESDAYS, THURSDAYS])
    assert record.rule_in_effect(D(2026, 3, 1)).rule == "毎月第2・第4水曜" and record.rule_after(D(2026, 3, 1)).rule == "毎月第1・第3木曜"
    assert record.rule_in_effect(D(2026, 9, 30)).rule == "毎月第2・第4水曜" and record.rule_after(D(2026, 9, 30)).start == D(2026, 10, 1)
    assert record.rule_in_effect(D(2026, 10, 1)).rule == "毎月第1・第3木曜" and record.rule_after(D(2026, 10, 1)) is None
    assert record.rule_in_effect(D(2028, 1, 1)).rule == "毎月第1・第3木曜"
    assert group().rule_in_effect(D(2026, 11, 22)).rule == "毎月第2・第4水曜" and group().rule_after(D(2026, 11, 22)) is None


def test_a_period_that_carries_the_same_rhythm_on_is_not_told_as_a_change():
    """The second half-year (or the next fiscal year, as the 3-year message asks) written as a
    period of its own for its titles: the month page, the calendar index and the program page
    must not say the rhythm changes to the one it already has. Another time alone is a change."""
    same = {**WEDNESDAYS, "start": "2026-10-01", "until": "2027-03-31", "titles": ["後期のはじめに"]}
    record = program(recurrence=[WEDNESDAYS, same])
    assert record.rhythm_changes() == [] and record.rule_after(D(2026, 9, 1)) is None
    assert build_calendar([record], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10)) == []
    later = program(recurrence=[WEDNESDAYS, {**same, "time": "13:30〜15:00"}])
    assert [period.start for period in later.rhythm_changes()] == [D(2026, 10, 1)]
    assert later.rule_after(D(2026, 9, 1)).start == D(2026, 10, 1)
    assert [change.start for change in build_calendar([later], D(2026, 9, 1), NEW_YEAR).rule_changes_in(Month(2026, 10))] == [D(2026, 10, 1)]
    # A, then A again, then B: the one change is to B
    third = {"rule": "毎月第1・第3木曜", "start": "2027-04-01", "until": "2027-09-30", "time": "10:00〜12:00"}
    assert [period.start for period in program(recurrence=[WEDNESDAYS, same, third]).rhythm_changes()] == [D(2027, 4, 1)]


def test_the_contributing_template_for_a_rhythm_change_is_valid_and_gives_the_hand_checked_meetings():
    import re

    import yaml

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if block.startswith("recurrence:\n  - rule:"))
    occurrences = program_occurrences(program(**yaml.safe_load(block)), D(2026, 11, 22), ClosedDays(NEW_YEAR))
    assert [(o.date, f"{o.start:%H:%M}") for o in occurrences] == HAND_CHECKED_TWO_PERIODS
    assert [(o.number, o.title) for o in occurrences if o.title][2] == (11, "「職場で役立つコミュニケーション練習」")
    assert {o.place.name for o in occurrences if o.date < D(2026, 10, 1)} == {"研修室"}  # the program's place
    assert {o.place.name for o in occurrences if o.date >= D(2026, 10, 1)} == {"しらかば市駅前交流プラザ 3階 会議室"}


def test_the_contributing_example_of_one_session_elsewhere_is_valid_and_meets_there():
    import re

    import yaml

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = next(block for block in re.findall(r"```yaml\n(.*?)```", guide, re.S) if block.startswith("sessions:\n"))
    record = program(place={"name": "オンライン（Zoom）", "online": True}, **yaml.safe_load(block))
    places = {o.date: o.place.name for o in program_occurrences(record, D(2027, 6, 1), ClosedDays(NEW_YEAR))}
    assert places == {D(2027, 7, 28): "オンライン（Zoom）", D(2027, 9, 8): "しらかば市総合福祉センター 3階 講堂"}
    assert [(p.address, days) for p, days in record.places_elsewhere()] == [("しらかば市中央町3-1-1", [D(2027, 9, 8)])]


def test_a_weekly_program_of_an_employer_does_not_push_its_one_tour_day_off_the_employer_s_lists():
    """The employer page lists 5 meetings and sheet ② 3: each program's next meeting is in before
    a program's second one, the places left go by date, and the list reads by date."""
    def weekly_program(**fields) -> Program:
        rule = {"rule": "毎週月・水・金曜", "start": "2026-12-01", "until": "2027-01-31", "time": "10:00〜11:30"}
        return program(title="毎週の作業体験", employers=["shirakaba-farm"], recurrence=rule, **fields).model_copy(update={"slug": "weekly"})

    weekly = weekly_program()
    tour = program(title="職場見学会", employers=["shirakaba-farm"], dates=["2026-12-16"], time="10:00〜11:30").model_copy(update={"slug": "tour"})
    other = program(title="ほかの事業所の見学会", employers=["yamabiko-care"], dates=["2026-12-03"]).model_copy(update={"slug": "other"})
    calendar = build_calendar([weekly, tour, other], D(2026, 11, 22), NEW_YEAR)
    page = calendar.upcoming_for_employer("shirakaba-farm")
    assert [(o.program_slug, o.date) for o in page] == [("weekly", D(2026, 12, 2)), ("weekly", D(2026, 12, 4)), ("weekly", D(2026, 12, 7)), ("weekly", D(2026, 12, 9)), ("tour", D(2026, 12, 16))]
    sheet = calendar.upcoming_for_employer("shirakaba-farm", 3, include_cancelled=False)
    assert [(o.program_slug, o.date) for o in sheet] == [("weekly", D(2026, 12, 2)), ("weekly", D(2026, 12, 4)), ("tour", D(2026, 12, 16))]
    # with one place only, the program meeting soonest is the one kept; without a limit, every meeting
    assert [o.program_slug for o in calendar.upcoming_for_employer("shirakaba-farm", 1)] == ["weekly"]
    assert len(calendar.upcoming_for_employer("shirakaba-farm", None)) == len(calendar.of("weekly")) + 1
    # a cancelled meeting is left out of the sheet's list before the choice, not after
    off = weekly_program(cancelled=[{"date": "2026-12-02", "reason": "雪のため"}])
    calendar = build_calendar([off, tour], D(2026, 11, 22), NEW_YEAR)
    assert [o.date for o in calendar.upcoming_for_employer("shirakaba-farm", 3, include_cancelled=False)] == [D(2026, 12, 4), D(2026, 12, 7), D(2026, 12, 16)]


def test_periods_of_one_rhythm_with_a_break_between_them_stay_two_lines():
    """Periods need not touch (a summer break: none from August to September). Joined, 日程 would
    read 「4月15日〜12月31日」 with no word of the break; only a period that starts the day after the
    one before ends carries the rhythm on as one line."""
    spring = {**WEDNESDAYS, "until": "2026-07-31"}
    autumn = {**WEDNESDAYS, "start": "2026-10-01", "until": "2026-12-31"}
    spans = [(s.start, s.until) for s in program(recurrence=[spring, autumn]).rhythm_spans()]
    assert spans == [(D(2026, 4, 15), D(2026, 7, 31)), (D(2026, 10, 1), D(2026, 12, 31))]
    touching = {**autumn, "start": "2026-08-01"}
    assert [(s.start, s.until) for s in program(recurrence=[spring, touching]).rhythm_spans()] == [(D(2026, 4, 15), D(2026, 12, 31))]


def test_a_program_s_place_on_the_employer_page_goes_to_its_next_meeting_that_takes_place():
    """The employer page lists cancelled meetings too (中止). A tour whose next day is called off
    kept its place with that day only, and the weekly group filled the rest: the tour day that
    does take place was pushed off the page, which is what the program's place was for."""
    weekly = program(title="毎週の作業体験", employers=["shirakaba-farm"], recurrence={"rule": "毎週月・水・金曜", "start": "2026-12-01", "until": "2027-01-31", "time": "10:00〜11:30"}).model_copy(update={"slug": "weekly"})
    tour = program(title="職場見学会", employers=["shirakaba-farm"], dates=["2026-12-09", "2026-12-16"], time="10:00〜11:30",
                   cancelled=[{"date": "2026-12-09", "reason": "雪のため"}]).model_copy(update={"slug": "tour"})
    calendar = build_calendar([weekly, tour], D(2026, 11, 22), NEW_YEAR)
    page = [(o.program_slug, o.date, o.is_cancelled) for o in calendar.upcoming_for_employer("shirakaba-farm")]
    assert ("tour", D(2026, 12, 16), False) in page and len(page) == 5
    assert page == sorted(page, key=lambda row: row[1])
    # a program with nothing but cancelled meetings ahead still has its place, with the first of them
    off = program(title="職場見学会", employers=["shirakaba-farm"], dates=["2026-12-09", "2026-12-16"], time="10:00〜11:30",
                  cancelled=[{"date": day, "reason": "雪のため"} for day in ("2026-12-09", "2026-12-16")]).model_copy(update={"slug": "off"})
    calendar = build_calendar([weekly, off], D(2026, 11, 22), NEW_YEAR)
    assert ("off", D(2026, 12, 9)) in [(o.program_slug, o.date) for o in calendar.upcoming_for_employer("shirakaba-farm", 2)]


# --- one meeting of a day with two (午前の部・午後の部) ---------------------------------------

TOUR_DAY = [
    {"date": "2026-12-16", "time": "10:00〜11:30", "title": "午前の部"},
    {"date": "2026-12-16", "time": "13:30〜15:00", "title": "午後の部"},
    {"date": "2027-01-20", "time": "10:00〜11:30"},
]


def statuses(record: Program) -> dict[str, tuple[str, str | None]]:
    return {o.key: (o.status, o.cancel_reason) for o in program_occurrences(record, D(2026, 12, 1))}


@pytest.mark.parametrize("time", ["13:30", "13:30〜15:00"])
def test_full_and_cancelled_with_a_time_mark_only_that_meeting_of_the_day(time):
    full = statuses(program(sessions=TOUR_DAY, full=[{"date": "2026-12-16", "time": time}]))
    assert full == {"test-20261216": (OPEN, None), "test-20261216-2": (FULL, None), "test-20270120": (OPEN, None)}
    cancelled = statuses(program(sessions=TOUR_DAY, cancelled=[{"date": "2026-12-16", "time": time, "reason": "講師の都合"}]))
    assert cancelled == {"test-20261216": (OPEN, None), "test-20261216-2": (CANCELLED, "講師の都合"), "test-20270120": (OPEN, None)}
    marked = [o for o in program_occurrences(program(sessions=TOUR_DAY, full=[{"date": "2026-12-16", "time": time}]), D(2026, 12, 20))]
    assert [o.marked_full for o in marked] == [False, True, False]


def test_a_date_alone_still_marks_every_meeting_of_the_day():
    assert set(statuses(program(sessions=TOUR_DAY, full=["2026-12-16"])).values()) == {(FULL, None), (OPEN, None)}
    both = statuses(program(sessions=TOUR_DAY, cancelled=[{"date": "2026-12-16", "reason": "雪"}]))
    assert both["test-20261216"] == both["test-20261216-2"] == (CANCELLED, "雪")


def test_the_morning_full_and_the_afternoon_cancelled_go_together():
    record = program(sessions=TOUR_DAY, full=[{"date": "2026-12-16", "time": "10:00"}], cancelled=[{"date": "2026-12-16", "time": "13:30", "reason": "雪"}])
    assert statuses(record)["test-20261216"] == (FULL, None) and statuses(record)["test-20261216-2"] == (CANCELLED, "雪")


def test_an_extra_date_beside_a_rules_meeting_can_be_cancelled_alone():
    record = program(
        recurrence={"rule": "毎月第2・第4水曜", "start": "2026-12-01", "until": "2026-12-31", "time": "13:30〜15:00"},
        extra_dates=[{"date": "2026-12-09", "time": "10:00〜11:30"}],
        cancelled=[{"date": "2026-12-09", "time": "10:00", "reason": "会場の都合"}],
    )
    assert statuses(record) == {"test-20261209": (CANCELLED, "会場の都合"), "test-20261209-2": (OPEN, None), "test-20261223": (OPEN, None)}


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"full": [{"date": "2026-12-16", "time": "15:00"}]}, "満員にした 2026-12-16 には 15:00 の回がありません（その日の回: 10:00〜11:30、13:30〜15:00）"),
        ({"cancelled": [{"date": "2026-12-16", "time": "13:30〜16:00", "reason": "雪"}]}, "中止にした 2026-12-16 には 13:30〜16:00 の回がありません"),
        ({"full": [{"date": "2026-12-17", "time": "13:30"}]}, "満員にした 2026-12-17 は開催日ではありません"),
        ({"full": ["2026-12-16", {"date": "2026-12-16", "time": "13:30"}]}, "満員の回 2026-12-16 13:30 が2回書かれています"),
        ({"full": [{"date": "2026-12-16", "time": "13:30"}], "cancelled": [{"date": "2026-12-16", "reason": "雪"}]}, "2026-12-16 13:30 の回が中止（cancelled）と満員（full）の両方に書かれています"),
        ({"full": [{"date": "2026-12-16", "time": "1330"}]}, "時刻「1330」を読み取れません"),
        ({"full": [{"date": "2026-12-16", "time": 810}]}, 'time: "13:30" のように書いてください'),
        ({"full": [{"date": "2026-12-16", "time": "13時半"}]}, 'time: "13:30" と書いてください'),
    ],
)
def test_a_time_that_is_no_meeting_of_that_day_is_refused(fields, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        program(sessions=TOUR_DAY, **fields)


def test_a_time_for_a_day_whose_meeting_has_no_time_is_refused():
    # A meeting without a time is itself refused now: the message asks for the program's time.
    with pytest.raises(ValueError, match=re.escape("開催日（dates）の時間が書かれていません")):
        program(dates=["2026-12-16"], time=None, full=[{"date": "2026-12-16", "time": "13:30"}])
