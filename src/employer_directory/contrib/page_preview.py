"""Pictures of the pages a pull request adds or changes, for staff who review it in the browser.

Staff edit in GitHub's web editor and cannot run the site on a computer of their own. The pull
request check builds the site anyway; this module takes the employers and programs that the pull
request adds or changes (``pr_summary.compare``) and the general pages it adds or changes (any
other Markdown under the content folder: home, about, join, data), opens their pages in Chromium
(Playwright) and saves what a reader would see: the page on a phone and on a computer (PNG), and
what the counter prints (PDF: an employer's three sheets, the page of a program or a general
page). A pull request that changes the look of every page (``overrides/``, ``mkdocs.yml``, the
content's ``assets/``) gets a small fixed set of sample pages as well (:func:`look_samples`). The
check uploads the folder as an artifact, and the job summary links to it with a list of what each
file shows.

Plain Python and Playwright; nothing from MkDocs. The built site is served from a local folder on
127.0.0.1: its pages link to each other with relative addresses, so the folder's own root will do.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Iterator

from ..directory import Directory
from ..quoting import named
from .general_pages import GeneralPage, general_page, general_page_changes
from .pr_summary import PullRequestSummary, escape_markdown

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
"""Debian's Chromium as the tests drive it (Playwright cannot download its own browser in CI)."""

MOST_RECORDS = 20
"""A pull request that touches more records (a bulk edit) gets pictures of the first ones only:
each record takes a few seconds, and a reviewer will not open a hundred pictures."""

PAGES_FILE = "pages.json"
"""What was captured, read back by :func:`render_preview_summary` once the artifact has a link."""

TALLEST = 8000
"""The most of a page a picture shows, in CSS pixels from the top. A weekday program's page lists
every meeting of the year: a whole picture of it on a phone was 780 × 66,000 pixels (9 MB), which
some image viewers refuse to open. What a reviewer checks is at the top; the meetings are all in
the printed PDF as well."""

SHEETS = 3
"""An employer's printout: sheets ①②③, one A4 page each when their content fits."""

PHONE = {"width": 390, "height": 844}
COMPUTER = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class PreviewPage:
    kind: str
    """事業所, プログラム, ページ (a general page) or カレンダー (a month page)."""
    change: str
    """追加 or 変更, or why a page the pull request does not change is pictured."""
    name: str
    source_path: str
    page: str
    """The page below the site's root: ``employers/<slug>/``."""
    printed: str
    """What the counter prints for the record, below the site's root: an employer's sheets file,
    a program's page."""
    stem: str
    """The start of the record's file names in the folder: ``employer-<slug>``, ``page-about``."""

    def files(self) -> list[tuple[str, str]]:
        """(file name, what it shows) for each file of this record."""
        printed = f"印刷した{SHEETS}枚のシート（A4）" if self.kind == "事業所" else "印刷したページ（A4）"
        return [
            (f"{self.stem}-phone.png", "スマートフォンで見たページ"),
            (f"{self.stem}-computer.png", "パソコンで見たページ"),
            (f"{self.stem}-print.pdf", printed),
        ]


@dataclass(frozen=True)
class PreviewPlan:
    pages: list[PreviewPage]
    left_out: int = 0
    """Records added or changed beyond :data:`MOST_RECORDS`."""
    removed: int = 0
    """Records the pull request removes: there is no page to show."""
    cut: tuple[str, ...] = ()
    """The pictures that show only the top of their page (:data:`TALLEST`), by file name."""
    spilled: tuple[tuple[str, int], ...] = ()
    """An employer's sheets that print on more than :data:`SHEETS` pages, as (file name, pages):
    a sheet that does not fit its page (a pause notice on a full sheet) is two at the counter."""

    def files_of(self, page: PreviewPage) -> list[tuple[str, str]]:
        """``page.files()``, a picture that was cut or sheets that do not fit their pages saying so."""
        spilled = dict(self.spilled)
        return [
            (name, what + ("（長いページなので、上の部分だけ）" if name in self.cut else "")
             + (f"。1ページに収まらないシートがあり、{SHEETS}枚が{spilled[name]}ページになります" if name in spilled else ""))
            for name, what in page.files()
        ]


def plan_preview(
    summary: PullRequestSummary,
    directory: Directory,
    most: int = MOST_RECORDS,
    pages_changed: tuple[PreviewPage, ...] = (),
    look_changed: tuple[str, ...] = (),
    root: Path | None = None,
    base: dict[str, dict] | None = None,
) -> PreviewPlan:
    """The pages of the records the pull request adds or changes, as the head builds them, then
    the general pages it adds or changes (``pages_changed``, from :func:`preview_general_pages`), then,
    when it changes files that give every page its look (``look_changed``, from
    :func:`look_files`), a few sample pages (:func:`look_samples`; ``root`` is where the home
    page's file is read), then the pages of the employers that an added or changed program is
    held with: their page and sheets ② and ③ list its meetings (a tour day moved is seen there
    too). With ``base`` (the records before the pull request, ``pr_summary`` snapshot), also the
    employers a changed program was held with and a removed program's: their lists lose its
    meetings. All count within ``most``.

    Records are found by their file, so a ``slug:`` that differs from the file name is followed.
    A file the head cannot load has no page (validation has stopped the check before this runs)."""
    records = {record.source_path: ("事業所", record) for record in directory.employers}
    records.update({record.source_path: ("プログラム", record) for record in directory.programs})
    pages = [
        _page(*records[change.path], label)
        for label, changes in (("追加", summary.added), ("変更", summary.changed))
        for change in changes
        if change.path in records
    ]
    programs = [records[page.source_path][1] for page in pages if page.kind == "プログラム"]
    pages += pages_changed
    if look_changed:
        shown = {page.kind for page in pages}
        pages += [
            sample for sample in look_samples(directory, look_changed, root or Path("."))
            if sample.kind not in ("事業所", "プログラム") or sample.kind not in shown  # a record of the pull request shows the look too
        ]
    unique: dict[str, PreviewPage] = {}
    for page in pages:  # a changed home page is also the look's sample: pictured once, as changed
        unique.setdefault(page.source_path, page)
    pages, pictured = list(unique.values()), set(unique)
    held = [slug for program in programs for slug in program.employers]
    for change in (*summary.changed, *summary.removed):
        was = (base or {}).get(change.path, {}).get("employers") if change.kind == "プログラム" else None
        if isinstance(was, list):
            held += [slug for slug in was if isinstance(slug, str)]
    for employer in filter(None, map(directory.employer, held)):
        if employer.source_path not in pictured:
            pictured.add(employer.source_path)
            pages.append(_page("事業所", employer, HELD_WITH))
    return PreviewPlan(pages[:most], max(0, len(pages) - most), len(summary.removed))


HELD_WITH = "関係するプログラムが変わるため"
"""Why an employer that the pull request does not change is pictured (its page lists the program)."""


LOOK_FILES = ("overrides/", "mkdocs.yml", "{content}/assets/")
"""Files that give every page its look (templates, site settings, style sheets and scripts): a
pull request that changes one alone adds or changes no page of its own, yet every page may look
different."""


def preview_general_pages(root: Path, content_dir: str, changed: dict[str, str]) -> tuple[PreviewPage, ...]:
    """The general pages (:func:`general_pages.general_page_changes`) that ``changed`` adds or
    changes, in path order. A removed one has no page to show."""
    return tuple(_preview_of(page) for page in general_page_changes(root, content_dir, changed))


def look_files(content_dir: str, changed: dict[str, str]) -> tuple[str, ...]:
    """Which of :data:`LOOK_FILES` ``changed`` touches (as written there, ``overrides/``)."""
    roots = [name.format(content=content_dir.rstrip("/")) for name in LOOK_FILES]
    return tuple(name for name in roots if any(path == name or (name.endswith("/") and path.startswith(name)) for path in changed))


def look_samples(directory: Directory, look: tuple[str, ...], root: Path) -> list[PreviewPage]:
    """What a reviewer checks when every page may look different: the home page, one employer
    with its sheets (the first of the directory's あいうえお order), one program (that of the next
    meeting, so its page lists dates; else the first) and this month's calendar page (else the
    next month with one; none once every month is past). Each says why it is there."""
    why = f"見た目の見本: {'・'.join(look)} が変わるため"
    content_dir = directory.settings.content_dir.rstrip("/")
    samples = [_preview_of(general_page(root, content_dir, f"{content_dir}/index.md", why))]
    if directory.employers:
        samples.append(_page("事業所", directory.employers[0], why))
    coming = directory.calendar.upcoming(limit=1)
    program = directory.calendar.program(coming[0].program_slug) if coming else (directory.programs[0] if directory.programs else None)
    if program is not None:
        samples.append(_page("プログラム", program, why))
    months = directory.calendar.months()
    month = next((month for month in months if (month.year, month.month) >= (directory.today.year, directory.today.month)), None)
    if month is not None:
        page = f"calendar/{month.slug}/"
        samples.append(PreviewPage("カレンダー", why, month.label, page, page, page, f"calendar-{month.slug}"))
    return samples


def _preview_of(page: GeneralPage) -> PreviewPage:
    return PreviewPage("ページ", page.change, page.title, page.path, page.address, page.address, "page-" + page.stem)


def _page(kind: str, record, change: str) -> PreviewPage:
    folder = "employer" if kind == "事業所" else "program"
    page = f"{folder}s/{record.slug}/"
    printed = page + "sheets.html" if folder == "employer" else page
    name = record.name if folder == "employer" else record.title
    return PreviewPage(kind, change, name, record.source_path, page, printed, f"{folder}-{record.slug}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The folder ``site`` on 127.0.0.1 (a free port) while the block runs; its base URL (the
    tests serve their built sites with it too, below the project path)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class ChromiumMissing(Exception):
    pass


class PageMissing(Exception):
    """A planned page is not in the built site (built before the change, or elsewhere): a picture
    of the server's 404 page would pass for the record's."""


def capture(plan: PreviewPlan, site: Path, out: Path, chromium: str = CHROMIUM) -> PreviewPlan:
    """Saves the files of every planned page in ``out``, with ``README.txt`` (what each file is)
    and :data:`PAGES_FILE`; returns the plan with the pictures that were cut. Nothing is written
    when the plan has no page."""
    if not plan.pages:
        return plan
    if not Path(chromium).exists():
        raise ChromiumMissing(chromium)
    from playwright.sync_api import sync_playwright  # only this command needs a browser

    out.mkdir(parents=True, exist_ok=True)
    cut = []
    spilled = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="ja-JP", timezone_id="Asia/Tokyo")
            computer = browser.new_context(viewport=COMPUTER, locale="ja-JP", timezone_id="Asia/Tokyo")
            for page in plan.pages:
                (phone_file, _), (computer_file, _), (printed_file, _) = page.files()
                for context, name in ((phone, phone_file), (computer, computer_file)):
                    tab = context.new_page()
                    _open(tab, base, page.page)
                    height = tab.evaluate("document.documentElement.scrollHeight")
                    if height > TALLEST:
                        cut.append(name)
                        tab.screenshot(path=str(out / name), full_page=True, clip={"x": 0, "y": 0, "width": tab.viewport_size["width"], "height": TALLEST})
                    else:
                        tab.screenshot(path=str(out / name), full_page=True)
                    tab.close()
                tab = computer.new_page()
                _open(tab, base, page.printed)
                tab.pdf(path=str(out / printed_file), format="A4", print_background=True, prefer_css_page_size=True)
                tab.close()
                pages = _pdf_pages(out / printed_file) if page.kind == "事業所" else None
                if pages is not None and pages > SHEETS:
                    spilled.append((printed_file, pages))
        finally:
            browser.close()
    plan = replace(plan, cut=tuple(cut), spilled=tuple(spilled))
    (out / "README.txt").write_text(render_readme(plan), encoding="utf-8")
    saved = {"pages": [asdict(page) for page in plan.pages], "left_out": plan.left_out, "removed": plan.removed, "cut": list(plan.cut), "spilled": [list(item) for item in plan.spilled]}
    (out / PAGES_FILE).write_text(json.dumps(saved, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return plan


def _pdf_pages(path: Path) -> int | None:
    """The number of pages of a PDF, by poppler's pdfinfo (the check installs poppler-utils for
    the tests); None without it, and the preview then says nothing about pages."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return None
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)\s*$", info, re.MULTILINE)
    return int(found.group(1)) if found else None


def _open(tab, base: str, page: str) -> None:
    response = tab.goto(base + page, wait_until="networkidle")
    if response is None or not response.ok:
        raise PageMissing(page)


def _closing_lines(plan: PreviewPlan) -> list[str]:
    """What the list leaves out: records beyond :data:`MOST_RECORDS`, and removed ones."""
    lines = []
    if plan.left_out:
        lines.append(f"ほかに {plan.left_out} 件の追加・変更があります（ここには最初の {len(plan.pages)} 件だけです）。")
    if plan.removed:
        lines.append(f"削除される事業所・プログラム（{plan.removed} 件）は、ページがなくなるので、ここにはありません。")
    return lines


def render_readme(plan: PreviewPlan) -> str:
    """The folder's own list, for a reviewer who opened the downloaded zip."""
    lines = ["このプルリクエストで追加・変更される事業所・プログラム・ページの見え方です（公開前の確認用）。", ""]
    for page in plan.pages:
        lines.append(f"{named(page.kind, page.name)}（{page.change}）")
        lines += [f"  {name}: {what}" for name, what in plan.files_of(page)]
    lines += ["", *_closing_lines(plan)]
    return "\n".join(lines).rstrip("\n") + "\n"


def read_plan(out: Path) -> PreviewPlan | None:
    """The plan :func:`capture` saved in ``out``, or None when nothing was captured."""
    saved = out / PAGES_FILE
    if not saved.exists():
        return None
    data = json.loads(saved.read_text(encoding="utf-8"))
    return PreviewPlan([PreviewPage(**page) for page in data["pages"]], data["left_out"], data["removed"], tuple(data.get("cut", ())),
                       tuple((name, pages) for name, pages in data.get("spilled", ())))


def render_preview_summary(plan: PreviewPlan | None, link: str) -> str:
    """Markdown for the job summary: where to download the pictures, and what each file shows."""
    lines = ["### 公開前の見え方（プレビュー）", ""]
    if plan is None or not plan.pages or not link:
        lines.append("追加・変更された事業所・プログラム・ページがないので、プレビューはありません。")
        return "\n".join(lines) + "\n"
    lines += [
        f"[プレビューをダウンロード（zip）]({link})して開くと、ページの画像（PNG）と印刷したときの形（PDF）があります。",
        "ファイルの名前と、見えるもの:",
        "",
    ]
    for page in plan.pages:
        lines.append(f"- {named(page.kind, escape_markdown(page.name))}（{page.change}）")
        lines += [f"  - `{name}`: {what}" for name, what in plan.files_of(page)]
    lines += ["", *_closing_lines(plan)]
    return "\n".join(lines).rstrip("\n") + "\n"
