"""JSON Schemas for editors (``# yaml-language-server: $schema=…``), generated from the models.

The site-specific vocabularies (categories, areas, accommodations, program kinds) come from
mkdocs.yml, so the schema is generated with the settings and committed under
``content/schema/``; a test keeps the committed copy equal to what this module produces.
"""

from __future__ import annotations

import json
from typing import Any

from .exports.json_data import data_schemas
from .models.employer import Employer
from .models.program import Program
from .models.values import SLUG
from .settings import DirectorySettings

SCHEMA_FILES = {"employer.schema.json": Employer, "program.schema.json": Program}


def _hidden(schema: dict[str, Any]) -> None:
    schema["properties"].pop("source_path", None)
    schema["properties"].pop("body", None)


def employer_schema(settings: DirectorySettings) -> dict[str, Any]:
    schema = Employer.model_json_schema(mode="validation")
    _hidden(schema)
    props = schema["properties"]
    props["category"]["enum"] = [term.label for term in settings.category_terms()]
    if settings.areas:
        props["area"]["enum"] = [term.label for term in settings.area_terms()]
    props["accommodations"]["items"] = {"type": "string", "enum": [t.label for t in settings.accommodation_terms()]}
    props["slug"] = {"type": "string", "pattern": SLUG.pattern, "title": "URL名", "description": props["slug"].get("description", "")}
    schema["title"] = "協力事業所（content/employers/*.md の項目）"
    return schema


def program_schema(settings: DirectorySettings) -> dict[str, Any]:
    schema = Program.model_json_schema(mode="validation")
    _hidden(schema)
    props = schema["properties"]
    props["kind"]["enum"] = [term.label for term in settings.program_kind_terms()]
    props["slug"] = {"type": "string", "pattern": SLUG.pattern, "title": "URL名"}
    schema["title"] = "プログラム（content/programs/*.md の項目）"
    return schema


def render_schemas(settings: DirectorySettings) -> dict[str, str]:
    """File name → JSON text, stable across runs (sorted keys, fixed indentation)."""
    schemas = {"employer.schema.json": employer_schema(settings), "program.schema.json": program_schema(settings)}
    # The open data files' own schemas (data/employers.json, data/programs.json), published with the site.
    schemas.update(data_schemas(settings))
    return {
        name: json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, schema in schemas.items()
    }
