"""Load every content file, validate it, and build the Directory, or report every problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .directory import Directory
from .frontmatter import FrontMatter, read_front_matter
from .models.employer import Employer
from .models.program import Program
from .problems import ContentInvalid, Problem
from .settings import SLUG, DirectorySettings, today as build_today
from .validation import problems_from_validation, problems_in_body

Record = TypeVar("Record", Employer, Program)
MAX_FILE_BYTES = 4 * 1024 * 1024


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_records(
    folder: Path,
    model: type[Record],
    settings: DirectorySettings,
    root: Path,
    problems: list[Problem],
    fronts: dict[str, FrontMatter],
) -> list[Record]:
    records: list[Record] = []
    if not folder.is_dir():
        return records
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() in {"index.md", "readme.md"}:
            continue
        shown = _display(path, root)
        raw = path.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            problems.append(
                Problem(shown, 1, "(ファイル)", f"ファイルが大きすぎます（{len(raw):,}バイト）", f"{MAX_FILE_BYTES // 1024 // 1024}MB 以内にしてください。画像は別のファイルにします")
            )
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.append(
                Problem(shown, line, "(ファイル)", "文字コードが UTF-8 ではありません（Shift_JIS などで保存されています）", "「UTF-8」で保存し直してください")
            )
            continue
        parsed = read_front_matter(shown, text)
        if isinstance(parsed, list):
            problems.extend(parsed)
            continue
        fronts[shown] = parsed
        record = _validate(parsed, model, settings, path.stem, problems)
        if record is not None:
            records.append(record)
    return records


def _validate(front: FrontMatter, model: type[Record], settings: DirectorySettings, stem: str, problems: list[Problem]):
    found = problems_in_body(front)
    slug = front.data.get("slug", stem)
    if not isinstance(slug, str) or not SLUG.match(slug):
        field = "slug（URL名）" if "slug" in front.data else "(ファイル名)"
        line = front.line_of(("slug",)) if "slug" in front.data else 1
        found.append(
            Problem(
                front.path,
                line,
                field,
                f"URL名「{slug}」に使えない文字があります",
                "ファイル名（または slug:）は半角英小文字・数字・ハイフンだけにしてください（例: shirakaba-farm.md）",
            )
        )
    try:
        record = model.model_validate(front.data, context={"settings": settings})
    except ValidationError as error:
        found.extend(problems_from_validation(error, model, front))
        record = None
    problems.extend(found)
    if record is None or found:
        return None
    return record.model_copy(update={"slug": slug, "source_path": front.path, "body": front.body})


def check_across(
    employers: list[Employer], programs: list[Program], today: dt.date, problems: list[Problem], fronts: dict[str, FrontMatter]
) -> None:
    """Rules that need more than one record: unique slugs and names, references, dates."""

    def line(record: BaseModel, *path: object) -> int:
        front = fronts.get(record.source_path)
        return front.line_of(path) if front else 1

    for records, kind in ((employers, "事業所"), (programs, "プログラム")):
        seen: dict[str, BaseModel] = {}
        for record in records:
            other = seen.get(record.slug)
            if other is not None:
                problems.append(
                    Problem(record.source_path, line(record, "slug"), "slug（URL名）", f"URL名「{record.slug}」が {other.source_path} と同じです", f"どちらかの{kind}の slug（またはファイル名）を別の名前にしてください")
                )
            seen[record.slug] = record
    names: dict[str, Employer] = {}
    for employer in employers:
        if employer.name in names:
            problems.append(
                Problem(employer.source_path, line(employer, "name"), "name（事業所名）", f"事業所名「{employer.name}」が {names[employer.name].source_path} にも登録されています", "同じ事業所ならファイルを1つにまとめてください")
            )
        names[employer.name] = employer
    slugs = {employer.slug for employer in employers}
    for program in programs:
        for index, slug in enumerate(program.employers):
            if slug not in slugs:
                problems.append(
                    Problem(program.source_path, line(program, "employers", index), f"employers[{index + 1}番目]（関係する協力事業所）", f"事業所「{slug}」が見つかりません", "content/employers/ にあるファイル名（.md を除く）を書いてください")
                )
    for record in [*employers, *programs]:
        if record.verified > today:
            problems.append(
                Problem(record.source_path, line(record, "verified"), "verified（情報確認日）", f"情報確認日 {record.verified} が今日（{today}）より後です", "実際に確認した日を書いてください")
            )


def load_directory(content_dir: Path, settings: DirectorySettings, root: Path | None = None, today: dt.date | None = None) -> Directory:
    """Read ``employers/`` and ``programs/`` under ``content_dir``; raise ContentInvalid with all problems."""
    root = root or content_dir.parent
    today = today or build_today(settings)
    problems: list[Problem] = []
    fronts: dict[str, FrontMatter] = {}
    employers = read_records(content_dir / "employers", Employer, settings, root, problems, fronts)
    programs = read_records(content_dir / "programs", Program, settings, root, problems, fronts)
    check_across(employers, programs, today, problems, fronts)
    if problems:
        raise ContentInvalid(problems)
    return Directory(settings=settings, today=today, employers=employers, programs=programs)
