"""A renamed employer or program keeps its former address (former_slugs:): QR codes on sheets
printed before, bookmarks and calendar subscriptions lead on to the page as it is now."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build, serve_below_project_path
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.problems import ContentInvalid
from test_browser import PHONE, Watched, assert_accessible

FARM = "content/employers/shirakaba-farm.md"
TOUR = "content/programs/tour-shirakaba-farm.md"


def _rename(project: Path, path: str, new_path: str, key: str, former: str) -> None:
    """Move the file to its new name and write its former URL name under ``key``'s line."""
    old, new = project / path, project / new_path
    text = old.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{key}: "))
    new.write_text(text.replace(line + "\n", f"{line}\nformer_slugs: [{former}]\n", 1), encoding="utf-8")
    old.unlink()


def _renamed_project(root: Path) -> Path:
    """The sample with the farm renamed to shirakaba-nouen and its tour to farm-tour."""
    project = copy_project(root)
    _rename(project, FARM, "content/employers/shirakaba-nouen.md", "name", "shirakaba-farm")
    _rename(project, TOUR, "content/programs/farm-tour.md", "title", "tour-shirakaba-farm")
    tour = project / "content/programs/farm-tour.md"
    tour.write_text(tour.read_text(encoding="utf-8").replace("employers: [shirakaba-farm]", "employers: [shirakaba-nouen]"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> Path:
    project = _renamed_project(tmp_path_factory.mktemp("renamed"))
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def renamed_url(renamed_site: Path, tmp_path_factory):
    yield from serve_below_project_path(renamed_site, tmp_path_factory.mktemp("www"))


def test_the_former_addresses_forward_to_the_pages_now(renamed_site):
    for old, new, canonical in (
        ("employers/shirakaba-farm/index.html", "../shirakaba-nouen/", "employers/shirakaba-nouen/"),
        ("employers/shirakaba-farm/sheets.html", "../shirakaba-nouen/sheets.html", "employers/shirakaba-nouen/sheets.html"),
        ("programs/tour-shirakaba-farm/index.html", "../farm-tour/", "programs/farm-tour/"),
    ):
        html = (renamed_site / old).read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={new}">' in html, old
        assert f'<link rel="canonical" href="https://example.github.io/kyoryoku-jigyosho/{canonical}">' in html, old
        assert f'<a href="{new}">新しいページを開く</a>' in html and '<meta name="robots" content="noindex">' in html, old
        assert (renamed_site / canonical).exists() or (renamed_site / canonical / "index.html").exists()
    assert "しらかば農園" in (renamed_site / "employers/shirakaba-farm/index.html").read_text(encoding="utf-8")
    # A calendar app subscribed to the old feed keeps getting the program's meetings.
    assert (renamed_site / "calendar/tour-shirakaba-farm.ics").read_bytes() == (renamed_site / "calendar/farm-tour.ics").read_bytes()
    # The forwarding pages are no pages of the site: not in the sitemap, the search data or the lists.
    for listed in ("sitemap.xml", "search/directory-documents.json", "employers/index.html", "data/employers.json"):
        assert "employers/shirakaba-farm/" not in (renamed_site / listed).read_text(encoding="utf-8"), listed


def test_a_site_without_renamed_records_has_no_forwarding_pages(built_site):
    assert not any("ページが移りました" in page.read_text(encoding="utf-8") for page in built_site.glob("*/*/index.html"))


def test_an_old_qr_code_reaches_the_sheet_it_showed(browser, renamed_url):
    """The QR code of sheet ② printed before the rename, and the employer's old page."""
    session = Watched(browser, PHONE)
    try:
        page = session.page
        page.goto(renamed_url + "employers/shirakaba-farm/sheets.html#seeker")
        page.wait_for_url(renamed_url + "employers/shirakaba-nouen/sheets.html#seeker")
        assert page.locator("#seeker").is_visible()
        page.goto(renamed_url + "employers/shirakaba-farm/")
        page.wait_for_url(renamed_url + "employers/shirakaba-nouen/")
        assert page.locator("h1").inner_text() == "しらかば農園"
        assert session.errors == [] and session.hosts == {"127.0.0.1"}
    finally:
        session.close()


def test_without_javascript_the_forwarding_page_goes_on_or_links(browser, renamed_url):
    session = Watched(browser, PHONE, java_script_enabled=False)
    try:
        page = session.page
        page.goto(renamed_url + "programs/tour-shirakaba-farm/")
        page.wait_for_url(renamed_url + "programs/farm-tour/")  # the meta refresh
    finally:
        session.close()
    assert_accessible(browser, renamed_url + "employers/shirakaba-farm/sheets.html")


def test_a_former_address_typed_with_a_typo_is_offered_the_page_now(browser, renamed_site, renamed_url):
    """A sheet printed before the rename carries the former URL name; typed by hand with a typo,
    the 404 page offers the page as it is now (the former name alone is too far from it)."""
    body = (renamed_site / "404.html").read_text(encoding="utf-8")
    session = Watched(browser, PHONE)
    page = session.page
    try:
        for path, meant in (
            ("employers/shirakaba-farn/sheets.html#seeker", ("しらかば農園", "employers/shirakaba-nouen/sheets.html#seeker")),
            ("programs/tour-shirakaba-farn/", ("職場見学会「しらかば農園」", "programs/farm-tour/")),
        ):
            page.route(renamed_url + path.split("#")[0], lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
            page.goto(renamed_url + path, wait_until="networkidle")
            links = page.locator("[data-not-found] a")
            assert list(zip(links.all_inner_texts(), links.evaluate_all("links => links.map(a => a.href)"))) == [(meant[0], renamed_url + meant[1])], path
        assert [e for e in session.errors if "status of 404" not in e] == []
    finally:
        session.close()


def _problems(project: Path) -> list[tuple[str, int, str, str]]:
    settings = read_settings(project / "mkdocs.yml")
    try:
        load_directory(project / "content", settings, root=project, today=dt.date(2026, 11, 22))
    except ContentInvalid as invalid:
        return [(p.path, p.line, p.field, p.what) for p in invalid.problems]
    return []


def test_a_former_name_that_is_an_address_now_or_written_twice_is_refused(tmp_path):
    project = _renamed_project(tmp_path)
    assert _problems(project) == []
    bakery = project / "content/employers/komugi-no-oka-bakery.md"
    text = bakery.read_text(encoding="utf-8")
    bakery.write_text(text.replace("\nname: ", "\nformer_slugs: [komugi-no-oka-bakery, shirakaba-farm, yamabiko-care, Komugi]\nname: ", 1), encoding="utf-8")
    found = _problems(project)
    line = next(n for n, text in enumerate(bakery.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("former_slugs:"))
    assert [(path, at, field) for path, at, field, _ in found] == [("content/employers/komugi-no-oka-bakery.md", line, "former_slugs[4番目]（前のURL名）")]
    assert "前のURL名「Komugi」に使えない文字があります" in found[0][3]
    bakery.write_text(text.replace("\nname: ", "\nformer_slugs: [komugi-no-oka-bakery, shirakaba-farm, yamabiko-care]\nname: ", 1), encoding="utf-8")
    found = _problems(project)
    assert [(path.rsplit("/", 1)[1], field, what) for path, _, field, what in found] == [
        ("komugi-no-oka-bakery.md", "former_slugs[1番目]（前のURL名）", "前のURL名「komugi-no-oka-bakery」は、この事業所のいまのURL名です"),
        ("komugi-no-oka-bakery.md", "former_slugs[3番目]（前のURL名）", "前のURL名「yamabiko-care」は、いまの content/employers/yamabiko-care.md のURL名です（employers/yamabiko-care/ はそのページです）"),
        # one address leads to one page: the second file that names it is told
        ("shirakaba-nouen.md", "former_slugs[1番目]（前のURL名）", "前のURL名「shirakaba-farm」は content/employers/komugi-no-oka-bakery.md にも書いてあります"),
    ]
    # an employer's former name in another kind's folder is another address: a program may have it
    bakery.write_text(text, encoding="utf-8")
    tour = project / "content/programs/farm-tour.md"
    tour.write_text(tour.read_text(encoding="utf-8").replace("former_slugs: [tour-shirakaba-farm]", "former_slugs: [tour-shirakaba-farm, shirakaba-farm, all]"), encoding="utf-8")
    assert [what for _, _, _, what in _problems(project)] == ["URL名「all」は、全プログラムのカレンダー（calendar/all.ics）に使っています"]


def test_a_program_that_still_names_the_former_employer_is_told_the_new_name(tmp_path):
    project = _renamed_project(tmp_path)
    tour = project / "content/programs/farm-tour.md"
    tour.write_text(tour.read_text(encoding="utf-8").replace("employers: [shirakaba-nouen]", "employers: [shirakaba-farm]"), encoding="utf-8")
    assert [(field, what) for _, _, field, what in _problems(project)] == [
        ("employers[1番目]（関係する協力事業所）", "事業所「shirakaba-farm」は「shirakaba-nouen」（しらかば農園）に名前が変わりました"),
    ]


def test_a_counter_packet_saved_or_shared_before_the_rename_keeps_the_employer(browser, renamed_url):
    """A counsellor's 印刷リスト in localStorage, and a link to it sent before the rename, hold
    the former slug: the packet page shows the employer under its slug now, once."""
    session = Watched(browser, PHONE)
    try:
        page = session.page
        listed = lambda: page.eval_on_selector_all("[data-packet-list] li", "items => items.map(i => i.dataset.slug)")
        page.goto(renamed_url)
        page.evaluate("localStorage.setItem('kyoryoku-packet-v1', JSON.stringify({slugs: ['shirakaba-farm', 'yamabiko-care'], kinds: ['seeker']}))")
        page.goto(renamed_url + "packet/")
        page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 2")
        assert listed() == ["shirakaba-nouen", "yamabiko-care"]
        assert page.locator("[data-packet-list] li .packet-item__name").first.inner_text() == "しらかば農園"
        assert page.evaluate("JSON.parse(localStorage.getItem('kyoryoku-packet-v1')).slugs") == ["shirakaba-nouen", "yamabiko-care"]
        page.goto(renamed_url + "packet/?e=yamabiko-care,shirakaba-farm,shirakaba-nouen&s=staff")
        page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 2")
        assert listed() == ["yamabiko-care", "shirakaba-nouen"]
        assert "掲載が終わった" not in page.locator("[data-packet-status]").inner_text()
        # The employer's own page and its listing know the former name too, before the packet
        # page is opened: its button says it is in the list, and the list takes the name now.
        saved = lambda: page.evaluate("JSON.parse(localStorage.getItem('kyoryoku-packet-v1')).slugs")
        for path in ("employers/shirakaba-nouen/", "categories/agriculture/"):
            page.evaluate("localStorage.setItem('kyoryoku-packet-v1', JSON.stringify({slugs: ['yamabiko-care', 'shirakaba-farm'], kinds: ['seeker']}))")
            page.goto(renamed_url + path)
            assert page.locator("[data-packet-add='shirakaba-nouen']").inner_text().startswith("✓"), path
            assert page.locator("[data-packet-count]").first.inner_text() == "2", path
            assert saved() == ["yamabiko-care", "shirakaba-nouen"], path
        page.evaluate("localStorage.setItem('kyoryoku-packet-v1', JSON.stringify({slugs: ['shirakaba-farm', 'shirakaba-nouen'], kinds: ['seeker']}))")
        page.goto(renamed_url + "employers/shirakaba-nouen/")
        assert saved() == ["shirakaba-nouen"]  # once
        # An employer whose listing ended leaves the list, and the page says so.
        page.goto(renamed_url + "packet/?e=yamabiko-care,closed-shop&s=staff")
        page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 1")
        assert listed() == ["yamabiko-care"]
        # ...in the words of where the list came from: a shared link's recipient saved nothing.
        assert page.locator("[data-packet-status]").inner_text().startswith("共有されたリンクのうち 1 件は、掲載が終わった事業所なので、リストから外しました。")
        page.evaluate("localStorage.setItem('kyoryoku-packet-v1', JSON.stringify({slugs: ['closed-shop', 'yamabiko-care'], kinds: ['seeker']}))")
        page.goto(renamed_url + "packet/")
        page.wait_for_function("document.querySelectorAll('[data-packet-sheets] article.sheet').length === 1")
        assert page.locator("[data-packet-status]").inner_text().startswith("保存していたリストのうち 1 件は、掲載が終わった事業所なので、リストから外しました。")
        assert session.errors == []
    finally:
        session.close()
