"""Support programs (集団プログラム, セミナー, 職場見学会, …) in ``content/programs/*.md``.

This is the small first form: a list of dated sessions. Recurrence rules, holidays and
per-occurrence status belong to the calendar work and extend this model.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .choices import check_choice
from .employer import Contact, Strict
from .values import Count, LongText, ShortText, StaffDate, StaffTimeRange, Text, staff_error


class Place(Strict):
    name: ShortText = Field(title="会場名", description="オンラインなら「オンライン（Zoom）」など")
    address: Optional[Text] = Field(None, title="住所")
    online: bool = Field(False, title="オンライン", description="オンライン開催なら true")
    join: Optional[Text] = Field(None, title="参加のしかた", description="オンラインのとき、申し込み後に案内が届くことなど")


class Session(Strict):
    date: StaffDate = Field(title="日付")
    time: Optional[StaffTimeRange] = Field(None, title="時間", description="例: \"10:00〜12:00\"")
    title: Optional[ShortText] = Field(None, title="その回のテーマ")


class Program(Strict):
    slug: Optional[str] = Field(None, title="URL名", description="省略するとファイル名が使われます")
    title: ShortText = Field(title="プログラム名")
    kind: str = Field(title="種類", description="mkdocs.yml の program_kinds のどれか")
    summary: LongText = Field(title="内容")
    audience: Optional[Text] = Field(None, title="対象")
    host: Optional[ShortText] = Field(None, title="主催")
    place: Place = Field(title="会場")
    capacity: Optional[Count] = Field(None, title="定員")
    fee: Optional[ShortText] = Field(None, title="参加費", description="例: 無料")
    bring: list[ShortText] = Field(default_factory=list, title="持ち物")
    apply: Optional[Text] = Field(None, title="申し込み方法")
    deadline: Optional[StaffDate] = Field(None, title="申し込み締切")
    contact: Optional[Contact] = Field(None, title="問い合わせ先")
    employers: list[str] = Field(default_factory=list, title="関係する協力事業所", description="事業所ファイルの名前（.md を除く）")
    sessions: list[Session] = Field(min_length=1, title="日程")
    verified: StaffDate = Field(title="情報確認日")

    source_path: str = Field("", exclude=True)
    body: str = Field("", exclude=True)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: Any, info: ValidationInfo) -> str:
        settings = (info.context or {}).get("settings")
        allowed = [term.label for term in settings.program_kind_terms()] if settings else [value]
        return check_choice(value, allowed, "プログラムの種類")

    @model_validator(mode="after")
    def _order(self) -> "Program":
        dates = [session.date for session in self.sessions]
        for index in range(1, len(dates)):
            if dates[index] < dates[index - 1]:
                raise staff_error(
                    f"日程（sessions）の {index + 1}番目 {dates[index]} が、その前の {dates[index - 1]} より前です",
                    "古い日付から順に並べ替えてください",
                    at=f"sessions.{index}.date",
                )
        if self.deadline and self.deadline > dates[-1]:
            raise staff_error(
                f"申し込み締切 {self.deadline} が最後の日程 {dates[-1]} より後です",
                "締切（deadline）は開催日より前の日付にしてください",
                at="deadline",
            )
        return self
