"""The cooperating employer (協力事業所), as written in ``content/employers/*.md``.

Fields follow seed 000's pamphlet (事業の概要, 住所, 従業員, 見学・就労体験・プチバイト and what
you can see or do, どの様な方がマッチングしますか) and seed 004's sheets (作業の切り出し with
minutes, environment, load, the traits a task lets staff check, ★ for a qualification).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..vocabulary import LADDER_POSITION, LOADS, OFFER_TYPES, SETTINGS, TRAITS, WEEKDAYS, Term, offer_by_label
from .choices import check_choice, choice
from ..validation import field_in_text
from .values import Capacity, Count, Headcount, FormerSlug, LongText, Phone, ShortText, StaffDate, StaffTimeRange, Text, capacity_in_words, first_slug, no_repeats, staff_error

OfferLabel = choice(tuple(term.label for term in OFFER_TYPES), "受け入れの種類")
Trait = choice(TRAITS, "確認できること")
Load = choice(LOADS, "体への負担")
Setting = choice(SETTINGS, "作業場所")
Weekday = choice(WEEKDAYS, "曜日")


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt field name must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Access(Strict):
    """How to get there: transport is a named barrier for job seekers."""

    nearest: Text = Field(title="最寄り駅・バス停", description="例: 「しらかば駅から徒歩10分」")
    pickup: bool = Field(False, title="送迎", description="最寄り駅などからの送迎があれば true")
    parking: bool = Field(False, title="駐車場", description="車やバイクで通えるなら true")
    note: Optional[Text] = Field(None, title="行き方の補足")


class Contact(Strict):
    """The public contact the employer agreed to publish."""

    name: ShortText = Field(title="窓口", description="部署や担当の呼び方。個人の氏名は載せません")
    phone: Optional[Phone] = Field(None, title="電話番号", description="例: 0268-00-0000")
    email: Optional[ShortText] = Field(None, title="メール")
    url: Optional[Text] = Field(None, title="ホームページ")

    @field_validator("email")
    @classmethod
    def _email(cls, value: Optional[str]) -> Optional[str]:
        if value and ("@" not in value or any(ord(c) > 127 for c in value)):
            raise staff_error(f"メール「{value}」の形が正しくありません", "半角で name@example.jp のように書いてください")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: Optional[str]) -> Optional[str]:
        if value and not value.startswith(("https://", "http://")):
            raise staff_error(f"ホームページ「{value}」の形が正しくありません", "https:// から始まるアドレスを書いてください")
        return value


def pieces_after_dots(text: str) -> list[str]:
    """``text`` cut after each 「・」, which stays with the piece before it: 「月・火・金曜」 gives
    「月・」「火・」「金曜」; empty text no pieces."""
    return re.findall(r"[^・]*・|[^・]+", text)


class Offer(Strict):
    """One step of the ladder the employer offers (見学, 就労体験, プチバイト, …)."""

    type: OfferLabel = Field(title="受け入れの種類", description="見学・就労体験・プチバイト・認定就労訓練・雇用")
    capacity: Optional[Capacity] = Field(None, title="受入人数", description="一度に受け入れられる人数")
    capacity_note: Optional[Text] = Field(None, title="受入人数の補足", description="例: 「何人でも対応可」「応相談」")
    days: list[Weekday] = Field(default_factory=list, title="曜日", description="例: [月, 水, 金]", json_schema_extra={"uniqueItems": True})
    hours: Optional[StaffTimeRange] = Field(None, title="時間帯", description="例: \"9:00〜16:00\"")
    schedule_note: Optional[Text] = Field(None, title="日程の補足", description="例: 「4月〜10月」「1時間程度」")
    content: LongText = Field(title="見学できる場所・体験できる仕事", description="何を見たり、したりできるか")

    @field_validator("capacity", mode="before")
    @classmethod
    def _capacity_in_words(cls, value: Any) -> Any:
        # 「何人でも対応可」「応相談」「若干名」 from the sheet's 受入人数 column: no number, the
        # note's words. 「〇」「なし」 say nothing sure: the message asks. 「二」「三人」 are numbers in
        # kanji: the count's own message gives the digits.
        return capacity_in_words(value, "capacity_note")

    @field_validator("days")
    @classmethod
    def _days_once(cls, values: list[str]) -> list[str]:
        return no_repeats(values, "曜日")

    @property
    def capacity_label(self) -> str:
        """受入人数 as pages and sheets show it: 「2人」「2人（土曜は1人）」「何人でも対応可」, else 相談して決めます."""
        if self.capacity is None:
            return self.capacity_note or "相談して決めます"
        return f"{self.capacity}人" + (f"（{self.capacity_note}）" if self.capacity_note else "")

    @property
    def days_label(self) -> str:
        """The days as pages show them: 「火・木曜」, or empty."""
        return "・".join(self.days) + "曜" if self.days else ""

    @property
    def days_in_short(self) -> str:
        """The days in few characters, for a line in a narrow box: three or more days in a row as
        「月〜金曜」, every day as 「毎日」; 「火・木曜」 as ``days_label``; or empty."""
        if len(self.days) == len(WEEKDAYS):
            return "毎日"
        runs: list[list[str]] = []
        for position, day in enumerate(WEEKDAYS):
            if day in self.days:
                if runs and WEEKDAYS.index(runs[-1][-1]) == position - 1:
                    runs[-1].append(day)
                else:
                    runs.append([day])
        parts = [f"{run[0]}〜{run[-1]}" if len(run) >= 3 else "・".join(run) for run in runs]
        return "・".join(parts) + "曜" if parts else ""

    @property
    def days_label_pieces(self) -> list[str]:
        """``days_label`` in the pieces a line may break between: each day with the 「・」 after it,
        the last with 「曜」 (「月・」「火・」「金曜」), so that 「曜」 never starts a line alone."""
        return pieces_after_dots(self.days_label)

    @property
    def days_in_short_pieces(self) -> list[str]:
        """``days_in_short`` in the pieces a line may break between (「月〜水・」「金曜」)."""
        return pieces_after_dots(self.days_in_short)

    @property
    def days_in_week_order(self) -> list[str]:
        """The days from Monday to Sunday, whatever order the file gives them in."""
        return [day for day in WEEKDAYS if day in self.days]

    @property
    def days_and_hours(self) -> str:
        """曜日・時間 as pages show it: 「火・木曜 14:00〜15:00」, 「月・水曜」, 「9:00〜12:00」, or empty."""
        return " ".join(part for part in (self.days_label, str(self.hours) if self.hours else "") if part)

    @property
    def term(self) -> Term:
        term = offer_by_label(self.type)
        assert term is not None  # guaranteed by OfferLabel
        return term


@dataclass(frozen=True)
class CardDays:
    """One line of days and hours on an employer's card in a listing, as the search page's cards
    write it (``card`` in directory-search.js): 「曜日: 月・水・金（9:00〜12:00）」 and 「日程: 週3日から」,
    or one line per offer (「見学・就労体験: 火・木曜 9:00〜12:00（5日間を1回として）」)."""

    label: str
    when: str
    """The general line's days and hours, or an offer line's days (「火・木曜」, or
    「日にちは相談して決めます」 when the offer says nothing of when)."""
    hours: str = ""
    """An offer line's hours, kept whole on a line by the template."""
    note: str = ""
    """An offer line's schedule note, in brackets after its days or hours."""
    kind: str = "days"
    """``days`` (the general 曜日 line), ``notes`` (日程) or ``offer`` (one offer's line): the
    template's class, as the search card's."""

    @property
    def per_offer(self) -> bool:
        return self.kind == "offer"


class Task(Strict):
    """One task broken out of the work (作業の切り出し)."""

    name: ShortText = Field(title="作業名")
    description: Text = Field(title="作業の内容", description="何をするのかを短く")
    minutes: Optional[Count] = Field(None, title="所要時間（分）")
    setting: Setting = Field(title="作業場所", description="屋内・屋外・屋内と屋外")
    load: Load = Field(title="体への負担", description="軽い・ふつう・重い")
    checks: list[Trait] = Field(default_factory=list, title="確認できること", description="理解力・正確性・体力・手先器用度 など")
    qualification: bool = Field(False, title="資格が必要（★）")
    cautions: Optional[Text] = Field(None, title="注意点")


class Pause(Strict):
    """The employer takes nobody for a while (受け入れ休止): 「冬のあいだ（1月〜3月）は受け入れを休みます」,
    「改装工事のため当面お休み」. The file stays, so that the QR codes on sheets already handed out
    still open its page, which then says so; the pages, lists, sheets and data mark it.

    Whether it is in effect is decided from the build date (``in_effect``), never here: a pause
    whose ``until`` has passed is simply not shown, and the daily rebuild does not fail because
    time passed.
    """

    # ``from`` is written by staff (as in the closures of mkdocs.yml) and in the open data.
    model_config = ConfigDict(extra="forbid", frozen=True, serialize_by_alias=True)

    start: Optional[StaffDate] = Field(
        None, alias="from", title="休止の始まり", description="省略すると、もう休止しています。先の日付を書くと、その日から休止することを前もって知らせます"
    )
    until: Optional[StaffDate] = Field(None, title="休止の終わり", description="再開の前の日（最後に休む日）。省略すると「当面」（再開の時期は未定）")
    reason: Optional[ShortText] = Field(None, title="休止の理由", description="例: 「店舗の改装工事のため」。個人の事情や名前は書きません")

    @field_validator("start", "until", mode="before")
    @classmethod
    def _no_date_in_words(cls, value: Any, info: ValidationInfo) -> Any:
        # 「当面」「未定」「今日から」: what staff say for an open end or a pause already begun, which
        # is written by leaving the line out. Text with no digit at all is no mistyped date
        # (「三か月」 too: a date has no count's message to give its digits).
        if isinstance(value, str) and value.strip() and not any(character.isdigit() for character in value):
            if info.field_name == "until":
                fix = "再開の時期が決まっていないなら、until: の行を消してください（ページには「再開の時期は未定」と出ます）。決まっているなら、最後に休む日を 2027-01-31 のように半角で書いてください"
            else:
                fix = "もう休止しているなら、from: の行を消してください。先の日から休むなら、2027-01-01 のように半角で書いてください"
            raise staff_error(f"「{value.strip()}」は日付ではありません", fix)
        return value

    @model_validator(mode="after")
    def _order(self) -> "Pause":
        if self.start is not None and self.until is not None and self.until < self.start:
            raise staff_error(
                f"休止の終わり {self.until} が始まり {self.start} より前です",
                "until（休止の終わり）は from（休止の始まり）と同じか後の日付にしてください",
                at="until",
            )
        return self

    def is_over(self, today: dt.date) -> bool:
        """Its last day has passed: nothing shows it any more (the block can be removed)."""
        return self.until is not None and self.until < today

    def in_effect(self, today: dt.date) -> bool:
        return not self.is_over(today) and (self.start is None or self.start <= today)

    def is_announced(self, today: dt.date) -> bool:
        """Written ahead: it starts after ``today``."""
        return self.start is not None and self.start > today


class Employer(Strict):
    """A cooperating employer: one Markdown file's front-matter plus its body."""

    slug: Optional[str] = Field(None, title="URL名", description="省略するとファイル名が使われます")
    name: ShortText = Field(title="事業所名")
    former_slugs: list[FormerSlug] = Field(
        default_factory=list,
        title="前のURL名",
        description="ファイル名（または slug）を変えたとき、前の名前を古い順に書きます。前のアドレス（印刷したシートの QR コード、ブックマーク）から新しいページへ案内します。1つ目の名前からカレンダーの予定とオープンデータの ID を作るので、名前を変えても ID は変わりません",
        json_schema_extra={"uniqueItems": True},
    )
    reading: ShortText = Field(title="よみがな", description="ひらがなで。検索に使います")
    category: str = Field(title="業種", description="mkdocs.yml の categories のどれか")
    area: str = Field(title="地域", description="mkdocs.yml の areas のどれか")
    address: Text = Field(title="住所")
    access: Access = Field(title="交通・アクセス")
    headcount: Optional[Headcount] = Field(None, title="従業員数")
    business: LongText = Field(title="事業の内容")
    offers: list[Offer] = Field(min_length=1, title="受け入れ", description="見学・就労体験・プチバイトなど")
    tasks: list[Task] = Field(min_length=1, title="切り出した作業")
    matching: list[Text] = Field(min_length=1, title="どの様な方がマッチングしますか")
    accommodations: list[str] = Field(default_factory=list, title="働きやすさの配慮", description="mkdocs.yml の accommodations のどれか", json_schema_extra={"uniqueItems": True})
    bring: list[ShortText] = Field(default_factory=list, title="持ち物・服装")
    contact: Contact = Field(title="連絡先")
    paused: Optional[Pause] = Field(
        None, title="受け入れの休止", description="しばらく受け入れを休むとき。from（始まり）・until（終わり）・reason（理由）。再開したら消します"
    )
    registered: StaffDate = Field(title="登録日")
    verified: StaffDate = Field(title="情報確認日", description="内容を事業所に確認した日")

    # Filled by the loader, never written by staff.
    source_path: str = Field("", exclude=True)
    body: str = Field("", exclude=True)

    @field_validator("reading")
    @classmethod
    def _reading(cls, value: str) -> str:
        allowed = set("ー・ 　")
        if not all("\u3041" <= c <= "\u30ff" or c in allowed for c in value):
            raise staff_error(f"よみがな「{value}」にかな以外の文字があります", "ひらがな（またはカタカナ）だけで書いてください")
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: Any, info: ValidationInfo) -> str:
        settings = (info.context or {}).get("settings")
        allowed = [term.label for term in settings.category_terms()] if settings else [value]
        return check_choice(value, allowed, "業種")

    @field_validator("area")
    @classmethod
    def _area(cls, value: Any, info: ValidationInfo) -> str:
        settings = (info.context or {}).get("settings")
        if not settings or not settings.areas:
            return check_choice(value, [value] if isinstance(value, str) else [], "地域")
        return check_choice(value, [term.label for term in settings.area_terms()], "地域")

    @field_validator("accommodations")
    @classmethod
    def _accommodations(cls, values: list[Any], info: ValidationInfo) -> list[str]:
        settings = (info.context or {}).get("settings")
        if not settings:
            return values
        allowed = [term.label for term in settings.accommodation_terms()]
        return no_repeats([check_choice(value, allowed, "配慮") for value in values], "配慮")

    @field_validator("paused", mode="before")
    @classmethod
    def _pause_written(cls, value: Any) -> Any:
        # 「paused:」 with nothing below it reads as no value, which would quietly mean "not
        # paused": the opposite of what staff meant.
        if value is None:
            raise staff_error(
                "受け入れの休止（paused:）の中身がありません",
                "次の行から半角スペース2つで字下げして until: 2027-03-31（最後に休む日）や reason: 改装工事のため を書いてください。"
                "終わりを決めずに理由も書かないなら paused: {} と書きます。休止をやめたなら paused: の行ごと消してください",
            )
        slip = field_in_text(value, list(Pause.model_fields), "paused")
        if slip:  # paused: then reason：改装のため below it (found by the fuzz audit of the newer fields)
            raise staff_error(*slip)
        if isinstance(value, (str, bool, int, float)):
            # paused: 当面 / paused: yes / paused: 2027-03-31: the block's items written as its value.
            raise staff_error(
                f"受け入れの休止（paused:）に「{str(value).lower() if isinstance(value, bool) else value}」とは書けません",
                "終わりを決めずに休むなら paused: {} と書きます。終わりの日や理由は、次の行から半角スペース2つで字下げして "
                "until: 2027-03-31（最後に休む日）、reason: 改装工事のため のように書いてください。"
                "休止をやめた（再開した）なら、paused: の行と、その下の字下げした行を消してください",
            )
        return value

    @model_validator(mode="after")
    def _dates_and_duplicates(self) -> "Employer":
        if self.verified < self.registered:
            raise staff_error(
                f"情報確認日 {self.verified} が登録日 {self.registered} より前です",
                "情報確認日（verified）は登録日（registered）と同じか後の日付にしてください",
                at="verified",
            )
        seen: set[str] = set()
        for index, offer in enumerate(self.offers):
            if offer.type in seen:
                raise staff_error(f"受け入れ「{offer.type}」が2回書かれています", "1つにまとめてください", at=f"offers.{index}.type")
            seen.add(offer.type)
        return self

    # --- views used by templates and outputs ------------------------------------------

    @property
    def first_slug(self) -> str:
        """The URL name its ids and calendar UIDs are made from: the first of ``former_slugs``,
        or ``slug`` when it was never renamed (see :func:`~.values.first_slug`)."""
        return first_slug(self.slug, self.former_slugs)

    @property
    def offer_ids(self) -> list[str]:
        return [offer.term.id for offer in self.offers]

    def offers_in_ladder_order(self) -> list[Offer]:
        return sorted(self.offers, key=lambda offer: LADDER_POSITION[offer.type])

    def ladder(self) -> list[tuple[Term, Offer | None]]:
        """Every step of the ladder with this employer's offer for it, or None."""
        offered = {offer.type: offer for offer in self.offers}
        return [(term, offered.get(term.label)) for term in OFFER_TYPES]

    def offer(self, offer_id: str) -> Offer | None:
        return next((offer for offer in self.offers if offer.term.id == offer_id), None)

    def card_days(self, chosen: str | None = None) -> list[CardDays]:
        """The days and hours a card in a listing shows, as the search page's card does (the two
        must agree: a family moving from an area's page to the search sees the same lines).

        With ``chosen`` (an offer type's id: the offer's own listing page), that offer's line,
        if the employer has it. Otherwise one general 曜日 line and a 日程 line of the notes when every offer that has
        days or hours has the same ones; when they differ, a line for each offer with days, hours
        or a note, so that nobody takes the 見学's hours for the プチバイト's. Offers with the same
        days, hours and note share a line."""
        offers = self.offers_in_ladder_order()
        line_offers = [offer for offer in offers if offer.term.id == chosen]
        if not line_offers and len({(tuple(offer.days_in_week_order), str(offer.hours or "")) for offer in offers if offer.days or offer.hours}) > 1:
            line_offers = [offer for offer in offers if offer.days or offer.hours or offer.schedule_note]
        if line_offers:
            lines: list[tuple[list[str], str, str, str]] = []
            for offer in line_offers:
                days = "・".join(offer.days_in_week_order) + "曜" if offer.days else ""
                hours, note = str(offer.hours) if offer.hours else "", offer.schedule_note or ""
                if (days or hours) and note:
                    note = f"（{note}）"
                elif not (days or hours or note):
                    days = "日にちは相談して決めます"
                same = next((line for line in lines if line[1:] == (days, hours, note)), None)
                if same:
                    same[0].append(offer.type)
                else:
                    lines.append(([offer.type], days, hours, note))
            return [CardDays("・".join(names), days, hours, note, kind="offer") for names, days, hours, note in lines]
        result = []
        days = [day for day in WEEKDAYS if any(day in offer.days for offer in offers)]
        if days:
            ranges = sorted({offer.hours for offer in offers if offer.hours}, key=lambda r: (r.start.minutes, r.end.minutes))
            hours = list(dict.fromkeys(str(r) for r in ranges))
            result.append(CardDays("曜日", "・".join(days) + (f"（{'、'.join(hours)}）" if hours else "")))
        notes = list(dict.fromkeys(offer.schedule_note for offer in offers if offer.schedule_note))
        if notes:
            result.append(CardDays("日程", "、".join(notes), kind="notes"))
        return result

    def pause_on(self, today: dt.date) -> Pause | None:
        """The pause to tell of on ``today`` (in effect, or announced ahead), or None."""
        if self.paused is None or self.paused.is_over(today):
            return None
        return self.paused

    def is_paused_on(self, today: dt.date) -> bool:
        return self.paused is not None and self.paused.in_effect(today)

    def verified_on(self) -> dt.date:
        return self.verified
