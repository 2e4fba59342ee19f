"""The PR check's preview: pictures and PDFs of the pages a pull request adds or changes."""

from __future__ import annotations

import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from conftest import BUILD_DATE, ROOT, build_env, copy_project, require_chromium, run_build

from employer_directory.cli import read_settings
from employer_directory.contrib import page_preview
from employer_directory.contrib.page_preview import (
    PreviewPage,
    PreviewPlan,
    capture,
    preview_general_pages,
    look_files,
    plan_preview,
    read_plan,
    render_preview_summary,
    render_readme,
)
from employer_directory.contrib.pr_summary import compare, read_snapshot_from_tree
from employer_directory.loading import load_directory

FARM = "content/employers/shirakaba-farm.md"
TOUR = "content/programs/tour-shirakaba-farm.md"


def _directory(project: Path = ROOT):
    settings = read_settings(project / "mkdocs.yml")
    return load_directory(project / settings.content_dir, settings, root=project)


def _sample_change():
    """The sample as a pull request's head, against a base without the farm, with the tour under
    another title and with one employer that the pull request removes."""
    head = read_snapshot_from_tree(ROOT)
    base = {path: dict(data) for path, data in head.items() if path != FARM}
    base[TOUR]["title"] = "前の名前"
    base["content/employers/closed-shop.md"] = {"name": "閉じた店"}
    return compare(base, head, [], 12)


def test_the_plan_has_the_added_and_changed_records_and_what_the_counter_prints() -> None:
    plan = plan_preview(_sample_change(), _directory())
    assert [(p.kind, p.change, p.page, p.printed, p.stem) for p in plan.pages] == [
        ("事業所", "追加", "employers/shirakaba-farm/", "employers/shirakaba-farm/sheets.html", "employer-shirakaba-farm"),
        ("プログラム", "変更", "programs/tour-shirakaba-farm/", "programs/tour-shirakaba-farm/", "program-tour-shirakaba-farm"),
    ]
    assert plan.pages[0].name == "しらかば農園"
    assert (plan.left_out, plan.removed) == (0, 1)
    # A removed record has no page: the list says why it is not there.
    assert "削除される事業所・プログラム（1 件）は、ページがなくなるので、ここにはありません。" in render_preview_summary(plan, "https://example.invalid/")


def test_a_changed_program_brings_the_pages_of_the_employers_it_is_held_with() -> None:
    """Moving the tour day changes the farm's page and sheets ② and ③ (they list it), though the
    pull request does not touch the farm's file; an employer named once is pictured once."""
    head = read_snapshot_from_tree(ROOT)
    base = {path: dict(data) for path, data in head.items()}
    base[TOUR]["dates"] = ["2026-12-09"]
    plan = plan_preview(compare(base, head, [], 12), _directory())
    assert [(p.kind, p.change, p.page, p.printed) for p in plan.pages] == [
        ("プログラム", "変更", "programs/tour-shirakaba-farm/", "programs/tour-shirakaba-farm/"),
        ("事業所", "関係するプログラムが変わるため", "employers/shirakaba-farm/", "employers/shirakaba-farm/sheets.html"),
    ]
    assert "- 事業所「しらかば農園」（関係するプログラムが変わるため）" in render_preview_summary(plan, "https://example.invalid/")


def test_employers_a_program_leaves_are_pictured_too() -> None:
    """A removed program, or one that no longer names an employer, takes its meetings off that
    employer's page and sheets: the employer is pictured as it will be, once."""
    head = read_snapshot_from_tree(ROOT)
    base = {path: dict(data) for path, data in head.items()}
    base["content/programs/old-tour.md"] = {"title": "前の見学会", "employers": ["yamabiko-care", "no-such-employer"]}
    base[TOUR]["employers"] = ["shirakaba-farm", "yamabiko-care", "komugi-no-oka-bakery"]
    summary = compare(base, head, [], 12)
    plan = plan_preview(summary, _directory(), base=base)
    assert [(p.kind, p.change, p.page) for p in plan.pages] == [
        ("プログラム", "変更", "programs/tour-shirakaba-farm/"),
        ("事業所", "関係するプログラムが変わるため", "employers/shirakaba-farm/"),
        ("事業所", "関係するプログラムが変わるため", "employers/yamabiko-care/"),
        ("事業所", "関係するプログラムが変わるため", "employers/komugi-no-oka-bakery/"),
    ]
    assert plan.removed == 1
    # without the base, only the employers the program names now
    assert [p.page for p in plan_preview(summary, _directory()).pages][1:] == ["employers/shirakaba-farm/"]


def test_general_pages_the_pull_request_adds_or_changes_are_in_the_plan() -> None:
    """Staff edit the home, about, join and data pages too: each changed one is pictured like a
    record (phone, computer, printed A4), by its address and title; a removed one has no page,
    and employer and program files are records, not general pages."""
    changed = {
        "content/about.md": "変更", "content/index.md": "変更", "content/employers/shirakaba-farm.md": "変更",
        "content/old.md": "削除", "content/assets/directory.css": "変更", "README.md": "変更",
    }
    pages = preview_general_pages(ROOT, "content", changed)
    assert [(p.kind, p.change, p.name, p.page, p.printed, p.stem) for p in pages] == [
        ("ページ", "変更", "このサイトについて", "about/", "about/", "page-about"),  # the first # heading
        ("ページ", "変更", "ホーム", "", "", "page-index"),  # title: of the front matter
    ]
    head = read_snapshot_from_tree(ROOT)
    plan = plan_preview(compare(head, head, [], 12), _directory(), pages_changed=pages)
    assert [p.stem for p in plan.pages] == ["page-about", "page-index"]
    summary = render_preview_summary(plan, "https://example.invalid/")
    assert "- ページ「このサイトについて」（変更）\n  - `page-about-phone.png`: スマートフォンで見たページ\n" in summary
    assert "  - `page-about-print.pdf`: 印刷したページ（A4）" in summary
    assert "ページ「ホーム」（変更）\n  page-index-phone.png: スマートフォンで見たページ" in render_readme(plan)
    # within the same cap as the records
    capped = plan_preview(_sample_change(), _directory(), most=3, pages_changed=pages)
    assert [p.stem for p in capped.pages] == ["employer-shirakaba-farm", "program-tour-shirakaba-farm", "page-about"]
    assert capped.left_out == 1


def test_a_change_of_the_look_alone_pictures_a_fixed_set_of_sample_pages() -> None:
    """overrides/, mkdocs.yml or the content's assets change every page: the home page, one
    employer with its sheets, one program and this month's calendar are pictured, each saying why."""
    changed = {"overrides/main.html": "変更", "content/assets/directory.css": "追加", "content/about.md": "削除"}
    assert look_files("content", changed) == ("overrides/", "content/assets/")
    assert look_files("content", {"mkdocs.yml": "変更", "content/about.md": "変更"}) == ("mkdocs.yml",)
    directory = _directory()
    head = read_snapshot_from_tree(ROOT)
    plan = plan_preview(compare(head, head, [], 12), directory, look_changed=look_files("content", changed), root=ROOT)
    why = "見た目の見本: overrides/・content/assets/ が変わるため"
    month = next(m for m in directory.calendar.months() if (m.year, m.month) >= (directory.today.year, directory.today.month))
    program = directory.calendar.program(directory.calendar.upcoming(limit=1)[0].program_slug)
    assert [(p.kind, p.change, p.name, p.page, p.printed) for p in plan.pages] == [
        ("ページ", why, "ホーム", "", ""),
        ("事業所", why, directory.employers[0].name, f"employers/{directory.employers[0].slug}/", f"employers/{directory.employers[0].slug}/sheets.html"),
        ("プログラム", why, program.title, f"programs/{program.slug}/", f"programs/{program.slug}/"),
        ("カレンダー", why, month.label, f"calendar/{month.slug}/", f"calendar/{month.slug}/"),
    ]
    assert f"- ページ「ホーム」（{why}）" in render_preview_summary(plan, "https://example.invalid/")
    # With records of its own the pull request's pages show the look too: no second employer or
    # program, and a changed home page is pictured once, as changed.
    home = preview_general_pages(ROOT, "content", {"content/index.md": "変更"})
    mixed = plan_preview(_sample_change(), directory, pages_changed=home, look_changed=("overrides/",), root=ROOT)
    assert [(p.stem, p.change) for p in mixed.pages] == [
        ("employer-shirakaba-farm", "追加"), ("program-tour-shirakaba-farm", "変更"), ("page-index", "変更"),
        (f"calendar-{month.slug}", "見た目の見本: overrides/ が変わるため"),
    ]


def test_the_plan_follows_a_slug_that_differs_from_the_file_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = "content/employers/aozora-blueberry-en.md"
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace("\nname:", "\nslug: aozora-farm\nname:", 1), encoding="utf-8")
    head = read_snapshot_from_tree(project)
    base = {shown: data for shown, data in head.items() if shown != path}
    plan = plan_preview(compare(base, head, [], 12), _directory(project))
    assert [(p.page, p.printed, p.stem) for p in plan.pages] == [("employers/aozora-farm/", "employers/aozora-farm/sheets.html", "employer-aozora-farm")]


def test_the_plan_has_a_record_whose_text_below_the_front_matter_alone_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    base = read_snapshot_from_tree(project)
    file = project / "content/employers/komugi-no-oka-bakery.md"
    file.write_text(file.read_text(encoding="utf-8").replace("パンを焼く作業は早朝ですが", "パンを焼く作業はとても早朝ですが", 1), encoding="utf-8")
    plan = plan_preview(compare(base, read_snapshot_from_tree(project), [], 12), _directory(project))
    assert [(p.change, p.stem) for p in plan.pages] == [("変更", "employer-komugi-no-oka-bakery")]


def test_a_bulk_edit_gets_pictures_of_the_first_records_and_says_how_many_are_left() -> None:
    plan = plan_preview(_sample_change(), _directory(), most=1)
    assert [p.stem for p in plan.pages] == ["employer-shirakaba-farm"]
    assert plan.left_out == 1
    summary = render_preview_summary(plan, "https://github.com/o/r/actions/runs/1/artifacts/2")
    assert "ほかに 1 件の追加・変更があります" in summary


def test_the_summary_links_the_download_and_says_what_each_file_shows() -> None:
    page = PreviewPage("事業所", "変更", "農園*テスト", FARM, "employers/x/", "employers/x/sheets.html", "employer-x")
    summary = render_preview_summary(PreviewPlan([page]), "https://github.com/o/r/actions/runs/1/artifacts/2")
    # No space between the link and the Japanese after it (it would show as a gap in the sentence).
    assert "[プレビューをダウンロード（zip）](https://github.com/o/r/actions/runs/1/artifacts/2)して開くと" in summary
    assert "- 事業所「農園\\*テスト」（変更）" in summary  # names from content files pass no Markdown
    assert "  - `employer-x-phone.png`: スマートフォンで見たページ" in summary
    assert "  - `employer-x-computer.png`: パソコンで見たページ" in summary
    assert "  - `employer-x-print.pdf`: 印刷した3枚のシート（A4）" in summary
    # a name that holds 「」 of its own is not bracketed again (quoting.named, as the PR summary)
    tour = PreviewPage("プログラム", "追加", "職場見学会「しらかば農園」", FARM, "programs/x/", "programs/x/", "program-x")
    assert "- プログラム 職場見学会「しらかば農園」（追加）" in render_preview_summary(PreviewPlan([tour]), "https://example.invalid/")
    assert "プログラム 職場見学会「しらかば農園」（追加）\n" in render_readme(PreviewPlan([tour]))
    assert "ほかに" not in summary


def test_without_changed_records_the_summary_says_there_is_no_preview() -> None:
    assert "プレビューはありません" in render_preview_summary(None, "")
    assert "プレビューはありません" in render_preview_summary(PreviewPlan([]), "https://example.invalid/")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_capture_saves_each_page_on_a_phone_and_a_computer_and_as_printed(built_site: Path, tmp_path: Path, monkeypatch) -> None:
    require_chromium()
    # The farm's page on a phone is about 5,300 CSS pixels tall; on a computer about 3,600.
    monkeypatch.setattr(page_preview, "TALLEST", 4500)
    plan = plan_preview(_sample_change(), _directory())
    out = tmp_path / "preview"
    # In the whole suite the session's browser fixture keeps Playwright's loop running in this
    # thread, where a second sync_playwright() refuses to start: capture in a thread of its own,
    # as the command does in a process of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        captured = pool.submit(capture, plan, built_site, out).result()
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(
        ["README.txt", "pages.json"] + [name for page in plan.pages for name, _ in page.files()]
    )
    # A phone's width at a phone's pixel density; a page taller than TALLEST only down to it.
    assert _png_size(out / "employer-shirakaba-farm-phone.png") == (390 * 2, 4500 * 2)
    assert captured.cut == ("employer-shirakaba-farm-phone.png",)
    computer_width, computer_height = _png_size(out / "employer-shirakaba-farm-computer.png")
    assert computer_width == 1280 and 800 < computer_height < 4500  # the whole page, not the first screen
    assert _png_size(out / "program-tour-shirakaba-farm-computer.png")[0] == 1280
    assert _pdf_pages(out / "employer-shirakaba-farm-print.pdf") == 3  # the three sheets
    assert 1 <= _pdf_pages(out / "program-tour-shirakaba-farm-print.pdf") <= 2
    page_text = subprocess.run(["pdftotext", str(out / "program-tour-shirakaba-farm-print.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "職場見学会" in page_text and "申し込み" in page_text
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "事業所「しらかば農園」（追加）" in readme and "employer-shirakaba-farm-print.pdf: 印刷した3枚のシート（A4）" in readme
    assert "employer-shirakaba-farm-phone.png: スマートフォンで見たページ（長いページなので、上の部分だけ）" in readme
    assert "employer-shirakaba-farm-computer.png: パソコンで見たページ\n" in readme
    assert read_plan(out) == captured
    assert "`employer-shirakaba-farm-phone.png`: スマートフォンで見たページ（長いページなので、上の部分だけ）" in render_preview_summary(read_plan(out), "https://example.invalid/")


def test_sheets_that_do_not_fit_their_pages_are_told_in_the_list(tmp_path: Path) -> None:
    """A pause notice and a long description of the business on yamabiko's full sheets push ① and
    ② onto a second page, more than the sheets' smaller type can take back (test_print): the
    counter prints more than 3 pages. The list says so, where it would say 3 sheets."""
    require_chromium()
    project = copy_project(tmp_path)
    care = "content/employers/yamabiko-care.md"
    file = project / care
    written = file.read_text(encoding="utf-8")
    assert written.count("\nregistered:") == 1
    # No end date: the sheets' script leaves off a notice whose last day has passed when printed.
    written = written.replace("自宅に戻ることを目指す方を支えています。", "自宅に戻ることを目指す方を支えています。" + "通所リハビリテーションでは、送迎から入浴、昼食、機能訓練まで一日を通して支えています。" * 12)
    file.write_text(written.replace("\nregistered:", "\npaused:\n  from: 2026-11-01\n  reason: 施設の感染症対策のため\nregistered:"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    head = read_snapshot_from_tree(project)
    base = {path: data for path, data in head.items() if path not in (care, FARM)}
    plan = plan_preview(compare(base, head, [], 12), _directory(project))
    assert [page.stem for page in plan.pages] == ["employer-shirakaba-farm", "employer-yamabiko-care"]
    out = tmp_path / "preview"
    with ThreadPoolExecutor(max_workers=1) as pool:  # see test_capture_saves_each_page…
        captured = pool.submit(capture, plan, tmp_path / "site", out).result()
    pages = _pdf_pages(out / "employer-yamabiko-care-print.pdf")
    assert pages > 3
    assert captured.spilled == (("employer-yamabiko-care-print.pdf", pages),)  # the farm's fit
    told = f"employer-yamabiko-care-print.pdf: 印刷した3枚のシート（A4）。1ページに収まらないシートがあり、3枚が{pages}ページになります\n"
    assert told in (out / "README.txt").read_text(encoding="utf-8")
    assert "employer-shirakaba-farm-print.pdf: 印刷した3枚のシート（A4）\n" in (out / "README.txt").read_text(encoding="utf-8")
    assert read_plan(out) == captured
    assert "`" + told.replace(":", "`:", 1) in render_preview_summary(read_plan(out), "https://example.invalid/")


def test_capture_writes_nothing_without_changed_records(tmp_path: Path) -> None:
    capture(PreviewPlan([]), tmp_path / "site", tmp_path / "preview")
    assert not (tmp_path / "preview").exists()


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "employer_directory", *args], cwd=project, capture_output=True, text=True, env=build_env(), timeout=120)


def _git(project: Path, *args: str) -> None:
    env = {**build_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, env=env, check=True)


def test_the_command_tells_staff_what_is_missing_in_japanese(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")

    unchanged = _cli(project, "preview-pages", "--base", "main")
    assert unchanged.returncode == 0, unchanged.stderr
    assert "追加・変更された事業所・プログラム・ページはありません" in unchanged.stdout
    assert not (project / "preview").exists()

    wrong_base = _cli(project, "preview-pages", "--base", "no-such-branch")
    assert wrong_base.returncode == 1
    assert "比べる元のコミット「no-such-branch」が見つかりません" in wrong_base.stderr
    assert "Traceback" not in wrong_base.stderr

    farm = project / FARM
    farm.write_text(farm.read_text(encoding="utf-8").replace("\nname: しらかば農園", "\nname: しらかば農園 北", 1), encoding="utf-8")
    not_built = _cli(project, "preview-pages", "--base", "main", "--site", "site")
    assert not_built.returncode == 1
    assert "作ったサイトが site にありません" in not_built.stderr

    summary = _cli(project, "preview-summary", "--link", "")
    assert summary.returncode == 0 and "プレビューはありません" in summary.stdout

    # A general page alone, or a style sheet alone, has pages to picture too.
    farm.write_text(farm.read_text(encoding="utf-8").replace("\nname: しらかば農園 北", "\nname: しらかば農園", 1), encoding="utf-8")
    for changed in ("content/about.md", "content/assets/directory.css"):
        file = project / changed
        file.write_text(file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        result = _cli(project, "preview-pages", "--base", "main", "--site", "site")
        assert result.returncode == 1 and "作ったサイトが site にありません" in result.stderr, changed
        _git(project, "checkout", "--", changed)


def test_capture_pictures_general_pages_and_the_month_page(built_site: Path, tmp_path: Path, monkeypatch) -> None:
    """The home page (the site's root) and this month's calendar page open in the built site."""
    require_chromium()
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", BUILD_DATE)
    head = read_snapshot_from_tree(ROOT)
    directory = _directory()
    plan = plan_preview(compare(head, head, [], 12), directory, look_changed=("mkdocs.yml",), root=ROOT)
    plan = replace(plan, pages=[page for page in plan.pages if page.kind in ("ページ", "カレンダー")])
    assert [page.stem for page in plan.pages] == ["page-index", "calendar-2026-11"]
    out = tmp_path / "preview"
    with ThreadPoolExecutor(max_workers=1) as pool:  # see test_capture_saves_each_page…
        pool.submit(capture, plan, built_site, out).result()
    assert _png_size(out / "page-index-computer.png")[0] == 1280
    month = subprocess.run(["pdftotext", str(out / "calendar-2026-11-print.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "2026年11月" in month
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "カレンダー「2026年11月」（見た目の見本: mkdocs.yml が変わるため）\n  calendar-2026-11-phone.png" in readme


def test_the_command_stops_when_the_built_site_lacks_a_changed_page(built_site: Path, tmp_path: Path) -> None:
    """A site built before the change (here: before a new slug) has no page for the record: the
    command says so instead of saving a picture of the server's 404 page."""
    require_chromium()
    project = copy_project(tmp_path)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")
    file = project / "content/employers/aozora-blueberry-en.md"
    file.write_text(file.read_text(encoding="utf-8").replace("\nname:", "\nslug: aozora-farm\nname:", 1), encoding="utf-8")
    result = _cli(project, "preview-pages", "--base", "main", "--site", str(built_site), "--out", str(tmp_path / "preview"))
    assert result.returncode == 1
    assert f"作ったサイト {built_site} に employers/aozora-farm/ のページがありません" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "preview" / "employer-aozora-farm-phone.png").exists()
