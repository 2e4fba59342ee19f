"""Days the programs do not run: Japanese public holidays and the centre's own closures.

Public holidays come from the ``holidays`` library (one lookup table per year, cached for the
process). Local closures (年末年始, 臨時休館) are listed in mkdocs.yml under
``extra.directory.closures``: either every year by month-day (``from: "12-29"``,
``until: "01-03"``) or once by full date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Union

import holidays
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..models.values import DASHES, halfwidth, staff_error

MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$", re.ASCII)
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


@lru_cache(maxsize=64)
def japanese_holidays(year: int) -> dict[dt.date, str]:
    """Public holidays (祝日・振替休日) of one year: date → name."""
    return dict(holidays.country_holidays("JP", years=year, language="ja"))


def holiday_name(day: dt.date) -> str | None:
    return japanese_holidays(day.year).get(day)


MAX_ANNUAL_DAYS = 31
"""The longest closure that can be written as every year's (month-day). The centre's yearly
closures are days (年末年始, お盆); a longer one is a mistake or a one-off."""


class Closure(BaseModel):
    """One closure period in mkdocs.yml (``extra.directory.closures``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)
    label: str = Field(description="休みの名前（例: 年末年始）")
    start: Union[dt.date, str] = Field(alias="from", description="\"12-29\"（毎年）または 2027-03-15（その年だけ）")
    until: Optional[Union[dt.date, str]] = Field(None, description="最後の休みの日。省略すると1日だけ")

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        # Shown in the closure notices (escaped there, like all text): an empty one would read
        # "（、2027年1月4日(月)まで）".
        if not value.strip():
            raise staff_error("値が空です", "休みの名前を書いてください（例: 年末年始）")
        return value

    @field_validator("start", "until", mode="before")
    @classmethod
    def _form(cls, value, info: ValidationInfo):
        # Before pydantic's own date-or-text check: that one reports a wrong value twice, in
        # English, under the names of the types it tried (from.date, from.str).
        if isinstance(value, dt.datetime):  # 2027-01-10 10:00:00 unquoted: MkDocs' YAML reads a time
            raise staff_error(f"「{value}」に時刻が入っています", "休みは日付だけで書いてください（例: \"2027-01-10\"）")
        if value is None and info.field_name == "start":
            raise staff_error("値が空です", "from: の後に半角スペースを1つ入れて、\"12-29\"（毎年）か \"2027-03-15\"（その年だけ）のように書いてください")
        if value is None or isinstance(value, dt.date):
            return value
        if not isinstance(value, str):  # from: 1229, from: [12-29]
            raise staff_error(f"「{value}」は休みの日付として読めません", "\"12-29\"（毎年）か \"2027-03-15\"（その年だけ）のように、引用符で囲んで半角で書いてください")
        text = str(value).strip()
        if FULL_DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise staff_error(f"日付「{text}」はありません", "カレンダーにある日付を書いてください") from None
        match = MONTH_DAY.match(text)
        normal = halfwidth(text).translate(DASHES)
        if not match and normal != text and (FULL_DATE.match(normal) or MONTH_DAY.match(normal)):
            raise staff_error(f"「{value}」の数字か「-」が全角です", f"半角で \"{normal}\" と書いてください")
        if not match:
            raise staff_error(f"「{value}」は休みの日付として読めません", "12-29（毎年）か 2027-03-15（その年だけ）の形で、半角で書いてください")
        month, day = map(int, match.groups())
        try:
            dt.date(2024, month, day)  # 02-30 and the like do not exist (2024 is a leap year)
        except ValueError:
            raise staff_error(f"「{value}」という月日はありません", "カレンダーにある月日を 12-29 の形で書いてください") from None
        return f"{month:02d}-{day:02d}"

    @model_validator(mode="after")
    def _same_form(self) -> "Closure":
        if self.until is None:
            return self
        if isinstance(self.start, str) != isinstance(self.until, str):
            raise staff_error(
                f"from「{self.start}」と until「{self.until}」の書き方がそろっていません",
                "毎年の休みなら両方を 12-29 の形で、その年だけなら両方を 2027-03-15 の形で書いてください",
                at="until",
            )
        if not self.annual and self.until < self.start:
            raise staff_error(f"until「{self.until}」が from「{self.start}」より前です", "休みの最後の日を、from と同じ日かそれより後にしてください", at="until")
        if self.annual and self.annual_days() > MAX_ANNUAL_DAYS:
            # An until before from reads as "across the new year" (12-29 … 01-03), so from and until
            # swapped (from "01-03", until "12-29") or a slip ("12-28" … "12-27") closes the centre
            # for most of every year, and staff would only see odd messages about every program.
            raise staff_error(
                f"毎年の休み「{self.start}」〜「{self.until}」は {self.annual_days()}日間になります",
                f"from に最初の日、until に最後の日を書いてください（年をまたぐ年末年始なら from: \"12-29\"、until: \"01-03\"）。{MAX_ANNUAL_DAYS}日より長い休みは、その年の日付（2027-03-15 の形）で書いてください",
                at="until",
            )
        return self

    def annual_days(self) -> int:
        """How many days an annual closure lasts (29 February counted as the 28th)."""

        def on(month_day: str, year: int) -> dt.date:
            month, day = map(int, month_day.split("-"))
            return dt.date(year, month, min(day, 28) if month == 2 else day)

        last = self.until or self.start
        start, until = on(self.start, 2022), on(last, 2022)
        # Across the new year as covers() decides it, by the month-days as written: from "02-29",
        # until "02-28" covers every day, though both fall on the 28th here.
        if last < self.start:
            until = until.replace(year=2023)
        return (until - start).days + 1

    @property
    def annual(self) -> bool:
        return isinstance(self.start, str)

    def covers(self, day: dt.date) -> bool:
        until = self.until if self.until is not None else self.start
        if not self.annual:
            return self.start <= day <= until
        key = f"{day.month:02d}-{day.day:02d}"
        if self.start <= until:
            return self.start <= key <= until
        return key >= self.start or key <= until  # across the new year: 12-29 … 01-03


DEFAULT_CLOSURES = [Closure(label="年末年始", start="12-29", until="01-03")]

NOTICE_DAYS = 14
"""How far ahead the home and employer pages and the printed sheets tell of the centre's next
closure: two weeks, so that someone planning a visit or a call sees it, without a notice that
stands for most of the year."""

LONGEST_CLOSURE = 366
"""A run of closed days is not followed further than this (an annual closure is at most 31 days,
a one-off one may be longer)."""


@dataclass(frozen=True)
class ClosedPeriod:
    """A run of consecutive days the centre is closed (年末年始: 12-29 … 01-03), with the names
    of the closures it is made of, in order (年末年始 and a one-off 臨時休館 on 01-04 right after
    it are one run: the centre reopens only on 01-05)."""

    labels: tuple[str, ...]
    first: dt.date
    last: dt.date

    def started_by(self, today: dt.date) -> bool:
        return self.first <= today


class ClosedDays:
    """Answers "is this day closed, and why" for one build; results are cached per day."""

    def __init__(self, closures: list[Closure] | None = None):
        self.closures = list(DEFAULT_CLOSURES if closures is None else closures)
        self._cache: dict[dt.date, str | None] = {}

    def closure(self, day: dt.date) -> str | None:
        if day not in self._cache:
            self._cache[day] = next((c.label for c in self.closures if c.covers(day)), None)
        return self._cache[day]

    def coming(self, today: dt.date, within: int = NOTICE_DAYS) -> tuple[ClosedPeriod, ...]:
        """The closed days that ``today`` falls in, and every other run of them that starts
        within ``within`` days, each with all its days, in order. Closures that touch or overlap
        make one run whatever their labels: "closed until 01-03" must not be said when 01-04 is
        closed too. A one-off closure a week before 年末年始 does not hide it: both are told."""
        periods: list[ClosedPeriod] = []
        day, horizon = today, today + dt.timedelta(days=within)
        while day <= horizon:
            if self.closure(day):
                periods.append(self._period_around(day))
                day = periods[-1].last
            day += dt.timedelta(days=1)
        return tuple(periods)

    def _period_around(self, day: dt.date) -> ClosedPeriod:
        """The whole run of closed days that ``day`` (a closed one) is in."""
        one_day = dt.timedelta(days=1)
        first = last = day
        while self.closure(first - one_day) and (day - first).days < LONGEST_CLOSURE:
            first -= one_day
        while self.closure(last + one_day) and (last - day).days < LONGEST_CLOSURE:
            last += one_day
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        # Every closure of the run, also one that lies wholly inside another (closure() gives
        # only the first listed for a day), in the order their first days come.
        labels = dict.fromkeys(c.label for d in days for c in self.closures if c.covers(d))
        return ClosedPeriod(tuple(labels), first, last)

    def reason(self, day: dt.date, skip_holidays: bool) -> str | None:
        """Why a rule's occurrence on ``day`` is skipped, or None if it takes place."""
        if skip_holidays:
            name = holiday_name(day)
            if name:
                return name
        return self.closure(day)
