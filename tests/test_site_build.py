"""The sample site builds strictly, every employer has a page, listings and counts match the data."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BUILD_DATE, ROOT, copy_project, run_build
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.vocabulary import OFFER_TYPES


@pytest.fixture(scope="module")
def directory():
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT)


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Cells(HTMLParser):
    """Collects the text of elements that carry a given data attribute."""

    def __init__(self, attribute: str):
        super().__init__()
        self.attribute, self.current, self.found = attribute, None, {}

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get(self.attribute)
        if value is not None:
            self.current = value
            self.found[value] = ""

    def handle_data(self, data):
        if self.current is not None:
            self.found[self.current] += data

    def handle_endtag(self, tag):
        self.current = None


def test_sample_has_at_least_25_employers_in_the_pamphlet_mix(directory):
    assert len(directory.employers) >= 25
    counts = {listing.term.label: len(listing.employers) for listing in directory.category_listings()}
    assert counts == {"農業・栽培": 10, "福祉・医療": 4, "食品・製造": 4, "環境整備": 2, "交通警備": 2, "その他": 3}


def test_every_employer_has_a_page_with_its_data(built_site, directory):
    for employer in directory.employers:
        page = html(built_site, f"employers/{employer.slug}")
        assert f"<h1>{employer.name}</h1>" in page.replace("&amp;", "&")
        for task in employer.tasks:
            assert task.name in page
        assert "情報確認日" in page
        assert f'datetime="{employer.verified.isoformat()}"' in page


def test_an_employer_page_says_whom_its_own_number_is_for(built_site, directory):
    """Seekers apply through the centre; the employer's number, right under that sentence, is
    said to be for support agencies, so that a seeker does not call it instead."""
    for employer in directory.employers:
        page = html(built_site, f"employers/{employer.slug}")
        contact = page[page.index('<h2 id="contact">'):]
        assert contact.index("ご相談ください。") < contact.index("支援機関の方が事業所と直接やりとりするときの連絡先です。") < contact.index("<dt>事業所の窓口</dt>"), employer.slug


def test_an_employer_pages_staff_tools_say_they_are_for_the_counter(built_site, directory):
    """The printable sheets and 「＋ 印刷リストに入れる」 came before the page's content, and a
    family on a phone took that button, the only one on the page, for the way to apply: they
    sit together in one box headed 窓口・支援機関の方向け. The box comes after the ladder (in the
    header it pushed the ladder's days and hours below a phone's first screen) and before the
    table of offers."""
    for employer in directory.employers:
        page = html(built_site, f"employers/{employer.slug}")
        header = page[page.index('<header class="dir-employer__header">'):page.index('<section aria-labelledby="ladder">')]
        assert 'href="#contact"' in header and "dir-sheet-links" not in header and "data-packet" not in header, employer.slug
        section = page[page.index('<section aria-labelledby="ladder">'):]
        box = section[section.index('<div class="dir-staff-tools">'):]
        assert section.index('<ol class="dir-ladder">') < section.index('<div class="dir-staff-tools">') < section.index('<table class="dir-offers">'), employer.slug
        assert box.index('<p class="dir-staff-tools__for">窓口・支援機関の方向け</p>') < box.index('class="dir-sheet-links"'), employer.slug
        assert box.index("data-packet-add=") < box.index("data-packet-link") < box.index("</div>"), employer.slug


def test_the_counter_packet_is_called_the_print_list_everywhere(built_site, directory):
    """Every employer page and result card carried 「＋ 窓口用セットに入れる」, the staff's word,
    which told a family on a phone nothing. It is 印刷リスト, one name on the buttons, the link,
    the packet page and the list of printouts; the old word is left nowhere in the site (pages,
    scripts, search index)."""
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".css", ".xml", ".txt"}:
            assert "窓口用セット" not in path.read_text(encoding="utf-8"), path.relative_to(built_site)
    add = ">＋ 印刷リストに入れる</button>"
    for employer in directory.employers:
        assert add in html(built_site, f"employers/{employer.slug}"), employer.slug
    for listing in directory.category_listings():
        page = html(built_site, f"categories/{listing.term.id}")
        assert page.count(add) == len(listing.employers) > 0, listing.term.id
        assert "印刷リストを見る・印刷する（<span data-packet-count>0</span>件）" in page, listing.term.id
    # The search page's cards are cloned from its template (assets/directory-search.js).
    assert re.search(r'<template id="dir-search-packet-add"><button [^>]*>＋ 印刷リストに入れる</button>', html(built_site, "search"))
    script = (built_site / "assets" / "packet.js").read_text(encoding="utf-8")
    for words in ('"✓ 印刷リストにあります（外す）"', '"＋ 印刷リストに入れる"', '"印刷リストに入れました"', '"印刷リストから外しました"'):
        assert words in script, words
    packet = html(built_site, "packet")
    assert "<title>印刷リスト（選んだ事業所をまとめて印刷）｜" in packet
    assert re.search(r"<h1>印刷リスト<span [^>]*>（選んだ事業所を<wbr>まとめて印刷）</span></h1>", packet)
    assert ">印刷リスト（選んだ事業所のシートをまとめて印刷）</a>" in html(built_site, "employers")


def test_pages_for_job_seekers_use_one_plain_word_for_each_thing(built_site, directory):
    """The category pages are headed with the words the employer list and the home page use
    (仕事の種類, not 業種); the employer page names its ladder and tasks as the employer list and
    the search cards do (受け入れの段階, できる作業) and says whom the work suits without
    「マッチング」; an offer with no number of people says how it is decided, not 応相談; the
    ladder is told without 有償/無償; the search hint says all of what; the 404 page says the page
    is gone, not 掲載が終わった."""
    for listing in directory.category_listings():
        page = html(built_site, f"categories/{listing.term.id}")
        assert f"<h1>仕事の種類: {listing.term.label}</h1>" in page, listing.term.id
    assert '<h2 id="by-category">仕事の種類からさがす</h2>' in html(built_site, "employers")
    # The printed pamphlet counts employers as the home page does (仕事の種類ごとの事業所の数).
    pamphlet = html(built_site, "pamphlet")
    assert '<h2 id="pamphlet-counts">仕事の種類ごとの事業所の数</h2>' in pamphlet and "業種" not in pamphlet
    assert '"できる作業:"' in (ROOT / "content/assets/directory-search.js").read_text(encoding="utf-8")
    for employer in directory.employers:
        page = html(built_site, f"employers/{employer.slug}")
        assert '<h2 id="ladder">受け入れの段階</h2>' in page, employer.slug
        assert '<h2 id="tasks">できる作業</h2>' in page and '<h2 id="matching">こんな方に向いています</h2>' in page, employer.slug
        assert "マッチング" not in page, employer.slug
    # No sample offer leaves both the number and the note empty (staff write 応相談 themselves).
    offer = directory.employers[0].offers[0].model_copy(update={"capacity": None, "capacity_note": None})
    assert offer.capacity_label == "相談して決めます"
    ladder = html(built_site, "employers")
    for term in OFFER_TYPES:
        assert term.description in ladder and term.description in html(built_site, f"offers/{term.id}")
    for word in ("有償", "無償"):
        assert word not in ladder
    assert "お金はもらわずに" in html(built_site, "offers/experience")
    # The about page names the ladder's last step as the ladder does (雇用, not 就業).
    assert "<strong>雇用</strong>: 求人に応募して働きます。" in html(built_site, "about")
    assert "お金をもらって" in html(built_site, "offers/petit-job")
    assert "給料をもらって" in html(built_site, "offers/training-employed")
    assert "ことばを空白で区切ると、すべてのことばを含む事業所を出します。" in html(built_site, "search")
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "ページがなくなったのかもしれません。" in not_found and "掲載" not in not_found


def test_home_page_counts_equal_the_data(built_site, directory):
    parser = _Cells("data-category")
    parser.feed(html(built_site, "."))
    expected = {listing.term.id: str(len(listing.employers)) for listing in directory.category_listings()}
    assert {key: value.strip() for key, value in parser.found.items()} == expected


def test_listing_pages_list_exactly_their_employers(built_site, directory):
    for listing in directory.listings():
        page = html(built_site, f"{listing.url_folder}/{listing.term.id}")
        linked = set(re.findall(r'href="\.\./\.\./employers/([a-z0-9-]+)/"', page))
        assert linked == {employer.slug for employer in listing.employers}, listing.src_uri


def _text(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def _area_choices(site: Path, term) -> dict[str, str]:
    """The text a person reads where they pick the area ``term``: its line in the area list of
    事業所をさがす, the line under the heading of its own page, its box among the search's filters."""
    index = html(site, "employers")
    search = html(site, "search")
    own = html(site, f"areas/{term.id}")
    return {
        "index": _text(re.search(rf'<li><a href="\.\./areas/{term.id}/">.*?</li>', index).group(0)),
        "page": _text(own.split("</h1>", 1)[1].split('<p class="dir-count">', 1)[0]).strip(),
        "filter": _text(re.search(rf'<label class="dir-search__option"><input type="checkbox" name="area" value="{term.id}">.*?</label>', search).group(0)).strip(),
    }


def test_each_area_says_which_towns_it_covers_where_it_is_chosen(built_site, directory):
    """A family on a phone who lives in 本町 could not tell whether that is 中央 or 北部: the area
    list of 事業所をさがす, each area's page and the search's area filter name the area's towns
    (mkdocs.yml areas[].towns, the centre's definition of the area)."""
    areas = directory.settings.area_terms()
    assert len(areas) == 5 and all(term.towns for term in areas)  # the sample names every area's towns
    assert [term.label for term in areas if "本町" in term.towns] == ["中央"]
    for listing in directory.area_listings():
        term, towns = listing.term, "・".join(listing.term.towns)
        assert _area_choices(built_site, term) == {
            "index": f"{term.label}（{len(listing.employers)}）{towns}",
            "page": f"この地域の町: {towns}",
            "filter": f"{term.label}（{towns}）",
        }


def test_areas_without_towns_are_shown_as_before(tmp_path):
    """towns: is optional: without it an area is its name alone, as before the setting."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text, removed = re.subn(r", towns: \[[^\]]*\]", "", config.read_text(encoding="utf-8"))
    assert removed == 5
    config.write_text(text, encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    settings = read_settings(config)
    directory = load_directory(project / "content", settings, root=project)
    for listing in directory.area_listings():
        term = listing.term
        assert _area_choices(tmp_path / "site", term) == {"index": f"{term.label}（{len(listing.employers)}）", "page": "", "filter": term.label}
    assert "dir-towns" not in html(tmp_path / "site", "search") + html(tmp_path / "site", "employers")


def test_offer_pages_cover_the_whole_ladder(built_site):
    for term in OFFER_TYPES:
        assert (built_site / "offers" / term.id / "index.html").exists()


def test_employer_pages_stay_out_of_the_sidebar(built_site, directory):
    # Listing every employer in the navigation would make every page carry the whole list.
    about = html(built_site, "about")
    assert not any(f"employers/{employer.slug}/" in about for employer in directory.employers)


def test_links_are_relative_so_the_site_works_under_a_project_path(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if page.name == "404.html" and page.parent == built_site:
            # The 404 page is served at any depth, so MkDocs links it absolutely: below the project path.
            assert not re.search(r'(?:href|src)="/(?!/|kyoryoku-jigyosho/)', text)
            continue
        assert not re.search(r'(?:href|src)="/(?!/)', text), page


def test_no_third_party_assets_are_loaded(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        tags = re.findall(r'<(?:script|link|img|iframe)\b[^>]*>', text)
        # rel=canonical names the page's public address; it is not something the browser loads.
        external = [tag for tag in tags if re.search(r'(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag]
        assert not external, (page, external)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_published_schema_is_in_the_site(built_site):
    assert (built_site / "schema" / "employer.schema.json").exists()


def test_text_is_escaped_on_output(tmp_path, monkeypatch):
    """A name that somehow held markup (validation refuses it) still shows as text."""
    import employer_directory.site_pages as site_pages
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    shutil.copy(ROOT / "tests/corpus/valid/employers/base-farm.md", project / "content/employers")
    real_plan = site_pages.plan_site_pages

    def plan_with_markup(directory):
        directory.employers[0] = directory.employers[0].model_copy(
            update={"name": "<script>alert(1)</script>", "business": "<b>太字</b> & 続き"}
        )
        return real_plan(directory)

    monkeypatch.setattr(site_pages, "plan_site_pages", plan_with_markup)
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    page = (tmp_path / "site/employers/base-farm/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;太字&lt;/b&gt; &amp; 続き" in page


def test_two_builds_give_identical_pages(tmp_path, built_site):
    second = tmp_path / "site"
    assert run_build(ROOT, second).returncode == 0
    for page in ("index.html", "employers/shirakaba-farm/index.html", "categories/agriculture/index.html"):
        assert (built_site / page).read_bytes() == (second / page).read_bytes(), page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def test_every_link_inside_the_site_leads_to_a_file(built_site):
    """No page links to a page, feed, data file or asset that the build did not write."""
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in built_site.rglob("*.html"):
        if page.name == "404.html" and page.parent == built_site:
            continue  # links absolutely below the project path (see above)
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("#", "mailto:", "tel:", "data:")) or not parts.path:
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append((page.relative_to(built_site).as_posix(), target))
    assert not broken, broken[:20]


def test_data_files_made_in_worker_processes_equal_those_made_in_process(tmp_path, built_site):
    """Large directories make ICS feeds and data files in forked workers (employer_directory.
    background); forcing that path on the sample must give the same site, byte for byte."""
    second = tmp_path / "site"
    assert run_build(ROOT, second, DIRECTORY_BACKGROUND="1").returncode == 0
    first_files = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    assert any(name.endswith(".ics") for name in first_files) and any(name.startswith("data/") for name in first_files)
    for name in first_files:
        if name != "sitemap.xml.gz":  # gzip header time
            assert (built_site / name).read_bytes() == (second / name).read_bytes(), name


def test_the_sitemap_dates_its_pages_by_the_builds_today(built_site):
    """MkDocs dates every page by the clock's UTC day: a build run by the morning schedule in
    Tokyo said yesterday, and two builds either side of midnight UTC differed."""
    dates = re.findall(r"<lastmod>([^<]*)</lastmod>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(dates) > 50 and set(dates) == {BUILD_DATE}, sorted(set(dates))


@pytest.mark.parametrize("page", ["employers/komugi-no-oka-bakery/sheets.html", "packet/index.html", "forms/hearing/index.html"])
def test_each_stand_alone_print_page_names_an_icon_inside_the_site(built_site, page):
    # Without one the browser asks the host root for /favicon.ico, outside the project path.
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', (built_site / page).read_text(encoding="utf-8"))
    assert len(icons) == 1 and not icons[0].startswith(("/", "http"))
    assert ((built_site / page).parent / icons[0]).resolve().is_file()
