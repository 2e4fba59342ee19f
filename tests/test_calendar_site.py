"""The built calendar: month pages, program pages, upcoming lists and ICS feeds."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import ROOT, build_edited, copy_project, run_build
from employer_directory.calendar.ics import feed_files
from employer_directory.quoting import wholly_bracketed, theme_after_title
from employer_directory.calendar.occurrences import build_calendar
from test_calendar_occurrences import program


def built_on(tmp_path: Path, build_date: str) -> Path:
    """The sample content built with another build date."""
    site = tmp_path / f"site-{build_date}"
    result = run_build(ROOT, site, DIRECTORY_BUILD_DATE=build_date)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def text(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_one_month_page_from_first_to_last_month_and_an_index_with_the_archive(built_site):
    months = sorted(p.name for p in (built_site / "calendar").iterdir() if p.is_dir() and re.match(r"\d{4}-\d{2}$", p.name))
    assert months[0] == "2026-04" and months[-1] == "2027-11" and len(months) == 20
    index = text(built_site, "calendar/index.html")
    archive = index[index.index('id="archive"'):]
    assert 'calendar/2026-04/' in archive and 'calendar/2026-10/' in archive
    assert 'calendar/2026-12/' not in archive  # coming months are not archived
    assert "2026年11月のカレンダーを見る" in index  # the build date's month
    # a called-off meeting is listed (struck through), and counted as such
    assert '2027年1月</a>（2件、うち中止1件）' in index and '2026年12月</a>（3件）' in index
    assert "<caption>2027年1月の予定（2件、うち中止1件）</caption>" in text(built_site, "calendar/2027-01/index.html")


def test_after_every_program_has_ended_the_index_says_nothing_is_planned_and_keeps_the_archive(built_site, tmp_path):
    """Built long after the last meeting (2027-11-10), the index does not offer the last month as
    "this month's calendar": it says no meeting is planned and points at the archive, which
    holds every month, newest first."""
    assert "これまでの予定は、下の" not in text(built_site, "calendar/index.html")
    index = text(built_on(tmp_path, "2028-06-01"), "calendar/index.html")
    assert "のカレンダーを見る" not in index and 'class="cal-current"' not in index
    coming = index[index.index('<h2 id="coming"'):index.index("</section>", index.index('id="coming"'))]
    assert squeeze(coming).split() == ["これからの予定", "いま予定されているプログラムはありません。", "これまでの予定は、下の「", "これまでの記録", "」で月ごとに見られます。"]
    assert '<a href="#archive">これまでの記録</a>' in coming
    assert 'id="months"' not in index  # no coming month
    archive = re.findall(r'href="[^"]*calendar/(\d{4}-\d{2})/"', index[index.index('id="archive"'):])
    # every month with a meeting; 2027-04, 2027-05 and 2027-08 have none (see the next test)
    assert archive[0] == "2027-11" and archive[-1] == "2026-04" and len(archive) == 17
    assert not {"2027-04", "2027-05", "2027-08"} & set(archive)
    # In the last month itself, after its last meeting, that month is still this month's.
    index = text(built_on(tmp_path, "2027-11-30"), "calendar/index.html")
    assert "2027年11月のカレンダーを見る" in index and "これまでの予定は、下の" not in index


def test_the_index_lists_only_months_with_meetings_and_empty_months_stay_reachable(built_site):
    """「2027年4月（0件）」 among the months only sent a visitor to an empty page: the index lists
    the months that have a meeting (a month whose meetings were all called off would still be
    listed, struck-through meetings being shown). An empty month keeps its page, and the months
    before and after it link to it."""
    index = text(built_site, "calendar/index.html")
    listed = re.findall(r'href="[^"]*calendar/(\d{4}-\d{2})/"[^>]*>[^<]*</a>（([^）]*)）', index[index.index('id="months"'):])
    assert listed and "0件" not in index
    assert [slug for slug, _ in listed][:6] == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-06"]
    for empty, before, after in [("2027-04", "2027-03", "2027-05"), ("2027-05", "2027-04", "2027-06"), ("2027-08", "2027-07", "2027-09")]:
        page = text(built_site, f"calendar/{empty}/index.html")
        assert "この月の予定はありません。" in page
        assert f'href="../../calendar/{empty}/" rel="next"' in text(built_site, f"calendar/{before}/index.html")
        assert f'href="../../calendar/{empty}/" rel="prev"' in text(built_site, f"calendar/{after}/index.html")


def test_month_page_marks_today_and_links_neighbours(built_site):
    html = text(built_site, "calendar/2026-11/index.html")
    today_cell = re.search(r'<td class="[^"]*is-today[^"]*" data-day="2026-11-22" aria-current="date">\s*<span class="cal-day">(\d+)', html)
    assert today_cell and today_cell.group(1) == "22"
    # the phone list marks today too, although nothing takes place on the 22nd
    phone_list = squeeze(html[html.index('<div class="cal-list">'):])
    assert html.count('aria-current="date"') == 2 and "2026年11月22日(日) 今日 この日の予定はありません。" in phone_list
    assert 'href="../../calendar/2026-10/" rel="prev"' in html
    assert 'href="../../calendar/2026-12/" rel="next"' in html
    assert "<caption>" in html and '<th scope="col" class="cal-wd-0">日</th>' in html
    assert "勤労感謝の日" in html


def test_home_page_tells_of_the_coming_closure(built_site, tmp_path):
    """Nothing three weeks before 年末年始 (the sample's build date); from two weeks before, its
    days; during it, until when."""
    assert 'class="dir-closure"' not in text(built_site, "index.html")
    before = squeeze(text(built_on(tmp_path, "2026-12-15"), "index.html"))
    assert "休館日のお知らせ: 2026年12月29日(火)〜2027年1月3日(日)は年末年始のためお休みです。" in before
    during = text(built_on(tmp_path, "2027-01-02"), "index.html")
    assert 'data-closed-until="2027-01-03"' in during
    assert "ただいま休館中です（年末年始、2027年1月3日(日)まで）。" in squeeze(during)
    # Employer pages send people to the centre first: they tell of it too.
    employer = squeeze(text(tmp_path / "site-2026-12-15", "employers/shirakaba-farm/index.html"))
    assert "まず" in employer and "休館日のお知らせ: 2026年12月29日(火)〜2027年1月3日(日)は年末年始のためお休みです。" in employer
    assert 'class="dir-closure"' not in text(built_site, "employers/shirakaba-farm/index.html")


def test_home_page_closure_notice_runs_to_the_last_closed_day_of_touching_closures(tmp_path):
    """年末年始 and a one-off closure on 01-04 right after it: closed until 01-04, both named
    (a label is text, escaped like the rest)."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    annual = '      - {label: 年末年始, from: "12-29", until: "01-03"}\n'
    assert annual in config.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace(annual, annual + '      - {label: "<b>臨時休館</b>", from: 2027-01-04}\n'), encoding="utf-8")
    result = run_build(project, tmp_path / "site", DIRECTORY_BUILD_DATE="2027-01-02")
    assert result.returncode == 0, result.stdout + result.stderr
    home = text(tmp_path / "site", "index.html")
    assert 'data-closed-until="2027-01-04"' in home
    assert "ただいま休館中です（年末年始・&lt;b&gt;臨時休館&lt;/b&gt;、2027年1月4日(月)まで）。" in home


def test_a_one_off_closure_before_the_new_year_does_not_hide_it(tmp_path):
    """設備点検 on 12-21/22 and 年末年始 from 12-29: on 12-20 the home page tells of both, the
    nearer first, each line with its own last day for build-age.js."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    annual = '      - {label: 年末年始, from: "12-29", until: "01-03"}\n'
    config.write_text(config.read_text(encoding="utf-8").replace(annual, annual + '      - {label: 設備点検, from: 2026-12-21, until: 2026-12-22}\n'), encoding="utf-8")
    result = run_build(project, tmp_path / "site", DIRECTORY_BUILD_DATE="2026-12-20")
    assert result.returncode == 0, result.stdout + result.stderr
    raw = text(tmp_path / "site", "index.html")
    home = squeeze(raw)
    check = "休館日のお知らせ: 2026年12月21日(月)〜2026年12月22日(火)は設備点検のためお休みです。"
    new_year = "休館日のお知らせ: 2026年12月29日(火)〜2027年1月3日(日)は年末年始のためお休みです。"
    assert check in home and new_year in home and home.index(check) < home.index(new_year)
    assert 'data-closed-until="2026-12-22"' in raw and 'data-closed-until="2027-01-03"' in raw


def test_an_empty_coming_month_says_where_the_calendar_goes_on(built_site):
    """Between the group's fiscal year (ends 2027-03) and the seminar (from 2027-06-30) April and May
    have nothing: their pages link to June instead of leaving the reader clicking 次の月 through
    empty months. August (between two seminar sessions) points at September."""
    for month, following in (("2027-04", "2027-06"), ("2027-05", "2027-06"), ("2027-08", "2027-09")):
        html = text(built_site, f"calendar/{month}/index.html")
        label = f"{int(following[:4])}年{int(following[5:])}月"
        assert f'この月の予定はありません。次の予定は<a href="../../calendar/{following}/">{label}</a>にあります。' in html, month
    assert "次の予定は" not in text(built_site, "calendar/2027-06/index.html")


def test_only_a_series_numbers_its_meetings(built_site):
    """第1回 beside a one-day tour or job fair reads as the first of several; the group numbers
    all 22 of its meetings."""
    for slug in ("tour-shirakaba-farm", "godo-mensetsukai-2027-02"):
        page = text(built_site, f"programs/{slug}/index.html")
        assert "第1回" not in page and "cal-number" not in page, slug
    group = squeeze(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "第1回 2026年4月22日(水)" in group and "第22回 2027年3月18日(木)" in group


def test_a_one_meeting_program_gives_its_date_once(built_site):
    """A tour day or a job fair has one meeting: its page said it twice (次回, then the same day
    again as the list of meetings). Now once, as 日時, with its status, until when to apply and
    its 「カレンダーに追加」; a series keeps its 次回 and its list."""
    for slug, day in (("tour-shirakaba-farm", "2026年12月16日(水)"), ("godo-mensetsukai-2027-02", "2027年2月17日(水)")):
        html = text(built_site, f"programs/{slug}/index.html")
        dates = html[html.index('id="dates"'):html.index('id="details"')]
        assert squeeze(dates).count(day) == 3, slug  # the date, and the two calendar links' words for it
        assert f"日時: {day}" in squeeze(dates) and "次回" not in dates and "cal-sessions" not in dates, slug
        assert dates.count('class="cal-status') == 1 and dates.count('class="cal-add"') == 1, slug
        assert "data-next" not in dates, slug  # build-age.js would hide the page's only date once past
    group = text(built_site, "programs/hataraku-junbi-no-hiroba/index.html")
    group = squeeze(group[group.index('id="dates"'):group.index('id="details"')])
    # 次回 says the meeting's number, the one the list below gives it
    assert "次回: 第14回 2026年11月25日(水)" in group and "日時" not in group and group.count("第14回 2026年11月25日(水)") == 2


def test_the_last_meeting_of_a_series_is_given_once_as_the_last(tmp_path):
    """Near a series' end one meeting is left: its page said it as 次回 and again as a list of one.
    Now once, as 最後の回, with its status and 「カレンダーに追加」; the past meetings stay under
    終わった回. The calendar index says 最後の回 too."""
    for build_date, slug, number, day, past in (
        ("2027-03-10", "hataraku-junbi-no-hiroba", "第22回", "2027年3月18日(木) 13:30〜15:30 年度修了式", "終わった回（20回、ほかに中止1回）"),
        ("2027-11-01", "chiiki-zukuri-seminar", "第8回", "2027年11月10日(水) 13:30〜16:00 重層的支援と仕事・就労支援の課題②・修了式", "終わった回（7回）"),
    ):
        site = built_on(tmp_path, build_date)
        html = text(site, f"programs/{slug}/index.html")
        dates = html[html.index('id="dates"'):html.index('id="details"')]
        coming = dates[:dates.index('<details class="cal-past"')]
        assert f"最後の回: {number} {day}" in squeeze(coming) and "次回" not in coming, slug
        assert 'class="cal-sessions"' not in coming and coming.count('class="cal-status') == 1 and coming.count('class="cal-add"') == 1, slug
        assert "data-next" not in coming, slug  # past, it stays and turns 終了 (build-age.js)
        assert "すべての回がまとめて入ります" in coming, slug  # without JavaScript the link adds the whole series
        assert squeeze(dates[dates.index('<details class="cal-past"'):]).strip().startswith(past), slug
        index = squeeze(text(site, "calendar/index.html"))
        assert f"最後の回: {number} {day.split(' 1')[0]}" in index, slug
    # two meetings left: 次回 and both listed
    page = squeeze(text(built_on(tmp_path, "2027-03-01"), "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "次回: 第21回 2027年3月4日(木)" in page and "最後の回" not in page and re.search(r"第21回 2027年3月4日\(木\).*第22回 2027年3月18日\(木\)", page)


def test_skipped_days_are_explained_on_the_program_page_and_closures_marked_in_the_month(built_site):
    page = squeeze(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    # 9/23 (秋分の日) is past: it sits among the ended meetings, between 第10回 and 第11回
    assert re.search(r"第10回 2026年9月9日\(水\) .*? 終了 お休み 2026年9月23日\(水\) （秋分の日のため） 第11回 2026年10月14日", page)
    assert "終わった回（13回）" in page  # a skipped day is not a meeting
    december = text(built_site, "calendar/2026-12/index.html")
    grid = december[december.index('<div class="cal-grid">'):december.index('<div class="cal-list">')]
    assert grid.count('<span class="cal-closed">休館（年末年始）</span>') == 3  # 12/29, 30, 31
    phone_list = squeeze(december[december.index('<div class="cal-list">'):])
    assert "2026年12月29日(火) 休館（年末年始）" in phone_list and "2026年12月31日(木) 休館（年末年始）" in phone_list


def test_a_past_cancelled_meeting_is_among_the_ended_ones_with_its_reason(tmp_path):
    site = built_on(tmp_path, "2027-02-18")
    page = squeeze(text(site, "programs/hataraku-junbi-no-hiroba/index.html"))
    past = page[page.index("終わった回"):]
    assert past.startswith("終わった回（18回、ほかに中止1回）")
    assert "第18回 2027年1月27日(水) 13:30〜15:00 「選ばれる人になろう！実践で役立つビジネスマナー」 会場: しらかば市総合福祉センター 2階 研修室 中止 （会場の設備点検のため）" in past
    coming = page[page.index("次回:"):page.index("終わった回")]
    assert "2027年1月27日" not in coming
    # the job fair is over: no promise of walk-ins any more
    fair = squeeze(text(site, "programs/godo-mensetsukai-2027-02/index.html"))
    assert "これから開かれる回はありません。" in fair and "申し込み締切 2027年2月10日(水)（締切を過ぎました）" in fair
    assert "当日参加" not in fair


def test_cancelled_meeting_is_shown_as_cancelled_with_its_reason(built_site):
    program = squeeze(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert re.search(r"2027年1月27日\(水\) 13:30〜15:00 「選ばれる人になろう！実践で役立つビジネスマナー」 会場: しらかば市総合福祉センター 2階 研修室 中止 （会場の設備点検のため）", program)
    month = squeeze(text(built_site, "calendar/2027-01/index.html"))
    assert "中止 （会場の設備点検のため）" in month


def test_past_meetings_are_ended_and_full_ones_full(built_site):
    html = text(built_site, "programs/hataraku-junbi-no-hiroba/index.html")
    past = squeeze(html[html.index('class="cal-past"'):])
    assert "終わった回（13回）" in past
    assert re.search(r"第13回 2026年11月11日\(水\) 13:30〜15:00 アートコミュニケーション 会場: しらかば市総合福祉センター 2階 研修室 終了", past)
    page = squeeze(html)
    assert re.search(r"次回: 第14回 2026年11月25日\(水\) 13:30〜15:00 お話し会「私の体験談〜継続したから今がある〜」 会場: しらかば市総合福祉センター 2階 研修室 募集中", page)
    assert re.search(r"2026年12月9日\(水\) 13:30〜15:00 職場見学会「見て聞いて感じて私のはたらく姿」 会場: しらかば市総合福祉センター 2階 研修室 満員", page)
    assert "第11回 2026年9月23日" not in page and "お休み 2026年9月23日(水) （秋分の日のため）" in page  # skipped


def test_a_full_next_meeting_is_followed_by_the_next_one_with_room(built_site, tmp_path):
    """On 11-30 the group's next meeting (12-09) is 満員: a seeker reading only that takes the
    group for full, so the page also gives 12-23, which has room. When the next one has room
    (the sample's 11-22), there is no second line."""
    html = text(built_on(tmp_path, "2026-11-30"), "programs/hataraku-junbi-no-hiroba/index.html")
    page = squeeze(html)
    assert re.search(r"次回: 第15回 2026年12月9日\(水\) 13:30〜15:00 職場見学会「見て聞いて感じて私のはたらく姿」 会場: しらかば市総合福祉センター 2階 研修室 満員 空きのある次の回: 第16回 2026年12月23日\(水\) 13:30〜15:00 クリスマスイベント「あたたか会」 会場: しらかば市総合福祉センター 2階 研修室 募集中", page)
    assert "空きのある次の回" not in text(built_site, "programs/hataraku-junbi-no-hiroba/index.html")
    # 「カレンダーに追加」 at the top goes with the meeting that has room, not with the full one
    lines = re.findall(r'<p class="cal-next" data-next[^>]*>.*?</p>', html, re.S)
    assert len(lines) == 2 and "cal-add" not in lines[0]
    assert 'data-cal-uid="hataraku-junbi-no-hiroba-20261223@example.github.io"' in lines[1] and "dates=20261223T133000" in lines[1]


def test_calendar_index_lists_every_program_with_its_next_meeting_and_rhythm(built_site):
    html = text(built_site, "calendar/index.html")
    section = squeeze(html[html.index('id="programs"'):html.index('id="months"')])
    names = re.findall(r'<p class="cal-programs__name"><a class="cal-program" href="[^"]*/programs/([a-z0-9-]+)/"', html)
    assert names == ["hataraku-junbi-no-hiroba", "tour-shirakaba-farm", "godo-mensetsukai-2027-02", "chiiki-zukuri-seminar"]
    # its rhythm changes on 2027-02-15: the rule in effect on the build date, and the change to come
    assert "はたらく準備のひろば 集団プログラム 次回: 第14回 2026年11月25日(水) 13:30〜15:00 会場: しらかば市総合福祉センター 2階 研修室 募集中 毎月第2・第4水曜 13:30〜15:00（ 2027年2月15日(月) から 毎月第1・第3木曜 13:30〜15:30 に変わります。会場も しらかば市駅前交流プラザ 3階 会議室 に変わります）、全22回（うち1回は中止）、2026年4月〜2027年3月" in section
    assert "次回: 第1回 2027年6月30日(水) 13:30〜16:00" in section and "全8回、2027年6月〜2027年11月" in section
    # a tour day and a job fair meet once: 日時, as on their pages (次回 reads as the next of several)
    assert "職場見学会 日時: 2026年12月16日(水) 10:00〜11:30 募集中 （申し込みは2026年12月10日(木)まで）" in section
    assert "合同就職面接会 日時: 2027年2月17日(水) 13:30〜16:00 募集中 （申し込みは2027年2月10日(水)まで。当日参加もできます）" in section
    assert section.count("次回") == 2 and section.count("日時") == 2
    assert html.count("data-next=") == 2  # only a 次回 is replaced once past (build-age.js): a 日時 turns 終了


def test_upcoming_on_home_and_on_the_related_employer(built_site):
    home = squeeze(text(built_site, "index.html"))
    assert "2026年11月22日(日) 時点の予定です。" in home
    assert re.search(r"2026年11月25日\(水\) 13:30〜15:00 はたらく準備のひろば", home)
    farm = squeeze(text(built_site, "employers/shirakaba-farm/index.html"))
    assert re.search(r"関係するプログラムのこれからの予定 2026年12月16日\(水\) 10:00〜11:30 職場見学会「しらかば農園」 会場: しらかば農園 募集中 （申し込みは2026年12月10日\(木\)まで）", farm)
    # the deadline is said in upcoming lists, only for programs that have one
    assert "職場見学会「しらかば農園」 会場: しらかば農園 募集中 （申し込みは2026年12月10日(木)まで）" in home
    assert "お話し会「私の体験談〜継続したから今がある〜」 会場: しらかば市総合福祉センター 2階 研修室 募集中 2026年12月9日" in home
    other = text(built_site, "employers/hidamari-engei/index.html")
    assert "関係するプログラムのこれからの予定" not in other


def ics_files(site: Path) -> list[Path]:
    return sorted((site / "calendar").rglob("*.ics"))


def test_every_ics_file_parses_and_every_event_has_uid_dtstamp_and_dtstart_with_tzid(built_site):
    files = ics_files(built_site)
    assert {"all.ics", "hataraku-junbi-no-hiroba.ics", "chiiki-zukuri-seminar.ics"} <= {f.name for f in files}
    uids_in_all = set()
    for path in files:
        raw = path.read_bytes()
        assert b"\r\n" in raw
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
        events = calendar.walk("VEVENT")
        assert events, path
        for event in events:
            assert event["UID"] and event["DTSTAMP"].dt.tzinfo is not None
            assert event["DTSTART"].params["TZID"] == "Asia/Tokyo", path
            assert event["DTEND"].params["TZID"] == "Asia/Tokyo"
            summary = str(event["SUMMARY"])
            assert summary.count("「") == summary.count("」"), summary  # themes with their own 「」
            if path.name == "all.ics":
                uids_in_all.add(str(event["UID"]))
    assert len(uids_in_all) == 22 + 8 + 1 + 1  # group, seminar, tour, job fair


def test_every_feed_names_itself_and_asks_subscribers_to_refresh_twice_a_day(built_site):
    """Without a refresh hint Apple Calendar on the Mac refreshes a subscription once a week."""
    for path in ics_files(built_site):
        raw = path.read_bytes()
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw and b"\r\nX-PUBLISHED-TTL:PT12H\r\n" in raw
        calendar = icalendar.Calendar.from_ical(raw)
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"])
    program_feed = icalendar.Calendar.from_ical((built_site / "calendar/tour-shirakaba-farm.ics").read_bytes())
    assert str(program_feed["NAME"]) == "職場見学会「しらかば農園」（しらかば市 協力事業所ガイド）"


def test_a_theme_is_held_whole_by_one_pair_of_brackets_only_when_its_first_pair_ends_it():
    assert not wholly_bracketed("SST体験")
    assert wholly_bracketed("「SST体験」")
    assert not wholly_bracketed("お話し会「私の体験談」")
    assert not wholly_bracketed("「A」と「B」")


def test_a_theme_with_brackets_of_its_own_is_not_bracketed_again_in_the_feeds(built_site):
    """「SST体験「…」」 reads as doubled quotes: such a theme follows the title after a space, as on
    the pages; a plain theme still goes in 「」, and one already in 「」 keeps its own pair."""
    assert theme_after_title("SST体験") == "「SST体験」"
    assert theme_after_title("「SST体験」") == "「SST体験」"
    assert theme_after_title("お話し会「私の体験談」") == " お話し会「私の体験談」"
    assert theme_after_title("「A」と「B」") == " 「A」と「B」"
    calendar = icalendar.Calendar.from_ical((built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "はたらく準備のひろば SST体験「対人コミュニケーションスキルを磨こう」" in summaries
    assert "はたらく準備のひろば「自分の1日を振り返ろう」" in summaries
    for path in ics_files(built_site):
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            assert "」」" not in str(event["SUMMARY"]), (path.name, str(event["SUMMARY"]))


def test_cancelled_meeting_is_cancelled_in_ics_and_dtstamp_comes_from_the_data(built_site):
    calendar = icalendar.Calendar.from_ical((built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes())
    by_start = {event["DTSTART"].dt.date().isoformat(): event for event in calendar.walk("VEVENT")}
    cancelled = by_start["2027-01-27"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert "会場の設備点検のため" in str(cancelled["DESCRIPTION"])
    assert by_start["2026-12-23"]["STATUS"] == "CONFIRMED"
    assert str(by_start["2026-12-23"]["UID"]) == "hataraku-junbi-no-hiroba-20261223@example.github.io"
    assert by_start["2026-12-23"]["DTSTAMP"].dt.isoformat() == "2026-11-10T00:00:00+00:00"  # 情報確認日
    assert "2026-09-23" not in by_start
    raw = (built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Asia/Tokyo:20261223T133000" in raw


def test_an_event_added_to_a_calendar_says_how_and_until_when_to_apply_and_whom_to_call(built_site):
    """The tour must be applied for by 2026-12-10, six days before it. A seeker who added it to a
    phone's calendar sees the event, not the page: its description gives the deadline and the
    number to call (the job fair's also that one may come on the day)."""
    def description(slug: str) -> str:
        calendar = icalendar.Calendar.from_ical((built_site / f"calendar/{slug}.ics").read_bytes())
        return str(calendar.walk("VEVENT")[0]["DESCRIPTION"])

    tour = description("tour-shirakaba-farm").splitlines()
    assert tour[1:4] == ["申し込み: 電話で申し込んでください", "申し込み締切: 2026年12月10日(木)", "問い合わせ: 生活・就労支援センター 電話 0268-00-0000"]
    assert tour[-1] == "https://example.github.io/kyoryoku-jigyosho/programs/tour-shirakaba-farm/"
    assert "申し込み締切: 2027年2月10日(水)（締切のあとも、当日参加できます）" in description("godo-mensetsukai-2027-02").splitlines()
    # no deadline: how to apply, without one; a contact with an e-mail address gives it, as the page does
    group = description("hataraku-junbi-no-hiroba").splitlines()
    assert "申し込み: 初めての方は、電話で申し込んでください。2回目からは申し込みはいりません" in group
    assert not any(line.startswith("申し込み締切") for line in group)
    assert "問い合わせ: 生活・就労支援センター 電話 0268-00-0000 メール shuro-shien@example.jp" in description("chiiki-zukuri-seminar").splitlines()


def test_the_program_pages_next_meeting_says_until_when_to_apply(built_site):
    # At the counter (or on the client's phone) the first lines of the tour's page answer "when and
    # until when do I apply?": before, the deadline was only in くわしく, two phone screens down.
    page = squeeze(text(built_site, "programs/tour-shirakaba-farm/index.html"))
    assert "日時: 2026年12月16日(水) 10:00〜11:30 募集中 （申し込みは2026年12月10日(木)まで）" in page
    fair = squeeze(text(built_site, "programs/godo-mensetsukai-2027-02/index.html"))
    assert re.search(r"日時: 2027年2月17日\(水\) 13:30〜16:00 .*募集中 （申し込みは2027年2月10日\(水\)まで。当日参加もできます）", fair)


def apply_link_and_target(html: str) -> tuple[str, str]:
    """The program page's link to how to apply (above 日程) and the fact it leads to."""
    link = re.search(r'<p class="dir-screen-only"><a href="#apply">([^<]+)</a></p>', html.split('id="dates"', 1)[0])
    (target,) = re.findall(r'<dt id="apply">([^<]+)</dt><dd>(.*?)</dd>', html)
    assert link, "no link to how to apply above the dates"
    return link.group(1), squeeze(target[0] + " " + target[1]).strip()


def test_the_program_page_links_how_to_apply_above_its_dates(built_site, tmp_path):
    # A mother told of the group at a clinic asks "do I have to apply?": on a phone 申し込み was
    # four screens below the meetings. Now a link under the summary, as the employer page has.
    for slug in ("hataraku-junbi-no-hiroba", "tour-shirakaba-farm", "godo-mensetsukai-2027-02", "chiiki-zukuri-seminar"):
        label, target = apply_link_and_target(text(built_site, f"programs/{slug}/index.html"))
        assert label == "申し込みのしかたと問い合わせ先（電話）", slug
        assert target.startswith("申し込み "), (slug, target)
    _, group = apply_link_and_target(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert group == "申し込み 初めての方は、電話で申し込んでください。2回目からは申し込みはいりません"
    # Without apply: the deadline, else the contact; the words follow what is there.
    tour = "content/programs/tour-shirakaba-farm.md"
    site = build_edited(tmp_path, {tour: [("apply: 電話で申し込んでください\n", "")], "content/programs/hataraku-junbi-no-hiroba.md": [("apply: 初めての方は、電話で申し込んでください。2回目からは申し込みはいりません\n", "")]})
    label, target = apply_link_and_target(text(site, "programs/tour-shirakaba-farm/index.html"))
    assert (label, target) == ("申し込みのしかたと問い合わせ先（電話）", "申し込み締切 2026年12月10日(木)")
    label, target = apply_link_and_target(text(site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert (label, target) == ("問い合わせ先（電話）", "問い合わせ 生活・就労支援センター 電話 0268-00-0000")
    # Without a contact, the page names the centre (Directory.contact_of), and the link says so.
    (tmp_path / "no-contact").mkdir()
    site = build_edited(tmp_path / "no-contact", {tour: [("contact:\n  name: 生活・就労支援センター\n  phone: 0268-00-0000\n", "")]})
    html = text(site, "programs/tour-shirakaba-farm/index.html")
    label, target = apply_link_and_target(html)
    assert "問い合わせ しらかば市 生活・就労支援センター（架空） 電話 0268-00-0000" in squeeze(html)
    assert (label, target) == ("申し込みのしかたと問い合わせ先（電話）", "申し込み 電話で申し込んでください")


def test_after_the_deadline_the_program_page_and_the_calendar_say_applications_are_closed(tmp_path):
    # The tour's deadline is 2026-12-10 and the tour is on 2026-12-16.
    before = squeeze(text(built_on(tmp_path, "2026-12-10"), "programs/tour-shirakaba-farm/index.html"))
    assert re.search(r"日時: 2026年12月16日\(水\) \S+ 募集中", before)
    assert "申し込み締切 2026年12月10日(木)" in before and "締切を過ぎました" not in before
    site = built_on(tmp_path, "2026-12-11")
    after = squeeze(text(site, "programs/tour-shirakaba-farm/index.html"))
    assert re.search(r"日時: 2026年12月16日\(水\) \S+ 受付終了", after) and "募集中" not in after
    assert "申し込み締切 2026年12月10日(木)（締切を過ぎました）" in after
    assert 'class="cal-status cal-status--closed" data-date="2026-12-16">受付終了<' in text(site, "calendar/2026-12/index.html")
    assert "カレンダーに追加" in after  # those who applied in time still add it to their calendar
    # the job fair takes people on the day (walk_in): after its deadline it says so, not 受付終了
    fair = squeeze(text(built_on(tmp_path, "2027-02-11"), "programs/godo-mensetsukai-2027-02/index.html"))
    assert "日時: 2027年2月17日(水) 13:30〜16:00 面接会と個別相談 当日参加可" in fair and "受付終了" not in fair
    assert "申し込み締切 2027年2月10日(水)（締切を過ぎました。当日参加はできます）" in fair


def test_two_builds_give_byte_identical_ics_files(tmp_path):
    outputs = []
    for name in ("one", "two"):
        project = tmp_path / name
        project.mkdir()
        copy_project(project)
        result = run_build(project, project / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append({p.relative_to(project / "site").as_posix(): p.read_bytes() for p in ics_files(project / "site")})
    assert outputs[0].keys() == outputs[1].keys() and len(outputs[0]) > 4
    assert outputs[0] == outputs[1]


def feeds_on(today: dt.date, *records) -> dict[str, bytes]:
    return feed_files(build_calendar(records, today), "https://example.github.io/kyoryoku-jigyosho/", "テストのサイト")


def events_by_date(feed: bytes) -> dict[str, icalendar.Event]:
    return {e["DTSTART"].dt.date().isoformat(): e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")}


GROUP = {"recurrence": {"rule": "毎月第2・第4水曜", "start": "2026-11-01", "until": "2027-01-31", "time": "13:30〜15:00"}}


ONLINE = {"name": "オンライン（Zoom）", "online": True, "join": "申し込みのあと、Zoom の案内をメールでお送りします"}


def test_a_period_that_moves_online_gives_its_own_joining_instructions_in_the_feed():
    """The group meets at its hall until December and online from January (or the other way
    round): the events of the online meetings say how to join, the others do not."""
    periods = [{**GROUP["recurrence"], "until": "2026-12-31"}, {**GROUP["recurrence"], "start": "2027-01-01"}]
    moves_online = program(recurrence=[periods[0], {**periods[1], "place": ONLINE}], cancelled=[{"date": "2027-01-27", "reason": "点検のため"}])
    events = events_by_date(feeds_on(dt.date(2026, 11, 22), moves_online)["calendar/test.ics"])
    join = ONLINE["join"]
    assert join not in str(events["2026-12-09"]["DESCRIPTION"]) and str(events["2026-12-09"]["LOCATION"]) == "研修室"
    assert join in str(events["2027-01-13"]["DESCRIPTION"]).splitlines() and str(events["2027-01-13"]["LOCATION"]) == "オンライン（Zoom）"
    assert join in str(events["2027-01-27"]["DESCRIPTION"]).splitlines()  # a called-off meeting keeps it below its reason
    # an online program whose last period meets at a hall: no joining note there
    back = program(place=ONLINE, recurrence=[periods[0], {**periods[1], "place": {"name": "研修室", "address": "しらかば市中央町3-1-1"}}])
    events = events_by_date(feeds_on(dt.date(2026, 11, 22), back)["calendar/test.ics"])
    assert join in str(events["2026-12-09"]["DESCRIPTION"]).splitlines() and join not in str(events["2027-01-13"]["DESCRIPTION"])


def test_the_daily_rebuild_alone_never_changes_a_feed():
    """Only the data changes a feed: a full meeting stays 【満員】 after its day (on the pages it
    becomes 終了), so calendar apps see no change from one morning's build to the next."""
    record = program(**GROUP, full=["2026-12-09"], cancelled=[{"date": "2027-01-13", "reason": "点検のため"}])
    days = [dt.date(2026, 10, 1), dt.date(2026, 12, 9), dt.date(2026, 12, 10), dt.date(2027, 1, 14), dt.date(2027, 6, 1)]
    first, *others = [feeds_on(day, record) for day in days]
    assert all(feeds == first for feeds in others)
    events = events_by_date(first["calendar/test.ics"])
    assert str(events["2026-12-09"]["SUMMARY"]).startswith("【満員】")
    assert str(events["2027-01-13"]["SUMMARY"]).startswith("【中止】") and events["2027-01-13"]["STATUS"] == "CANCELLED"


def test_sequence_grows_as_a_meeting_becomes_full_and_then_cancelled():
    """Apps that imported a meeting take a changed copy only with a higher SEQUENCE (RFC 5546)."""
    versions = [
        program(**GROUP),
        program(**GROUP, full=["2026-12-09"]),
        program(**GROUP, cancelled=[{"date": "2026-12-09", "reason": "講師の急病のため"}]),
    ]
    meetings = [events_by_date(feeds_on(dt.date(2026, 11, 22), record)["calendar/test.ics"])["2026-12-09"] for record in versions]
    assert len({str(m["UID"]) for m in meetings}) == 1
    assert [m["SEQUENCE"] for m in meetings] == [0, 1, 2]
    assert [str(m["STATUS"]) for m in meetings] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]


def test_program_page_links_feeds_and_each_meeting_to_the_program_feed(built_site):
    html = text(built_site, "programs/hataraku-junbi-no-hiroba/index.html")
    assert 'href="webcal://example.github.io/kyoryoku-jigyosho/calendar/hataraku-junbi-no-hiroba.ics"' in html
    assert 'href="../../calendar/hataraku-junbi-no-hiroba.ics" download' in html
    # webcal:// does nothing on Android: the help gives the https address for Google's 「URL で追加」
    help_text = squeeze(html[html.index('class="cal-feeds__help"'):])
    assert "「URL で追加」" in help_text and "https://example.github.io/kyoryoku-jigyosho/calendar/hataraku-junbi-no-hiroba.ics" in help_text
    # the help is three short steps, not one long sentence; the download says it will not update
    help_html = html[html.index('class="cal-feeds__help"'):html.index("</details>", html.index('class="cal-feeds__help"'))]
    assert len(re.findall(r"<li>", help_html)) == 3
    assert 'download>ファイルをダウンロード（ICS・自動では更新されません）</a>' in html
    for path in ("calendar/index.html", "calendar/2026-12/index.html"):
        assert '<code class="cal-feeds__url">https://example.github.io/kyoryoku-jigyosho/calendar/all.ics</code>' in text(built_site, path)
    adds = re.findall(r'<a class="cal-add" href="([^"]+)" download data-cal-uid="([^"]+)" data-cal-file="([^"]+)">', html)
    assert ("../../calendar/hataraku-junbi-no-hiroba.ics", "hataraku-junbi-no-hiroba-20261223@example.github.io", "hataraku-junbi-no-hiroba-20261223.ics") in adds
    assert {href for href, _, _ in adds} == {"../../calendar/hataraku-junbi-no-hiroba.ics"}
    # every named UID is an event of the feed; no add link for a cancelled or a past meeting
    feed = icalendar.Calendar.from_ical((built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes())
    events = feed.walk("VEVENT")
    coming = {str(e["UID"]) for e in events if e["STATUS"] == "CONFIRMED" and e["DTSTART"].dt.date().isoformat() >= "2026-11-22"}
    linked = {uid for _, uid, _ in adds}
    assert linked == coming and len(set(adds)) == 8
    # one in the list for each coming meeting, and the next one's again on the 次回 line
    assert len(adds) == 9 and adds.count(adds[0]) == 2 and adds[0][1] == "hataraku-junbi-no-hiroba-20261125@example.github.io"
    for key in ("20270127", "20261111"):  # 中止, 終了
        uid = f"hataraku-junbi-no-hiroba-{key}@example.github.io"
        assert uid in {str(e["UID"]) for e in events} and uid not in linked
    assert html.count('<script src="../../assets/calendar-add.js"></script>') == 1
    assert (built_site / "assets/calendar-add.js").is_file()


def test_each_coming_meeting_has_a_google_calendar_link_beside_its_add_link(built_site):
    """Android's calendar (Google Calendar) does not open the .ics file: beside each meeting's
    「カレンダーに追加」 a plain link opens Google Calendar's event template with the meeting in it;
    none for a cancelled or a past meeting, as for 「カレンダーに追加」."""
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    html = text(built_site, "programs/hataraku-junbi-no-hiroba/index.html")
    links = re.findall(r'<a class="cal-add cal-add--google" href="([^"]+)" rel="noreferrer">Googleカレンダーに追加<span class="cal-sr">（([^<]+)）</span></a>', html)
    assert len(links) == html.count('<a class="cal-add" href=') == 9  # the 次回 line's and the list's 8
    assert links[0] == links[1]  # the 次回 line gives the next meeting's, as the list does
    links = links[1:]
    fields = {}
    for href, _ in links:
        url = urlsplit(unescape(href))
        assert url.scheme + "://" + url.netloc + url.path == "https://calendar.google.com/calendar/render"
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        fields[query["dates"]] = query
    coming = fields["20261223T133000/20261223T150000"]
    assert coming == {
        "action": "TEMPLATE",
        "text": "はたらく準備のひろば クリスマスイベント「あたたか会」",
        "dates": "20261223T133000/20261223T150000",
        "ctz": "Asia/Tokyo",
        "details": coming["details"],
        "location": coming["location"],
    } and coming["location"].startswith("しらかば市総合福祉センター 2階 研修室 ")
    # The details are the feed's event's description less its first line (what the program is,
    # said on the page the link ends with): how to apply, whom to call, the way there, the page.
    feed = icalendar.Calendar.from_ical((built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes())
    (event,) = [e for e in feed.walk("VEVENT") if e.decoded("DTSTART") == dt.datetime(2026, 12, 23, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))]
    description = str(event["DESCRIPTION"]).split("\n")
    assert coming["details"].split("\n") == description[1:]
    assert coming["details"].startswith("申し込み: 初めての方は、電話で申し込んでください。")
    assert "\n問い合わせ: " in coming["details"] and " 電話 0268-" in coming["details"] and "\n行き方: " in coming["details"]
    assert coming["details"].endswith("\nhttps://example.github.io/kyoryoku-jigyosho/programs/hataraku-junbi-no-hiroba/")
    assert not any(d.startswith(("20270127", "20261111")) for d in fields)  # 中止, 終了
    # each link has its own name for a screen reader (the meeting's date and time)
    names = [name for _, name in links]
    assert len(set(names)) == len(names) and "2026年12月23日(水) 13:30〜15:00" in names
    # a program's only meeting has it too, beside its 「カレンダーに追加」
    tour = text(built_site, "programs/tour-shirakaba-farm/index.html")
    assert tour.count("cal-add--google") == 1 and "dates=20261216T100000/20261216T113000" in tour
    # hidden on paper with the other link
    css = text(built_site, "assets/calendar.css")
    assert re.search(r"@media print \{[^}]*\.cal-adds[,\s][^}]*display: none", css)


def test_no_ics_file_per_meeting(built_site):
    """Each meeting's add link uses its program's feed, so the build writes no file per meeting."""
    assert not (built_site / "calendar/events").exists()
    assert {p.relative_to(built_site / "calendar").as_posix() for p in ics_files(built_site)} == {
        "all.ics",
        "chiiki-zukuri-seminar.ics",
        "godo-mensetsukai-2027-02.ics",
        "hataraku-junbi-no-hiroba.ics",
        "tour-shirakaba-farm.ics",
    }


def test_month_pages_give_the_grid_the_full_width(built_site):
    """The sidebar menu is hidden on month pages (the header's drawer still has it); other pages keep it."""
    sidebar = '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden>'
    assert sidebar in (built_site / "calendar/2026-12/index.html").read_text(encoding="utf-8")
    assert sidebar not in (built_site / "calendar/index.html").read_text(encoding="utf-8")
    assert sidebar not in (built_site / "employers/shirakaba-farm/index.html").read_text(encoding="utf-8")


def test_build_date_attributes_escape_the_settings():
    """MkDocs' Jinja environment does not escape by default: the macro must (an organisation name
    with a quote would otherwise break the attribute that assets/build-age.js reads)."""
    import datetime as dt
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=False)
    env.filters.update(jp_date=str, number_runs=str)  # the macro file's other macros use them
    macros = env.get_template("partials/directory_macros.html").module
    settings = SimpleNamespace(organization='"えがお"<センター>', contact_phone="0268-00-0000")
    html = str(macros.build_date_attributes(SimpleNamespace(today=dt.date(2026, 11, 22), settings=settings)))
    assert html == 'data-build-date="2026-11-22" data-contact="&#34;えがお&#34;&lt;センター&gt;" data-phone="0268-00-0000"'


def test_a_program_whose_rhythm_changes_keeps_one_page_and_one_feed(built_site):
    """The sample group moves from 毎月第2・第4水曜 13:30〜15:00 to 毎月第1・第3木曜 13:30〜15:30 on
    2027-02-15 (two rule periods in one file): one page that shows both rules with their dates,
    one feed with the meetings of both, and the month of the change says so."""
    page = squeeze(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "開く日の決まりは、途中で変わります（祝日と休館日はお休み）。 〜 2027年2月14日(日) : 毎月第2・第4水曜 13:30〜15:00 2027年2月15日(月) 〜: 毎月第1・第3木曜 13:30〜15:30" in page
    assert re.search(r"第19回 2027年2月10日\(水\) 13:30〜15:00 .*? 第20回 2027年2月18日\(木\) 13:30〜15:30 「正しく情報を得よう", page)

    uid = "hataraku-junbi-no-hiroba-{}@example.github.io"
    feed = icalendar.Calendar.from_ical((built_site / "calendar/hataraku-junbi-no-hiroba.ics").read_bytes())
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    assert len(events) == len(feed.walk("VEVENT")) == 22  # one event per meeting, UIDs unique
    before, after = events[uid.format("20270210")], events[uid.format("20270218")]
    assert (before["DTSTART"].dt.isoformat(), before["DTEND"].dt.isoformat()) == ("2027-02-10T13:30:00+09:00", "2027-02-10T15:00:00+09:00")
    assert (after["DTSTART"].dt.isoformat(), after["DTEND"].dt.isoformat()) == ("2027-02-18T13:30:00+09:00", "2027-02-18T15:30:00+09:00")
    assert uid.format("20270224") not in events and uid.format("20270318") in events  # the old Wednesday is gone
    assert uid.format("20261223") in events  # the meetings before the change keep their UIDs
    everything = icalendar.Calendar.from_ical((built_site / "calendar/all.ics").read_bytes())
    assert set(events) <= {str(e["UID"]) for e in everything.walk("VEVENT")}

    february = text(built_site, "calendar/2027-02/index.html")
    # the month page (and so its A4 sheet) and the calendar index word the change alike, a space
    # on each side of every value
    change = "2027年2月15日(月) から 毎月第1・第3木曜 13:30〜15:30 に変わります。会場も しらかば市駅前交流プラザ 3階 会議室 に変わります"
    assert f"はたらく準備のひろば は、 {change}。" in squeeze(february)
    assert f"毎月第2・第4水曜 13:30〜15:00（ {change}）、全22回" in squeeze(text(built_site, "calendar/index.html"))
    for day in ("2027-02-10", "2027-02-18"):
        cell = february[february.index(f'data-day="{day}"'):]
        assert "はたらく準備のひろば" in cell[:cell.index("</td>")], day
    for month in ("2027-01", "2027-03"):
        assert "に変わります" not in text(built_site, f"calendar/{month}/index.html"), month


def test_a_rule_period_with_its_own_place_shows_it_on_its_meetings(built_site):
    """The sample group's second period (from 2027-02-15) meets at another venue (its own
    ``place:``): the page lists each venue with its dates, and each meeting's event, in the
    program's feed and in all.ics, has the venue of its period."""
    page = squeeze(text(built_site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert ("会場 〜 2027年2月14日(日) : しらかば市総合福祉センター 2階 研修室（しらかば市中央町 3-1-1 ） 地図で見る（Google マップ） "
            "行き方: しらかば駅から歩いて5分・駐車場あり 2027年2月15日(月) 〜: しらかば市駅前交流プラザ 3階 会議室（しらかば市本町 2-5-8 ） 地図で見る（Google マップ） 対象") in page

    old_place, new_place = "しらかば市総合福祉センター 2階 研修室 しらかば市中央町3-1-1", "しらかば市駅前交流プラザ 3階 会議室 しらかば市本町2-5-8"
    uid = "hataraku-junbi-no-hiroba-{}@example.github.io"
    for feed in ("calendar/hataraku-junbi-no-hiroba.ics", "calendar/all.ics"):
        events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((built_site / feed).read_bytes()).walk("VEVENT")}
        assert str(events[uid.format("20270210")]["LOCATION"]) == old_place, feed
        assert str(events[uid.format("20270218")]["LOCATION"]) == new_place, feed
        group = [e for key, e in events.items() if key.startswith("hataraku-junbi-no-hiroba-")]
        assert {str(e["LOCATION"]) for e in group if str(e["DTSTART"].dt) < "2027-02-15"} == {old_place}, feed
        assert {str(e["LOCATION"]) for e in group if str(e["DTSTART"].dt) >= "2027-02-15"} == {new_place}, feed


SECOND_PERIOD = '  - rule: 毎月第1・第3木曜\n    start: 2027-02-15\n    until: 2027-03-31\n    time: "13:30〜15:30"\n'
MOVE = "    place:\n      name: しらかば市駅前交流プラザ 3階 会議室\n      address: しらかば市本町2-5-8\n"
"""The sample group's second period and the move to the new venue that it makes."""
KEEPS_THE_RHYTHM = SECOND_PERIOD.replace("毎月第1・第3木曜", "毎月第2・第4水曜").replace("15:30", "15:00")
"""The second period written with the rhythm the group already has (第2・第4水曜 13:30〜15:00)."""
JOIN = "申し込みのあと、Zoom の案内を電話でお知らせします"


@pytest.fixture(scope="module")
def moved_online_site(tmp_path_factory) -> Path:
    """The sample with the group's second period keeping the rhythm (第2・第4水曜 13:30〜15:00)
    and moving online: a change of place alone, to a place with its own joining instructions."""
    root = tmp_path_factory.mktemp("moved-online")
    project = copy_project(root)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    assert SECOND_PERIOD in written and MOVE in written
    online = f"    place:\n      name: オンライン（Zoom）\n      online: true\n      join: {JOIN}\n"
    group.write_text(written.replace(SECOND_PERIOD, KEEPS_THE_RHYTHM).replace(MOVE, online), encoding="utf-8")
    result = run_build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_a_change_of_place_alone_is_announced_in_the_month_and_in_the_program_list(moved_online_site):
    site = moved_online_site
    february = squeeze(text(site, "calendar/2027-02/index.html"))
    assert "はたらく準備のひろば は、 2027年2月15日(月) から 会場が オンライン（Zoom） に変わります。" in february
    for month in ("2027-01", "2027-03"):
        assert "に変わります" not in text(site, f"calendar/{month}/index.html"), month
    index = squeeze(text(site, "calendar/index.html"))
    assert "毎月第2・第4水曜 13:30〜15:00（ 2027年2月15日(月) から 会場が オンライン（Zoom） に変わります）、全22回" in index
    # the days do not change: the program page gives its rule once, over both periods, and
    # 会場 tells the move (not two identical lines of the rule, one per period)
    page = squeeze(text(site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "日程 次回: 第14回 2026年11月25日(水) 13:30〜15:00" in page
    assert "毎月第2・第4水曜（2026年4月15日(水)〜2027年3月31日(水)、祝日と休館日はお休み）" in page
    assert "開く日の決まりは" not in page and page.count("毎月第2・第4水曜") == 1
    assert "会場 〜 2027年2月14日(日) : しらかば市総合福祉センター 2階 研修室" in page and "2027年2月15日(月) 〜: オンライン（Zoom）" in page


def test_a_period_that_moves_online_says_how_to_join_on_its_page_feed_and_structured_data(moved_online_site):
    site = moved_online_site
    page_html = text(site, "programs/hataraku-junbi-no-hiroba/index.html")
    page = squeeze(page_html)
    assert f"2027年2月15日(月) 〜: オンライン（Zoom） {JOIN}" in page
    assert page.count(JOIN) == 1  # with its period, not with the hall
    uid = "hataraku-junbi-no-hiroba-{}@example.github.io"
    for feed in ("calendar/hataraku-junbi-no-hiroba.ics", "calendar/all.ics"):
        events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((site / feed).read_bytes()).walk("VEVENT")}
        hall, online = events[uid.format("20270210")], events[uid.format("20270224")]
        assert JOIN not in str(hall["DESCRIPTION"]) and str(online["LOCATION"]) == "オンライン（Zoom）", feed
        assert JOIN in str(online["DESCRIPTION"]).splitlines(), feed
    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S).group(1))["@graph"]
    modes = {event["startDate"][:10]: (event["eventAttendanceMode"].rsplit("/", 1)[1], event["location"]["@type"]) for event in graph}
    assert modes["2027-02-10"] == ("OfflineEventAttendanceMode", "Place")
    assert modes["2027-02-24"] == ("OnlineEventAttendanceMode", "VirtualLocation")


def test_a_period_that_carries_the_same_rhythm_on_is_not_told_as_a_change(tmp_path):
    """The group's second period written with the rhythm and the place it already has (a period
    of its own for its titles): no page says that it changes, to what it already is."""
    project = copy_project(tmp_path)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    assert SECOND_PERIOD in written and MOVE in written
    group.write_text(written.replace(SECOND_PERIOD, KEEPS_THE_RHYTHM).replace(MOVE, ""), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = squeeze(text(tmp_path / "site", "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "毎月第2・第4水曜（2026年4月15日(水)〜2027年3月31日(水)、祝日と休館日はお休み）" in page
    assert "開く日の決まりは" not in page and page.count("毎月第2・第4水曜") == 1
    index = squeeze(text(tmp_path / "site", "calendar/index.html"))
    assert "毎月第2・第4水曜 13:30〜15:00、全22回" in index
    assert "に変わります" not in text(tmp_path / "site", "calendar/2027-02/index.html")


def test_the_program_list_names_the_rule_in_effect_on_the_build_date(tmp_path):
    """After the change, the list of programs gives the new rule alone."""
    index = squeeze(text(built_on(tmp_path, "2027-02-20"), "calendar/index.html"))
    assert "毎月第1・第3木曜 13:30〜15:30、全22回" in index and "毎月第2・第4水曜" not in index


@pytest.fixture(scope="module")
def two_place_site(tmp_path_factory) -> Path:
    """The sample built on 2027-02-01, a fortnight before the group moves, with the group also
    related to ひだまり園芸 (whose page has no other program): every list of meetings shows
    meetings at both of its places."""
    root = tmp_path_factory.mktemp("two-places")
    project = copy_project(root)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    assert "\nrecurrence:\n" in written and "\nemployers:" not in written
    group.write_text(written.replace("\nrecurrence:\n", "\nemployers: [hidamari-engei]\nrecurrence:\n", 1), encoding="utf-8")
    result = run_build(project, root / "site", DIRECTORY_BUILD_DATE="2027-02-01")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


OLD_PLACE, NEW_PLACE = "会場: しらかば市総合福祉センター 2階 研修室", "会場: しらかば市駅前交流プラザ 3階 会議室"
BEFORE_MOVE = f"2027年2月10日(水) 13:30〜15:00 はたらく準備のひろば 「セルフチェックシートで私を見える化！？してみませんか？」 {OLD_PLACE} 募集中"
AFTER_MOVE = f"2027年2月18日(木) 13:30〜15:30 はたらく準備のひろば 「正しく情報を得よう！ネットの活用方法！！」 {NEW_PLACE} 募集中"


def test_each_meeting_of_a_program_that_meets_at_two_places_says_where_it_is(two_place_site):
    """Seen only in a list, the group's 10 February and 18 February meetings would look like the
    same group at the same place; each names its venue, in every list of meetings. Programs
    with one place are left as they were."""
    site = two_place_site
    for page in ("index.html", "employers/hidamari-engei/index.html", "calendar/index.html"):
        listed = squeeze(text(site, page))
        assert BEFORE_MOVE in listed and AFTER_MOVE in listed, page
    assert f"次回: 第19回 2027年2月10日(水) 13:30〜15:00 {OLD_PLACE} 募集中" in squeeze(text(site, "calendar/index.html"))

    february = text(site, "calendar/2027-02/index.html")
    grid, days = february[february.index('class="cal-grid"'):february.index('class="cal-list"')], february[february.index('class="cal-list"'):]
    for part in (grid, days):  # the table on wide screens and the list by day on phones
        for day, place in (("2027-02-10", OLD_PLACE), ("2027-02-18", NEW_PLACE)):
            cell = part[part.index(f'data-day="{day}"'):]
            cell = squeeze(cell[:cell.index("</ul>")])
            assert f"はたらく準備のひろば 「" in cell and place in cell, (day, cell)

    page = squeeze(text(site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert f"次回: 第19回 2027年2月10日(水) 13:30〜15:00 「セルフチェックシートで私を見える化！？してみませんか？」 {OLD_PLACE} 募集中" in page
    assert f"第19回 {BEFORE_MOVE.replace(' はたらく準備のひろば', '')}" in page
    assert f"第20回 {AFTER_MOVE.replace(' はたらく準備のひろば', '')}" in page

    # The fair, the tour and the seminar meet at one place each, which their pages give once.
    # In a list of several programs' meetings each says where all the same: the tour at the farm
    # among the group's meetings at the centre looked as if it were at the centre too.
    home = squeeze(text(site, "index.html"))
    assert "2027年2月17日(水) 13:30〜16:00 しらかば市 合同就職面接会 面接会と個別相談 会場: しらかば市総合福祉センター 3階 講堂 募集中 （申し込みは2027年2月10日(水)まで。当日参加もできます）" in home
    february = text(site, "calendar/2027-02/index.html")
    fair = february[february.index('data-day="2027-02-17"'):]
    assert "合同就職面接会" in fair[:fair.index("</td>")] and "会場: しらかば市総合福祉センター 3階 講堂" in squeeze(fair[:fair.index("</td>")])
    for page in ("programs/godo-mensetsukai-2027-02/index.html", "programs/tour-shirakaba-farm/index.html", "programs/chiiki-zukuri-seminar/index.html"):
        assert "cal-place" not in text(site, page) and "会場: " not in squeeze(text(site, page)), page


def test_a_one_place_programs_meeting_says_where_in_the_lists_of_several_programs(built_site):
    """The tour at the farm, listed among the group's meetings at the centre, says 会場: しらかば農園
    on the home page, the farm's page, the month's grid and day list, and the calendar index's
    coming meetings; its own page gives the place once, in 会場."""
    tour = "職場見学会「しらかば農園」 会場: しらかば農園 募集中"
    for page in ("index.html", "employers/shirakaba-farm/index.html", "calendar/index.html"):
        assert tour in squeeze(text(built_site, page)), page
    december = text(built_site, "calendar/2026-12/index.html")
    grid, days = december[december.index('class="cal-grid"'):december.index('class="cal-list"')], december[december.index('class="cal-list"'):]
    for part in (grid, days):
        cell = part[part.index('data-day="2026-12-16"'):]
        assert tour in squeeze(cell[:cell.index("</ul>")]), cell
    assert "cal-place" not in text(built_site, "programs/tour-shirakaba-farm/index.html")


def test_when_every_period_meets_at_its_own_same_place_the_page_names_that_place(tmp_path):
    """Every rule period names one place of its own (here the group meets at the new hall all
    year): the program page's 会場 is that hall, not the program's place, which no meeting uses."""
    project = copy_project(tmp_path)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    first = '    time: "13:30〜15:00"\n    skip_holidays: true\n'
    assert SECOND_PERIOD in written and MOVE in written and written.count(first) == 1
    group.write_text(written.replace(first, first + MOVE), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = squeeze(text(tmp_path / "site", "programs/hataraku-junbi-no-hiroba/index.html"))
    assert "会場 しらかば市駅前交流プラザ 3階 会議室" in page and "総合福祉センター" not in page


HALL_SESSION = '''  - date: 2027-09-08
    time: "13:30〜16:00"
'''
HALL = '''    place:
      name: しらかば市総合福祉センター 3階 講堂
      address: しらかば市中央町3-1-1
'''
AT_EMPLOYER = '''extra_dates:
  - date: 2027-01-20
    title: しらかば農園の畑で
    place:
      name: しらかば農園
      address: しらかば市北町1234-5
'''


@pytest.fixture(scope="module")
def elsewhere_site(tmp_path_factory) -> Path:
    """The sample with the online seminar's 4th session (2027-09-08) in a hall and one extra
    meeting of the group (2027-01-20) at an employer, each written with its own ``place:``."""
    root = tmp_path_factory.mktemp("elsewhere")
    project = copy_project(root)
    seminar = project / "content/programs/chiiki-zukuri-seminar.md"
    written = seminar.read_text(encoding="utf-8")
    assert written.count(HALL_SESSION) == 1
    seminar.write_text(written.replace(HALL_SESSION, HALL_SESSION + HALL), encoding="utf-8")
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    written = group.read_text(encoding="utf-8")
    assert written.count("\ncancelled:\n") == 1 and "extra_dates" not in written
    group.write_text(written.replace("\ncancelled:\n", "\n" + AT_EMPLOYER + "cancelled:\n"), encoding="utf-8")
    result = run_build(project, root / "site", DIRECTORY_BUILD_DATE="2026-11-30")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_a_session_or_an_extra_date_at_a_place_of_its_own_is_there_on_the_page_lists_and_feeds(elsewhere_site):
    """The page's 会場 keeps the usual place and names the other one with its date; every list
    of the program's meetings names each meeting's venue; the feeds and open data give the
    meeting's own place."""
    site = elsewhere_site
    seminar = squeeze(text(site, "programs/chiiki-zukuri-seminar/index.html"))
    assert ("会場 オンライン（Zoom） 申し込みのあと、参加のしかた（Zoom の案内と資料）をメールでお送りします "
            "2027年9月8日(水) の回: しらかば市総合福祉センター 3階 講堂（しらかば市中央町 3-1-1 ） 地図で見る（Google マップ） 対象") in seminar
    assert "第4回 2027年9月8日(水) 13:30〜16:00 地域を深く知る②（データ集から地域づくりの課題を探る） 会場: しらかば市総合福祉センター 3階 講堂" in seminar
    assert "第3回 2027年7月28日(水) 13:30〜16:00 変化・進化する就労支援①（就労支援の到達点を考える） 会場: オンライン（Zoom）" in seminar
    september = text(site, "calendar/2027-09/index.html")
    cell = september[september.index('data-day="2027-09-08"'):]
    assert "会場: しらかば市総合福祉センター 3階 講堂" in squeeze(cell[:cell.index("</td>")])

    group = squeeze(text(site, "programs/hataraku-junbi-no-hiroba/index.html"))
    assert ("2027年2月15日(月) 〜: しらかば市駅前交流プラザ 3階 会議室（しらかば市本町 2-5-8 ） 地図で見る（Google マップ） "
            "2027年1月20日(水) の回: しらかば農園（しらかば市北町 1234-5 ） 地図で見る（Google マップ） 対象") in group
    assert "第18回 2027年1月20日(水) 13:30〜15:00 しらかば農園の畑で 会場: しらかば農園 募集中" in group
    january = text(site, "calendar/2027-01/index.html")
    cell = january[january.index('data-day="2027-01-20"'):]
    assert "会場: しらかば農園" in squeeze(cell[:cell.index("</td>")])

    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((site / "calendar/chiiki-zukuri-seminar.ics").read_bytes()).walk("VEVENT")}
    hall, online = events["chiiki-zukuri-seminar-20270908@example.github.io"], events["chiiki-zukuri-seminar-20270728@example.github.io"]
    assert str(hall["LOCATION"]) == "しらかば市総合福祉センター 3階 講堂 しらかば市中央町3-1-1" and "Zoom" not in str(hall["DESCRIPTION"])
    assert str(online["LOCATION"]) == "オンライン（Zoom）" and "Zoom の案内" in str(online["DESCRIPTION"])
    everything = {str(e["UID"]): e for e in icalendar.Calendar.from_ical((site / "calendar/all.ics").read_bytes()).walk("VEVENT")}
    assert str(everything["hataraku-junbi-no-hiroba-20270120@example.github.io"]["LOCATION"]) == "しらかば農園 しらかば市北町1234-5"

    data = json.loads(text(site, "data/programs.json"))
    assert data["schema_version"] == "2.7"
    sessions = next(p for p in data["programs"] if p["id"] == "chiiki-zukuri-seminar")["sessions"]
    assert [s["place"]["name"] if s["place"] else None for s in sessions] == [None] * 3 + ["しらかば市総合福祉センター 3階 講堂"] + [None] * 4
    rows = text(site, "data/programs.csv").splitlines()
    assert next(r for r in rows if r.startswith("chiiki-zukuri-seminar-20270908,")).count(",しらかば市総合福祉センター 3階 講堂,しらかば市中央町3-1-1,なし,") == 1
    # HSDS: the hall is one of the seminar's locations, and the 4th meeting's schedule points at it
    service = next(s for s in json.loads(text(site, "data/hsds/services.json")) if s["url"].endswith("/programs/chiiki-zukuri-seminar/"))
    fourth = next(s for s in service["schedules"] if s["dtstart"] == "2027-09-08")
    at = {link["location_id"] for link in service["service_at_locations"]}
    assert fourth["attending_type"] == "会場" and fourth["location_id"] in at and len(at) == 2
    locations = {loc["id"]: loc for org in json.loads(text(site, "data/hsds/organizations.json")) for loc in org.get("locations", [])}
    assert locations[fourth["location_id"]]["name"] == "しらかば市総合福祉センター 3階 講堂"
