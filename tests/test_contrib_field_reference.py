"""The generated field reference is current and names every field of the JSON Schemas."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from employer_directory.contrib.field_reference import REFERENCE_PATH, render_field_reference

SCHEMA_DIR = ROOT / "content" / "schema"


def _paths(schema: dict, node: dict, prefix: str = "") -> set[str]:
    """Every property path, walked from the raw JSON ($ref, anyOf, items) independently of the generator."""
    found = set()
    for key, prop in node.get("properties", {}).items():
        found.add(prefix + key)
        # oneOf: an object that may also be written as a list of them (recurrence); the
        # reference names its fields as the object's (recurrence.rule)
        one_of = [option for choice in prop.get("anyOf", []) for option in choice.get("oneOf", []) if "$ref" in option]
        for candidate in [prop, *prop.get("anyOf", []), *one_of, prop.get("items", {})]:
            ref = candidate.get("$ref")
            if ref:
                child = schema["$defs"][ref.rsplit("/", 1)[-1]]
                separator = "[]." if candidate is prop.get("items") else "."
                found |= _paths(schema, child, f"{prefix}{key}{separator}")
    return found


def test_reference_is_current():
    committed = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    assert committed == render_field_reference(SCHEMA_DIR), "docs/fields.md is stale: run scripts/update-contrib"


def test_reference_contains_every_schema_field_with_its_title():
    reference = render_field_reference(SCHEMA_DIR)
    rows = dict(re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", reference, re.M))
    for name in ("employer.schema.json", "program.schema.json"):
        schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        paths = _paths(schema, schema)
        assert {"offers[].hours", "access.nearest", "tasks[].checks"} <= paths or name == "program.schema.json"
        missing = paths - set(rows)
        assert not missing, f"{name}: not in the reference: {sorted(missing)}"


def test_rule_periods_are_described_with_the_fields_of_one_period():
    """recurrence is one rule or a list of periods: the row says both forms, and the fields of
    one rule keep their table."""
    reference = render_field_reference(SCHEMA_DIR)
    row = next(line for line in reference.splitlines() if line.startswith("| `recurrence` |"))
    assert "古い順に並べたリスト" in row and "下の表の項目をまとめたもの" in row
    assert "### 繰り返し（recurrence。期間ごとのリストなら、その各項目）" in reference
    assert "| `recurrence.until` | 終了日 | 必須 |" in reference


def test_choice_fields_list_their_values():
    reference = render_field_reference(SCHEMA_DIR)
    row = next(line for line in reference.splitlines() if line.startswith("| `tasks[].load`"))
    assert "「軽い」「ふつう」「重い」" in row and "必須" in row


def test_descriptions_are_in_japanese():
    """Model docstrings are English notes for developers; they must not reach the staff table,
    also for optional nested fields (``contact`` of a program)."""
    reference = render_field_reference(SCHEMA_DIR)
    for line in reference.splitlines():
        if line.startswith("| `"):
            description = line.split(" | ")[4]
            assert not re.search(r"[A-Za-z]+ [a-z]+ [a-z]+", description), line


def test_contributing_links_to_the_reference():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"]({REFERENCE_PATH})" in contributing


def test_contributing_maps_every_column_of_the_printed_task_breakdown_form_to_a_task_field(built_site):
    # Staff type the filled 業務・作業洗い出しシート into tasks:. Each column of the printed form
    # must be named in CONTRIBUTING's table with the field it goes to (or 「書きません」), and every
    # required task field must come from some column, so that nothing is guessed.
    from html.parser import HTMLParser

    from employer_directory.models.employer import Task

    class Headers(HTMLParser):
        def __init__(self):
            super().__init__()
            self.columns: list[str] = []
            self._in = False

        def handle_starttag(self, tag, attrs):
            self._in = tag == "th" and ("scope", "col") in attrs

        def handle_endtag(self, tag):
            self._in = False

        def handle_data(self, data):
            if self._in and data.strip():
                self.columns.append(data.strip())

    parser = Headers()
    parser.feed((built_site / "forms/task-breakdown/index.html").read_text(encoding="utf-8"))
    assert "業務名" in parser.columns
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("### 紙の「業務・作業洗い出しシート」から作業を書く", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| ([^|`]+?) \| (.+?) \|", section, re.M))
    mapped: set[str] = set()
    for column in parser.columns:
        assert column in rows, f"column {column} is not in CONTRIBUTING's table"
        fields = re.findall(r"`tasks\[\]\.(\w+)`", rows[column])
        assert fields or "書きません" in rows[column], column
        for name in fields:
            assert name in Task.model_fields, name
        mapped |= set(fields)
    required = {name for name, info in Task.model_fields.items() if info.is_required()}
    assert required <= mapped, f"not on the form: {sorted(required - mapped)}"


def test_contributing_maps_every_label_of_the_printed_hearing_form_to_an_employer_field(built_site):
    # Staff type the filled 事業所ヒアリングシート into the employer file. Each label of the printed
    # form must be in CONTRIBUTING's table with the field it goes to (or 「書きません」); every field
    # named must exist; every required field but tasks (the task breakdown sheet) and the two
    # dates must come from some label.
    from typing import get_args

    from pydantic import BaseModel

    from employer_directory.models.employer import Employer

    def field_exists(path: str) -> bool:
        model: type[BaseModel] | None = Employer
        for part in path.replace("[]", "").split("."):
            if model is None or part not in model.model_fields:
                return False
            annotation = model.model_fields[part].annotation
            model = next((t for t in (annotation, *get_args(annotation)) if isinstance(t, type) and issubclass(t, BaseModel)), None)
        return True

    html = (built_site / "forms/hearing/index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<th scope="(?:row|col)"[^>]*>([^<]+)</th>', html)
    stages = set(re.findall(r'<tr><th scope="row">([^<]+)</th><td></td><td class="form-unit">', html))
    assert stages and "事業所名" in labels
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("### 紙の「事業所ヒアリングシート」から項目を書く", 1)[1].split("\n### ", 1)[0]
    rows = dict(re.findall(r"^\| ([^|`]+?) \| (.+?) \|$", section, re.M))
    mapped: set[str] = set()
    for label in labels:
        if label in stages:
            continue
        assert label in rows, f"label {label} is not in CONTRIBUTING's table"
        fields = [f for f in re.findall(r"`([a-z_]+(?:\[\])?(?:\.[a-z_]+)?)`", rows[label]) if f not in ("true", "false")]
        assert fields or "書きません" in rows[label], label
        for path in fields:
            assert field_exists(path), f"{label}: {path} is no field of the employer file"
        mapped |= {path.split(".")[0].replace("[]", "") for path in fields}
    required = {name for name, info in Employer.model_fields.items() if info.is_required()}
    assert required - mapped == {"tasks"}, f"not on the form: {sorted(required - mapped - {'tasks'})}"


def test_examples_of_date_lists_are_dates_that_pass():
    """Found by the staff-docs walk-through: full: and dates: had 〇〇 and △△ for example, which
    staff copying it get refused as "not a date"."""
    from employer_directory.models.values import parse_staff_date

    reference = render_field_reference(SCHEMA_DIR)
    rows = [line.split(" | ") for line in reference.splitlines() if line.startswith("| `") and "各項目は 日付" in line]
    assert {row[0] for row in rows} >= {"| `full`", "| `dates`"}
    for row in rows:
        written = re.fullmatch(r"`\w+: \[(.+)\]` \|", row[5].strip())
        assert written, row
        for item in written.group(1).split(", "):
            parse_staff_date(item)


def test_the_example_of_a_programs_employers_names_sample_employers_and_loads(tmp_path):
    """Found by the staff-docs walk-through: employers: had [〇〇, △△] for example, which is no
    URL name and is refused when copied. The example, written into a sample program, loads."""
    import datetime as dt
    import shutil

    from conftest import BUILD_DATE
    from employer_directory.cli import read_settings
    from employer_directory.loading import load_directory

    reference = render_field_reference(SCHEMA_DIR)
    row = next(line for line in reference.splitlines() if line.startswith("| `employers` |"))
    example = re.search(r"`(employers: \[.+\])` \|$", row)
    assert example, row
    shutil.copytree(ROOT / "content", tmp_path / "content")
    program = tmp_path / "content/programs/godo-mensetsukai-2027-02.md"
    text = program.read_text(encoding="utf-8")
    assert "\nemployers: [" in text
    program.write_text(re.sub(r"\nemployers: \[.*\]\n", f"\n{example.group(1)}\n", text), encoding="utf-8")
    settings = read_settings(ROOT / "mkdocs.yml")
    directory = load_directory(tmp_path / "content", settings, root=tmp_path, today=dt.date.fromisoformat(BUILD_DATE))
    loaded = next(p for p in directory.programs if p.slug == "godo-mensetsukai-2027-02")
    assert len(loaded.employers) == 2 and all(directory.employer(slug) for slug in loaded.employers)
