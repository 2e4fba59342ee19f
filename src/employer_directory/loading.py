"""Load every content file, validate it, and build the Directory, or report every problem."""

from __future__ import annotations

import datetime as dt
import difflib
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TypeVar
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from dateutil.relativedelta import relativedelta
from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pydantic import BaseModel, ValidationError

from .calendar.ics import ALL_PROGRAMS_FEED, ics_path_for_program
from .directory import Directory
from .frontmatter import FrontMatter, read_front_matter
from .models.employer import Employer
from .models.program import Program, written_dates
from .models.values import MAX_SLUG
from .problems import ContentInvalid, Problem
from .settings import SLUG, DirectorySettings, today as build_today
from .validation import field_label, field_path, problems_from_validation, problems_in_body

Record = TypeVar("Record", Employer, Program)
MAX_FILE_BYTES = 4 * 1024 * 1024


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


FUTURE_DAYS = 2 * 366
"""How far ahead of the build date a program's date may be."""

PARALLEL_FROM = 200
"""Below this many files a worker pool costs more than it saves."""


def read_record(path: Path, model: type[Record], settings: DirectorySettings, root: Path, today: dt.date | None = None) -> tuple[Record | None, list[Problem]]:
    """Read and validate one file: the record, or the problems that stop it. ``today``, the
    build's, lets a program that ended before a check was added stay as it was written."""
    shown = _display(path, root)
    try:
        raw = path.read_bytes()
    except OSError:  # a folder named x.md, a link to nowhere, a file without read permission
        return None, [
            Problem(shown, 1, "(ファイル)", "ファイルとして読めません（フォルダか、壊れたリンクか、読む権限がありません）", "普通のファイルにするか、消してください")
        ]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(shown, 1, "(ファイル)", f"ファイルが大きすぎます（{len(raw):,}バイト）", f"{MAX_FILE_BYTES // 1024 // 1024}MB 以内にしてください。画像は別のファイルにします")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, "(ファイル)", "文字コードが UTF-8 ではありません（Shift_JIS などで保存されています）", "「UTF-8」で保存し直してください")
        ]
    return validate_text(shown, text, model, settings, path.stem, folder=path.parent, today=today)


def validate_text(
    shown: str, text: str, model: type[Record], settings: DirectorySettings, stem: str, folder: Path | None = None, today: dt.date | None = None
) -> tuple[Record | None, list[Problem]]:
    """Validate one file's text (read from disk, or not there yet: scaffolding and issue import).
    ``folder``: where the file is, for the links of its body to other records' files; ``today``:
    the build's (read_record)."""
    parsed = read_front_matter(shown, text)
    if isinstance(parsed, list):
        return None, parsed
    problems: list[Problem] = []
    record = _validate(parsed, model, settings, stem, problems, today)
    if folder is not None:
        problems.extend(_links_to_missing_records(parsed, folder))
    return None if problems else record, problems


MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
"""What looks like a link; Python-Markdown then says which are links (_made_links)."""
RECORD_FOLDERS = ("employers", "programs")
BODY_EXTENSIONS = ("admonition", "attr_list", "tables")
"""The extensions of mkdocs.yml's markdown_extensions that shape a body's blocks (a test keeps
them in step): under ``!!! note`` an indented line is the note's text, not code."""


def _links_to_missing_records(front: FrontMatter, folder: Path) -> list[Problem]:
    """Links in the body to another employer's or program's file that is not there (a slip in
    its name). MkDocs stops on them too, but only after writing the whole site, in English and
    without the line. Links to other pages are left to MkDocs: the generated ones are known
    only to the build."""
    missing = []
    offset = front.first_line + front.yaml_text.count("\n") + 1
    # At "\n" only, as the body was joined and as Markdown reads it: splitlines() also breaks at
    # U+000C, U+2028 … and would give every line after one of them a wrong number.
    lines = front.body.split("\n")
    for index, line in enumerate(lines):
        for match in MARKDOWN_LINK.finditer(line):
            target = unquote(match.group(1).split("#")[0].split("?")[0])
            # mailto:, tel: and https:// alike are addresses, not files (MkDocs leaves them be).
            if not target.endswith(".md") or urlsplit(target).scheme or target.startswith("/"):
                continue
            linked = Path(os.path.normpath(folder / target))
            if linked.parent.parent != folder.parent or linked.parent.name not in RECORD_FOLDERS or linked.name == "index.md" or _is_file(linked):
                continue
            missing.append((index, match, linked))
    if not missing:
        return []  # the common case: no Markdown to parse
    made = _made_links(lines, [(index, match.span(1)) for index, match, _ in missing])
    problems = []
    for (index, match, linked), is_link in zip(missing, made):
        if not is_link:  # in code, an indented code block or an HTML comment
            continue
        near = difflib.get_close_matches(linked.name, [path.name for path in linked.parent.glob("*.md")], n=1, cutoff=0.6)
        shown = f"{PurePosixPath(front.path).parent.parent}/{linked.parent.name}/"
        problems.append(
            Problem(
                front.path,
                offset + index,
                "(本文)",
                f"リンク先「{match.group(1)}」のファイルが {shown} にありません",
                (f"「{near[0]}」の書き間違いではありませんか。" if near else "")
                + f"リンクには {shown} にあるファイルの名前を .md まで書いてください",
            )
        )
    return problems


class _LinkTargets(Treeprocessor):
    """Collects the address of every link and image Markdown made, after inline parsing (20):
    what is left in code or a comment by then is text or stashed HTML, no element."""

    def __init__(self, md: Markdown, found: set[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        self.found.update(element.get("href") or "" for element in root.iter("a"))
        self.found.update(element.get("src") or "" for element in root.iter("img"))


def _made_links(lines: list[str], spans: list[tuple[int, tuple[int, int]]]) -> list[bool]:
    """For each (line index, span of an address in it): whether Python-Markdown, as the build
    reads the body, makes a link of it (not in `code`, an indented code block or <!-- -->).
    Each address is swapped for a marker of letters and digits, which changes no structure,
    so that the same address written twice is told apart."""
    marked = list(lines)
    for number, (index, (start, end)) in reversed(list(enumerate(spans))):
        marked[index] = f"{marked[index][:start]}recordlink{number}x.md{marked[index][end:]}"
    found: set[str] = set()
    md = Markdown(extensions=list(BODY_EXTENSIONS))
    md.treeprocessors.register(_LinkTargets(md, found), "record_links", 5)
    md.convert("\n".join(marked))
    return [f"recordlink{number}x.md" in found for number in range(len(spans))]


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name longer than the file system allows (255 bytes: 85 kanji)
        return False


def _read_chunk(paths: list[Path], model: type[Record], settings: DirectorySettings, root: Path, today: dt.date | None = None):
    return [read_record(path, model, settings, root, today) for path in paths]


def read_records(
    folder: Path, model: type[Record], settings: DirectorySettings, root: Path, problems: list[Problem], today: dt.date | None = None
) -> list[Record]:
    """Every record in ``folder``, in file-name order; problems are appended to ``problems``.

    Parsing YAML and validating are most of a large build's own cost and each file stands
    alone, so large folders are read by one worker process per core.
    """
    paths = [path for path in sorted(folder.glob("*.md")) if path.name.lower() not in {"index.md", "readme.md"}] if folder.is_dir() else []
    problems.extend(_files_not_read(folder, root))
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) >= PARALLEL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        chunks = [paths[index::workers] for index in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = [item for chunk in pool.map(_read_chunk, chunks, [model] * workers, [settings] * workers, [root] * workers, [today] * workers) for item in chunk]
    else:
        results = _read_chunk(paths, model, settings, root, today)
    records = []
    for record, found in results:
        problems.extend(found)
        if record is not None:
            records.append(record)
    records.sort(key=lambda record: record.source_path)
    return records


NOT_RECORD_SUFFIXES = {"", ".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".txt", ".yml", ".yaml"}
"""Files in employers/ or programs/ that are meant as a record but would not be read as one
(images and other files a page links to are left alone)."""


def _files_not_read(folder: Path, root: Path) -> list[Problem]:
    """``new-farm.markdown``, ``new-farm.MD``, ``new-farm`` (no .md) or ``sub/new-farm.md`` are not
    read as records, so they would be missing from the directory without a word, and MkDocs
    would still publish them: as a page nobody checked, or as the raw file."""
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)  # MkDocs skips them too
        if hidden or not path.is_file() or path.suffix.lower() not in NOT_RECORD_SUFFIXES:
            continue
        if path.parent == folder and path.suffix == ".md":
            continue  # read as a record (or index.md / README.md, left alone)
        if path.parent != folder:
            what, fix = f"フォルダ「{path.parent.relative_to(folder).as_posix()}」の中のファイルは読まれません（サイトに載りません）", f"{_display(folder, root)}/ のすぐ下に置いてください"
        else:
            what, fix = "ファイル名が「.md」で終わっていないため、読まれません（サイトに載りません）", f"ファイル名を「{path.stem.split('.')[0].lower() or 'new-farm'}.md」のように、半角英小文字と .md にしてください"
        problems.append(Problem(_display(path, root), 1, "(ファイル名)", what, fix))
    return problems


def _validate(front: FrontMatter, model: type[Record], settings: DirectorySettings, stem: str, problems: list[Problem], today: dt.date | None = None):
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
    elif len(slug) > MAX_SLUG:
        found.append(
            Problem(
                front.path,
                front.line_of(("slug",)) if "slug" in front.data else 1,
                "slug（URL名）" if "slug" in front.data else "(ファイル名)",
                f"URL名が長すぎます（{len(slug):,}文字）",
                f"ファイル名（または slug:）は {MAX_SLUG}文字以内にしてください（例: shirakaba-farm.md）",
            )
        )
    try:
        record = model.model_validate(front.data, context={"settings": settings, "today": today})
    except ValidationError as error:
        found.extend(problems_from_validation(error, model, front))
        record = None
    problems.extend(found)
    if record is None or found:
        return None
    return record.model_copy(update={"slug": slug, "source_path": front.path, "body": front.body})


def _line_in_file(root: Path, record: BaseModel, *path: object) -> int:
    """The line of a field of a record that validated. Only reached when something is to be
    said about it: the file is read again to find the line."""
    front = read_front_matter(record.source_path, (root / record.source_path).read_text(encoding="utf-8"))
    return front.line_of(path) if isinstance(front, FrontMatter) else 1


def _check_former_slugs(records: list, kind: str, current: dict[str, BaseModel], line, problems: list[Problem]) -> None:
    """A former URL name leads to the record's page from the old address: it may not be the
    address of a page there now (its own, or another record's of the same kind), nor lead to two
    records."""
    folder = "employers" if kind == "事業所" else "programs"
    taken: dict[str, BaseModel] = {}
    for record in records:
        for index, former in enumerate(record.former_slugs):
            at = (record.source_path, line(record, "former_slugs", index), f"former_slugs[{index + 1}番目]（前のURL名）")
            if former in current:
                mine = current[former] is record
                problems.append(
                    Problem(
                        *at,
                        f"前のURL名「{former}」は、" + ("この" + kind + "のいまのURL名です" if mine else f"いまの {current[former].source_path} のURL名です（{folder}/{former}/ はそのページです）"),
                        "この行を消してください" if mine else "前のURL名ではないなら、この行を消してください",
                    )
                )
            elif former in taken:
                problems.append(Problem(*at, f"前のURL名「{former}」は {taken[former].source_path} にも書いてあります", f"{folder}/{former}/ から案内するのは1つだけです。どちらかの行を消してください"))
            else:
                taken[former] = record


def check_across(
    employers: list[Employer], programs: list[Program], today: dt.date, problems: list[Problem], root: Path, unread: set[str] = frozenset()
) -> None:
    """Rules that need more than one record: unique slugs and names, references, dates.
    ``unread``: names of employer files that are there but did not validate."""

    line = partial(_line_in_file, root)

    for records, kind in ((employers, "事業所"), (programs, "プログラム")):
        seen: dict[str, BaseModel] = {}
        for record in records:
            other = seen.get(record.slug)
            if other is not None:
                problems.append(
                    Problem(record.source_path, line(record, "slug"), "slug（URL名）", f"URL名「{record.slug}」が {other.source_path} と同じです", f"どちらかの{kind}の slug（またはファイル名）を別の名前にしてください")
                )
            seen[record.slug] = record
        _check_former_slugs(records, kind, seen, line, problems)
    for program in programs:
        if ics_path_for_program(program.slug) == ALL_PROGRAMS_FEED:
            # Its feed would be written over by the feed of every program (or the other way round).
            named_by_file = Path(program.source_path).stem == program.slug
            problems.append(
                Problem(
                    program.source_path,
                    1 if named_by_file else line(program, "slug"),
                    "(ファイル名)" if named_by_file else "slug（URL名）",
                    f"URL名「{program.slug}」は、全プログラムのカレンダー（{ALL_PROGRAMS_FEED}）に使っています",
                    "ほかの名前にしてください（例: " + ("ファイル名を all-2027.md に" if named_by_file else "slug: all-2027") + "）",
                )
            )
        for index, former in enumerate(program.former_slugs):
            if ics_path_for_program(former) == ALL_PROGRAMS_FEED:
                problems.append(
                    Problem(
                        program.source_path,
                        line(program, "former_slugs", index),
                        f"former_slugs[{index + 1}番目]（前のURL名）",
                        f"URL名「{former}」は、全プログラムのカレンダー（{ALL_PROGRAMS_FEED}）に使っています",
                        "この行を消してください（このURL名のプログラムはありませんでした）",
                    )
                )
    names: dict[str, Employer] = {}
    for employer in employers:
        if employer.name in names:
            problems.append(
                Problem(employer.source_path, line(employer, "name"), "name（事業所名）", f"事業所名「{employer.name}」が {names[employer.name].source_path} にも登録されています", "同じ事業所ならファイルを1つにまとめてください")
            )
        names[employer.name] = employer
    slugs = {employer.slug for employer in employers}
    renamed = {former: employer for employer in employers for former in employer.former_slugs}
    for program in programs:
        for index, slug in enumerate(program.employers):
            if slug not in slugs and slug not in unread:
                field = f"employers[{index + 1}番目]（関係する協力事業所）"
                if slug in renamed:
                    now = renamed[slug]
                    problems.append(Problem(program.source_path, line(program, "employers", index), field, f"事業所「{slug}」は「{now.slug}」（{now.name}）に名前が変わりました", f"{now.slug} と書いてください"))
                    continue
                problems.append(Problem(program.source_path, line(program, "employers", index), field, f"事業所「{slug}」が見つかりません", _employer_not_found_fix(slug, employers)))
    latest = today + dt.timedelta(days=FUTURE_DAYS)
    for program in programs:
        # A mistyped year (2062 for 2026) is a valid date; it would fill the calendar with empty
        # months up to it. Programs are planned a year or so ahead, not decades.
        # A rule's until too: the three-year limit on a rule bounds it by its start only, so
        # 2029-03-31 for 2027-03-31 would publish two years of meetings that were never planned.
        for path, day in written_dates(program):
            if day > latest:
                problems.append(
                    Problem(program.source_path, line(program, *path), field_label(Program, path), f"日付 {day} が今日（{today}）から2年より先です", "年の書き間違いではありませんか。2年より先の予定は、近くなってから書き足してください")
                )
    for employer in employers:
        # A pause is written for a season or for building work; a date two years ahead is a
        # mistyped year (2029 for 2027), which would hide the employer from the lists for years.
        # A pause whose until has passed is no problem: it is simply not shown any more, and the
        # daily rebuild must not fail because time passed.
        pause = employer.paused
        for key, day in (("from", pause.start), ("until", pause.until)) if pause else ():
            if day is not None and day > latest:
                problems.append(
                    Problem(employer.source_path, line(employer, "paused", key), field_label(Employer, ("paused", key)), f"日付 {day} が今日（{today}）から2年より先です", "年の書き間違いではありませんか。2年より先の休止は、近くなってから書いてください")
                )
    for record in [*employers, *programs]:
        if record.verified > today:
            problems.append(
                Problem(record.source_path, line(record, "verified"), "verified（情報確認日）", f"情報確認日 {record.verified} が今日（{today}）より後です", "実際に確認した日を書いてください")
            )


def _slug_written_in(path: Path) -> str:
    """The slug an employer file that did not validate sets (its name when the file sets none
    or cannot be read): the programs name it by that. Only failed files are read again."""
    try:
        if path.suffix == ".md" and path.stat().st_size <= MAX_FILE_BYTES:
            parsed = read_front_matter(path.name, path.read_text(encoding="utf-8"))
            if not isinstance(parsed, list) and isinstance(parsed.data.get("slug"), str):
                return parsed.data["slug"]
    except (OSError, UnicodeDecodeError):
        pass
    return path.stem


def load_directory(content_dir: Path, settings: DirectorySettings, root: Path | None = None, today: dt.date | None = None) -> Directory:
    """Read ``employers/`` and ``programs/`` under ``content_dir``; raise ContentInvalid with all problems."""
    root = root or content_dir.parent
    today = today or build_today(settings)
    problems: list[Problem] = []
    employers = read_records(content_dir / "employers", Employer, settings, root, problems, today)
    # An employer file that is there but did not validate has its own problems listed; the
    # programs that name it are not told that it does not exist.
    unread = {_slug_written_in(root / path) for path in {problem.path for problem in problems}}  # each failed file once
    programs = read_records(content_dir / "programs", Program, settings, root, problems, today)
    check_across(employers, programs, today, problems, root, unread)
    if problems:
        raise ContentInvalid(problems)
    return Directory(settings=settings, today=today, employers=employers, programs=programs)


YEAR_TYPO_NOTICE_DAYS = 60
"""How long after its 情報確認日 a program is checked for a mistyped year (below): about the time
of the edit and its pull request, not for ever after."""

YEAR_TYPO_AHEAD = dt.timedelta(days=183)
"""The slip is made writing the coming months' dates: moved on a year, the first date falls
within this half year after the 情報確認日."""

YEAR_TYPO_JUST_ENDED = dt.timedelta(days=31)
"""A file checked within this month after its last meeting is a record brought up to date (a
meeting marked 満員 or 中止 after the fact), not a slip."""


def reads_as_last_years_year(first: dt.date, last: dt.date, verified: dt.date) -> bool:
    """Whether a program meeting from ``first`` to ``last`` and checked on ``verified`` looks like
    the coming months written with last year's year (2026-01-20 for 2027-01-20, written in
    December 2026): every date is before the day it was checked, and one year on they would
    start in the half year after it. A program checked again long after it took place (its first
    meeting more than a year back), or brought up to date just after its last one, is a record."""
    return last < verified - YEAR_TYPO_JUST_ENDED and verified < first + relativedelta(years=1) <= verified + YEAR_TYPO_AHEAD


def year_typo_notices(directory: Directory, root: Path) -> list[Problem]:
    """Programs that read as written with last year's year, checked in the weeks after their
    情報確認日.

    In December and January staff write the coming January's dates with the old year
    (2026-01-20 for 2027-01-20). The date is valid, so the program silently lands in last year's
    archive, is 終了 from the start and never appears among the coming meetings. A program is
    written before it takes place, and checked (verified) then, so a file checked after all
    its dates is almost always such a slip. Not refused: a record of a past meeting may be added
    on purpose."""
    notices = []
    since = directory.today - dt.timedelta(days=YEAR_TYPO_NOTICE_DAYS)
    for program in directory.programs:
        if program.verified < since:
            continue
        written = written_dates(program)
        (path, first), last = min(written, key=lambda pair: pair[1]), max(day for _path, day in written)
        if not reads_as_last_years_year(first, last, program.verified):
            continue
        others = "ほかの日付も同じように直してください。" if len({day for _path, day in written}) > 1 else ""
        notices.append(
            Problem(
                program.source_path,
                _line_in_file(root, program, *path),
                field_label(Program, path),
                f"日付がすべて情報確認日（verified: {program.verified}）より前で、これから開かれる回がありません",
                f"年の書き間違いではありませんか（{first} なら {first + relativedelta(years=1)}）。{others}終わった回の記録として書いたのなら、このままで構いません",
            )
        )
    return notices


def closure_notices(directory: Directory, root: Path) -> list[Problem]:
    """Coming meetings written out (dates, sessions, extra dates) on one of the centre's closure
    days, and not cancelled. Not refused: an online seminar, or a tour at an employer, may well
    take place while the centre is closed. But a one-off closure added to mkdocs.yml (臨時休館)
    leaves such a meeting open, so staff are told, without stopping the build."""
    calendar = directory.calendar
    notices = []
    for program in directory.programs:
        for planned in calendar.plans[program.slug].dates:
            label = calendar.closed.closure(planned.date) if not planned.from_rule else None
            if not label or planned.date < directory.today or program.cancellation(planned) is not None:
                continue
            path = field_path(planned.date_path)
            notices.append(
                Problem(
                    program.source_path,
                    _line_in_file(root, program, *path),
                    field_label(Program, path),
                    f"{planned.date} はセンターの休み（{label}）の日です",
                    "その回を取りやめるなら cancelled: に日付と reason:（理由）を書いてください。"
                    "オンラインやセンターの外で開くのなら、このままで構いません",
                )
            )
    return sorted(notices)


def ended_pause_notices(directory: Directory, root: Path) -> list[Problem]:
    """Employers whose pause (受け入れ休止) has ended: nothing shows it any more, and the build
    goes on (time passing must not stop the daily rebuild), but the 「paused:」 block is left over
    in the file, where the next one to edit it may take it for a pause still going on."""
    notices = []
    for employer in directory.employers:
        pause = employer.paused
        if pause is None or not pause.is_over(directory.today):
            continue
        # Ended before the file was last checked: written so, it never showed. In December staff
        # write the coming January with the old year (2026-01-31 for 2027-01-31), and the
        # employer is then listed as taking people (as year_typo_notices says of programs).
        typo = f"年の書き間違いではありませんか（{pause.until} なら {pause.until + relativedelta(years=1)}）。" if pause.until < employer.verified else ""
        notices.append(
            Problem(
                employer.source_path,
                _line_in_file(root, employer, "paused", "until"),
                field_label(Employer, ("paused", "until")),
                f"受け入れの休止は {pause.until} で終わっています（サイトにはもう出ません）",
                typo + "再開したなら、paused: の行と、その下の字下げした行を消してください。休止が延びたなら、until: を新しい最後の日にしてください",
            )
        )
    return notices


def area_town_notices(directory: Directory, root: Path) -> list[Problem]:
    """Employers whose address is in a town that mkdocs.yml lists under another area than their
    ``area:`` (本町 is 中央's, the file says 北部): the employer would be missing from the area a
    family who lives there picks. Not refused: the centre may place one workplace apart, and a
    town's name may be read into an address where it is not meant (models.values.names_town)."""
    notices = []
    for employer in directory.employers:
        by_town = directory.area_by_town(employer)
        if by_town is None or by_town[0].label == employer.area:
            continue
        area, town = by_town
        notices.append(
            Problem(
                employer.source_path,
                _line_in_file(root, employer, "area"),
                field_label(Employer, ("area",)),
                f"住所（{employer.address}）の町「{town}」は、mkdocs.yml では地域「{area.label}」に入っていますが、area: は「{employer.area}」です",
                f"area: を「{area.label}」にするか、mkdocs.yml の areas: の towns: を直してください。この事業所だけ「{employer.area}」として扱うのなら、このままで構いません",
            )
        )
    return notices


def paused_employer_meeting_notices(directory: Directory, root: Path) -> list[Problem]:
    """Meetings to come of a program held with an employer (a tour day at its farm) that fall in
    that employer's pause (受け入れ休止): the program page and the calendar still invite people
    to them. Whether the meeting goes ahead is for staff to settle with the employer, so they are
    told, without stopping the build, at the line of its first such date."""
    calendar = directory.calendar
    by_slug = {employer.slug: employer for employer in directory.employers}
    notices = []
    for program in directory.programs:
        upcoming = [
            planned
            for planned in calendar.plans[program.slug].dates
            if planned.date >= directory.today and program.cancellation(planned) is None
        ]
        for slug in program.employers:
            employer = by_slug.get(slug)
            pause = employer.paused if employer is not None else None
            if pause is None:
                continue
            during = [planned for planned in upcoming if pause.in_effect(planned.date)]
            if not during:
                continue
            path = field_path(during[0].date_path)
            dates = "、".join(str(planned.date) for planned in during[:3]) + ("など" if len(during) > 3 else "")
            period = f"{pause.until} まで" if pause.until else "再開の時期は未定"
            notices.append(
                Problem(
                    program.source_path,
                    _line_in_file(root, program, *path),
                    field_label(Program, path),
                    f"{dates} は、関係する事業所「{employer.name}」（{employer.source_path}）の受け入れ休止の期間（{period}）です",
                    "事業所と相談して、取りやめるなら cancelled: に日付と reason:（理由）を書いてください。事業所の了解を得て開くのなら、このままで構いません",
                )
            )
    return sorted(notices)


def _employer_not_found_fix(slug: str, employers: list[Employer]) -> str:
    """How to mend a program's employers: entry that names no employer file: the employer's
    name or reading written for its file name, a mistyped file name, or an employer whose file
    was deleted when it left the scheme."""
    parts = [part for part in re.split(r"\s*[、，,]\s*", slug) if part]
    named = {key: employer.slug for employer in employers for key in (employer.slug, employer.name, employer.reading)}
    if len(parts) > 1 and all(part in named for part in parts):
        # employers: [asahi-yasai-farm、shirakaba-farm]: the IME's comma, one item for YAML.
        mark = min((mark for mark in "、，," if mark in slug), key=slug.index)
        return f"{len(parts)}つの事業所が「{mark}」でつながっています。半角の「,」と半角スペースで区切り、[{', '.join(named[part] for part in parts)}] のように書いてください"
    if slug in named:  # not an employer's URL name here: its name or reading
        return f"「{slug}」は事業所名です。employers: には、ファイル名から .md を除いた {named[slug]} と書いてください"
    close = difflib.get_close_matches(slug, sorted(employer.slug for employer in employers), n=1, cutoff=0.8)
    if close:
        return f"「{close[0]}」の書き間違いではありませんか。content/employers/ にあるファイル名（.md を除く）を書いてください"
    return (
        "content/employers/ にあるファイル名（.md を除く）を書いてください。"
        "事業所が協力事業所をやめてファイルを消したなら、employers: からこの名前を消してください（ほかになければ employers: の行ごと）"
    )
