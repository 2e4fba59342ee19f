"""``data/employers.csv`` and ``data/programs.csv`` for spreadsheet users.

UTF-8 with a byte-order mark, so that Excel opens the Japanese correctly when the file is
double-clicked; CRLF line ends (the csv module's default, what Excel writes). Headers are the
Japanese field names staff and counsellors know. One row per employer; one row per program
occurrence. Lists in one cell are joined with ``LIST_SEPARATOR``.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from ..directory import Directory
from ..models.employer import Employer
from ..site_address import SiteAddress
from .records import OccurrenceRecord, hhmm

LIST_SEPARATOR = " / "
"""Joins list items in one cell (作業名, 曜日, 配慮 …). Chosen over 「、」, which appears inside items."""
BOM = "\ufeff"

EMPLOYER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "ID"),
    ("name", "事業所名"),
    ("reading", "よみがな"),
    ("category", "業種"),
    ("area", "地域"),
    ("address", "住所"),
    ("nearest", "最寄り駅・バス停"),
    ("pickup", "送迎"),
    ("parking", "駐車場"),
    ("headcount", "従業員数"),
    ("business", "事業の内容"),
    ("offers", "受け入れ"),
    ("offer_details", "受け入れの内容"),
    ("tasks", "切り出した作業"),
    ("matching", "どの様な方がマッチングしますか"),
    ("accommodations", "働きやすさの配慮"),
    ("bring", "持ち物・服装"),
    ("contact_name", "窓口"),
    ("contact_phone", "電話番号"),
    ("contact_email", "メール"),
    ("contact_url", "ホームページ"),
    ("registered", "登録日"),
    ("verified", "情報確認日"),
    ("url", "ページ"),
    # added in data version 1.2: last, so that columns keep their places
    ("paused_from", "受け入れ休止の始まり"),
    ("paused_until", "受け入れ休止の終わり"),
    ("paused_reason", "受け入れ休止の理由"),
)
"""(key, Japanese header) in column order; the data page lists them."""

PROGRAM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("occurrence_id", "開催回ID"),
    ("program_id", "プログラムID"),
    ("title", "プログラム名"),
    ("kind", "種類"),
    ("date", "日付"),
    ("start_time", "開始"),
    ("end_time", "終了"),
    ("theme", "その回のテーマ"),
    ("status", "状態"),
    ("note", "中止の理由"),
    ("place", "会場"),
    ("address", "会場の住所"),
    ("online", "オンライン"),
    ("host", "主催"),
    ("audience", "対象"),
    ("capacity", "定員"),
    ("fee", "参加費"),
    ("deadline", "申し込み締切"),
    ("apply", "申し込み方法"),
    ("contact_phone", "問い合わせ電話"),
    ("url", "ページ"),
    ("walk_in", "締切後の当日参加"),  # added in data version 1.1: last, so that columns keep their places
)

STATUS_LABELS = {"scheduled": "予定", "full": "満員", "cancelled": "中止"}


def _yes_no(value: bool) -> str:
    return "あり" if value else "なし"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _join(items: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)


def employer_row(employer: Employer, site: SiteAddress) -> dict[str, str]:
    offers = employer.offers_in_ladder_order()
    details = []
    for offer in offers:
        when = offer.days_and_hours
        details.append(f"{offer.type}: {offer.content}" + (f"（{when}）" if when else ""))
    contact = employer.contact
    return {
        "id": employer.first_slug,
        "name": employer.name,
        "reading": employer.reading,
        "category": employer.category,
        "area": employer.area,
        "address": employer.address,
        "nearest": employer.access.nearest,
        "pickup": _yes_no(employer.access.pickup),
        "parking": _yes_no(employer.access.parking),
        "headcount": _text(employer.headcount),
        "business": employer.business,
        "offers": _join(offer.type for offer in offers),
        "offer_details": _join(details),
        "tasks": _join(("★" if task.qualification else "") + task.name for task in employer.tasks),
        "matching": _join(employer.matching),
        "accommodations": _join(employer.accommodations),
        "bring": _join(employer.bring),
        "contact_name": contact.name,
        "contact_phone": _text(contact.phone),
        "contact_email": _text(contact.email),
        "contact_url": _text(contact.url),
        "registered": employer.registered.isoformat(),
        "verified": employer.verified.isoformat(),
        "url": site.employer(employer.slug or ""),
        # As written, whatever the day: a pause that is over reads as over from its date (the file
        # stays the same from one daily build to the next, as the JSON does). A pause without a
        # start is in effect already; one without an end is 当面 (no end set).
        "paused_from": _pause_date(employer, "start"),
        "paused_until": _pause_date(employer, "until"),
        "paused_reason": _text(employer.paused.reason) if employer.paused else "",
    }


def _pause_date(employer: Employer, which: str) -> str:
    if employer.paused is None:
        return ""
    day = getattr(employer.paused, which)
    if day is None:
        return "すでに休止中" if which == "start" else "未定"
    return day.isoformat()


def occurrence_row(occurrence: OccurrenceRecord, site: SiteAddress) -> dict[str, str]:
    program = occurrence.program
    return {
        "occurrence_id": occurrence.id,
        "program_id": program.first_slug,
        "title": program.title,
        "kind": program.kind,
        "date": occurrence.date.isoformat(),
        "start_time": _text(hhmm(occurrence.time, "start")),
        "end_time": _text(hhmm(occurrence.time, "end")),
        "theme": _text(occurrence.title),
        "status": STATUS_LABELS[occurrence.status],
        "note": _text(occurrence.note),
        "place": occurrence.place.name,
        "address": _text(occurrence.place.address),
        "online": _yes_no(occurrence.place.online),
        "host": _text(program.host),
        "audience": _text(program.audience),
        "capacity": _text(program.capacity),
        "fee": _text(program.fee),
        "deadline": program.deadline.isoformat() if program.deadline else "",
        "walk_in": _yes_no(program.walk_in),
        "apply": _text(program.apply),
        "contact_phone": _text(program.contact.phone) if program.contact else "",
        "url": site.program(program.slug or ""),
    }


def employer_rows(directory: Directory, site: SiteAddress) -> list[dict[str, str]]:
    return [employer_row(employer, site) for employer in sorted(directory.employers, key=lambda e: e.slug or "")]


def occurrence_rows(occurrences: list[OccurrenceRecord], site: SiteAddress) -> list[dict[str, str]]:
    ordered = sorted(occurrences, key=lambda o: (o.date, hhmm(o.time, "start") or "", o.program.slug or ""))
    return [occurrence_row(occurrence, site) for occurrence in ordered]


def write_csv(columns: tuple[tuple[str, str], ...], rows: list[dict[str, str]]) -> bytes:
    """Rows (keyed by column key) → UTF-8 CSV bytes with BOM and a Japanese header row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([header for _, header in columns])
    for row in rows:
        writer.writerow([row[key] for key, _ in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def employers_csv(directory: Directory, site: SiteAddress) -> bytes:
    return write_csv(EMPLOYER_COLUMNS, employer_rows(directory, site))


def programs_csv(occurrences: list[OccurrenceRecord], site: SiteAddress) -> bytes:
    return write_csv(PROGRAM_COLUMNS, occurrence_rows(occurrences, site))
