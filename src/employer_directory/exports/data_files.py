"""Every open data file of one build, as ``{path in the site: bytes}``, and what the data page lists.

The hook writes these after MkDocs has written the pages; tests call the same function.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..directory import Directory
from ..site_address import SiteAddress
from . import SCHEMA_VERSION
from .csv_data import EMPLOYER_COLUMNS, LIST_SEPARATOR, PROGRAM_COLUMNS, employers_csv, programs_csv
from .hsds import hsds_organizations, hsds_services
from .json_data import EMPLOYERS_SCHEMA_FILE, PROGRAMS_SCHEMA_FILE, dumps, employers_document, programs_document, publication
from .records import OccurrenceRecord


@dataclass(frozen=True)
class DataFile:
    path: str
    """Path in the built site (``data/employers.json``)."""
    label: str
    format: str
    description: str


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("data/employers.json", "協力事業所（JSON）", "JSON", "1事業所1件。内容ファイルのすべての項目と、ID・ページのアドレス"),
    DataFile("data/programs.json", "プログラム（JSON）", "JSON", "1プログラム1件。開催回（occurrences）の一覧つき"),
    DataFile("data/employers.csv", "協力事業所（CSV）", "CSV", "1事業所1行。Excel でそのまま開けます"),
    DataFile("data/programs.csv", "プログラムの開催回（CSV）", "CSV", "1開催回1行"),
    DataFile("data/hsds/organizations.json", "HSDS 3.0 organizations", "JSON（HSDS 3.0）", "事業所と運営する相談窓口。所在地・窓口・電話つき"),
    DataFile("data/hsds/services.json", "HSDS 3.0 services", "JSON（HSDS 3.0）", "受け入れの段階ごとと、プログラムごと。日程（schedules）・言語つき"),
    DataFile(f"schema/{EMPLOYERS_SCHEMA_FILE}", "employers.json の JSON Schema", "JSON Schema", "項目の名前・型・説明"),
    DataFile(f"schema/{PROGRAMS_SCHEMA_FILE}", "programs.json の JSON Schema", "JSON Schema", "項目の名前・型・説明"),
)
"""Listed on the data page in this order. The schemas are static files of content/schema/."""


def render_data_files(directory: Directory, site: SiteAddress, occurrences: list[OccurrenceRecord]) -> dict[str, bytes]:
    return {
        "data/employers.json": dumps(employers_document(directory, site)),
        "data/programs.json": dumps(programs_document(directory, site, occurrences)),
        "data/employers.csv": employers_csv(directory, site),
        "data/programs.csv": programs_csv(occurrences, site),
        "data/hsds/organizations.json": dumps(hsds_organizations(directory, site)),
        "data/hsds/services.json": dumps(hsds_services(directory, site, occurrences)),
    }


@dataclass(frozen=True)
class DataPageFacts:
    """What the data page (content/data.md, template data.html) shows besides its prose."""

    files: tuple[DataFile, ...]
    publisher: str
    """Who publishes the data (the same name the files carry)."""
    employer_count: int
    program_count: int
    occurrence_count: int
    schema_version: str
    list_separator: str
    employer_columns: tuple[tuple[str, str], ...]
    program_columns: tuple[tuple[str, str], ...]


def data_page_facts(directory: Directory, occurrences: list[OccurrenceRecord]) -> DataPageFacts:
    return DataPageFacts(
        DATA_FILES,
        publication(directory.settings)["publisher"],
        len(directory.employers),
        len(directory.programs),
        len(occurrences),
        SCHEMA_VERSION,
        LIST_SEPARATOR,
        EMPLOYER_COLUMNS,
        PROGRAM_COLUMNS,
    )
