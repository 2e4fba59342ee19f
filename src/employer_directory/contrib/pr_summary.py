"""What a pull request changes in the directory, as Markdown for the GitHub job summary.

Base and head are compared as front-matter data (read with the content loader's YAML reader,
without validation, so that a summary can be written even when the head does not validate):
a record is identified by its file, and a changed record lists the fields that differ by
their Japanese titles. Records that are past the freshness period are listed too.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import ConfigDict, ValidationError, create_model
from pydantic_core import PydanticCustomError

from ..frontmatter import FrontMatter, read_front_matter
from ..models.employer import Employer
from ..models.program import SCHEDULE_FIELDS, Place, Program, period_in_effect, recurrence_periods
from ..models.values import parse_staff_date
from .freshness import StaleRecord, has_ended, stale_cutoff

KINDS = (("employers", "事業所", Employer, "name"), ("programs", "プログラム", Program, "title"))

Snapshot = dict[str, dict[str, Any]]
"""File path (``content/employers/x.md``) → front-matter data; ``None`` data when unreadable."""

BODY = "本文"
"""The snapshot's entry for the Markdown below the closing ``---``: the page shows it, so a pull
request that only rewrites it changes the record (and its page is previewed). No field has this
name: the models forbid unknown fields."""


def read_snapshot_from_tree(root: Path, content_dir: str = "content") -> Snapshot:
    snapshot: Snapshot = {}
    for folder, *_ in KINDS:
        for path in sorted((root / content_dir / folder).glob("*.md")):
            if path.name.lower() in {"index.md", "readme.md"}:
                continue
            shown = path.relative_to(root).as_posix()
            snapshot[shown] = _data(shown, path.read_bytes())
    return snapshot


def read_snapshot_from_git(root: Path, revision: str, content_dir: str = "content") -> Snapshot:
    """The content files as they are at ``revision`` (e.g. the pull request's base commit)."""
    folders = [f"{content_dir}/{folder}" for folder, *_ in KINDS]
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", revision, "--", *folders], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    snapshot: Snapshot = {}
    for name in sorted(filter(None, listing)):
        if not name.endswith(".md") or name.rsplit("/", 1)[-1].lower() in {"index.md", "readme.md"}:
            continue
        raw = subprocess.run(["git", "show", f"{revision}:{name}"], cwd=root, capture_output=True, check=True).stdout
        snapshot[name] = _data(name, raw)
    return snapshot


def _data(shown: str, raw: bytes) -> dict[str, Any]:
    try:
        parsed = read_front_matter(shown, raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {}
    return {**parsed.data, BODY: parsed.body} if isinstance(parsed, FrontMatter) else {}


@dataclass
class Change:
    kind: str
    path: str
    name: str
    fields: list[str] = field(default_factory=list)
    """Japanese titles of the changed fields (changes only)."""
    moves: list[str] = field(default_factory=list)
    """Changes of venue of a program, one line each (「会場が変わります: A → B」): a new period's
    ``place:`` shows only as 繰り返し（recurrence） among the fields, and a reviewer should check
    where the meetings go."""


@dataclass
class PullRequestSummary:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    stale: list[StaleRecord] = field(default_factory=list)
    stale_months: int = 12


def _kind_of(path: str):
    folder = path.split("/")[-2]
    return next(kind for kind in KINDS if kind[0] == folder)


def _name(path: str, data: dict[str, Any]) -> str:
    _folder, _label, _model, name_key = _kind_of(path)
    value = data.get(name_key)
    return value if isinstance(value, str) and value else path.rsplit("/", 1)[-1]


def _title(path: str, key: str) -> str:
    _folder, _label, model, _name_key = _kind_of(path)
    info = model.model_fields.get(key)
    return f"{info.title}（{key}）" if info is not None and info.title else key


def compare(base: Snapshot, head: Snapshot, stale: list[StaleRecord], stale_months: int) -> PullRequestSummary:
    summary = PullRequestSummary(stale=stale, stale_months=stale_months)
    for path in sorted(head.keys() - base.keys()):
        summary.added.append(Change(_kind_of(path)[1], path, _name(path, head[path])))
    for path in sorted(base.keys() - head.keys()):
        summary.removed.append(Change(_kind_of(path)[1], path, _name(path, base[path])))
    for path in sorted(base.keys() & head.keys()):
        old, new = base[path], head[path]
        keys = sorted({*old, *new}, key=lambda key: (list(new) + [k for k in old if k not in new]).index(key))
        changed = [_title(path, key) for key in keys if old.get(key) != new.get(key)]
        if changed:
            moves = _venue_moves(old, new) if _kind_of(path)[2] is Program else []
            summary.changed.append(Change(_kind_of(path)[1], path, _name(path, new), changed, moves))
    return summary


def _escape(text: str) -> str:
    """Markdown in the job summary: names come from content files, so no markup may pass."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


PROGRAM_REMOVED = (
    "⚠ プログラムのファイルを消すと、そのプログラムのページと、カレンダーの過去の月にあったその回も消えます"
    "（「これまでの記録」が残りません）。終わったプログラムは、消さずにそのまま残してください。"
)


def render_summary(summary: PullRequestSummary) -> str:
    lines = ["## 協力事業所ディレクトリ: このプルリクエストの内容", ""]
    if not (summary.added or summary.changed or summary.removed):
        lines += ["事業所・プログラムのファイルに変更はありません。", ""]
    for title, changes in (("追加", summary.added), ("変更", summary.changed), ("削除", summary.removed)):
        if not changes:
            continue
        lines += [f"### {title}（{len(changes)}件）", ""]
        for change in changes:
            fields = f": {_escape('、'.join(change.fields))}" if change.fields else ""
            lines.append(f"- {change.kind}「{_escape(change.name)}」 `{change.path}`{fields}")
            lines += [f"  - {_escape(move)}" for move in change.moves]
        lines.append("")
        if changes is summary.removed and any(_kind_of(change.path)[0] == "programs" for change in changes):
            lines += [PROGRAM_REMOVED, ""]
    lines += [f"### 情報確認日から{summary.stale_months}か月以上たっているもの（{len(summary.stale)}件）", ""]
    if summary.stale:
        lines += [
            f"- {record.kind}「{_escape(record.name)}」 `{record.source_path}`: 情報確認日 {record.verified.isoformat()}"
            for record in summary.stale
        ]
        lines += ["", "内容を確認したら、verified（情報確認日）を確認した日に直してください。これはビルドを止めません。"]
    else:
        lines.append("ありません。")
    return "\n".join(lines) + "\n"


def stale_in_snapshot(head: Snapshot, today: dt.date, months: int) -> list[StaleRecord]:
    """Stale records of the head, from raw data: the list is useful even when validation fails."""
    cutoff = stale_cutoff(today, months)
    found = []
    for path, data in head.items():
        try:
            verified = parse_staff_date(data.get("verified"))
        except PydanticCustomError:
            continue  # a broken date is reported by validation, not here
        if verified < cutoff and not (_kind_of(path)[2] is Program and _has_ended(data, today)):
            found.append(StaleRecord(_kind_of(path)[1], _name(path, data), path, verified))
    return sorted(found, key=lambda record: (record.verified, record.source_path))


_SCHEDULE = create_model(
    "ProgramSchedule",
    __config__=ConfigDict(extra="ignore"),
    **{name: (Program.model_fields[name].annotation, Program.model_fields[name]) for name in SCHEDULE_FIELDS},
)
"""A program's schedule fields alone, read as validation reads them: the rest of the file may be
broken while the summary is written."""


def _has_ended(data: dict[str, Any], today: dt.date) -> bool:
    """freshness.has_ended from a program's raw data. A schedule that cannot be read keeps the
    program listed (validation reports it)."""
    try:
        schedule = _SCHEDULE.model_validate(data)
    except ValidationError:
        return False
    return has_ended(schedule, today)


_VENUES = create_model(
    "ProgramVenues",
    __config__=ConfigDict(extra="ignore"),
    place=(Optional[Place], None),
    recurrence=(Program.model_fields["recurrence"].annotation, Program.model_fields["recurrence"]),
    sessions=(Program.model_fields["sessions"].annotation, []),
    extra_dates=(Program.model_fields["extra_dates"].annotation, []),
)
"""A program's places (its own, its rule periods', its sessions' and extra dates'), read as
validation reads them."""


def _venue_moves(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """How a program's venue changes from ``old`` to ``new``: its own place, then, for each day
    a rule period starts (in either version), the place of the meetings from that day when it
    is no longer the same. Places that cannot be read give no line (validation reports them)."""
    try:
        before, after = _VENUES.model_validate(old), _VENUES.model_validate(new)
    except ValidationError:
        return []
    moves = []
    if _where(before.place) != _where(after.place) and before.place and after.place:
        moves.append(f"会場が変わります: {_place_names(before.place, after.place)}")
    starts = sorted({period.start for version in (before, after) for _path, period in recurrence_periods(version.recurrence)})
    last = None
    for day in starts:
        (was, was_own), (becomes, becomes_own) = _place_on(before, day), _place_on(after, day)
        if not (was and becomes) or not (was_own or becomes_own):
            continue  # both the program's place: said above when it changed
        pair = (_where(was), _where(becomes))
        if pair[0] != pair[1] and pair != last:  # a period that goes on at the same new place: said once
            moves.append(f"{day.isoformat()} からの回の会場が変わります: {_place_names(was, becomes)}")
        last = pair
    # A session or an extra date with a place of its own, in either version: said with its day.
    for name in ("sessions", "extra_dates"):
        was_on, becomes_on = {item.date: item for item in getattr(before, name)}, {item.date: item for item in getattr(after, name)}
        for day in sorted(was_on.keys() & becomes_on.keys()):
            if was_on[day].place is None and becomes_on[day].place is None:
                continue  # the place around it: said above when it changed
            was, becomes = _meeting_place(before, name, was_on[day]), _meeting_place(after, name, becomes_on[day])
            if was and becomes and _where(was) != _where(becomes):
                moves.append(f"{day.isoformat()} の回の会場が変わります: {_place_names(was, becomes)}")
    return moves


def _meeting_place(version: Any, name: str, item: Any) -> Optional[Place]:
    """Where a session (its own place, else the program's) or an extra date (its own, else that
    of the rule meetings around it) meets, as ``Program.session_place`` and
    ``Program.extra_date_place`` say."""
    if item.place is not None:
        return item.place
    return version.place if name == "sessions" else _place_on(version, item.date)[0]


def _place_on(version: Any, day: dt.date) -> tuple[Optional[Place], bool]:
    """The place of the rule meetings from ``day`` on (that of the period in effect, as
    ``Program.rule_in_effect`` finds it, else the program's), and whether it is a period's own
    place."""
    period = period_in_effect([period for _path, period in recurrence_periods(version.recurrence)], day)
    if period is not None and period.place is not None:
        return period.place, True
    return version.place, False


def _where(place: Optional[Place]) -> tuple[str, str | None] | None:
    """What tells a seeker where to go (a new joining note is not a move)."""
    return (place.name, place.address) if place else None


def _place_names(was: Place, becomes: Place) -> str:
    """「A → B」, with the addresses when the name stays and only the address changes."""
    if was.name == becomes.name:
        return f"{was.name}（{was.address or '住所なし'}） → {becomes.name}（{becomes.address or '住所なし'}）"
    return f"{was.name} → {becomes.name}"
