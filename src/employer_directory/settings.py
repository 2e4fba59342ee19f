"""Site settings for the directory: the ``extra.directory`` key of mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .calendar.closures import DEFAULT_CLOSURES, Closure
from .problems import ContentInvalid, Problem
from .vocabulary import Term

TOKYO = ZoneInfo("Asia/Tokyo")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TermSetting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(description="URL に使う半角英小文字の識別子")
    label: str = Field(description="画面とファイルに書く日本語の名前")
    description: str = ""

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"id は半角英小文字・数字・ハイフンで書いてください: {value}")
        return value

    def term(self) -> Term:
        return Term(self.id, self.label, self.description)


DEFAULT_CATEGORIES = [
    {"id": "agriculture", "label": "農業・栽培"},
    {"id": "welfare-medical", "label": "福祉・医療"},
    {"id": "food-manufacturing", "label": "食品・製造"},
    {"id": "environment", "label": "環境整備"},
    {"id": "traffic-security", "label": "交通警備"},
    {"id": "other", "label": "その他"},
]

DEFAULT_ACCOMMODATIONS = [
    {"id": "short-hours", "label": "短時間", "description": "1日数時間から働ける"},
    {"id": "one-day-a-week", "label": "週1日から", "description": "週1日から相談できる"},
    {"id": "no-resume", "label": "履歴書不要"},
    {"id": "no-interview", "label": "面接なし"},
    {"id": "pickup", "label": "送迎あり", "description": "最寄り駅などから送り迎えがある"},
    {"id": "casual-dress", "label": "服装自由"},
    {"id": "disability-support", "label": "障がいへの配慮"},
    {"id": "no-experience", "label": "未経験歓迎"},
    {"id": "near-station", "label": "駅から近い", "description": "駅やバス停から歩いて10分以内"},
    {"id": "flexible-schedule", "label": "日程は相談可"},
    {"id": "job-coach", "label": "付き添い可", "description": "支援員の付き添いを受け入れる"},
    {"id": "foreign-language", "label": "外国語の相談可"},
]

DEFAULT_PROGRAM_KINDS = [
    {"id": "group", "label": "集団プログラム"},
    {"id": "seminar", "label": "セミナー"},
    {"id": "tour-day", "label": "職場見学会"},
    {"id": "training", "label": "研修会"},
    {"id": "forum", "label": "フォーラム"},
    {"id": "job-fair", "label": "合同就職面接会"},
]


class DirectorySettings(BaseModel):
    """Everything a site can set about the directory, under ``extra.directory``."""

    model_config = ConfigDict(extra="forbid")

    organization: str = Field("生活・就労支援センター", description="サイトを運営する相談窓口の名前")
    contact_phone: str = Field("", description="相談窓口の電話番号")
    content_dir: str = Field("content", description="内容ファイルを置くフォルダ（mkdocs.yml からの相対パス）")
    categories: list[TermSetting] = Field(default_factory=lambda: [TermSetting(**c) for c in DEFAULT_CATEGORIES])
    areas: list[TermSetting] = Field(default_factory=list, description="地域の一覧。空なら地域は自由記述")
    accommodations: list[TermSetting] = Field(
        default_factory=lambda: [TermSetting(**a) for a in DEFAULT_ACCOMMODATIONS]
    )
    program_kinds: list[TermSetting] = Field(
        default_factory=lambda: [TermSetting(**k) for k in DEFAULT_PROGRAM_KINDS]
    )
    build_date: dt.date | None = Field(None, description="今日として扱う日付（テストと再現用）")
    closures: list[Closure] = Field(
        default_factory=lambda: list(DEFAULT_CLOSURES),
        description="プログラムの繰り返しを休む期間（年末年始など）。祝日は別に自動で休みになります",
    )

    def category_terms(self) -> list[Term]:
        return [c.term() for c in self.categories]

    def area_terms(self) -> list[Term]:
        return [a.term() for a in self.areas]

    def accommodation_terms(self) -> list[Term]:
        return [a.term() for a in self.accommodations]

    def program_kind_terms(self) -> list[Term]:
        return [k.term() for k in self.program_kinds]


def today(settings: DirectorySettings, environ: dict[str, str] | None = None) -> dt.date:
    """The date the build treats as today, in Asia/Tokyo.

    Order: ``build_date`` in mkdocs.yml, then ``DIRECTORY_BUILD_DATE`` (YYYY-MM-DD), then the
    reproducible-builds convention ``SOURCE_DATE_EPOCH``, then the clock.
    """
    environ = os.environ if environ is None else environ
    if settings.build_date:
        return settings.build_date
    if environ.get("DIRECTORY_BUILD_DATE"):
        return dt.date.fromisoformat(environ["DIRECTORY_BUILD_DATE"])
    if environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), TOKYO).date()
    return dt.datetime.now(TOKYO).date()


def load_settings(raw: Any, source: str = "mkdocs.yml") -> DirectorySettings:
    """Validate the ``extra.directory`` mapping; problems are reported like content problems."""
    try:
        return DirectorySettings.model_validate(raw or {})
    except ValidationError as error:
        problems = [
            Problem(
                source,
                1,
                "extra.directory." + ".".join(str(part) for part in item["loc"]),
                f"設定の値が正しくありません（{item['msg']}）",
                "mkdocs.yml の extra: directory: の書き方を確認してください",
            )
            for item in error.errors()
        ]
        raise ContentInvalid(problems) from None
