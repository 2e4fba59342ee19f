"""Recurrence rules as staff write them (毎月第2・第4水曜, 毎週火曜, 隔週金曜, 毎月15日).

The Japanese text is parsed into a :class:`RuleSpec`; python-dateutil's ``rrule`` does the
date arithmetic. Parsing is strict: a rule that cannot be read, names an impossible day
(第6水曜, 32日) or leaves the reader guessing (毎月水曜: which week?) is refused with a message
that says what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateutil import rrule

from pydantic_core import PydanticCustomError

from ..models.values import staff_error, suggested_time
from ..vocabulary import WEEKDAYS

WEEKDAY_CHARS = "".join(WEEKDAYS)
RRULE_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)

_DAYS = r"([月火水木金土日](?:[・、,]?[月火水木金土日])*)(?:曜日?)?"
"""One weekday or several, with or without 「・」 between them (月・水曜, 月水金)."""
_NTHS = r"((?:第?[0-9]+|最終)(?:[・、,](?:第?[0-9]+|最終)|(?:第[0-9]+|最終))*)"
"""Weeks of the month: 第2・第4, 第2・4, 第2第4, 最終."""
WEEKLY = re.compile(rf"^(毎週|隔週){_DAYS}$")
MONTHLY_NTH = re.compile(rf"^毎月{_NTHS}([月火水木金土日])(?:曜日?)?$")
MONTHLY_NTH_DAYS = re.compile(rf"^毎月{_NTHS}([月火水木金土日](?:[・、,]?[月火水木金土日])+)(?:曜日?)?$")
"""毎月第1・第3月曜と水曜: two weekdays for the same weeks, which one rule cannot hold."""
MONTHLY_DAY = re.compile(r"^毎月([0-9]+)日$")
NTH_NO_PERIOD = re.compile(r"^(?:第?[0-9]|最終).*曜$")
"""第2・4水曜, 第2水曜・第4水曜, 最終金曜 without 毎月; the 曜 is needed (「3月」 is a month, not the
third Monday)."""
NO_PERIOD = re.compile(rf"^{_DAYS}$")
MONTHLY_ANY = re.compile(rf"^毎月{_DAYS}$")
NTH_EACH_DAY = re.compile(r"(第?[0-9]+|最終)([月火水木金土日])(?:曜日?)?")
"""毎月第2水曜・第4水曜: the weekday written after each week."""
WEEK_OF_MONTH = re.compile(r"^毎月((?:第?[0-9]+[・、,]?)+)週目?の?([月火水木金土日])(?:曜日?)?$")
"""毎月第2週の水曜, 毎月2・4週目水曜: weeks of the calendar, which are not the 2nd Wednesday."""
MONTH_DAYS = re.compile(r"^(?:毎月)?(?:第?[0-9]+日?[・、,])+第?[0-9]+日$")
"""毎月1日・15日, 毎月1・3日: days of the month (a 日 after a number without 曜 is no Sunday)."""

_CLOCK = r"(?:午前|午後)?[0-9]{1,2}(?::[0-9]{2}|時(?:半|[0-9]{1,2}分)?)"
TIME_IN_RULE = re.compile(rf"[(]?{_CLOCK}(?:[-~〜]{_CLOCK})?(?:から|まで|より)?[)]?")
"""A time written into the rule (毎月第2・第4水曜 13:30〜15:00), after NFKC and without spaces."""
WEEKDAY_RANGE = re.compile(r"(?<![0-9])([月火水木金土日])曜?(?:[-~〜ー−–—]|から)([月火水木金土日])曜?(?:まで)?")
"""月〜金, 月曜-金曜, 月曜から金曜まで (ー and − are what input methods type for -); not 5日〜月末."""

EXAMPLES = "「毎週火曜」「毎週月・木曜」「隔週金曜」「毎月第2・第4水曜」「毎月最終金曜」「毎月15日」"


@dataclass(frozen=True)
class RuleSpec:
    """A parsed rule: ``freq`` is ``weekly`` or ``monthly``."""

    text: str
    freq: str
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    """0 = Monday … 6 = Sunday."""
    nths: tuple[int, ...] = ()
    """Which weeks of the month (1…5, -1 for 最終); empty for weekly rules."""
    monthday: int | None = None

    def dates(self, start: dt.date, until: dt.date) -> list[dt.date]:
        return list(_expand(self, start, until))

    def to_rrule(self, start: dt.datetime, until: dt.datetime) -> rrule.rrule:
        if self.freq == "weekly":
            days = [RRULE_DAYS[d] for d in self.weekdays]
            # rrule counts 隔週 from the week of dtstart, so a start date after that week's
            # meeting day would skip to the week after next (隔週火曜 from Thursday 12-03: 12-15).
            # Staff mean "from the first meeting day on or after the start": begin the count there.
            first = start + dt.timedelta(days=min((day - start.weekday()) % 7 for day in self.weekdays))
            return rrule.rrule(rrule.WEEKLY, interval=self.interval, byweekday=days, dtstart=first, until=until)
        if self.monthday is not None:
            return rrule.rrule(rrule.MONTHLY, bymonthday=self.monthday, dtstart=start, until=until)
        day = RRULE_DAYS[self.weekdays[0]]
        return rrule.rrule(rrule.MONTHLY, byweekday=[day(n) for n in self.nths], dtstart=start, until=until)


@lru_cache(maxsize=4096)
def _expand(spec: RuleSpec, start: dt.date, until: dt.date) -> tuple[dt.date, ...]:
    begin = dt.datetime.combine(start, dt.time())
    end = dt.datetime.combine(until, dt.time())
    return tuple(moment.date() for moment in spec.to_rrule(begin, end))


def _days(text: str) -> tuple[int, ...]:
    found = tuple(WEEKDAY_CHARS.index(char) for char in re.findall(r"[月火水木金土日]", text))
    if len(set(found)) != len(found):
        raise staff_error(f"繰り返しの決まり「{text}」に同じ曜日が2回あります", "曜日は1回ずつ書いてください")
    return tuple(sorted(found))


def _range_days(original: str, first: str, last: str) -> str:
    start, end = WEEKDAY_CHARS.index(first), WEEKDAY_CHARS.index(last)
    if end == start:
        raise staff_error(
            f"繰り返しの決まり「{original}」の「{first}〜{last}」は、始めと終わりが同じ曜日です",
            f"その曜日だけなら「毎週{first}曜」、ほかの曜日もあるなら「毎週月・水曜」のように並べて書いてください",
        )
    if end < start:
        raise staff_error(
            f"繰り返しの決まり「{original}」の「{first}〜{last}」は、曜日の順（月〜日）になっていません",
            f"曜日を1つずつ並べて、「毎週{'・'.join(WEEKDAY_CHARS[start:] + WEEKDAY_CHARS[: end + 1])}曜」のように書いてください",
        )
    return "・".join(WEEKDAY_CHARS[start : end + 1])


@lru_cache(maxsize=1024)
def parse_rule(value: Any) -> RuleSpec:
    if not isinstance(value, str) or not value.strip():
        raise staff_error("繰り返しの決まりを文字で書く項目です", f"{EXAMPLES} のように書いてください")
    original = value.strip()
    text = unicodedata.normalize("NFKC", original).replace(" ", "").replace("　", "")
    # Unambiguous variants staff write: 第二・第四 for 第2・第4, 火曜・木曜 for 火・木曜.
    text = re.sub(r"第([一二三四五])", lambda match: f"第{'一二三四五'.index(match.group(1)) + 1}", text)
    # 「と」「及び」 between weekdays or weeks are 「・」 (毎週月曜と木曜, 毎月第1と第3水曜).
    text = re.sub(r"(?<=[月火水木金土日曜0-9終])(?:と|及び|および)(?=第?[0-9]|最終|[月火水木金土日])", "・", text)
    text = re.sub(r"(?<=[0-9])週?(?:と|及び|および)(?=第?[0-9])", "・", text)
    text = re.sub(r"曜日(?!曜)", "曜", text)  # 水曜日 is 水曜; 土曜日曜 is Saturday and Sunday
    text = re.sub(r"([月火水木金土日])曜(?=[・、,]?[月火水木金土日])", r"\1", text)
    # 平日 on a notice is Monday to Friday, every week (public holidays follow skip_holidays).
    text = re.sub(r"^(毎週|隔週)?平日$", lambda match: (match.group(1) or "毎週") + "月〜金", text)
    # A range of weekdays (毎週月〜金, 月曜から金曜まで) is the days in between, listed.
    text = WEEKDAY_RANGE.sub(lambda match: _range_days(original, *match.groups()), text)
    if MONTH_DAYS.match(text):
        # Two days of the month: 「毎月1日と3日」 is not the first and third Sunday (日曜).
        raise staff_error(
            f"繰り返しの決まり「{original}」には日付が2つ以上あります。1つの決まりに書ける日付は1つです",
            "「毎月1日」のように1つだけ書き、ほかの日付は sessions: に並べてください。日曜日のことなら「毎月第1・第3日曜」のように「曜」まで書いてください",
        )
    # 第2・4水曜, 第2水曜・第4水曜 and 最終金曜 on a notice always mean each month.
    if NTH_NO_PERIOD.match(text):
        text = "毎月" + text
    if match := MONTHLY_NTH_DAYS.match(text):
        days = "・".join(re.findall(r"[月火水木金土日]", match.group(2)))
        raise staff_error(
            f"繰り返しの決まり「{original}」には曜日が2つ以上あります（{days}曜）。1つの決まりに書ける曜日は1つです",
            "曜日ごとに回の日付を sessions: に並べてください（毎週なら「毎週月・水曜」のように書けます）",
        )
    # 毎月第2水曜・第4水曜 (the weekday after each week): the same as 毎月第2・第4水曜.
    if text.startswith("毎月") and (parts := re.split(r"[・、,]", text[2:])) and len(parts) > 1:
        each = [NTH_EACH_DAY.fullmatch(part) for part in parts]
        if all(each) and not any(re.search(r"[0-9]日$", part) for part in parts):  # 15日 is a date
            days = {match.group(2) for match in each}
            if len(days) == 1:
                text = "毎月" + "・".join(match.group(1) for match in each) + days.pop() + "曜"
            else:
                raise staff_error(
                    f"繰り返しの決まり「{original}」は、週ごとに曜日が違います",
                    "1つの決まりに書ける曜日は1つです（例: 毎月第2・第4水曜）。曜日の違う回は、日付を sessions: に並べてください",
                )
    if match := TIME_IN_RULE.search(text):
        _refuse_time_in_rule(original, text, match)
    if match := WEEKLY.match(text):
        period, days = match.groups()
        return RuleSpec(original, "weekly", 2 if period == "隔週" else 1, _days(days))
    if match := MONTHLY_DAY.match(text):
        day = int(match.group(1))
        if not 1 <= day <= 31:
            raise staff_error(f"繰り返しの決まり「{original}」の {day}日 はありません", "1日〜28日のどれかを書いてください")
        if day > 28:
            raise staff_error(
                f"繰り返しの決まり「{original}」は、{day}日がない月にどうするか決まりません",
                "1日〜28日にするか、「毎月最終金曜」のように曜日で書くか、日付を sessions に並べてください",
            )
        return RuleSpec(original, "monthly", 1, (), (), day)
    if match := MONTHLY_NTH.match(text):
        nths_text, day = match.groups()
        nths = []
        for part in re.findall(r"第?[0-9]+|最終", nths_text):
            if part == "最終":
                nths.append(-1)
                continue
            number = int(part.lstrip("第"))
            if not 1 <= number <= 5:
                raise staff_error(
                    f"繰り返しの決まり「{original}」の「第{number}{day}曜」はありません",
                    "1か月にある同じ曜日は第1〜第5までです。月の最後なら「最終」と書いてください（例: 毎月最終金曜）",
                )
            nths.append(number)
        if len(set(nths)) != len(nths):
            raise staff_error(f"繰り返しの決まり「{original}」に同じ週が2回あります", "第1・第3 のように1回ずつ書いてください")
        # A month has four or five of each weekday: in a month with four, 第4 is the last one,
        # in a month with five, 第5 is. Either way the two name the same day some months.
        for week in (4, 5):
            if week in nths and -1 in nths:
                raise staff_error(
                    f"繰り返しの決まり「{original}」の「第{week}」と「最終」は同じ日になることがあります"
                    f"（{day}曜が{week}回の月）",
                    "どちらか一方にしてください",
                )
        return RuleSpec(original, "monthly", 1, (WEEKDAY_CHARS.index(day),), tuple(sorted(nths, key=lambda n: (n < 0, n))))
    if match := WEEK_OF_MONTH.match(text):
        nths = "・".join("第" + number for number in re.findall(r"[0-9]+", match.group(1)))
        raise staff_error(
            f"繰り返しの決まり「{original}」の「週」は、月のどの{match.group(2)}曜か決まりません（1日が何曜日かで変わります）",
            f"その月の何回目の{match.group(2)}曜かで「毎月{nths}{match.group(2)}曜」のように書いてください（第2{match.group(2)}曜 = その月の2回目の{match.group(2)}曜）",
        )
    if MONTHLY_ANY.match(text):
        raise staff_error(
            f"繰り返しの決まり「{original}」は、毎月の何週目か分かりません",
            f"毎週なら「毎週{text[2:3]}曜」、月の決まった週なら「毎月第2・第4{text[2:3]}曜」のように書いてください",
        )
    if match := NO_PERIOD.match(text):
        days = "・".join(re.findall(r"[月火水木金土日]", match.group(1)))
        raise staff_error(
            f"繰り返しの決まり「{original}」は、毎週か隔週（2週おき）か分かりません",
            f"毎週なら「毎週{days}曜」、2週おきなら「隔週{days}曜」と書いてください",
        )
    raise staff_error(f"繰り返しの決まり「{original}」を読み取れません", f"{EXAMPLES} のように書いてください")


def _refuse_time_in_rule(original: str, text: str, match: re.Match[str]) -> None:
    """毎月第2・第4水曜 13:30〜15:00: the time belongs in ``time:``; say exactly what to write."""
    rest = (text[: match.start()] + text[match.end() :]).strip("、,・の")
    written = re.sub(r"^[(]|(?:から|まで|より)?[)]?$", "", match.group(0))
    time = suggested_time(written)
    if time and "〜" in time:
        time_line = f'time: "{time}"'
    elif time:  # only the start: the end is needed too
        time_line = f'time: "{time}〜（終わりの時刻）"'
    else:  # 25:00〜26:00 and the like: no correction to offer
        time_line = 'time: "13:30〜15:00"（開始〜終了、正しい時刻で）'
    where = "時間は rule: ではなく、recurrence: の下の time: に書きます"
    if not rest:
        raise staff_error(
            f"繰り返しの決まり「{original}」に、曜日や日付がなく時間だけが書かれています",
            f"rule: には {EXAMPLES} のように書いてください。{where}（{time_line}）",
        )
    try:
        parse_rule(rest)
    except PydanticCustomError as error:
        raise staff_error(
            f"{error.context['what']}（時間「{written}」も rule: に書かれています）",
            f"{error.context['fix']}。{where}（{time_line}）",
        ) from None
    raise staff_error(
        f"繰り返しの決まり「{original}」に時間が入っています",
        f"{where}。rule: {rest} と {time_line} の2行に分けてください（time: は rule: と同じ字下げにします）",
    )


def check_rule(value: Any) -> str:
    """Pydantic before-validator: keep the staff's text, refuse what cannot be parsed."""
    if not isinstance(value, str):
        raise staff_error("繰り返しの決まりを文字で書く項目です", f"{EXAMPLES} のように書いてください")
    return parse_rule(value).text
