"""``data/employers.json`` and ``data/programs.json``: the whole directory as versioned JSON.

Each record is the validated front-matter (the same fields and names staff write, see
content/schema/employer.schema.json) plus ids and links added here. The files' own JSON Schemas
(``content/schema/*.data.schema.json``) are derived from the editor schemas, so a field added to
the model shows up in both, and the committed copies are kept current by a test.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from ..directory import Directory
from ..models.employer import Employer
from ..models.program import Program
from ..settings import DirectorySettings
from ..site_address import SiteAddress
from . import SCHEMA_VERSION
from .ids import employer_uuid, program_uuid
from .records import OccurrenceRecord, hhmm, occurrences_by_program

EMPLOYERS_SCHEMA_FILE = "employers.data.schema.json"
PROGRAMS_SCHEMA_FILE = "programs.data.schema.json"


def publication(settings: DirectorySettings) -> dict[str, str]:
    """Who publishes the data and under which licence; the same block heads every file."""
    data = settings.open_data
    return {"publisher": data.publisher or settings.organization, "license": data.license, "license_url": data.license_url}


# --- records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TermIds:
    """Label → id of the site's vocabularies, looked up once per build rather than per record."""

    categories: dict[str, str]
    areas: dict[str, str]
    accommodations: dict[str, str]
    program_kinds: dict[str, str]

    @classmethod
    def of(cls, settings: DirectorySettings) -> "TermIds":
        def ids(terms):
            return {term.label: term.id for term in terms}

        return cls(
            ids(settings.category_terms()),
            ids(settings.area_terms()),
            ids(settings.accommodation_terms()),
            ids(settings.program_kind_terms()),
        )


def employer_record(employer: Employer, site: SiteAddress, program_slugs: list[str], term_ids: TermIds) -> dict[str, Any]:
    record = employer.model_dump(mode="json")
    record.update(
        {
            "id": employer.first_slug,
            "hsds_id": employer_uuid(employer.first_slug),
            "url": site.employer(employer.slug or ""),
            "category_id": term_ids.categories[employer.category],
            "area_id": term_ids.areas.get(employer.area),
            "offer_type_ids": [offer.term.id for offer in employer.offers_in_ladder_order()],
            # In the order of mkdocs.yml, as the page shows them.
            "accommodation_ids": [i for label, i in term_ids.accommodations.items() if label in employer.accommodations],
            "program_ids": program_slugs,
        }
    )
    return record


def occurrence_record(occurrence: OccurrenceRecord) -> dict[str, Any]:
    return {
        "id": occurrence.id,
        "date": occurrence.date.isoformat(),
        "start_time": hhmm(occurrence.time, "start"),
        "end_time": hhmm(occurrence.time, "end"),
        "start": occurrence.start_iso,
        "end": occurrence.end_iso,
        "title": occurrence.title,
        "status": occurrence.status,
        "note": occurrence.note,
    }


def program_record(program: Program, site: SiteAddress, occurrences: list[OccurrenceRecord], term_ids: TermIds, employer_ids: list[str]) -> dict[str, Any]:
    """``employer_ids``: the ``id`` of each employer in ``employers:`` (which names them by their
    URL name of today), in the same order."""
    record = program.model_dump(mode="json")
    record.update(
        {
            "id": program.first_slug,
            "hsds_id": program_uuid(program.first_slug),
            "url": site.program(program.slug or ""),
            "kind_id": term_ids.program_kinds.get(program.kind),
            "employer_ids": employer_ids,
            "occurrences": [occurrence_record(occurrence) for occurrence in occurrences],
        }
    )
    return record


def _document(site: SiteAddress, schema_file: str, settings: DirectorySettings, key: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """A data file: its schema, version and publication block, then the records (by id)."""
    return {
        "$schema": f"{site.base}schema/{schema_file}",
        "schema_version": SCHEMA_VERSION,
        **publication(settings),
        key: sorted(records, key=lambda record: record["id"] or ""),
    }


def employers_document(directory: Directory, site: SiteAddress) -> dict[str, Any]:
    programs_of: dict[str, list[str]] = {}
    for program in directory.programs:
        for slug in program.employers:
            programs_of.setdefault(slug, []).append(program.first_slug)
    term_ids = TermIds.of(directory.settings)
    records = [employer_record(employer, site, programs_of.get(employer.slug or "", []), term_ids) for employer in directory.employers]
    return _document(site, EMPLOYERS_SCHEMA_FILE, directory.settings, "employers", records)


def programs_document(directory: Directory, site: SiteAddress, occurrences: list[OccurrenceRecord]) -> dict[str, Any]:
    grouped = occurrences_by_program(occurrences)
    term_ids = TermIds.of(directory.settings)
    def employer_ids(program: Program) -> list[str]:
        return [employer.first_slug if (employer := directory.employer(slug)) else slug for slug in program.employers]

    records = [program_record(program, site, grouped.get(program.slug or "", []), term_ids, employer_ids(program)) for program in directory.programs]
    return _document(site, PROGRAMS_SCHEMA_FILE, directory.settings, "programs", records)


def dumps(document: Any) -> bytes:
    """Stable bytes: sorted keys, UTF-8 (Japanese stays readable), final newline.

    Compact on purpose: with ``indent`` the standard library falls back to its pure-Python
    encoder, which made these files the slowest part of a 1,000-employer build.
    """
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


# --- JSON Schemas of the files ------------------------------------------------------------

_NULLABLE_STRING = {"type": ["string", "null"]}
_ID = {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"}
_UUID = {"type": "string", "format": "uuid", "pattern": r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$"}
_TIME = {"type": ["string", "null"], "pattern": r"^\d{2}:\d{2}$"}


def _record_schema(editor_schema: dict[str, Any], added: dict[str, Any], title: str) -> tuple[dict[str, Any], dict[str, Any]]:
    record = copy.deepcopy(editor_schema)
    defs = record.pop("$defs", {})
    record.pop("title", None)
    record["title"] = title
    record["properties"].update(added)
    record["required"] = sorted(set(record.get("required", [])) | set(added) | {"slug"})
    record["additionalProperties"] = False
    return record, defs


def _document_schema(title: str, description: str, list_key: str, record: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", "schema_version", "publisher", "license", "license_url", list_key],
        "properties": {
            "$schema": {"type": "string", "description": "このファイルの JSON Schema のアドレス"},
            "schema_version": {"const": SCHEMA_VERSION, "description": "ファイルの形の版。項目の意味が変わるときに上げます"},
            "publisher": {"type": "string", "title": "発行者"},
            "license": {"type": "string", "title": "ライセンス"},
            "license_url": {"type": "string", "title": "ライセンスの説明"},
            list_key: {"type": "array", "items": {"$ref": f"#/$defs/{list_key}_record"}},
        },
        "$defs": {**defs, f"{list_key}_record": record},
    }


def employers_data_schema(settings: DirectorySettings) -> dict[str, Any]:
    from ..schema_export import employer_schema

    added = {
        "id": {**_ID, "title": "ID", "description": "事業所の識別子。はじめの URL名です（ファイル名を変えて former_slugs を書いた事業所では former_slugs の1つ目。名前を変えても ID は変わりません。いまのアドレスは slug と url）"},
        "hsds_id": {**_UUID, "title": "UUID", "description": "HSDS の organization の id と同じ値"},
        "url": {"type": "string", "format": "uri", "title": "ページのアドレス"},
        "category_id": {"type": "string", "enum": [t.id for t in settings.category_terms()], "title": "業種のID"},
        "area_id": {"type": ["string", "null"], "title": "地域のID", **({"enum": [t.id for t in settings.area_terms()] + [None]} if settings.areas else {})},
        "offer_type_ids": {"type": "array", "title": "受け入れの種類のID（段階の順）", "items": {"type": "string"}},
        "accommodation_ids": {"type": "array", "title": "配慮のID", "items": {"type": "string", "enum": [t.id for t in settings.accommodation_terms()]}},
        "program_ids": {"type": "array", "title": "関係するプログラムのID（プログラムの id）", "items": _ID},
    }
    record, defs = _record_schema(employer_schema(settings), added, "協力事業所（1件）")
    return _document_schema(
        "協力事業所の一覧（data/employers.json）",
        "協力事業所ごとに、内容ファイル（content/employers/*.md）の項目と、ID・アドレスを収めます。",
        "employers",
        record,
        defs,
    )


def programs_data_schema(settings: DirectorySettings) -> dict[str, Any]:
    from ..schema_export import program_schema

    occurrence = {
        "type": "object",
        "title": "開催回",
        "additionalProperties": False,
        "required": ["id", "date", "start", "status"],
        "properties": {
            "id": {"type": "string", "title": "開催回のID（プログラムのID-日付。同じ日の2つ目からの回は -2 などが付く。時刻を変えても変わらない。カレンダー（ICS）の UID と同じ元）"},
            "date": {"type": "string", "format": "date", "title": "日付"},
            "start_time": {**_TIME, "title": "開始時刻（日本時間）"},
            "end_time": {**_TIME, "title": "終了時刻（日本時間）"},
            "start": {"type": "string", "title": "開始（ISO 8601、+09:00 付き。時刻がなければ日付だけ）"},
            "end": {**_NULLABLE_STRING, "title": "終了（ISO 8601、+09:00 付き）"},
            "title": {**_NULLABLE_STRING, "title": "その回のテーマ"},
            "status": {"enum": ["scheduled", "full", "cancelled"], "title": "状態（予定・満員・中止）", "description": "終わった回かどうかは日付で判断してください（データは読む日によって変わりません）"},
            "note": {**_NULLABLE_STRING, "title": "中止の理由"},
        },
    }
    added = {
        "id": {**_ID, "title": "ID", "description": "プログラムの識別子。はじめの URL名です（ファイル名を変えて former_slugs を書いたプログラムでは former_slugs の1つ目。名前を変えても ID は変わりません。いまのアドレスは slug と url）"},
        "hsds_id": {**_UUID, "title": "UUID", "description": "HSDS の service の id と同じ値"},
        "url": {"type": "string", "format": "uri", "title": "ページのアドレス"},
        "kind_id": {"type": ["string", "null"], "title": "種類のID"},
        "employer_ids": {"type": "array", "title": "関係する協力事業所のID", "description": "employers（いまの URL名）と同じ順に、事業所の id。名前を変えた事業所でも data/employers.json の id と同じです", "items": _ID},
        "occurrences": {"type": "array", "title": "開催回（1回ごと）", "items": {"$ref": "#/$defs/occurrence"}},
    }
    record, defs = _record_schema(program_schema(settings), added, "プログラム（1件）")
    defs["occurrence"] = occurrence
    return _document_schema(
        "就労支援プログラムの一覧（data/programs.json）",
        "プログラムごとに、内容ファイル（content/programs/*.md）の項目と、開催回の一覧を収めます。",
        "programs",
        record,
        defs,
    )


def data_schemas(settings: DirectorySettings) -> dict[str, dict[str, Any]]:
    return {EMPLOYERS_SCHEMA_FILE: employers_data_schema(settings), PROGRAMS_SCHEMA_FILE: programs_data_schema(settings)}
