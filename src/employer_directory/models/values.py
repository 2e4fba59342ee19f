"""Value types that staff type by hand: dates, times, phone numbers, whole numbers, text.

Each type accepts only the canonical half-width form. When it sees a form a person would
reasonably type (全角数字, 2026/4/8, 令和8年4月8日, 9：00, ０２６８－１２－３４５６) it rejects it
with the exact corrected value, so the file itself ends up canonical and the editor's JSON
Schema agrees with the build.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Callable, Union

from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..vocabulary import WEEKDAYS

TOKYO = ZoneInfo("Asia/Tokyo")
"""Every date and time in the content is local time in Japan (no daylight saving)."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A record's URL name (``slug:`` or its file name): half-width lower-case letters, digits and
hyphens between them."""
FULL_WIDTH = re.compile(r"[\uff01-\uff5e\u3000]")
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
DASH_CHARACTERS = "ー―‐－−–—‒"
DASHES = str.maketrans({c: "-" for c in DASH_CHARACTERS})


def staff_error(what: str, fix: str, at: str = "") -> PydanticCustomError:
    """An error whose Japanese wording reaches staff unchanged (see validation.py).

    ``at`` names the field (dotted) when a whole-record rule finds the problem, so the message
    still points at the right line.
    """
    return PydanticCustomError("staff", "{what}|{fix}", {"what": what, "fix": fix, "at": at})


def staff_errors(errors: list[PydanticCustomError]) -> PydanticCustomError:
    """Several whole-record findings as one error (a validator raises once): the first one, with
    the others under ``more``; validation.py reports each at its own line."""
    first, *others = errors
    more = [(error.context["at"], error.context["what"], error.context["fix"]) for error in others]
    return PydanticCustomError("staff", "{what}|{fix}", {**first.context, "more": more})


def no_repeats(values: list[Any], what: str) -> list[Any]:
    """A list in which nothing is written twice: ``days: [火, 火]`` or an employer named twice
    was meant to say something else, and would otherwise pass as if it were right."""
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise staff_error(
                f"{what}「{value}」が2回書かれています",
                "1回だけにしてください（別のものを書くつもりだったなら、書き直してください）",
                at=str(index),
            )
        seen.add(value)
    return values


NUMBER_RUN = re.compile(r"[0-9０-９\-－‐−]+")


def number_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(part, is_a_number)``, so that templates can keep house and phone
    numbers ("1234-5") on one line: browsers break after a hyphen even before a digit."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in NUMBER_RUN.finditer(text):
        if match.start() > position:
            parts.append((text[position : match.start()], False))
        parts.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def halfwidth(text: str) -> str:
    """Full-width digits, letters and signs as their half-width forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def address_key(text: str) -> str:
    """An address as written alike, for comparing two addresses: half-width (NFKC, so 「１２３４－５」
    is 「1234-5」), without spaces, and with the dash look-alikes of Japanese input (「−」 U+2212
    minus, 「‐」「–」「—」「―」, and 「ー」 after a digit) as 「-」. 「ー」 elsewhere is the long vowel
    of a name (センター) and is kept."""
    flat = "".join(halfwidth(text).split())
    return re.sub(r"(?<=\d)ー", "-", flat).translate(_ADDRESS_DASHES)


_ADDRESS_DASHES = str.maketrans({c: "-" for c in DASH_CHARACTERS if c != "ー"})
"""The dashes of ``address_key`` but the long vowel 「ー」, which is one only after a digit."""


def names_town(address: str, town: str) -> bool:
    """Whether ``address`` is in ``town`` (a name of mkdocs.yml ``areas[].towns``): the name
    comes at the start or after the city (市, 区, 郡, 町, 村 …) and is followed by a number, a
    kanji numeral or 丁目/番地/字, or ends the address. しらかば市本町2-3-4 is in 本町; しらかば市宮本町1
    and しらかば市本町通り5 are not. Compared as ``address_key`` writes both."""
    flat, name = address_key(address), address_key(town)
    if not name:
        return False
    return re.search(rf"(?:^|(?<=[都道府県市区郡町村])){re.escape(name)}(?=$|[0-9\-一二三四五六七八九十〇丁番字])", flat) is not None


# --- text ---------------------------------------------------------------------------------


def _check_text(limit: int, in_settings: bool = False):
    """``in_settings``: for mkdocs.yml, which has no body below 「---」 to send long text to, and
    where a setting's line left out takes its default but a label's cannot be."""

    def check(value: Any) -> str:
        if value is None:  # "title:" with nothing after it: validation.py says the value is empty
            return value
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            raise staff_error("文字で書く項目です", "値を文字で書いてください（例: \"野菜の収穫\"）")
        if isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, str):
            raise staff_error("文字で書く項目です", "値を文字で書いてください")
        value = value.strip()
        if not value:
            raise staff_error("値が空です", "内容を書いてください" if in_settings else "内容を書くか、この行ごと消してください")
        if len(value) > limit:
            raise staff_error(
                f"長すぎます（{len(value):,}文字）",
                f"{limit:,}文字以内にしてください" + ("" if in_settings else "。長い説明は「---」の下の本文に書けます"),
            )
        if HTML_TAG.search(value):
            raise staff_error(
                "HTML のタグ（< > で囲んだ記号）は項目には書けません",
                "タグを消して普通の文章にしてください" + ("" if in_settings else "。見出しや強調は本文（「---」の下）に書けます"),
            )
        return value

    return check


ShortText = Annotated[str, BeforeValidator(_check_text(80)), WithJsonSchema({"type": "string", "maxLength": 80})]
ShortSetting = Annotated[str, BeforeValidator(_check_text(80, in_settings=True)), WithJsonSchema({"type": "string", "maxLength": 80})]
"""ShortText in mkdocs.yml: the same checks, with fixes that make sense there."""
Text = Annotated[str, BeforeValidator(_check_text(400)), WithJsonSchema({"type": "string", "maxLength": 400})]
LongText = Annotated[str, BeforeValidator(_check_text(2000)), WithJsonSchema({"type": "string", "maxLength": 2000})]


def optional_setting_text(limit: int):
    """ShortSetting's checks for a mkdocs.yml text that may be left empty ("" shows none), such
    as ``contact_hours``: a tag or a pasted paragraph would be shown as written on every page."""
    check = _check_text(limit, in_settings=True)
    return lambda value: value if value == "" else check(value)


MAX_SLUG = 100
"""A URL name's longest: each is a folder name of the site (employers/<name>/), and a file
system refuses a name of more than 255 bytes only when the build writes it, after its pages.
Found by the fuzz audit of the newer fields (a pasted former_slugs value)."""


def _check_former_slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG.match(value):
        raise staff_error(
            f"前のURL名「{value}」に使えない文字があります",
            "前のファイル名から .md を除いたものを、半角英小文字・数字・ハイフンのまま書いてください（例: shirakaba-nouen）",
        )
    if len(value) > MAX_SLUG:
        raise staff_error(f"前のURL名が長すぎます（{len(value):,}文字）", f"前のファイル名から .md を除いたものを、{MAX_SLUG}文字以内で書いてください")
    return value


FormerSlug = Annotated[str, BeforeValidator(_check_former_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
"""A URL name the record had before its file (or ``slug:``) was renamed."""


def first_slug(slug: str | None, former_slugs: list[str]) -> str:
    """The record's first URL name, what its ids and calendar UIDs are made from.

    ``former_slugs`` is written oldest first (CONTRIBUTING.md: a second rename adds the name
    it had until then at the end), so its first item is the name the record was published
    under at the start. Without ``former_slugs`` it is the URL name of today. Ids made from it
    (open data, HSDS UUIDs, ICS UIDs) stay the same when the file is renamed, so a subscribed
    calendar or an importing portal sees the same record, not a deleted one and a new one."""
    return former_slugs[0] if former_slugs else slug or ""

EmployerSlug = Annotated[str, WithJsonSchema({"type": "string", "pattern": SLUG.pattern, "examples": ["shirakaba-farm", "yamabiko-care"]})]
"""An employer's URL name in a program (``employers:``). Only the editor schema and the field
reference see the pattern and the examples (two sample employers): the loader checks that the
employer exists, and says which one was meant when a name or a slip is written instead."""


# --- whole numbers -----------------------------------------------------------------------

KANJI_DIGITS = {character: digit for digit, character in enumerate("〇一二三四五六七八九")}
COUNT_UNITS = re.compile(r"(か月|ヶ月|カ月|ケ月|人|名|分|約)")


def kanji_number(text: str) -> int | None:
    """「三」「十二」「二十」「二十五」 as a number (up to 99), the way a sheet's 受入人数 or 定員 is
    sometimes written by hand; anything else None."""
    if re.fullmatch(r"[一二三四五六七八九]", text):
        return KANJI_DIGITS[text]
    match = re.fullmatch(r"([二三四五六七八九]?)十([一二三四五六七八九]?)", text)
    if not match:
        return None
    tens, ones = match.groups()
    return KANJI_DIGITS.get(tens, 1) * 10 + KANJI_DIGITS.get(ones, 0)


def _check_count(value: Any) -> int:
    if isinstance(value, bool):
        raise staff_error("数を書く項目です", "半角数字で書いてください（例: 3）")
    if isinstance(value, float):  # capacity: 2.5 (the same words as pydantic's int_from_float, validation.py)
        if value.is_integer() and 0 <= value < 1e15:  # capacity: 6.0 is six: say so
            raise staff_error(f"「{value}」は整数ではありません", f"小数点を付けずに {int(value)} と書いてください")
        raise staff_error(f"「{value}」は整数ではありません", "小数点のない半角数字で書いてください（例: 12）")
    if isinstance(value, int):
        if value < 0:
            raise staff_error("0 より小さい数は書けません", "0 以上の半角数字で書いてください")
        return value
    if isinstance(value, str):
        text = value.strip()
        normal = halfwidth(text).replace(",", "")
        normal = COUNT_UNITS.sub("", normal).strip()
        if normal.isascii() and normal.isdigit() and normal == text and len(text) > 1 and text.startswith("0"):
            # capacity: 010 (YAML 1.1 would read the octal number 8; the loader keeps it as text)
            raise staff_error(f"「{value}」は先頭に 0 が付いています", f"先頭の 0 を付けずに {int(normal)} と書いてください")
        if normal.isascii() and normal.isdigit():
            raise staff_error(
                f"「{value}」は数として読めません",
                f"半角数字だけで {int(normal)} と書いてください（単位や全角文字は付けません）",
            )
        if re.fullmatch(r"[0-9]+(?:_[0-9]+)+", normal):
            # capacity: 1_000 (YAML 1.1 would read 1000; the loader keeps it as text)
            raise staff_error(f"「{value}」は数として読めません", f"「_」を付けずに、半角数字だけで {int(normal)} と書いてください")
        if (number := kanji_number(normal)) is not None:  # capacity: 三人 (the sheet's handwriting)
            raise staff_error(f"「{value}」は漢数字です", f"半角数字だけで {number} と書いてください（単位は付けません）")
        raise staff_error(f"「{value}」は数ではありません", "半角数字で書いてください（例: 3）")
    raise staff_error("数を書く項目です", "半角数字で書いてください（例: 3）")


CIRCLES = {"〇", "○", "◯"}
"""A circle in a number field: the kanji zero or the round mark forms use for "yes"."""
NO_NUMBER = {"なし", "無し", "ナシ", "無", "×", "✕", "ー", "－", "―"}
"""Words for "none" in a number field: no limit, or no one taken? The reader cannot tell."""


def capacity_in_words(value: Any, note_line: str | None) -> Any:
    """A before-validator's words for a number of people written as words (受入人数, 定員):
    「〇」「なし」「若干名」「未定」「応相談」. ``note_line`` is the field where the words can go
    (``capacity_note``), or None where there is none (a program's 定員): then the words go
    to the page's text. Numbers, also in kanji or full width, are left to ``_check_count``."""
    if not isinstance(value, str) or not value.strip():
        return value
    text = value.strip()
    bare = COUNT_UNITS.sub("", text).strip()  # 〇人, なし名: the unit changes nothing
    if any(character.isdigit() for character in text) or kanji_number(bare) is not None:
        return value
    bare = bare or text
    unset = "人数が決まっていないなら、この行を消してください（ページには「相談して決めます」と出ます）" if note_line else "人数が決まっていないなら、この行を消してください（ページに定員は出ません）"
    if bare in CIRCLES:
        raise staff_error(
            f"「{text}」は数ではありません（丸印か、漢数字のゼロに見えます）",
            f"人数が決まっているなら半角数字で書いてください（例: 3）。{unset}",
        )
    if bare in NO_NUMBER:
        where = f"「{note_line}: 何人でも対応可」と書き換えてください" if note_line else "この行を消して、本文に「定員はありません」と書いてください"
        raise staff_error(
            f"「{text}」では、人数に決まりがないのか、受け入れがないのか分かりません",
            f"人数に決まりがないなら、{where}。{unset}",
        )
    if note_line is None:
        raise staff_error(
            f"「{text}」は数ではありません",
            f"定員は半角数字で書きます（例: 10）。「{text}」と書きたいなら、この行を消して、本文に「定員: {text}」と書いてください",
        )
    raise staff_error(
        f"「{text}」は数ではありません",
        f"この行を「{note_line}: {text}」（受入人数の補足）と書き換えてください。ページの人数の欄に「{text}」と出ます。"
        "人数が決まっているなら半角数字で書きます（例: 3）",
    )


Count = Annotated[int, BeforeValidator(_check_count), WithJsonSchema({"type": "integer", "minimum": 0})]


def _at_most(limit: int, unit: str) -> Callable[[int], int]:
    def check(value: int) -> int:
        if value > limit:
            raise staff_error(
                f"{value}{unit}は多すぎます（{limit}{unit}までしか書けません）",
                "数字の打ち間違い（0 が多いなど）でないか確かめて、正しい人数を半角数字で書いてください",
            )
        return value

    return check


MAX_CAPACITY = 10_000
"""A program's 定員 or an offer's 受入人数 above this is a typo (an extra 0, or a phone number in the
wrong line): the largest hall a support centre or a cooperating employer could fill for a seminar,
a tour or work experience holds a few thousand at most, and 99999999999999999999人 is no number
a family should read."""
MAX_HEADCOUNT = 1_000_000
"""An employer's 従業員数 above this is a typo: the largest employer group in Japan has fewer than
half a million people, so no real cooperating employer reaches a million."""

Capacity = Annotated[int, BeforeValidator(_check_count), AfterValidator(_at_most(MAX_CAPACITY, "人")), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_CAPACITY})]
"""A number of people a program or an offer takes at once (定員, 受入人数)."""
Headcount = Annotated[int, BeforeValidator(_check_count), AfterValidator(_at_most(MAX_HEADCOUNT, "人")), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_HEADCOUNT})]
"""An employer's number of employees (従業員数)."""


# --- dates -------------------------------------------------------------------------------

ERAS = {"令和": 2018, "平成": 1988, "R": 2018, "H": 1988}
# re.ASCII: without it \d also matches full-width digits (２０２６), and int() reads them, so
# 「２０２６-04-15」 would pass unnoticed instead of getting the half-width correction.
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
LOOSE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", re.ASCII)
ERA_DATE = re.compile(r"^(令和|平成|R|H)\s*(\d{1,2}|元)\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$", re.I | re.ASCII)
WEEKDAY_SUFFIX = re.compile(r"[（(][月火水木金土日][)）]$")
# 12/3, 12月3日: the month and day as people write them on paper, with no year.
# 2027年3月末, 2027/3末: the last day of that month.
MONTH_END = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*末日?$", re.ASCII)
YEARLESS_DATE = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$", re.ASCII)


def _real_date(year: int, month: int, day: int, original: str) -> dt.date:
    if year < 1:  # 0000-01-01: Python's dates start at year 1
        raise staff_error(f"日付「{original}」の年 {year} はありません", "年は 2026 のように西暦4桁で書いてください")
    if not 1 <= month <= 12:
        # 2027/13/01: often the day and the month swapped (13 January, written day first); the
        # form is said too, or the next try is refused for its slashes.
        swapped = f"月と日が逆なら {year:04d}-{day:02d}-{month:02d}" if 1 <= day <= 12 and 1 <= month <= calendar.monthrange(year, day)[1] else f"例: {year:04d}-04-08"
        raise staff_error(f"日付「{original}」の月 {month} はありません", f"月は 1 から 12 です。半角の 年-月-日 で書いてください（{swapped}）")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise staff_error(
            f"日付「{original}」はありません（{year}年{month}月は{last}日まで）",
            f"正しい日付を半角の 年-月-日 で書いてください（{month}月の最後の日なら {year:04d}-{month:02d}-{last:02d}）",
        )
    return dt.date(year, month, day)


def parse_staff_date(value: Any) -> dt.date:
    """Accept ``2026-04-08``; for every other recognisable form, say exactly what to write."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise staff_error("日付を書く項目です", "2026-04-08 のように半角の 年-月-日 で書いてください")
    original = value.strip()
    match = ISO_DATE.match(original)
    if match:
        return _real_date(*map(int, match.groups()), original)
    loose = halfwidth(original).translate(DASHES)
    weekday = WEEKDAY_SUFFIX.search(loose)
    normal = WEEKDAY_SUFFIX.sub("", loose).strip()
    candidate: dt.date | None = None
    if match := LOOSE_DATE.match(normal):
        candidate = _real_date(*map(int, match.groups()), original)
    elif (match := MONTH_END.match(normal)) and 1 <= int(match.group(2)) <= 12:
        year, month = map(int, match.groups())
        candidate = _real_date(year, month, calendar.monthrange(max(year, 1), month)[1], original)
    elif match := ERA_DATE.match(normal):
        era, year, month, day = match.groups()
        offset = ERAS[era.upper() if len(era) == 1 else era]
        candidate = _real_date(offset + (1 if year == "元" else int(year)), int(month), int(day), original)
    if candidate and weekday and weekday.group(0)[1] != WEEKDAYS[candidate.weekday()]:
        # 2026-12-16(木): the date is a Wednesday. Which one did staff mean? Do not guess.
        raise staff_error(
            f"日付「{original}」の曜日が合いません（{candidate.isoformat()} は{WEEKDAYS[candidate.weekday()]}曜日です）",
            f"カレンダーで日付を確かめ、曜日を付けずに半角の 年-月-日 で書いてください（日付が合っていれば {candidate.isoformat()}）",
        )
    if candidate:
        raise staff_error(
            f"日付「{original}」は決まった形で書いてください",
            f"半角で {candidate.isoformat()} と書いてください",
        )
    if (match := YEARLESS_DATE.match(normal)) and 1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(2)) <= 31:
        # Which year is not guessed: a registration date is past, a meeting's usually next year.
        month, day = map(int, match.groups())
        raise staff_error(
            f"日付「{original}」に年がありません",
            f"西暦4桁の年を入れて、半角の 年-月-日 で書いてください（{month}月{day}日なら ○○○○-{month:02d}-{day:02d}）",
        )
    parts = [part for part in LIST_SEPARATOR.split(normal) if part]
    days = [_plain_date(part) for part in parts]
    if len(parts) > 1 and all(days):
        # dates: [2027-01-20、2027-01-27]: typed with the Japanese comma, YAML reads one item.
        mark = min((mark for mark in "、，," if mark in original), key=original.index)
        raise staff_error(
            f"「{original}」は{len(parts)}つの日付が「{mark}」でつながっています",
            f"日付は半角の「,」と半角スペースで区切り、[{', '.join(day.isoformat() for day in days if day)}] のように書いてください"
            "（日付を1つだけ書く項目なら、1つにします）",
        )
    day_part, _space, rest = normal.partition(" ")
    if rest and (day := _plain_date(day_part)) and (clock := CLOCK_AFTER_DATE.match(rest.strip())):
        # dates: [2027-01-20 10:00〜12:00]: a meeting's time belongs on its own time: line.
        where = f"時間は time: \"{clock.group(1)}〜{clock.group(2)}\" の行に書いてください" if clock.group(2) else "この項目に時刻は書けません"
        raise staff_error(f"日付「{original}」のあとに時刻が書かれています", f"ここには日付だけを {day.isoformat()} と書いてください。{where}")
    raise staff_error(f"「{original}」は日付として読めません", "2026-04-08 のように半角の 年-月-日 で書いてください")


LIST_SEPARATOR = re.compile(r"\s*[、,]\s*")
"""Between dates written as one item (full-width commas are half-width after NFKC)."""
CLOCK_AFTER_DATE = re.compile(r"^(\d{1,2}:\d{2})(?:\s*[-~〜]\s*(\d{1,2}:\d{2}))?$")


def _plain_date(text: str) -> dt.date | None:
    """The date in ``2027-01-20`` or ``2027/1/20`` (the written forms of one date), else None."""
    match = ISO_DATE.match(text) or LOOSE_DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


StaffDate = Annotated[
    dt.date,
    BeforeValidator(parse_staff_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


# --- times -------------------------------------------------------------------------------

TIME = re.compile(r"^(\d{1,2}):(\d{2})$", re.ASCII)
RANGE_SEPARATORS = re.compile(r"\s*[-~〜～]\s*")


@dataclass(frozen=True, order=True)
class ClockTime:
    hour: int
    minute: int

    def __str__(self) -> str:
        return f"{self.hour}:{self.minute:02d}"

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute


@dataclass(frozen=True)
class TimeRange:
    start: ClockTime
    end: ClockTime

    def __str__(self) -> str:
        return f"{self.start}〜{self.end}"


def _parse_time(text: str, original: str) -> ClockTime:
    match = TIME.match(text)
    if not match:
        raise staff_error(f"時刻「{original}」を読み取れません", "9:00〜16:00 のように半角の 時:分 で書いてください")
    hour, minute = map(int, match.groups())
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise staff_error(
            f"時刻「{text}」はありません",
            "時は 0〜24、分は 0〜59 で書いてください（夜中の1時は 1:00、翌日にまたぐ予定は2つに分けます）",
        )
    return ClockTime(hour, minute)


TIME_WITH_NOTE = re.compile(r"^(.*?[\d時分半])\s*[（(](.+)[）)]$")
JAPANESE_TIME = re.compile(r"^(?:午前|午後)?(\d{1,2})時(?:(半)|(\d{1,2})分)?$", re.ASCII)


def _from_japanese_time(match: re.Match[str], afternoon: bool) -> str:
    hour_text, half, minute = match.groups()
    hour = int(hour_text)
    text = match.group(0)
    if hour < 12 and (text.startswith("午後") or (afternoon and not text.startswith("午前"))):
        hour += 12
    return f"{hour}:{30 if half else int(minute or 0):02d}"


def parse_time_range(value: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str):
        raise staff_error("時間帯を書く項目です", "9:00〜16:00 のように書いてください（全体を \"…\" で囲むと確実です）")
    original = value.strip()
    normal, parts = _range_parts(original)
    if len(parts) == 2 and all(JAPANESE_TIME.match(part) for part in parts):
        # 10時〜11時半: say exactly what to write instead.
        afternoon = parts[0].startswith("午後")
        # 午後1時半〜3時: the 午後 holds for both ends unless the end says otherwise.
        start, end = (_from_japanese_time(JAPANESE_TIME.match(part), afternoon) for part in parts)
        raise staff_error(f"時間帯「{original}」は 時:分 の形で書いてください", f"\"{start}〜{end}\" と書いてください")
    if len(parts) != 2:
        # 10:00ー11:00 (the long-vowel mark an input method gives for "-"), 10:00から11:00: say
        # exactly what to write when another separator makes it a valid range.
        other = re.sub(r"\s*(?:から|より)\s*", "〜", normal.translate(DASHES)).removesuffix("まで")
        if (suggested := suggested_time(other)) and "〜" in suggested:
            raise staff_error(f"時間帯「{original}」の区切りを読み取れません", f"開始と終了の間を「〜」にして \"{suggested}\" と書いてください")
        raise staff_error(f"時間帯「{original}」を読み取れません", "9:00〜16:00 のように 開始〜終了 で書いてください")
    if (noted := TIME_WITH_NOTE.match(original)) and (suggested := suggested_time(noted.group(1))) and "〜" in suggested:
        # 9:00〜13:00（昼休み含む）: a time range with a note after it.
        raise staff_error(
            f"時間帯「{original}」のあとに「{noted.group(2)}」が付いています",
            f"時間帯は \"{suggested}\" だけにして、「{noted.group(2)}」は別の項目に書いてください（受け入れなら schedule_note:（日程の補足））",
        )
    start, end = (_parse_time(part, original) for part in parts)
    if normal != original.replace("～", "〜"):
        raise staff_error(
            f"時間帯「{original}」の数字か「:」が全角です", f"数字と「:」を半角にして \"{start}〜{end}\" と書いてください（「〜」はそのままで構いません）"
        )
    if end <= start:
        raise staff_error(
            f"時間帯「{original}」は終わりが始まりより前か同じです", "開始〜終了 の順に、終了を後の時刻にしてください"
        )
    return TimeRange(start, end)


def _range_parts(text: str) -> tuple[str, list[str]]:
    """``text`` in half-width, and split at its range separator (one part if there is none).

    Japanese input methods type 〜 as either U+301C or the full-width tilde U+FF5E: both are the
    separator staff mean, and half-width conversion would turn only the second into "~".
    """
    normal = halfwidth(text.replace("～", "〜"))
    return normal, RANGE_SEPARATORS.split(normal)


def _clock_from(part: str, afternoon: bool) -> ClockTime | None:
    """One half-width time (13:30, 13時半, 午後1時) as a valid clock time, or None."""
    if match := JAPANESE_TIME.match(part):
        part = _from_japanese_time(match, afternoon)
    try:
        return _parse_time(part, part)
    except PydanticCustomError:
        return None


def suggested_time(text: str) -> str | None:
    """What to write in a ``time:`` field for a time range or a single time typed anywhere
    (13:30〜15:00, １３：３０～１５：００, 午後1時半〜3時, 13時半): ``"13:30〜15:00"``, ``"13:30"``
    for a lone start time, or None when it is no time at all (or an impossible one)."""
    _normal, parts = _range_parts(text.strip())
    if len(parts) == 1:
        clock = _clock_from(parts[0], False)
        return str(clock) if clock else None
    if len(parts) != 2:
        return None
    afternoon = parts[0].startswith("午後")
    start, end = (_clock_from(part, afternoon) for part in parts)
    if start is None or end is None or end <= start:
        return None
    return str(TimeRange(start, end))


StaffTimeRange = Annotated[
    TimeRange,
    BeforeValidator(parse_time_range),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}\s*[-~〜～]\s*\d{1,2}:\d{2}$", "examples": ["9:00〜16:00"]}),
]



def parse_meeting_time(value: Any) -> "ClockTime | TimeRange":
    """Which meeting of a day a ``cancelled:`` or ``full:`` entry names: its start time
    (``"13:30"``, what staff say: 「午後の部（13:30から）は満員」), or its whole time range as the
    meeting's ``time:`` says it (``"13:30〜15:00"``, copied from the file)."""
    if isinstance(value, (ClockTime, TimeRange)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # time: 1330 (13:30 unquoted is text: frontmatter reads no base-60 numbers).
        raise staff_error(f"時刻「{value}」は 時:分 の形ではありません", "その回の始まりの時刻を time: \"13:30\" のように書いてください")
    if not isinstance(value, str):
        raise staff_error("その回の始まりの時刻を書く項目です", "time: \"13:30\" のように、半角の \"…\" で囲んで書いてください")
    original = value.strip()
    normal, parts = _range_parts(original)
    if len(parts) != 1:
        return parse_time_range(original)
    if TIME.match(original):
        return _parse_time(original, original)
    suggested = suggested_time(original)
    if suggested:
        raise staff_error(f"時刻「{original}」は 時:分 の半角で書いてください", f"time: \"{suggested}\" と書いてください")
    raise staff_error(f"時刻「{original}」を読み取れません", "その回の始まりの時刻を time: \"13:30\" のように半角で書いてください")


def names_meeting(time: "ClockTime | TimeRange", meeting: "TimeRange | None") -> bool:
    """Whether ``time`` (parse_meeting_time) is that of a meeting held at ``meeting``."""
    if meeting is None:
        return False
    return meeting == time if isinstance(time, TimeRange) else meeting.start == time


MeetingTime = Annotated[
    Union[ClockTime, TimeRange],
    BeforeValidator(parse_meeting_time),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{1,2}:\d{2}(\s*[-~〜～]\s*\d{1,2}:\d{2})?$",
            "examples": ["13:30", "13:30〜15:00"],
        }
    ),
]


# --- phone numbers -----------------------------------------------------------------------

PHONE_NUMBER = r"0\d{1,4}-\d{1,4}-\d{3,4}|0\d{9,10}"
PHONE = re.compile(rf"^(?:{PHONE_NUMBER})$", re.ASCII)


def parse_phone(value: Any) -> str:
    if isinstance(value, int):
        raise staff_error(
            "電話番号が数として読まれました（先頭の0が消えます）", "0268-00-0000 のようにハイフンを入れて書いてください"
        )
    if not isinstance(value, str):
        raise staff_error("電話番号を書く項目です", "0268-00-0000 のように半角で書いてください")
    original = value.strip()
    if PHONE.match(original):
        return original
    normal = re.sub(r"[()（）\s]+", "-", halfwidth(original).translate(DASHES)).strip("-")
    normal = re.sub(r"-+", "-", normal)
    if PHONE.match(normal):
        raise staff_error(f"電話番号「{original}」に全角文字や記号があります", f"半角で {normal} と書いてください")
    # 0268-00-0000（代表）, 0268-00-0000 内線12: a number with words around it.
    dashed = re.sub(rf"(?<=\d)[{DASH_CHARACTERS}](?=\d)", "-", halfwidth(original))
    numbers = re.findall(PHONE_NUMBER, dashed, re.ASCII)
    if len(numbers) > 1:  # 0268-00-0000（代表）0268-00-0001: two numbers, not one with words
        raise staff_error(
            f"電話番号「{original}」に番号が{len(numbers)}つ書かれています",
            f"ここには番号を1つだけ、たとえば {numbers[0]} と書いてください（「代表」などの言葉も書けません）",
        )
    if numbers:
        words = dashed.replace(numbers[0], " ").strip(" ()（）:：")
        raise staff_error(
            f"電話番号「{original}」に番号のほかの言葉（{words}）があります",
            f"ここには番号だけを {numbers[0]} と書いてください（「{words}」のような言葉は書けません）",
        )
    raise staff_error(f"「{original}」は電話番号として読めません", "0268-00-0000 のように半角数字とハイフンで書いてください")


Phone = Annotated[str, BeforeValidator(parse_phone), WithJsonSchema({"type": "string", "pattern": PHONE.pattern})]


def jp_date(day: dt.date, start: str = "year") -> str:
    """2026年4月8日(水); from ``start`` ``"month"``: 4月8日(水), ``"day"``: 8日(水) (a month's sheet)."""
    text = f"{day.year}年{day.month}月{day.day}日({WEEKDAYS[day.weekday()]})"
    if start == "month":
        return text.split("年", 1)[1]
    if start == "day":
        return text.split("月", 1)[1]
    return text
