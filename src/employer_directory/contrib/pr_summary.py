"""What a pull request changes in the directory, as Markdown for the GitHub job summary.

Base and head are compared as front-matter data (read with the content loader's YAML reader,
without validation, so that a summary can be written even when the head does not validate):
a record is identified by its file, and a changed record lists the fields that differ by
their Japanese titles, with the old and new value of those that are one short line. Records that are past the freshness period are listed too.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import UnionType
from typing import Any, Iterable, Optional, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model
from pydantic_core import PydanticCustomError

from ..frontmatter import FrontMatter, read_front_matter
from ..loading import read_record
from ..models.employer import Employer, Pause
from ..models.program import SCHEDULE_FIELDS, Place, Program, Recurrence, RhythmSpan, Session, period_in_effect, recurrence_periods, rhythm_spans
from ..models.values import LongText, parse_meeting_time, parse_staff_date
from ..problems import Problem
from ..quoting import named
from ..settings import DirectorySettings, today as build_today
from .freshness import StaleRecord, has_ended, stale_cutoff
from .general_pages import GeneralPage

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
    days: list[str] = field(default_factory=list)
    """Meetings of a program added, removed, moved to another day, cancelled or full, one line
    each (「日程（sessions）: 2027-07-14 の回を 2027-07-21 に移します」): the field's title alone
    does not say which meeting a reviewer should check."""
    problems: list[Problem] = field(default_factory=list)
    """What ``validate`` finds wrong in the new version of the file (added and changed records)."""
    values: list[str] = field(default_factory=list)
    """Changed fields whose value is one short line, with the value before and after, one line
    each (「申し込み締切（deadline）: 2026-12-10 → 2026-12-17」): the title alone sends a
    reviewer to the diff. Markdown: the title escaped, each value a code span (:func:`code_span`)."""
    renamed_to: str = ""
    """A removed file's record lives on in this file of the head, which names its URL name in
    ``former_slugs``: a rename (git mv), not the end of the record."""


@dataclass
class PullRequestSummary:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    stale: list[StaleRecord] = field(default_factory=list)
    stale_months: int = 12
    lost: list[LostAddress] = field(default_factory=list)
    """Pages whose address goes with the pull request and that no record forwards
    (``former_slugs``): a renamed file breaks the QR codes on sheets printed before."""
    pages: list[GeneralPage] = field(default_factory=list)
    """The general pages (home, about, join, data) it adds, changes or removes: listed with the
    records, so that a pull request that edits only join.md is not told as no change."""
    new_ids: list[IdChange] = field(default_factory=list)
    """Records whose first URL name (the first of ``former_slugs``, which the calendar UIDs and
    the open data's ids are made from) the pull request changes: a former name deleted or put
    later in the list."""


@dataclass(frozen=True)
class LostAddress:
    kind: str
    name: str
    address: str
    """Below the site's root: ``employers/shirakaba-farm/``."""
    slug: str


@dataclass(frozen=True)
class IdChange:
    kind: str
    name: str
    path: str
    """The head's file."""
    before: str
    after: str
    fixed: list[str]
    """``former_slugs`` as the head should write it to keep the ids: the first name first."""


def id_changes(base: Snapshot, head: Snapshot) -> list[IdChange]:
    """The records of ``base`` whose file in ``head`` (the same path, or the file that forwards
    its URL name: a rename) makes its ids from another first URL name (models.values.first_slug)."""
    forwarded = _forwarded(head)
    found = []
    for path, data in base.items():
        folder = _kind_of(path)[0]
        now = path if path in head else forwarded.get((folder, _slug_of(path, data)))
        if now is None:
            continue  # gone, or renamed with no forwarding: told as an address that goes
        before = (_former_slugs_of(data) or [_slug_of(path, data)])[0]
        formers = _former_slugs_of(head[now])
        after = (formers or [_slug_of(now, head[now])])[0]
        if before != after:
            fixed = [before, *(former for former in formers if former != before)]
            found.append(IdChange(_kind_of(now)[1], _name(now, head[now]), now, before, after, fixed))
    return sorted(found, key=lambda change: change.path)


def _slug_of(path: str, data: dict[str, Any]) -> str:
    slug = data.get("slug")
    return slug if isinstance(slug, str) and slug else path.rsplit("/", 1)[-1].removesuffix(".md")


def _former_slugs_of(data: dict[str, Any]) -> list[str]:
    formers = data.get("former_slugs")
    return [former for former in (formers if isinstance(formers, list) else []) if isinstance(former, str)]


def _forwarded(snapshot: Snapshot) -> dict[tuple[str, str], str]:
    """(folder, former URL name) → the file whose ``former_slugs`` forwards that address."""
    return {(_kind_of(path)[0], former): path for path, data in snapshot.items() for former in _former_slugs_of(data)}


def lost_addresses(base: Snapshot, head: Snapshot) -> list[LostAddress]:
    """The employer and program pages of ``base`` whose address ``head`` neither has nor forwards
    (a record's ``former_slugs``), by address. The addresses ``base`` forwards count too: a file
    renamed a second time (a → b → c) whose new file names b only would lose a."""
    kept = {(_kind_of(path)[0], _slug_of(path, data)) for path, data in head.items()} | _forwarded(head).keys()
    lost = []
    for path, data in base.items():
        folder, label = _kind_of(path)[:2]
        for slug in dict.fromkeys([_slug_of(path, data), *_former_slugs_of(data)]):
            if (folder, slug) not in kept:
                lost.append(LostAddress(label, _name(path, data), f"{folder}/{slug}/", slug))
    return sorted(lost, key=lambda address: address.address)


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


def compare(
    base: Snapshot, head: Snapshot, stale: list[StaleRecord], stale_months: int, problems: Optional[dict[str, list[Problem]]] = None
) -> PullRequestSummary:
    """``problems``: what validation finds in each file of the head (``problems_in_files``)."""
    problems = problems or {}
    summary = PullRequestSummary(stale=stale, stale_months=stale_months, lost=lost_addresses(base, head), new_ids=id_changes(base, head))
    for path in sorted(head.keys() - base.keys()):
        summary.added.append(Change(_kind_of(path)[1], path, _name(path, head[path]), problems=problems.get(path, [])))
    forwarded = _forwarded(head)
    for path in sorted(base.keys() - head.keys()):
        renamed_to = forwarded.get((_kind_of(path)[0], _slug_of(path, base[path])), "")
        summary.removed.append(Change(_kind_of(path)[1], path, _name(path, base[path]), renamed_to=renamed_to))
    for path in sorted(base.keys() & head.keys()):
        old, new = base[path], head[path]
        keys = sorted({*old, *new}, key=lambda key: (list(new) + [k for k in old if k not in new]).index(key))
        changed = [title for key in keys if old.get(key) != new.get(key) for title in _field_titles(path, key, old, new)]
        if changed:
            moves = _venue_moves(old, new) if _kind_of(path)[2] is Program else []
            days = _day_changes(path, old, new) if _kind_of(path)[2] is Program else _pause_change(old, new)
            values = [line for key in keys if old.get(key) != new.get(key) for line in _value_lines(path, key, old.get(key), new.get(key))]
            summary.changed.append(Change(_kind_of(path)[1], path, _name(path, new), changed, moves, days, problems.get(path, []), values))
    return summary


DAY_FIELDS = {
    "dates": ("の回が加わります", "の回がなくなります", "の回を {} に移します"),
    "sessions": ("の回が加わります", "の回がなくなります", "の回を {} に移します"),
    "extra_dates": ("の回が加わります", "の回がなくなります", "の回を {} に移します"),
    "cancelled": ("の回を中止します", "の回の中止を取り消します", None),
    "full": ("の回が満員になります", "の回の満員を取り消します", None),
}
"""How a day written in or out of each of a program's date fields is told."""


def _days(value: Any, with_time: bool = False) -> list[tuple[dt.date, str]]:
    """The days a date field gives (a date, or a mapping with ``date:``); days that cannot be
    read are left out (validation reports them). ``with_time``: an item of ``cancelled:`` or
    ``full:`` with ``time:`` names one meeting of its day, and the time is kept with the day
    (「2026-12-23 13:30 の回を中止します」, not the whole day's meetings)."""
    days = []
    for item in value if isinstance(value, list) else []:
        try:
            day = parse_staff_date(item.get("date") if isinstance(item, dict) else item)
        except PydanticCustomError:
            continue
        time = item.get("time") if with_time and isinstance(item, dict) else None
        if time is not None:
            try:
                time = str(parse_meeting_time(time))
            except PydanticCustomError:
                time = str(time).strip()
        days.append((day, f"{day.isoformat()} {time}" if time else day.isoformat()))
    return days


def _day_changes(path: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The days that come into or go out of each of a program's date fields: one day out and
    one in is a meeting moved to another day."""
    lines = []
    for key, (added, removed, moved) in DAY_FIELDS.items():
        if old.get(key) == new.get(key):
            continue
        with_time = moved is None  # cancelled, full
        was, becomes = Counter(_days(old.get(key), with_time)), Counter(_days(new.get(key), with_time))
        gone, come = sorted((was - becomes).elements()), sorted((becomes - was).elements())
        if moved and len(gone) == 1 and len(come) == 1:
            lines.append(f"{_title(path, key)}: {gone[0][1]} {moved.format(come[0][1])}")
            continue
        lines += [f"{_title(path, key)}: {'、'.join(shown for _day, shown in days)} {words}" for days, words in ((come, added), (gone, removed)) if days]
    return lines


_PAUSE = TypeAdapter(Pause)


def _pause_change(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """An employer's pause written, changed or taken out, with its days as the file gives them
    (a pause that cannot be read gives no line: validation reports it)."""
    if old.get("paused") == new.get("paused"):
        return []
    if new.get("paused") is None:
        return ["受け入れ休止の行を消します（受け入れを再開します）"]
    try:
        pause = _PAUSE.validate_python(new["paused"])
    except ValidationError:
        return []
    start = f"{pause.start.isoformat()}から" if pause.start else "いまから"
    until = f"{pause.until.isoformat()}まで" if pause.until else "当面（再開の時期は未定）"
    reason = f"（{pause.reason}）" if pause.reason else ""
    return [f"受け入れ休止: {start}{until}{reason}"]


OWN_LINES = {"place", "paused", "recurrence", "sessions", "extra_dates", "tasks", *DAY_FIELDS, BODY}
"""Fields told by lines of their own (venue moves, meetings, pauses) or title-only: nested blocks."""

LIST_ITEM_NAMES = {"offers": "type"}
"""Lists of mappings that are told by one short word of each item (受け入れ: 見学、就労体験)."""

VALUE_CUT = 40
"""A value longer than this many characters is cut with …: the line is a pointer, not the diff."""

NO_VALUE = "（なし）"


def _value_lines(path: str, key: str, was: Any, becomes: Any) -> list[str]:
    """The old → new line(s) of a changed field whose value is one short line: text, a date, a
    number, a choice, a list of short words, or the fields of a small mapping such as contact
    (「連絡先（contact）の電話番号（phone）: A → B」). Long text, multi-line values and nested blocks
    give none; so does a value of the wrong shape (validation reports it). Values are shown as
    the file writes them (the YAML reader keeps dates as written)."""
    info = _kind_of(path)[2].model_fields.get(key)
    if key in OWN_LINES or info is None or _is_long(info):
        return []
    submodel = _submodel(info.annotation)
    if submodel is not None:
        if not all(value is None or isinstance(value, dict) for value in (was, becomes)):
            return []
        was, becomes = was or {}, becomes or {}
        keys = [*becomes, *(name for name in was if name not in becomes)]
        lines = []
        for name in keys:
            sub = submodel.model_fields.get(name)
            if sub is None or _is_long(sub) or was.get(name) == becomes.get(name):
                continue
            line = _value_line(was.get(name), becomes.get(name))
            if line:
                title = f"{sub.title}（{name}）" if sub.title else name
                lines.append(f"{escape_markdown(_title(path, key) + 'の' + title)}: {line}")
        return lines
    if key in LIST_ITEM_NAMES:
        was, becomes = (_item_names(value, LIST_ITEM_NAMES[key]) for value in (was, becomes))
        if was is None or becomes is None or was == becomes:
            return []  # only the details of an item changed (its days, hours): the title says so
    line = _value_line(was, becomes)
    return [f"{escape_markdown(_title(path, key))}: {line}"] if line else []


def _is_long(info: Any) -> bool:
    """A LongText field (内容, 事業の内容): told by its title only."""
    return any(item in LongText.__metadata__ for item in info.metadata)


def _submodel(annotation: Any) -> Optional[type[BaseModel]]:
    """The model of a mapping field (``Contact`` of ``Optional[Contact]``), else None (also for a
    list of mappings, such as offers)."""
    for candidate in (annotation, *(get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _item_names(value: Any, name_key: str) -> Optional[list[Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return None
    return [item.get(name_key) for item in value]


def _value_line(was: Any, becomes: Any) -> Optional[str]:
    """「A → B」 for scalars and lists of scalars; for lists too long to read both whole (about a
    cut value), what is added and removed. None when a value is not one short line. Markdown:
    each value a code span, （なし） and the words around them plain."""
    if isinstance(was, list) or isinstance(becomes, list):
        olds, news = was or [], becomes or []
        if not (isinstance(olds, list) and isinstance(news, list)):
            return None
        olds, news = [_shown(item) for item in olds], [_shown(item) for item in news]
        if None in olds or None in news:
            return None
        whole = ("、".join(olds), "、".join(news))
        if len(whole[0] or NO_VALUE) + len(whole[1] or NO_VALUE) <= VALUE_CUT:
            return f"{_value(whole[0])} → {_value(whole[1])}"
        added = list((Counter(news) - Counter(olds)).elements())
        removed = list((Counter(olds) - Counter(news)).elements())
        if not (added or removed):  # only the order changed
            return f"{_value(_cut(whole[0]))} → {_value(_cut(whole[1]))}"
        parts = [f"{label} {_value(_cut('、'.join(items)))}" for label, items in (("追加", added), ("削除", removed)) if items]
        return "／".join(parts)
    old, new = _shown(was), _shown(becomes)
    if old is None or new is None:
        return None
    return f"{_value(_cut(old))} → {_value(_cut(new))}"


def _value(text: str) -> str:
    """A value as the summary shows it: a code span, （なし） for none."""
    return code_span(text) if text else NO_VALUE


def code_span(text: str) -> str:
    """``text`` as a Markdown code span: shown as the file writes it, with no markup and no link.
    GitHub links ``https://…``, ``www.…`` and e-mail addresses in plain text, and a value cut
    with … would link to a wrong address (``https://example.jp/a…``, ``info@example.j…``). The
    fence is longer than any run of backticks inside, and a space pads a value that starts or
    ends with one (CommonMark strips one space from each side)."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (text[:1] == " " and text[-1:] == " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _shown(value: Any) -> Optional[str]:
    """A scalar as staff wrote it in YAML (true, 12, 2026-12-10); None for a mapping, a list or
    a multi-line text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, str):
        text = value.strip()
        return None if "\n" in text else text
    return None


def _cut(text: str) -> str:
    return text if len(text) <= VALUE_CUT else text[: VALUE_CUT - 1] + "…"


PERIOD_PLACES = "期間ごとの会場（recurrence の place）"


def _field_titles(path: str, key: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The titles a changed field is told by: a program's ``recurrence`` is split into what it
    changes, its rhythm (繰り返し) and the places of its periods (会場), so that a move of the
    meetings from a day on is not told as a change of rhythm only."""
    if key != "recurrence" or _kind_of(path)[2] is not Program:
        return [_title(path, key)]
    before, after = _read_venues(old), _read_venues(new)
    if before.periods is None or after.periods is None:
        return [_title(path, key)]  # a rule that cannot be read: validation says what is wrong
    # A period that cannot be read may have changed anything of the rhythm: the field's title.
    rhythm = before.unread or after.unread or _rhythm(before, old) != _rhythm(after, new)
    starts = sorted({period.start for version in (before, after) for period in version.periods})
    places = any(
        (was_own or becomes_own) and was != becomes
        for (was, was_own), (becomes, becomes_own) in ((_place_on(before, day), _place_on(after, day)) for day in starts)
    )
    titles = ([_title(path, key)] if rhythm or not places else []) + ([PERIOD_PLACES] if places else [])
    return titles


_TIME = TypeAdapter(Program.model_fields["time"].annotation)


def _rhythm(version: _Venues, data: dict[str, Any]) -> tuple[list[RhythmSpan], list[str]]:
    """When a program's rule meets, without where: its periods as the page's 日程 joins them
    (``rhythm_spans``), and the themes in order. A period split in two only to move the place
    has the same rhythm."""
    try:
        time = _TIME.validate_python(data.get("time"))
    except ValidationError:
        time = data.get("time")
    return rhythm_spans(version.periods or [], time), [theme for period in version.periods or [] for theme in period.titles]


def problems_in_files(root: Path, paths: Iterable[str], settings: DirectorySettings) -> dict[str, list[Problem]]:
    """What ``validate`` says of each file on its own (not the checks across files), by path."""
    found = {}
    today = build_today(settings)
    for path in paths:
        _record, problems = read_record(root / path, _kind_of(path)[2], settings, root, today)
        if problems:
            found[path] = sorted(problems)
    return found


def escape_markdown(text: str) -> str:
    """Markdown in the job summary: names come from content files, so no markup may pass.

    Nor may a link: GitHub turns ``https://…`` and ``www.…`` in plain text into links that run
    on over the escapes (``https://x.jp/a\\_b`` linked to ``a%5C_b`` and showed the backslash),
    to the wrong address when the text was cut. An escaped ``:`` after the scheme and an escaped
    ``.`` after ``www`` show as written and keep the text plain. E-mail addresses cannot be kept
    plain by escapes; in full they link to the right address."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    text = re.sub(r"(?i)(https?|ftp):(?=//)", r"\1\\:", text)
    return re.sub(r"(?i)(www)\.", r"\1\\.", text)


PROGRAM_REMOVED = (
    "⚠ プログラムのファイルを消すと、そのプログラムのページと、カレンダーの過去の月にあったその回も消えます"
    "（「これまでの記録」が残りません）。終わったプログラムは、消さずにそのまま残してください。"
)


SHOWN_PROBLEMS = 3
"""Problems listed under a file; a misspelt key often brings a second one (the field it was
meant to be is missing), so the first alone can point at the wrong line."""


def render_summary(summary: PullRequestSummary) -> str:
    lines = ["## 協力事業所ディレクトリ: このプルリクエストの内容", ""]
    if not (summary.added or summary.changed or summary.removed or summary.pages):
        lines += ["事業所・プログラム・ページのファイルに変更はありません。", ""]
    for title, changes in (("追加", summary.added), ("変更", summary.changed), ("削除", summary.removed)):
        pages = [page for page in summary.pages if page.change == title]
        if not (changes or pages):
            continue
        lines += [f"### {title}（{len(changes) + len(pages)}件）", ""]
        for change in changes:
            fields = f": {escape_markdown('、'.join(change.fields))}" if change.fields else ""
            renamed = f"（URL名を変えて `{change.renamed_to}` へ）" if change.renamed_to else ""
            lines.append(f"- {named(change.kind, escape_markdown(change.name))} `{change.path}`{fields}{renamed}")
            lines += [f"  - {line}" for line in change.values]  # Markdown already (values in code spans)
            lines += [f"  - {escape_markdown(line)}" for line in (*change.days, *change.moves)]
            if change.problems:
                lines.append(f"  - ⚠ このファイルには直すところがあります（{len(change.problems)}件）:")
                lines += [f"    - {escape_markdown(problem.format())}" for problem in change.problems[:SHOWN_PROBLEMS]]
                if len(change.problems) > SHOWN_PROBLEMS:
                    lines.append(f"    - ほかに{len(change.problems) - SHOWN_PROBLEMS}件あります。`validate` ですべて見られます")
        lines += [f"- {named('ページ', escape_markdown(page.title))} `{page.path}`" for page in pages]
        lines.append("")
        # A renamed program keeps its page and its past meetings under its new address.
        if changes is summary.removed and any(_kind_of(change.path)[0] == "programs" and not change.renamed_to for change in changes):
            lines += [PROGRAM_REMOVED, ""]
    if summary.lost:
        lines += [f"### アドレスがなくなるページ（{len(summary.lost)}件）", ""]
        lines += [f"- `{lost.address}`: {named(lost.kind, escape_markdown(lost.name))}" for lost in summary.lost]
        example = summary.lost[0].slug
        lines += [
            "",
            "⚠ 前に印刷して渡したシートの QR コードや、ブックマーク・カレンダーの購読は、このアドレスのままです。"
            f"ファイル名（URL名）を変えただけなら、新しいファイルに `former_slugs: [{example}]` のように前の URL名を書くと、新しいページへ案内されます。"
            "掲載をやめたときは、このままでかまいません（「ページが見つかりません」のページになります）。",
            "",
        ]
    if summary.new_ids:
        lines += [f"### カレンダーの予定とオープンデータの ID が変わるもの（{len(summary.new_ids)}件）", ""]
        for change in summary.new_ids:
            fixed = "former_slugs: [" + ", ".join(change.fixed) + "]"
            lines.append(
                f"- {named(change.kind, escape_markdown(change.name))} `{change.path}`: `{change.before}` → `{change.after}`。"
                f"変えないなら `{fixed}` と書きます"
            )
        lines += [
            "",
            "⚠ カレンダーの予定の ID とオープンデータの ID は、`former_slugs` のいちばん最初の URL名（なければ今の URL名）から作ります。"
            "変わると、カレンダーを購読している方には同じ回が二重に出て、中止も前の予定には届きません。"
            "`former_slugs` は古い順に書き、前の名前を消したり、順番を入れ替えたりしないでください。",
            "",
        ]
    lines += [f"### 情報確認日から{summary.stale_months}か月以上たっているもの（{len(summary.stale)}件）", ""]
    if summary.stale:
        lines += [
            f"- {named(record.kind, escape_markdown(record.name))} `{record.source_path}`: 情報確認日 {record.verified.isoformat()}"
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


@dataclass
class _Venues:
    """A program's places (its own, its rule periods', its sessions' and extra dates'), each part
    read as validation reads it, on its own: a misspelt key in one session hides that session
    alone, not every venue line of the program. A part that cannot be read is None (``place``,
    ``periods``) or left out (a session); validation reports it. Each period of a list is read on
    its own too: one that cannot be read is left out of ``periods`` and kept as None in
    ``written``, so that only the days it may govern go untold (:func:`_place_on`)."""

    place: Optional[Place]
    periods: Optional[list[Recurrence]]
    sessions: list[Session]
    extra_dates: list[Session]
    written: list[Optional[Recurrence]] = field(default_factory=list)
    """The periods as written, in order, None for one that cannot be read."""

    @property
    def unread(self) -> bool:
        return any(period is None for period in self.written)


_PLACE = TypeAdapter(Place)
_RECURRENCE = TypeAdapter(Program.model_fields["recurrence"].annotation)
_PERIOD = TypeAdapter(Recurrence)


def _read_venues(data: dict[str, Any]) -> _Venues:
    def read(adapter: TypeAdapter, value: Any) -> Any:
        try:
            return adapter.validate_python(value)
        except ValidationError:
            return None

    place = read(_PLACE, data["place"]) if data.get("place") is not None else None
    recurrence = data.get("recurrence")
    if isinstance(recurrence, list):
        as_written = [read(_PERIOD, period) for period in recurrence]
    else:
        as_written = [period for _path, period in recurrence_periods(read(_RECURRENCE, recurrence))] if recurrence is not None else []
    periods: Optional[list[Recurrence]] = [period for period in as_written if period is not None]
    if recurrence is not None and not periods:
        periods = None
    items = {}
    for name in ("sessions", "extra_dates"):
        written = data.get(name)
        items[name] = [item for item in (_read_session(value) for value in written) if item] if isinstance(written, list) else []
    return _Venues(place, periods, items["sessions"], items["extra_dates"], as_written)


def _read_session(value: Any) -> Optional[Session]:
    try:
        return Session.model_validate(value)
    except ValidationError:
        return None


def _venue_moves(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """How a program's venue changes from ``old`` to ``new``: its own place, then, for each day
    a rule period starts (in either version), the place of the meetings from that day when it
    is no longer the same. Places that cannot be read give no line (validation reports them)."""
    before, after = _read_venues(old), _read_venues(new)
    moves = []
    if _where(before.place) != _where(after.place) and before.place and after.place:
        moves.append(f"会場が変わります: {_place_names(before.place, after.place)}")
    starts = sorted({period.start for version in (before, after) for period in version.periods or []})
    last = None
    for day in starts:
        (was, was_own), (becomes, becomes_own) = _place_on(before, day), _place_on(after, day)
        if not (was and becomes) or not (was_own or becomes_own):
            continue  # both the program's place: said above when it changed
        pair = (_where(was), _where(becomes))
        if pair[0] != pair[1] and pair != last:  # a period that goes on at the same new place: said once
            moves.append(f"{day.isoformat()} からの回の会場が変わります: {_place_names(was, becomes)}")
        last = pair
    # A session or an extra date with a place of its own, in either version: said with its day
    # (and its time, when that day has more than one).
    for name in ("sessions", "extra_dates"):
        olds, news = getattr(before, name), getattr(after, name)
        for old_item, new_item in sorted(_paired(olds, news), key=lambda pair: (pair[1].date, str(pair[1].time or ""))):
            if old_item.place is None and new_item.place is None:
                continue  # the place around it: said above when it changed
            was, becomes = _meeting_place(before, name, old_item), _meeting_place(after, name, new_item)
            if was and becomes and _where(was) != _where(becomes):
                moves.append(f"{_meeting_label(new_item, [*olds, *news])} の回の会場が変わります: {_place_names(was, becomes)}")
    return moves


def _paired(olds: list[Any], news: list[Any]) -> list[tuple[Any, Any]]:
    """The sessions (or extra dates) of two versions that are the same meeting: the same day and
    time, else the same day and theme, else the only one of its day in each version. A day may
    hold two sessions (morning and afternoon); keyed by the day alone, one hid the other."""
    pairs: list[tuple[Any, Any]] = []
    left, right = list(range(len(olds))), list(range(len(news)))
    keys = (lambda item: (item.date, item.time), lambda item: (item.date, item.title) if item.title else None)
    for key in keys:
        for i in list(left):
            match = next((j for j in right if key(olds[i]) is not None and key(olds[i]) == key(news[j])), None)
            if match is not None:
                pairs.append((olds[i], news[match]))
                left.remove(i)
                right.remove(match)
    for i in list(left):
        day = olds[i].date
        same_old, same_new = [k for k in left if olds[k].date == day], [j for j in right if news[j].date == day]
        if len(same_old) == 1 and len(same_new) == 1:
            pairs.append((olds[i], news[same_new[0]]))
            left.remove(i)
            right.remove(same_new[0])
    return pairs


def _meeting_label(item: Any, meetings: list[Any]) -> str:
    """A session's or extra date's day, with its time when another meeting of the list shares the day."""
    shared = sum(1 for other in meetings if other.date == item.date) > 2 or any(
        other.date == item.date and other.time != item.time for other in meetings
    )
    return f"{item.date.isoformat()} {item.time}" if shared and item.time else item.date.isoformat()


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
    if version.periods is None or _governed_by_unread(version.written, day):
        return None, False  # a rule (or the period in effect) that cannot be read: no line from it
    period = period_in_effect(version.periods, day)
    if period is not None and period.place is not None:
        return period.place, True
    return version.place, False


def _governed_by_unread(written: list[Optional[Recurrence]], day: dt.date) -> bool:
    """Whether a period that cannot be read may be the one in effect on ``day``. Periods are
    written in date order (validation checks it), so such a period may be in effect only when it
    lies between the last readable period started by then and the next readable one (before the
    first, when none has started)."""
    last = max((index for index, period in enumerate(written) if period is not None and period.start <= day), default=-1)
    after = next((index for index, period in enumerate(written) if period is not None and index > last), len(written))
    return any(period is None for period in written[last + 1:after])


def _where(place: Optional[Place]) -> tuple[str, str | None] | None:
    """What tells a seeker where to go (a new joining note is not a move)."""
    return (place.name, place.address) if place else None


def _place_names(was: Place, becomes: Place) -> str:
    """「A → B」, with the addresses when the name stays and only the address changes."""
    if was.name == becomes.name:
        return f"{was.name}（{was.address or '住所なし'}） → {becomes.name}（{becomes.address or '住所なし'}）"
    return f"{was.name} → {becomes.name}"
