"""Write a record (employer or program) as a content file that looks like the hand-written ones.

Scaffolding and the issue import both produce files that staff will go on to edit in the
GitHub web editor, so the YAML is laid out like the samples: block style for records, flow
style (``[月, 水, 金]``) for short lists of words, and the editor-schema comment first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

SCHEMA_COMMENT = {
    "employers": "# yaml-language-server: $schema=../schema/employer.schema.json",
    "programs": "# yaml-language-server: $schema=../schema/program.schema.json",
}


class _StaffDumper(yaml.SafeDumper):
    """Lists of plain words in flow style; everything else in block style.

    Dates are written bare (``2026-04-08``, as staff write them): the content loader reads
    them as text anyway, so the timestamp resolver that would quote them is left out, and
    the same value is never written as a YAML alias.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # A list under its key is indented (``sessions:`` then ``  - date:``), as in the samples
        # and the docs: a line copied from them into the file then lines up with the others.
        return super().increase_indent(flow, False)


CLOCK = re.compile(r"\d:\d")
"""A time of day in a value (``10:00〜12:00``): quoted, as the samples and the docs write it
(YAML would read a bare ``10:00`` as a number)."""


def _represent_str(dumper: yaml.SafeDumper, text: str):
    style = '"' if CLOCK.search(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]):
    flow = bool(items) and all(isinstance(item, str) and len(item) <= 12 and "," not in item for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_StaffDumper.add_representer(list, _represent_list)
_StaffDumper.add_representer(str, _represent_str)


def set_at(container: Any, path: tuple[Any, ...], value: Any) -> None:
    """Set ``value`` at ``path``; an integer step means a list (one offer, one task …)."""
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        while len(container) <= step:
            container.append(None)
    if not rest:
        container[step] = value
        return
    if isinstance(step, int):
        if container[step] is None:
            container[step] = [] if isinstance(rest[0], int) else {}
        child = container[step]
    else:
        child = container.setdefault(step, [] if isinstance(rest[0], int) else {})
    set_at(child, rest, value)


def drop_empty(value: Any) -> Any:
    """Leave out unanswered optional fields instead of writing ``null`` or ``[]``."""
    if isinstance(value, dict):
        cleaned = {key: drop_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [drop_empty(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def render_record(kind: str, data: dict[str, Any], body: str = "") -> str:
    """The whole file: ``---``, schema comment, YAML, ``---``, Markdown body."""
    text = yaml.dump(
        drop_empty(data), Dumper=_StaffDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    body = body.strip()
    return f"---\n{SCHEMA_COMMENT[kind]}\n{text}---\n" + (f"\n{body}\n" if body else "")
