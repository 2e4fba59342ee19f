"""Values staff type by hand: the canonical form passes, a reasonable variant gets the exact fix."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from employer_directory.models.values import jp_date, names_town, number_runs, parse_phone, parse_staff_date, parse_time_range, suggested_time


def fix_of(call, value) -> str:
    with pytest.raises(PydanticCustomError) as raised:
        call(value)
    return raised.value.context["fix"]


def what_of(call, value) -> str:
    with pytest.raises(PydanticCustomError) as raised:
        call(value)
    return raised.value.message()


def test_iso_dates_pass():
    assert parse_staff_date("2026-04-08") == dt.date(2026, 4, 8)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("2026/4/8", "2026-04-08"),
        ("2026.4.8", "2026-04-08"),
        ("2026年4月8日", "2026-04-08"),
        ("2026年4月8日(水)", "2026-04-08"),
        ("２０２６－０４－０８", "2026-04-08"),
        # Full-width digits with half-width hyphens: \d matches ２, so these once passed unnoticed.
        ("２０２６-04-15", "2026-04-15"),
        ("2026-０4-15", "2026-04-15"),
        ("２０２６/4/8", "2026-04-08"),
        ("令和8年4月8日", "2026-04-08"),
        ("令和元年5月1日", "2019-05-01"),
        ("R8.4.8", "2026-04-08"),
        ("平成31年4月30日", "2019-04-30"),
        # the month's end as said aloud (found by the staff-docs walk-through)
        ("2027年3月末", "2027-03-31"),
        ("2028年2月末日", "2028-02-29"),
        ("2027/2末", "2027-02-28"),
    ],
)
def test_reasonable_dates_get_the_exact_correction(typed, canonical):
    assert canonical in fix_of(parse_staff_date, typed)


@pytest.mark.parametrize(("typed", "shown"), [("12/3", "12月3日なら ○○○○-12-03"), ("１２月３日", "12月3日なら ○○○○-12-03"), ("4/8(水)", "4月8日なら ○○○○-04-08")])
def test_a_date_without_its_year_is_told_so_with_its_month_and_day(typed, shown):
    """Found by the staff-docs walk-through: 12/3 as written on paper was only "not a date"."""
    assert "年がありません" in what_of(parse_staff_date, typed)
    assert shown in fix_of(parse_staff_date, typed)


@pytest.mark.parametrize(
    ("typed", "what", "listed"),
    [
        ("2027-01-20、2027-01-27", "2つの日付が「、」でつながっています", "[2027-01-20, 2027-01-27]"),
        ("2027/1/20，2027-01-27、2027-02-03", "3つの日付が「，」でつながっています", "[2027-01-20, 2027-01-27, 2027-02-03]"),
    ],
)
def test_dates_joined_by_a_japanese_comma_are_told_to_be_listed(typed, what, listed):
    """Found by the staff-docs walk-through: dates: [2027-01-20、2027-01-27] (the IME's comma) is
    one item for YAML, and was only "not a date"."""
    assert what in what_of(parse_staff_date, typed)
    assert f"半角の「,」と半角スペースで区切り、{listed} のように" in fix_of(parse_staff_date, typed)


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        ("2027-01-20 10:00〜12:00", '日付だけを 2027-01-20 と書いてください。時間は time: "10:00〜12:00" の行に'),
        ("2027/1/20 10:00～12:00", '日付だけを 2027-01-20 と書いてください。時間は time: "10:00〜12:00" の行に'),
        ("2027-01-13 17:00", "日付だけを 2027-01-13 と書いてください。この項目に時刻は書けません"),
    ],
)
def test_a_date_with_its_time_after_it_is_told_where_the_time_goes(typed, fix):
    """Found by the staff-docs walk-through: dates: [2027-01-20 10:00〜12:00] was only "not a date"."""
    assert "のあとに時刻が書かれています" in what_of(parse_staff_date, typed)
    assert fix in fix_of(parse_staff_date, typed)


# 0000-01-01: a ValueError from Python's dates, shown in English (found by the fuzz audit)
@pytest.mark.parametrize("typed", ["2026-02-30", "2026/2/30", "2026-13-01", "0000-01-01", "0000/4/8"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(PydanticCustomError) as raised:
        parse_staff_date(typed)
    assert "ありません" in raised.value.context["what"]


def test_a_weekday_that_does_not_match_the_date_is_not_dropped_silently():
    # 2026-12-16 is a Wednesday: staff meant either the date or the day; the message says which
    # day the date is instead of proposing a date they may not have meant.
    assert "2026-12-16 は水曜日です" in what_of(parse_staff_date, "2026-12-16(木)")
    assert "半角で 2026-12-16" in fix_of(parse_staff_date, "2026/12/16（水）")


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        # Found by the staff walk-through: only 「月は 1 から 12 で」, and the next try was refused for its slashes.
        ("2027/13/01", "月は 1 から 12 です。半角の 年-月-日 で書いてください（月と日が逆なら 2027-01-13）"),
        ("2027-13-40", "月は 1 から 12 です。半角の 年-月-日 で書いてください（例: 2027-04-08）"),
        # month 0: no day 0 is proposed (2027-05-00)
        ("2027-00-05", "月は 1 から 12 です。半角の 年-月-日 で書いてください（例: 2027-04-08）"),
        # 「YYYY-MM-DD の形」 where every other message says 半角の 年-月-日.
        ("2027年4月31日", "正しい日付を半角の 年-月-日 で書いてください（4月の最後の日なら 2027-04-30）"),
        # The staff's own date, not a fixed example (2026-04-08).
        ("2027-01-20(木)", "カレンダーで日付を確かめ、曜日を付けずに半角の 年-月-日 で書いてください（日付が合っていれば 2027-01-20）"),
        (20270120, "2026-04-08 のように半角の 年-月-日 で書いてください"),
    ],
)
def test_a_refused_date_is_told_the_form_in_the_same_words_and_with_its_own_date(typed, fix):
    assert fix_of(parse_staff_date, typed) == fix


def test_house_numbers_are_cut_out_to_keep_them_on_one_line():
    assert number_runs("しらかば市中央町3-1-1 2階") == [("しらかば市中央町", False), ("3-1-1", True), (" ", False), ("2", True), ("階", False)]
    assert number_runs("1234-5") == [("1234-5", True)]
    assert number_runs("") == []


def test_leap_day():
    assert parse_staff_date("2028-02-29") == dt.date(2028, 2, 29)
    assert "2027年2月は28日まで" in str(pytest.raises(PydanticCustomError, parse_staff_date, "2027-02-29").value.context)


def test_time_ranges():
    assert str(parse_time_range("9:00〜16:00")) == "9:00〜16:00"
    assert str(parse_time_range("09:00-16:30")) == "9:00〜16:30"
    assert str(parse_time_range("9:00 ~ 24:00")) == "9:00〜24:00"
    # The full-width tilde is how many input methods type 〜: the same separator.
    assert str(parse_time_range("10:00～11:30")) == "10:00〜11:30"
    assert "9:00〜16:00" in fix_of(parse_time_range, "９：００〜１６：００")
    assert "9:00〜16:00" in fix_of(parse_time_range, "９：００～１６：００")
    # Times in words get the exact correction.
    assert fix_of(parse_time_range, "10時〜11時半") == '"10:00〜11:30" と書いてください'
    assert fix_of(parse_time_range, "午後1時半〜3時") == '"13:30〜15:00" と書いてください'
    assert fix_of(parse_time_range, "１０時～１１時３０分") == '"10:00〜11:30" と書いてください'
    assert "時は 0〜24" in fix_of(parse_time_range, "9:00〜25:00")
    assert "終了を後の時刻" in fix_of(parse_time_range, "16:00〜9:00")
    assert "開始〜終了" in fix_of(parse_time_range, "9時から")


def test_phone_numbers():
    assert parse_phone("0268-00-1001") == "0268-00-1001"
    assert "0268-00-1001" in fix_of(parse_phone, "０２６８－００－１００１")
    assert "0268-00-1001" in fix_of(parse_phone, "0268ー00ー1001")
    assert "0268-00-1001" in fix_of(parse_phone, "(0268)00-1001")
    assert "ハイフン" in fix_of(parse_phone, 268001001)
    # Only some digits full-width (the leading 0 is half-width): refused with the correction.
    assert "0268-00-9999" in fix_of(parse_phone, "0268-00-９９９９")
    assert "0268009999" in fix_of(parse_phone, "0２６８００９９９９")


def test_times_in_full_width_digits_are_refused():
    assert "10:00〜11:00" in fix_of(parse_time_range, "１０:00〜11:00")


def test_suggested_time_is_what_the_time_field_accepts():
    assert suggested_time("13:30〜15:00") == "13:30〜15:00"
    assert suggested_time("１３：３０～１５：００") == "13:30〜15:00"
    assert suggested_time("09:00-10:00") == "9:00〜10:00"
    assert suggested_time("午後1時半〜3時") == "13:30〜15:00"
    assert suggested_time("13時半") == "13:30"
    assert suggested_time("25:00") is None and suggested_time("16:00〜9:00") is None and suggested_time("水曜") is None


def test_japanese_date_format():
    assert jp_date(dt.date(2026, 4, 8)) == "2026年4月8日(水)"
    assert jp_date(dt.date(2026, 11, 22)) == "2026年11月22日(日)"


# Found by the fuzz audit: an input method's long-vowel mark or 「から」 between the times was
# only "cannot read", with no corrected value.
@pytest.mark.parametrize("typed", ["10:00ー11:30", "10:00から11:30", "10:00から11:30まで", "10:00―11:30", "１０：００ー１１：３０"])
def test_a_time_range_with_another_separator_gets_the_exact_correction(typed):
    assert '"10:00〜11:30" と書いてください' in fix_of(parse_time_range, typed)



@pytest.mark.parametrize("written", ["ぷちばいと", "ぷちばいと "])
def test_a_choice_typed_in_hiragana_is_told_the_value_it_reads_as(written):
    """Found by the third staff-docs walk-through: ぷちばいと (not converted) listed every value
    without naming プチバイト."""
    from employer_directory.models.choices import check_choice
    from employer_directory.vocabulary import OFFER_TYPES

    with pytest.raises(PydanticCustomError) as raised:
        check_choice(written, [term.label for term in OFFER_TYPES], "受け入れの種類")
    assert "「プチバイト」のことでしたら" in str(raised.value)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("9:00〜13:00（昼休み含む）", "時間帯「9:00〜13:00（昼休み含む）」のあとに「昼休み含む」が付いています"),
        ("9時〜13時(休憩あり)", "時間帯は \"9:00〜13:00\" だけにして、「休憩あり」は別の項目に書いてください（受け入れなら schedule_note:（日程の補足））"),
    ],
)
def test_a_time_range_with_a_note_after_it_is_told_where_the_note_goes(written, said):
    """Found by the third staff-docs walk-through: the note made the range 「読み取れません」
    with the general 9:00〜16:00 example."""
    with pytest.raises(PydanticCustomError) as raised:
        parse_time_range(written)
    assert said in str(raised.value)


@pytest.mark.parametrize(
    ("address", "town", "named"),
    [
        ("しらかば市本町2-3-4", "本町", True),
        ("しらかば市 本町２－３－４", "本町", True),  # a space, full-width digits and dash
        ("しらかば市白樺台三丁目", "白樺台", True),
        ("本町5-1-1", "本町", True),
        ("しらかば市宮本町1-2", "本町", False),  # another town that ends the same
        ("しらかば市本町通り5", "本町", False),
        ("しらかば市南原町418-2", "南町", False),
    ],
)
def test_an_address_names_a_town_only_as_its_town(address, town, named):
    """For the notice of an employer whose town mkdocs.yml puts in another area (loading.area_town_notices)."""
    assert names_town(address, town) is named
