"""The staff field reference (Markdown), generated from the JSON Schemas in ``content/schema/``.

The schemas are themselves generated from the models and the site's vocabularies, so this page
is never kept in sync by hand: ``contrib-files`` rewrites it and a test checks the committed copy.
Every property of every object in the schema gets one table row: the key as written in the
file (``offers[].hours``), its Japanese name, whether it is required, how to write it and an
example line.
"""

from __future__ import annotations

import re

import json
from pathlib import Path
from typing import Any, Iterator

from ..models.values import SLUG

REFERENCE_PATH = "docs/fields.md"
"""Where the generated reference lives, relative to the project root (outside the site)."""

SCHEMAS = (
    ("employer.schema.json", "協力事業所", "content/employers/（URL名）.md"),
    ("program.schema.json", "プログラム", "content/programs/（URL名）.md"),
)

SLUG_PATTERN = SLUG.pattern
GENERIC_EXAMPLES = {"integer": "10", "boolean": "true", "date": "2026-04-08"}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and unwrap ``anyOf [X, null]`` (an optional field) to X."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return {**schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    if "anyOf" in node:
        options = [option for option in node["anyOf"] if option.get("type") != "null"]
        if len(options) == 1:
            return _resolve(schema, {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}})
    if "anyOf" in node and _date_or_object(node):
        # A date alone, or the object with date: and more (full: a day, or one meeting of it):
        # staff get the object's table, and the row says that a date alone is the usual form.
        one = next(option for option in node["anyOf"] if "$ref" in option)
        return {**_resolve(schema, {**one, **{k: v for k, v in node.items() if k != "anyOf"}}), OR_DATE: True}
    if "oneOf" in node:
        # One object, or a list of the same objects (recurrence: one rule, or its periods):
        # staff get the object's table, and the row says that a list of them is allowed too.
        one = [option for option in node["oneOf"] if "$ref" in option]
        listed = [option for option in node["oneOf"] if option.get("type") == "array" and option.get("items") in one]
        if len(one) == 1 and len(listed) == 1 and len(node["oneOf"]) == 2:
            return {**_resolve(schema, {**one[0], **{k: v for k, v in node.items() if k != "oneOf"}}), OR_LIST: True}
    return node


def _date_or_object(node: dict[str, Any]) -> bool:
    options = node.get("anyOf", [])
    return len(options) == 2 and any(option.get("format") == "date" for option in options) and any("$ref" in option for option in options)


OR_DATE = "x-or-date"
"""Marks an object that is usually written as its date alone (see ``_resolve``)."""

OR_LIST = "x-or-list"
"""Marks an object that may also be written as a list of such objects (see ``_resolve``)."""


def _ordered(node: dict[str, Any]) -> list[str]:
    """Required keys first in the model's order (the schema keeps it in ``required``), then the rest."""
    required = list(node.get("required", []))
    return required + sorted(key for key in node.get("properties", {}) if key not in required)


def _how(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "array":
        item = node.get("items", {})
        inner = _how(item) if "enum" in item or item.get("type") == "string" else "下の表の項目"
        if _date_or_object(item):
            inner = "日付（半角の 年-月-日）。その日の回のうち1つだけのときは 下の表の項目"
        least = f"（{node['minItems']}つ以上）" if node.get("minItems") else ""
        return f"リスト{least}。各項目は {inner}"
    if "enum" in node:
        return "次のどれか: " + "".join(f"「{value}」" for value in node["enum"])
    if node.get("format") == "date":
        return "日付（半角の 年-月-日）"
    if kind == "integer":
        return "半角の数字（0以上）"
    if kind == "boolean":
        return "true（はい）か false（いいえ）"
    if kind == "object" and node.get(OR_LIST):
        return "下の表の項目をまとめたもの（字下げして書く）。期間ごとに分けるときは、その形を「- 」で始めて古い順に並べたリスト"
    if kind == "object":
        return "下の表の項目をまとめたもの（字下げして書く）"
    if kind == "string" and node.get("pattern") == SLUG_PATTERN:
        return "半角英小文字・数字・ハイフン"
    if kind == "string" and "pattern" in node and re.fullmatch(r"\d{1,2}:\d{2}", str(node.get("examples", [""])[0])):
        return "時刻（半角の 時:分。その回の時間帯「13:30〜15:00」でも可）"
    if kind == "string" and "pattern" in node and "examples" in node:
        return "時刻の範囲（半角、「〜」か「-」でつなぐ）"
    if kind == "string" and node.get("pattern"):
        return "決まった形（半角。説明の例のとおりに）"
    if kind == "string":
        return f"文字（{node['maxLength']:,}文字まで）" if "maxLength" in node else "文字"
    return "—"


def _example(key: str, node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "array":
        item = node.get("items", {})
        if "enum" in item:
            return f"{key}: [{', '.join(item['enum'][:2])}]"
        if item.get("examples"):
            return f"{key}: [{', '.join(item['examples'])}]"
        if item.get("pattern") == SLUG_PATTERN:
            return f"{key}: [shirakaba-nouen]"
        if item.get("format") == "date" or _date_or_object(item):
            return f"{key}: [{GENERIC_EXAMPLES['date']}, 2026-04-22]"
        if item.get("type") == "string":
            return f"{key}: [〇〇, △△]"
        return ""
    if kind == "object":
        return ""
    if node.get("examples"):
        return f'{key}: "{node["examples"][0]}"'
    if "enum" in node:
        return f"{key}: {node['enum'][0]}"
    if node.get("format") == "date":
        return f"{key}: {GENERIC_EXAMPLES['date']}"
    if kind in GENERIC_EXAMPLES:
        return f"{key}: {GENERIC_EXAMPLES[kind]}"
    if kind == "string" and node.get("pattern") == SLUG_PATTERN:
        return f"{key}: shirakaba-farm"
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _tables(schema: dict[str, Any], node: dict[str, Any], prefix: str, title: str) -> Iterator[tuple[str, str, list[str]]]:
    """(prefix, heading, rows) for this object, then for each nested object."""
    rows = []
    nested = []
    required = set(node.get("required", []))
    for key in _ordered(node):
        prop = _resolve(schema, node["properties"][key])
        written = f"{prefix}{key}"
        raw = node["properties"][key]
        # A $ref'd object's own description is the model's (English) docstring, also when the
        # field is optional (anyOf [$ref, null]): staff get the field's.
        referenced = "$ref" in raw or any("$ref" in option or "oneOf" in option for option in raw.get("anyOf", []))
        description = raw.get("description") or ("" if referenced else prop.get("description", ""))
        if prop.get("type") == "object" and "properties" in prop:
            also = "。期間ごとのリストなら、その各項目" if prop.get(OR_LIST) else ""
            nested.append((f"{written}.", f"{prop.get('title', key)}（{written}{also}）", prop))
        item = _resolve(schema, prop.get("items", {})) if prop.get("type") == "array" else {}
        if item.get("type") == "object" and "properties" in item:
            nested.append((f"{written}[].", f"{prop.get('title', key)} の1件分（{written} の各項目）", item))
        example = _example(key, prop)
        rows.append(
            f"| `{written}` | {_cell(prop.get('title', key))} | {'必須' if key in required else '任意'} | {_cell(_how(prop))} "
            f"| {_cell(description)} | {f'`{_cell(example)}`' if example else ''} |"
        )
    yield prefix, title, rows
    for child_prefix, child_title, child in nested:
        yield from _tables(schema, child, child_prefix, child_title)


def render_field_reference(schema_dir: Path) -> str:
    lines = [
        "<!-- Generated by `python -m employer_directory contrib-files` from content/schema/*.schema.json. Do not edit by hand. -->",
        "",
        "# 項目の一覧（事業所・プログラムのファイル）",
        "",
        "このページは `content/schema/` の JSON Schema から自動で作っています（手で直さないでください）。",
        "項目を変えたときは `scripts/update-schema` と `scripts/update-contrib` を実行します。",
        "書き方の手順は [CONTRIBUTING.md](../CONTRIBUTING.md) を見てください。",
        "",
        "- **必須**の項目がないと、サイトは作られません（間違いの一覧に出ます）。**任意**の項目は、なければ行ごと書かなくてかまいません。",
        "- 表にない項目名を書くと間違いになります（つづりの間違いを見逃さないためです）。",
        "- 「例」の列は、ファイルにそのまま書ける1行です。",
    ]
    for file_name, kind, where in SCHEMAS:
        schema = json.loads((schema_dir / file_name).read_text(encoding="utf-8"))
        lines += ["", f"## {kind}（`{where}`）", ""]
        for prefix, title, rows in _tables(schema, schema, "", kind):
            if prefix:
                lines += [f"### {title}", ""]
            lines += ["| 項目 | 名前 | 必須 | 書き方 | 説明 | 例 |", "| --- | --- | --- | --- | --- | --- |", *rows, ""]
    return "\n".join(lines).rstrip() + "\n"

