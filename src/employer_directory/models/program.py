"""Support programs (集団プログラム, セミナー, 職場見学会, …) in ``content/programs/*.md``.

Dates come in three forms that can be combined: ``dates`` (single dates at the program's
``time``), ``sessions`` (each with its own date, time and title) and ``recurrence`` (a rule
such as 毎月第2・第4水曜 from one date until another). ``extra_dates``, ``cancelled`` and
``full`` are the exceptions. How they turn into occurrences is in ``calendar/occurrences.py``.

``recurrence`` is one rule (a mapping) or, for a program whose rhythm changes during the year
(第2・第4水曜 until September, 第1・第3木曜 from October), a list of periods in date order, each
a full rule of its own. The program keeps one page, one feed and one set of meeting UIDs. Each
period's ``titles`` go to its own meetings; the meeting numbers (第n回) run on across periods,
since they count the program's meetings, not the rule's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Callable, ClassVar, Iterable, Optional, Union

from dateutil.relativedelta import relativedelta
from pydantic import BeforeValidator, Discriminator, Field, Tag, WithJsonSchema, ValidationInfo, field_validator, model_serializer, model_validator

from ..calendar.closures import ClosedDays
from ..calendar.rules import check_rule
from ..validation import field_path
from .choices import check_choice
from .employer import Access, Contact, Employer, Strict
from .values import Capacity, ClockTime, Count, EmployerSlug, FormerSlug, LongText, MeetingTime, ShortText, StaffDate, StaffTimeRange, Text, TimeRange, address_key, capacity_in_words, names_meeting, first_slug, no_repeats, staff_error, staff_errors


def _origin_label(origin: str) -> str:
    """Where a planned meeting comes from, as staff see it: sessions.1 → sessions[2番目]."""
    if origin == "recurrence":
        return "recurrence（繰り返し）の回"
    name, _, index = origin.partition(".")
    if name == "recurrence":
        return f"recurrence[{int(index) + 1}番目]（繰り返し）の回"
    return f"{name}[{int(index) + 1}番目]" if index.isdigit() else name


class VenueAccess(Strict):
    """How to get to a program's venue, as the employer's ``access:`` says it of a workplace
    (the same field types), but every field may be left out, and one left out is not shown: a
    venue's 送迎 or 駐車場 that nobody wrote down is not 「なし」. ``pickup_note`` says where the
    pick-up starts and how to ask for it; ``note`` anything else about getting there."""

    nearest: Optional[Text] = Field(None, title="最寄り駅・バス停", description="例: 「しらかば駅から歩いて5分」")
    pickup: Optional[bool] = Field(None, title="送迎", description="最寄り駅などからの送迎があれば true、なければ false。分からなければ書きません")
    pickup_note: Optional[Text] = Field(
        None,
        title="送迎の案内",
        description="どこから送迎があるか、どう頼むか。例: 「しらかば駅から。申し込みのときに伝えてください」。pickup: true のときだけ書きます",
    )
    parking: Optional[bool] = Field(None, title="駐車場", description="車やバイクで来られるなら true、とめられないなら false。分からなければ書きません")
    note: Optional[Text] = Field(None, title="行き方の補足", description="例: 「入口は建物の裏側です」")

    @model_validator(mode="after")
    def _pickup_note(self) -> "VenueAccess":
        if self.pickup_note and self.pickup is not True:
            raise staff_error(
                "送迎の案内（pickup_note）が書かれていますが、送迎（pickup）が true になっていません",
                "送迎があるなら pickup: true を書いてください。送迎がないなら pickup_note: の行を消してください",
                at="pickup_note",
            )
        if not self.model_fields_set:
            raise staff_error("行き方（access）の中身が書かれていません", "nearest:（最寄り駅・バス停）などを書くか、access: の行を消してください")
        return self

    def filled_from(self, access: "Access | VenueAccess") -> "VenueAccess":
        """This access with what it leaves out of the nearest stop, the pick-up and the parking
        taken from an employer's ``access:`` (a venue at that employer's address), or from another
        venue of the program in the same building (the same address, another room); with a
        venue's pick-up comes its ``pickup_note``. The other ``note`` is not taken: it speaks of
        that workplace or that room (「入口は建物の裏側です」), not of this one."""
        taken = self.pickup is None and access.pickup is not None
        return self.model_copy(
            update={
                "nearest": self.nearest if self.nearest is not None else access.nearest,
                "pickup": access.pickup if taken else self.pickup,
                "pickup_note": getattr(access, "pickup_note", None) if taken else self.pickup_note,
                "parking": self.parking if self.parking is not None else access.parking,
            }
        )

    def phrases(self) -> list[str]:
        """What the page says, one phrase per field written: 「しらかば駅から車で10分」
        「送迎あり（しらかば駅から。…）」「駐車場あり」 and the note. Plain text, for the page's
        「行き方」, the ICS description and the HSDS location's ``transportation``."""
        found = [self.nearest] if self.nearest else []
        if self.pickup is not None:
            found.append(("送迎あり" + (f"（{self.pickup_note}）" if self.pickup_note else "")) if self.pickup else "送迎なし")
        if self.parking is not None:
            found.append("駐車場あり" if self.parking else "駐車場なし")
        return found + ([self.note] if self.note else [])


class Place(Strict):
    name: ShortText = Field(title="会場名", description="オンラインなら「オンライン（Zoom）」など")
    address: Optional[Text] = Field(None, title="住所")
    online: bool = Field(False, title="オンライン", description="オンライン開催なら true")
    join: Optional[Text] = Field(None, title="参加のしかた", description="オンラインのとき、申し込み後に案内が届くことなど")
    access: Optional[VenueAccess] = Field(
        None,
        title="行き方",
        description=(
            "会場への行き方（最寄り駅・バス停、送迎、駐車場）。書いたものだけがページに出ます。"
            "関係する協力事業所（employers:）と同じ住所の会場では、ここに書かなかった最寄り駅・バス停・送迎・駐車場を、"
            "その事業所の access: から出します（事業所の案内と違うこと、たとえば見学会の送迎だけを書けば足ります）。"
            "同じ建物の別の部屋（住所が同じで会場名が違う会場）にも、ここに書いた最寄り駅・バス停・送迎・駐車場が出ます（補足 note: は出ません）。"
            "同じ会場（会場名と住所が同じ）を期間・回・追加の日にもう一度書くときは、access: は1か所に書けば、ほかの所にも出ます。オンラインの会場には書けません"
        ),
    )

    @model_validator(mode="after")
    def _online_access(self) -> "Place":
        if self.online and self.access is not None:
            raise staff_error(
                "オンラインの会場（online: true）に行き方（access）が書かれています",
                "オンラインなら access: とその下の行を消してください。会場に来てもらうなら online: true を消してください",
                at="access",
            )
        return self


def same_address(first: str, second: str) -> bool:
    """Whether two addresses are written alike, but for full-width digits, spaces and dash
    look-alikes (「しらかば市北町１２３４－５」 and 「しらかば市北町1234−5」 are 「しらかば市北町1234-5」):
    ``values.address_key``."""
    return address_key(first) == address_key(second)


def venue_key(place: Place) -> Optional[tuple[str, Optional[str]]]:
    """What makes two written places one venue: the name and the address, each written alike
    (``address_key``), not how to get there. None for an online place (it has no venue; its
    ``join`` tells it apart)."""
    if place.online:
        return None
    return (address_key(place.name), address_key(place.address) if place.address else None)


def one_place_per_venue(places: Iterable[Place]) -> dict[Place, Place]:
    """Each written place that repeats a venue written before, with the place it stands for.

    Staff write a venue's ``access:`` once (on the program's ``place:``, or the first period or
    session that meets there) and repeat only the name and address where a period, session or
    extra date meets there again. Such a repeat is the same place, with that access: it is not
    listed as meeting elsewhere, and the page, the feeds and the open data give its 行き方.
    The place it stands for is the first of the venue written with an ``access:`` (in the order
    ``places`` gives: the program's, then the periods', the sessions', the extra dates'), else
    the first of the venue; a repeat written with another ``access:`` of its own (the tour's
    pick-up only on some days) stays a place of its own, as written. A repeat written by the
    venue's name alone, without the address, is that venue when one venue of that name has an
    address (else the page listed 「この日は しらかば市総合福祉センター 2階 研修室」 as another
    place than the usual one of the same name, with no address and no 行き方)."""
    venues: dict[tuple, list[Place]] = {}
    for place in places:
        key = venue_key(place)
        if key is not None:
            venues.setdefault(key, []).append(place)
    found: dict[Place, Place] = {}
    heads: dict[tuple, Place] = {}
    for key, written in venues.items():
        first = heads[key] = next((place for place in written if place.access is not None), written[0])
        for place in written:
            if place != first and place.access in (None, first.access):
                found[place] = first
    addressed: dict[str, list[tuple]] = {}
    for key in venues:
        if key[1] is not None:
            addressed.setdefault(key[0], []).append(key)
    for (name, address), written in venues.items():
        if address is None and len(addressed.get(name, ())) == 1:
            head = heads[addressed[name][0]]
            for place in written:
                if place.access in (None, head.access):
                    found[place] = head
    return found


def venue_access(program: "Program", place: Place, employer: Callable[[str], Optional[Employer]]) -> Optional[VenueAccess]:
    """How to get to ``place``, one of ``program``'s venues: its own ``access:``, with what it
    leaves out of the nearest stop, the pick-up and the parking taken from the program's first
    employer at the same address (a tour at the farm: staff need not copy the farm's access, and
    write only what differs, such as the tour's pick-up); None when nothing is known (the page
    says nothing). Nothing for an online place. ``employer`` finds an employer by its slug
    (Directory.employer)."""
    if place.online:
        return None
    access = place.access
    if place.address:
        # Another room of the same building (「…センター 1階 ホール」 beside 「…センター 2階 研修室」,
        # whose access: staff wrote): the station, the pick-up and the parking are the building's.
        for other in program.written_places():
            if other.access is not None and other.address and venue_key(other) != venue_key(place) and same_address(other.address, place.address):
                access = (access or VenueAccess.model_construct()).filled_from(other.access)
                break
        for slug in program.employers:
            found = employer(slug)
            if found is not None and same_address(found.address, place.address):
                return (access or VenueAccess.model_construct()).filled_from(found.access)
    return access


class Session(Strict):
    date: StaffDate = Field(title="日付")
    time: Optional[StaffTimeRange] = Field(None, title="時間", description="例: \"10:00〜12:00\"")
    title: Optional[ShortText] = Field(None, title="その回のテーマ")
    place: Optional[Place] = Field(None, title="その回の会場", description="この回だけ会場がほかの回と違うときに書きます。省略するとプログラムの place:（追加の日は、その日の期間の会場）")


RuleText = Annotated[
    str,
    BeforeValidator(check_rule),
    WithJsonSchema({"type": "string", "examples": ["毎月第2・第4水曜", "毎週火曜", "隔週金曜", "毎月15日"]}),
]

MAX_RULE_DAYS = 3 * 366
"""A rule may span at most about three years: calendars are rebuilt daily, not written for decades."""

MAX_DEADLINE_LEAD_DAYS = 300
"""An application deadline about a year before the first meeting is a year typo (2025-12-10 for a
tour on 2026-12-16): refused rather than shown as 受付終了. 300 days leaves room for real
application periods of several months."""

SCHEDULE_FIELDS = ("dates", "sessions", "recurrence", "extra_dates")


def written_dates(schedule: Any) -> list[tuple[tuple[str | int, ...], dt.date]]:
    """Every date a program's file gives for its meetings, with the path of the field that holds
    it: ``dates``, ``sessions``, ``extra_dates`` and the rule's first and last day
    (``recurrence.start``, ``recurrence.until``). ``cancelled`` and ``full`` only repeat meeting
    days. ``schedule`` is a Program, or anything with its four schedule fields (the pull-request
    summary reads them alone from a file that may not validate as a whole)."""
    written: list[tuple[tuple[str | int, ...], dt.date]] = [(("dates", index), day) for index, day in enumerate(schedule.dates)]
    written += [((name, index, "date"), item.date) for name in ("sessions", "extra_dates") for index, item in enumerate(getattr(schedule, name))]
    for path, period in recurrence_periods(schedule.recurrence):
        written += [((*field_path(path), "start"), period.start), ((*field_path(path), "until"), period.until)]
    return written


def recurrence_periods(recurrence: "Recurrence | list[Recurrence] | None") -> list[tuple[str, "Recurrence"]]:
    """The rule periods of a ``recurrence`` field, each with the dotted path of where it is
    written: ``[("recurrence", rule)]`` for the single mapping (as before periods existed),
    ``[("recurrence.0", first), ("recurrence.1", second)]`` for a list."""
    if recurrence is None:
        return []
    if isinstance(recurrence, list):
        return [(f"recurrence.{index}", period) for index, period in enumerate(recurrence)]
    return [("recurrence", recurrence)]


class Recurrence(Strict):
    rule: RuleText = Field(title="繰り返しの決まり", description="例: 毎月第2・第4水曜、毎週火曜、毎週月〜金、隔週金曜、毎月最終金曜、毎月15日。隔週は、開始日（その日を含む）のあと最初のその曜日から2週おき")
    start: StaffDate = Field(title="開始日", description="この日から（この日も含む）")
    until: StaffDate = Field(title="終了日", description="この日まで（この日も含む）")
    time: Optional[StaffTimeRange] = Field(None, title="時間", description="例: \"10:00〜12:00\"。省略するとプログラムの time")
    skip_holidays: bool = Field(True, title="祝日は休み", description="祝日に当たる回を休みにするなら true（ふつうは true）")
    titles: list[ShortText] = Field(default_factory=list, title="各回のテーマ", description="休みの日を除いた回に、順番に付きます")
    place: Optional[Place] = Field(None, title="この期間の会場", description="期間ごとに書くとき（- rule: のリスト）だけ。この期間の回の会場がプログラムの place: と違うときに書きます。省略するとプログラムの place")


@dataclass(frozen=True)
class RhythmSpan:
    """Consecutive rule periods that meet by the same rule, at the same time, with the same
    holidays, as one line of the program page's 日程 (``Program.rhythm_spans``)."""

    rule: str
    start: dt.date
    until: dt.date
    time: Optional[TimeRange]
    skip_holidays: bool


def rhythm_spans(periods: list[Recurrence], program_time: Optional[TimeRange]) -> list[RhythmSpan]:
    """The rule periods joined where they go on by the same rule, at the same time (a period's
    own, else ``program_time``), with the same holidays, from one day to the next: periods that
    only move the place or carry the rhythm on with their own titles are one span. A break
    between periods (none in August and September) keeps them apart."""
    spans: list[RhythmSpan] = []
    for period in periods:
        span = RhythmSpan(period.rule, period.start, period.until, period.time or program_time, period.skip_holidays)
        if (
            spans
            and spans[-1].until + dt.timedelta(days=1) == span.start
            and (spans[-1].rule, spans[-1].time, spans[-1].skip_holidays) == (span.rule, span.time, span.skip_holidays)
        ):
            span = RhythmSpan(span.rule, spans.pop().start, span.until, span.time, span.skip_holidays)
        spans.append(span)
    return spans


def period_in_effect(periods: list[Recurrence], day: dt.date) -> Optional[Recurrence]:
    """The rule period whose rhythm and place apply on ``day``: the last one started by then
    (the first before any has started; the last once all have ended), or None without a rule."""
    started = [period for period in periods if period.start <= day]
    return started[-1] if started else (periods[0] if periods else None)


def _recurrence_form(value: Any) -> str:
    # The tags are written like pydantic's own union-member names ("list[…]"), which
    # validation._is_internal drops from error locations: a message about the second period's
    # until points at recurrence[2番目].until, not at recurrence.list[Recurrence][2番目].until.
    return "list[Recurrence]" if isinstance(value, list) else "mapping[Recurrence]"


RecurrenceField = Annotated[
    Union[
        Annotated[Recurrence, Tag("mapping[Recurrence]")],
        Annotated[list[Recurrence], Field(min_length=1), Tag("list[Recurrence]")],
    ],
    Discriminator(_recurrence_form),
]
"""One rule (a mapping, as most programs write it) or a list of periods, each a rule of its own."""


MEETING_TIME_HELP = (
    "その日に回が2つ以上あり（午前の部・午後の部など）、そのうち1つだけのときに、その回の始まりの時刻を \"13:30\" のように書きます"
    "（その回の time: と同じ \"13:30〜15:00\" でも構いません）。書かなければ、その日の回が全部になります"
)


class Cancellation(Strict):
    date: StaffDate = Field(title="中止する日")
    time: Optional[MeetingTime] = Field(None, title="中止する回の時刻", description=MEETING_TIME_HELP)
    reason: ShortText = Field(title="中止の理由", description="例: 会場の点検のため")

    def names(self, planned: "PlannedDate") -> bool:
        """Whether this entry is about that meeting: its day, and its time when one is written."""
        return names_day_meeting(self.date, self.time, planned)

    @model_serializer(mode="wrap")
    def _as_written(self, handler: Any) -> Any:
        # No time: the same date and reason as before in the open data (programs.json).
        data = handler(self)
        if self.time is None and isinstance(data, dict):
            data.pop("time", None)
        return data


class FullMeeting(Strict):
    """A meeting marked 満員: written as a date alone (every meeting of that day), or as
    ``date:`` with ``time:`` (one meeting of a day with a morning and an afternoon)."""

    WRITTEN_AS_DATE: ClassVar[bool] = True
    """Usually written as its date alone (validation.py words list mistakes so)."""

    date: StaffDate = Field(title="満員の日")
    time: Optional[MeetingTime] = Field(None, title="満員の回の時刻", description=MEETING_TIME_HELP)

    @model_validator(mode="before")
    @classmethod
    def _date_alone(cls, value: Any) -> Any:
        return value if isinstance(value, (dict, FullMeeting)) else {"date": value}

    def names(self, planned: "PlannedDate") -> bool:
        return names_day_meeting(self.date, self.time, planned)

    @model_serializer(mode="wrap")
    def _as_written(self, handler: Any) -> Any:
        # A day alone stays a date in the open data (programs.json's full: as before); with a
        # time, the date and the time.
        data = handler(self)
        return data["date"] if self.time is None and isinstance(data, dict) else data


def names_day_meeting(day: dt.date, time: "ClockTime | TimeRange | None", planned: "PlannedDate") -> bool:
    """Whether an entry of ``cancelled:`` or ``full:`` (a day, and maybe a time) is about
    ``planned``: a day alone is every meeting of it."""
    return planned.date == day and (time is None or names_meeting(time, planned.time))


def _full_item_schema(schema: dict[str, Any]) -> None:
    """Items of ``full:`` are a date alone or ``date:`` with ``time:``."""
    schema["items"] = {"anyOf": [{"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, schema["items"]]}


class Program(Strict):
    slug: Optional[str] = Field(None, title="URL名", description="省略するとファイル名が使われます")
    title: ShortText = Field(title="プログラム名")
    former_slugs: list[FormerSlug] = Field(
        default_factory=list,
        title="前のURL名",
        description="ファイル名（または slug）を変えたとき、前の名前を古い順に書きます。前のアドレス（印刷したシートの QR コード、ブックマーク）から新しいページへ案内します。1つ目の名前からカレンダーの予定とオープンデータの ID を作るので、名前を変えても ID は変わりません",
        json_schema_extra={"uniqueItems": True},
    )
    kind: str = Field(title="種類", description="mkdocs.yml の program_kinds のどれか")
    summary: LongText = Field(title="内容")
    audience: Optional[Text] = Field(None, title="対象")
    host: Optional[ShortText] = Field(None, title="主催")
    place: Place = Field(title="会場")
    capacity: Optional[Capacity] = Field(None, title="定員")
    fee: Optional[ShortText] = Field(None, title="参加費", description="例: 無料")
    bring: list[ShortText] = Field(default_factory=list, title="持ち物")
    apply: Optional[Text] = Field(None, title="申し込み方法")
    deadline: Optional[StaffDate] = Field(None, title="申し込み締切", description="この日を過ぎると、これからの回は「受付終了」と表示されます（この日までは「募集中」）")
    walk_in: bool = Field(False, title="当日参加", description="締切（deadline）のあとも、申し込みなしで当日参加できるなら true。締切のあとは「受付終了」ではなく「当日参加可」と表示されます")
    contact: Optional[Contact] = Field(None, title="問い合わせ先")
    employers: list[EmployerSlug] = Field(default_factory=list, title="関係する協力事業所", description="事業所ファイルの名前（.md を除く）", json_schema_extra={"uniqueItems": True})
    time: Optional[StaffTimeRange] = Field(None, title="時間", description="dates と繰り返しの回の時間。例: \"10:00〜12:00\"")
    dates: list[StaffDate] = Field(default_factory=list, title="開催日", description="1日だけ・数日だけの開催日（時間は time）", json_schema_extra={"uniqueItems": True})
    sessions: list[Session] = Field(default_factory=list, title="日程", description="回ごとに日付・時間・テーマがある日程")
    recurrence: Optional[RecurrenceField] = Field(
        None,
        title="繰り返し",
        description="毎月第2・第4水曜 のように決まった日に開く場合。年の途中で曜日や時間が変わるときは、期間ごとの決まりを「- rule: …」のリストにして古い順に並べます（前の期間の until より後の日を、次の期間の start にします）。テーマ（titles）はその期間の回に付き、第何回は期間をまたいで続きます",
    )
    extra_dates: list[Session] = Field(default_factory=list, title="追加の日", description="繰り返しのほかに開く日")
    cancelled: list[Cancellation] = Field(default_factory=list, title="中止", description="中止する回の日付と理由（ページには「中止」と表示されます）")
    full: list[FullMeeting] = Field(
        default_factory=list,
        title="満員の回",
        description="定員に達した回の日付。その日の回のうち1つだけなら「- date: 2026-12-16」と time: \"13:30\"（その回の始まりの時刻）を書きます",
        json_schema_extra=_full_item_schema,
    )
    verified: StaffDate = Field(title="情報確認日")

    source_path: str = Field("", exclude=True)
    body: str = Field("", exclude=True)

    @property
    def first_slug(self) -> str:
        """The URL name its ids and calendar UIDs are made from: the first of ``former_slugs``,
        or ``slug`` when it was never renamed (see :func:`~.values.first_slug`)."""
        return first_slug(self.slug, self.former_slugs)

    @property
    def rule_periods(self) -> list[Recurrence]:
        """The rule's periods in date order: one for a single mapping, none without a rule."""
        return [period for _path, period in recurrence_periods(self.recurrence)]

    def rule_in_effect(self, today: dt.date) -> Optional[Recurrence]:
        """The period whose rhythm applies on ``today``: the last one started by then (the
        first before any has started; the last once all have ended), for places with room for
        one rule only, and for the time of an extra date (calendar.occurrences.plan_program)."""
        return period_in_effect(self.rule_periods, today)

    def rule_after(self, today: dt.date) -> Optional[Recurrence]:
        """The next period that changes the rhythm (``rhythm_changes``) or the place
        (``place_changes``) and starts after ``today``: where only one rule is shown, the change
        to come is named with it."""
        changes = self.rhythm_changes() + self.place_changes()
        later = [period for period in self.rule_periods if period in changes and period.start > today]
        return later[0] if later else None

    def period_time(self, period: Recurrence) -> Optional[TimeRange]:
        """The time of a rule period's meetings: its own ``time``, else the program's."""
        return period.time or self.time

    def period_place(self, period: Optional[Recurrence]) -> Place:
        """The place of a rule period's meetings: its own ``place``, else the program's (also
        without a period: a date written out meets at the program's place)."""
        return (period.place if period else None) or self.place

    def place_periods(self) -> list[tuple[Recurrence, Place]]:
        """Each rule period with its place, when the periods do not all meet at the same place
        (the program page lists each place with its dates, and meeting lists name each
        meeting's venue); empty when one place serves all periods (``meeting_place``). Dates,
        sessions and extra dates at another place than the period around them are not periods:
        they are named with their dates (``places_elsewhere``)."""
        periods = self.rule_periods
        places = [self.period_place(period) for period in periods]
        if all(place == places[0] for place in places):
            return []
        return list(zip(periods, places))

    def meeting_place(self) -> Place:
        """The usual place when ``place_periods`` is empty: the periods' own place when every
        period names the same one (a list of one period with its ``place:``); without a rule,
        the one place of every date, session and extra date when they share one (a series whose
        sessions all name the same hall); else the program's."""
        periods = self.rule_periods
        if periods:
            return self.period_place(periods[0]) if not self.place_periods() else self.place
        places = [self.place for _day in self.dates] + [self.session_place(s) for s in self.sessions]
        places += [self.extra_date_place(e) for e in self.extra_dates]
        return places[0] if places and all(place == places[0] for place in places) else self.place

    def session_place(self, session: Session) -> Place:
        """Where a session meets: its own ``place``, else the program's."""
        return session.place or self.place

    def extra_date_place(self, extra: Session) -> Place:
        """Where an extra date meets: its own ``place``, else that of the period around it
        (``rule_in_effect``, as for its time), else the program's."""
        return extra.place or self.period_place(self.rule_in_effect(extra.date))

    def places_elsewhere(self) -> list[tuple[Place, list[dt.date]]]:
        """The meetings written out (dates, sessions, extra dates) that are not at the usual place
        of their day (that of the period around them when the periods differ, else
        ``meeting_place``), grouped by place in order of first date, each with its dates.

        The program page names them after the usual place(s): the seminar's one session in a hall,
        or the group's one extra meeting at an employer, is an exception to where the program
        meets, not a period of its own, so it is told as "on this day, there" rather than by
        splitting the year into periods."""
        # With a rule, the place of the period around the day (one place for all when the periods
        # share it); without one, the one usual place (``meeting_place``), worked out once.
        without_rule = None if self.rule_periods else self.meeting_place()

        def usual(day: dt.date) -> Place:
            return without_rule or self.period_place(self.rule_in_effect(day))

        written = [(day, self.place) for day in self.dates]
        written += [(s.date, self.session_place(s)) for s in self.sessions]
        written += [(e.date, self.extra_date_place(e)) for e in self.extra_dates]
        found: dict[Place, tuple[Place, list[dt.date]]] = {}
        for day, place in sorted(written, key=lambda pair: pair[0]):
            if place != usual(day):
                found.setdefault(place, (place, []))[1].append(day)
        return [(place, sorted(set(days))) for place, days in found.values()]

    def meets_at_several_places(self) -> bool:
        """Whether the meetings are not all at one place: then each meeting in a list names its
        venue (the ``meeting_place`` macro of overrides/partials/calendar_macros.html)."""
        return bool(self.place_periods() or self.places_elsewhere())

    def place_changes(self) -> list[Recurrence]:
        """The periods that meet at another place than the period before them. Announced like a
        change of rhythm even when the rhythm stays: a seeker who remembers "the usual place"
        would otherwise go to the old building."""
        periods = self.rule_periods
        return [after for before, after in zip(periods, periods[1:]) if self.period_place(after) != self.period_place(before)]

    def rhythm_spans(self) -> list[RhythmSpan]:
        """The rule periods as 日程 lists them (``rhythm_spans``): the page does not list two
        identical lines (〜1月11日: 毎週火曜 10:00〜11:30 / 1月12日〜: 毎週火曜 10:00〜11:30)."""
        return rhythm_spans(self.rule_periods, self.time)

    def rhythm_changes(self) -> list[Recurrence]:
        """The periods whose rule or time differs from the period before them. A period that
        carries the same rhythm on (the next fiscal year with its own titles, as the 3-year
        message asks staff to write, or only another holiday setting) changes nothing that a
        visitor should be told of."""
        periods = self.rule_periods
        return [after for before, after in zip(periods, periods[1:]) if (after.rule, self.period_time(after)) != (before.rule, self.period_time(before))]

    @field_validator("capacity", mode="before")
    @classmethod
    def _capacity_in_words(cls, value: Any) -> Any:
        # 定員: 若干名 / 未定 / なし: a program has no capacity_note; the message says where the words go.
        return capacity_in_words(value, None)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: Any, info: ValidationInfo) -> str:
        settings = (info.context or {}).get("settings")
        allowed = [term.label for term in settings.program_kind_terms()] if settings else [value]
        return check_choice(value, allowed, "プログラムの種類")

    @field_validator("employers")
    @classmethod
    def _employers_once(cls, values: list[str]) -> list[str]:
        return no_repeats(values, "事業所")

    @field_validator("dates")
    @classmethod
    def _dates_once(cls, values: list[dt.date]) -> list[dt.date]:
        return no_repeats(values, "日付")

    def cancellation(self, planned: "PlannedDate") -> Optional[Cancellation]:
        """The ``cancelled:`` entry about that meeting (its day, or its day and time), if any."""
        return next((item for item in self.cancelled if item.names(planned)), None)

    def written_places(self) -> list[Place]:
        """Every place written in the file, in the order of ``one_place_per_venue``: the program's,
        the periods', the sessions', the extra dates'."""
        periods = [period for _path, period in recurrence_periods(self.recurrence)]
        written = [self.place, *(p.place for p in periods), *(s.place for s in self.sessions), *(e.place for e in self.extra_dates)]
        return [place for place in written if place is not None]

    @model_validator(mode="after")
    def _places(self) -> "Program":
        """A period, session or extra date that repeats a venue of the program (its name and
        address) without its ``access:`` meets at that place (``one_place_per_venue``): every
        place of the program is then the one it stands for, so that pages, feeds and open data,
        which tell places apart by equality, see one place with its 行き方."""
        same = one_place_per_venue(self.written_places())
        if not same:
            return self

        def moved(item):
            return item.model_copy(update={"place": same[item.place]}) if item.place in same else item

        recurrence = self.recurrence
        if isinstance(recurrence, list):
            recurrence = [moved(period) for period in recurrence]
        elif recurrence is not None:
            recurrence = moved(recurrence)
        # The model is frozen: the validator finishes building it.
        self.__dict__.update(
            place=same.get(self.place, self.place),
            recurrence=recurrence,
            sessions=[moved(s) for s in self.sessions],
            extra_dates=[moved(e) for e in self.extra_dates],
        )
        return self

    @model_validator(mode="after")
    def _dates(self, info: ValidationInfo) -> "Program":
        from ..calendar.occurrences import plan_program  # the calendar imports this module

        found: list = []  # every problem of the file at once, not one per build
        for name in ("dates", "sessions", "extra_dates"):
            items = getattr(self, name)
            days = [item if isinstance(item, dt.date) else item.date for item in items]
            for index in range(1, len(days)):
                if days[index] < days[index - 1]:
                    field = f"{name}.{index}" if name == "dates" else f"{name}.{index}.date"
                    found.append(staff_error(
                        f"{name} の {index + 1}番目 {days[index]} が、その前の {days[index - 1]} より前です",
                        "古い日付から順に並べ替えてください",
                        at=field,
                    ))
                    break  # one per list: the rest of it is sorted together
        rule = self.recurrence
        if not (self.dates or self.sessions or rule or self.extra_dates):
            # Point at the empty list staff wrote (dates: []); only when there is none at all
            # does the message fall back to the top of the file.
            written = [name for name in SCHEDULE_FIELDS if name in self.model_fields_set]
            found.append(staff_error(
                "日程が1つも書かれていません",
                "dates:（開催日）、sessions:（回ごとの日程）、recurrence:（繰り返し）のどれかを書いてください",
                at=written[0] if written else "sessions",
            ))
        periods = recurrence_periods(rule)
        for path, period in periods:
            found += _period_problems(path, period, self.time)
        for (_, before), (path, after) in zip(periods, periods[1:]):
            found += _periods_apart(path, before, after)
        if found:  # the meetings cannot be worked out from these
            raise staff_errors(found)
        settings = (info.context or {}).get("settings")
        plan = plan_program(self, ClosedDays(getattr(settings, "closures", None)))
        for path, period in periods:
            found += _period_meeting_problems(path, period, [p for p in plan.dates if p.origin == path], plan)
        seen: dict[tuple, str] = {}
        for planned in plan.dates:
            moment = (planned.date, planned.time.start if planned.time else None)
            if moment in seen:
                found.append(staff_error(
                    f"{planned.date} の回が2回書かれています: {_origin_label(seen[moment])} と {_origin_label(planned.origin)}",
                    "同じ日時の回は1つにしてください",
                    at=planned.date_path if planned.from_rule else planned.origin,
                ))
            seen[moment] = planned.origin
        # A meeting without a time would be an all-day event in calendar apps and a date alone
        # on the pages: a job seeker would not know when to come. No program of the centre's
        # (seminars, tours, interview days, forums) is held without a starting time.
        untimed = [planned for planned in plan.dates if planned.time is None]
        today = (info.context or {}).get("today")
        if today is not None and len(untimed) == len(plan.dates) and all(planned.date < today for planned in untimed):
            # A program that ended before a time was required (its file is kept for the
            # archive, CONTRIBUTING says): it stays as written, and does not stop the build.
            untimed = []
        if untimed and all(planned.origin.startswith("dates.") for planned in untimed) and len(untimed) == len(self.dates):
            found.append(staff_error(
                "開催日（dates）の時間が書かれていません（時間がないと、来る時刻が分かりません）",
                "dates: の次の行に、time: \"10:00〜12:00\" のように始まりと終わりの時刻を書き足してください",
                at="dates",
            ))
        else:
            timed = len(untimed) < len(plan.dates)
            for planned in untimed:
                found.append(staff_error(
                    f"{planned.date} の回に時間が書かれていません"
                    + ("（ほかの回には時間があります）" if timed else "（時間がないと、来る時刻が分かりません）"),
                    "その回に time: \"10:00〜12:00\" のように書くか、全部の回に共通の time: を書いてください",
                    at=planned.date_path,
                ))
        held = {planned.date for planned in plan.dates}
        skipped = {s.date: s.reason for s in plan.skipped}
        covered: dict[str, list[set[int]]] = {}

        def said(item: "Cancellation | FullMeeting") -> str:
            return f"{item.date}" + (f" {item.time}" if item.time else "")

        for name, items, label in (("cancelled", list(self.cancelled), "中止"), ("full", list(self.full), "満員")):
            covered[name] = []
            for index, item in enumerate(items):
                day = item.date
                meetings = {number for number, planned in enumerate(plan.dates) if item.names(planned)}
                covered[name].append(meetings)
                if day not in held:
                    why = f"その日は「{skipped[day]}」でもともと休みです" if day in skipped else "その日に開催する回がありません"
                    found.append(staff_error(f"{label}にした {day} は開催日ではありません（{why}）", "開催日の中から日付を書いてください", at=f"{name}.{index}.date"))
                elif not meetings:
                    times = [str(planned.time) for planned in plan.dates if planned.date == day and planned.time]
                    if times:
                        found.append(staff_error(
                            f"{label}にした {day} には {item.time} の回がありません（その日の回: {'、'.join(times)}）",
                            f"time: にその回の始まりの時刻を \"{times[-1].split('〜')[0]}\" のように書いてください。その日の回を全部{label}にするなら、time: の行を消してください",
                            at=f"{name}.{index}.time",
                        ))
                    else:
                        found.append(staff_error(
                            f"{label}にした {day} の回には時間がありません（time: {item.time} の回はありません）",
                            "time: の行を消してください（その日の回が" + label + "になります）",
                            at=f"{name}.{index}.time",
                        ))
                elif any(meetings & before for before in covered[name][:index]):
                    found.append(staff_error(
                        f"{label}の回 {said(item)} が2回書かれています",
                        "1つにまとめてください" + ("（理由は1つの reason: に書きます）" if name == "cancelled" else ""),
                        at=f"{name}.{index}" if name == "full" else f"{name}.{index}.date",
                    ))
        for index, item in enumerate(self.full):
            if any(covered["full"][index] & cancelled for cancelled in covered["cancelled"]):
                found.append(staff_error(
                    f"{said(item)} の回が中止（cancelled）と満員（full）の両方に書かれています",
                    "中止なら full: から消してください",
                    at=f"full.{index}",
                ))
        first = plan.dates[0].date if plan.dates else None
        last = plan.dates[-1].date if plan.dates else None
        if self.deadline and last and last < self.verified < self.deadline <= last + relativedelta(years=1):
            # Every meeting over when the file was checked, and a year on they would come after the
            # deadline: the meetings were written with last year's year (2026-01-20 for 2027-01-20,
            # in December), not the deadline too late. Said at the meeting, not the deadline, which
            # staff would otherwise move back into last year.
            written = written_dates(self)
            path, day = min(written, key=lambda pair: pair[1])
            others = "ほかの日付も同じように直してください。" if len({when for _path, when in written}) > 1 else ""
            found.append(staff_error(
                f"開催日 {day} が申し込み締切 {self.deadline} より前で、情報確認日（verified: {self.verified}）にはもう終わっています",
                f"開催日の年の書き間違いではありませんか（{day} なら {day + relativedelta(years=1)}）。{others}"
                "締切のほうが違うなら、締切（deadline）を開催日より前の日付にしてください",
                at=".".join(str(step) for step in path),
            ))
        elif self.deadline and last and self.deadline > last:
            found.append(staff_error(
                f"申し込み締切 {self.deadline} が最後の日程 {last} より後です",
                "締切（deadline）は開催日より前の日付にしてください",
                at="deadline",
            ))
        elif self.deadline and first and (first - self.deadline).days > MAX_DEADLINE_LEAD_DAYS:
            found.append(staff_error(
                f"締切 {self.deadline} が最初の回 {first} の{(first - self.deadline).days}日も前です",
                "年の書き間違いではありませんか。年を確かめてください（締切はふつう最初の回の少し前の日です）",
                at="deadline",
            ))
        if self.walk_in and not self.deadline:
            found.append(staff_error(
                "walk_in: true（当日参加）は、締切（deadline）のあとの表示を決める項目です。締切が書かれていません",
                "締切がなくて当日も参加できるなら、walk_in: の行を消して、apply:（申し込み方法）に「当日参加もできます」と書いてください",
                at="walk_in",
            ))
        if found:
            raise staff_errors(found)
        return self


def _period_problems(path: str, rule: Recurrence, program_time: Any) -> list:
    """What is wrong with one rule (or one period of it) on its own, before any date is worked
    out: ``path`` is where it is written (``recurrence`` or ``recurrence.1``)."""
    found = []
    if rule.until < rule.start:
        found.append(staff_error(
            f"繰り返しの終了日 {rule.until} が開始日 {rule.start} より前です",
            "start: に最初の日、until: に最後の日を書いてください",
            at=f"{path}.until",
        ))
    if (rule.until - rule.start).days > MAX_RULE_DAYS:
        # Usually a mistyped year (2207 for 2027): the check on how far ahead of today a
        # date may be (loading.check_across) needs a record that validated, so the
        # message here names the slip first.
        found.append(staff_error(
            f"繰り返しの期間（{rule.start}〜{rule.until}）が3年より長いです",
            "年の書き間違いではありませんか。そうでなければ until: を3年以内にしてください。続けるときは、年度ごとに書き足します",
            at=f"{path}.until",
        ))
    if not (rule.time or program_time):
        found.append(staff_error(
            "繰り返しの回の時間が書かれていません",
            "recurrence: の下に time: \"10:00〜12:00\" のように書いてください"
            + ("（期間ごとに書くときは、その期間の rule: の下に）" if path != "recurrence" else ""),
            at=f"{path}.rule",
        ))
    if rule.place is not None and path == "recurrence":
        # One rule is one place: the program's. A place under a single rule would say the same
        # thing twice, or two things: staff would not know which one the pages show.
        found.append(staff_error(
            "recurrence: の下の place:（会場）は、期間ごとに書くとき（- rule: のリスト）だけ書けます",
            "会場はプログラムの place: に書いてください（recurrence: の下の place: の行を消し、上の place: を直します）",
            at=f"{path}.place",
        ))
    return found


def _periods_apart(path: str, before: Recurrence, after: Recurrence) -> list:
    """The period at ``path`` must start after the one before it ends: periods are written in
    date order and do not overlap (two rhythms at once are two rules' meetings on the same
    weeks, which staff would not mean; a meeting added to a rhythm goes in extra_dates)."""
    number = int(path.rsplit(".", 1)[1]) + 1
    if after.start < before.start:
        return [staff_error(
            f"繰り返しの{number}番目の期間（{after.start}〜）が、{number - 1}番目の期間（{before.start}〜）より前に始まります",
            "期間は古い順に並べてください（start: の早いものを上に）",
            at=f"{path}.start",
        )]
    if after.start <= before.until:
        last = min(before.until, after.until)
        overlap = f"{after.start}" if last == after.start else f"{after.start}〜{last}"
        return [staff_error(
            f"繰り返しの{number}番目の期間（{after.start}〜{after.until}）が、{number - 1}番目の期間（{before.start}〜{before.until}）と {overlap} で重なっています",
            f"{number - 1}番目の until: を {after.start - dt.timedelta(days=1)} 以前にするか、"
            f"{number}番目の start: を {before.until + dt.timedelta(days=1)} 以後にしてください（決まりが変わる前の日までが前の期間です）",
            at=f"{path}.start",
        )]
    return []


def _period_meeting_problems(path: str, rule: Recurrence, made: list, plan: Any) -> list:
    """One period's meetings (``made``, worked out with holidays and closures skipped) against
    what the period says: at least one meeting, and no more titles than meetings."""
    found = []
    if not made:
        found.append(staff_error(
            f"繰り返しの決まり「{rule.rule}」に当てはまる日が {rule.start}〜{rule.until} に1日もありません",
            "決まりか期間を見直してください（祝日・休館日は除かれます）",
            at=f"{path}.rule",
        ))
    if len(rule.titles) > len(made):
        skipped = [s for s in plan.skipped if rule.start <= s.date <= rule.until]
        found.append(staff_error(
            f"各回のテーマが {len(rule.titles)}個ありますが、"
            + (f"この期間（{rule.start}〜{rule.until}）の開催は" if path != "recurrence" else "開催は")
            + f" {len(made)}回です",
            "テーマを減らすか、期間（until:）を延ばしてください。"
            + ("テーマは、その期間の回にだけ順番に付きます（次の期間の回のテーマは、次の期間の titles: に書きます）。" if path != "recurrence" else "")
            # A cancelled meeting stays in the plan with its title (occurrences.plan_program
            # skips only holidays and closures), so the themes after it keep their dates.
            + "ある回を取りやめた（中止した）のなら、mkdocs.yml の休み（closures）に入れるのではなく、このファイルの cancelled: に日付と reason:（理由）を書いてください。"
            "中止の回はテーマを持ったまま「中止」と表示されるので、後の回のテーマがずれません。休みで除かれた日: "
            + ("、".join(f"{s.date}（{s.reason}）" for s in skipped) or "なし"),
            at=f"{path}.titles",
        ))
    return found
