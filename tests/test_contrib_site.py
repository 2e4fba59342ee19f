"""Edit and report links in the built site point at the record's own file and the report form."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import ROOT, copy_project, run_build

REPO = "https://github.com/example-org/kyoryoku-jigyosho"


def _links(page: str) -> dict[str, str]:
    from html.parser import HTMLParser

    class Links(HTMLParser):
        found: dict[str, str] = {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "a" and attrs.get("class", "").startswith("dir-contrib__"):
                self.found[attrs["class"]] = attrs["href"]

    parser = Links()
    parser.found = {}
    parser.feed(page)
    return parser.found


@pytest.mark.parametrize(
    ("url", "source"),
    [("employers/shirakaba-farm", "content/employers/shirakaba-farm.md"), ("programs/tour-shirakaba-farm", "content/programs/tour-shirakaba-farm.md")],
)
def test_employer_and_program_pages_link_to_their_file_and_the_report_form(built_site, url, source):
    links = _links((built_site / url / "index.html").read_text(encoding="utf-8"))
    assert links["dir-contrib__edit"] == f"{REPO}/edit/main/{source}"
    report = urlparse(links["dir-contrib__report"])
    query = parse_qs(report.query)
    assert f"{report.scheme}://{report.netloc}{report.path}" == f"{REPO}/issues/new"
    assert query["template"] == ["report-outdated.yml"] and query["file"] == [source]
    assert query["page"][0].endswith(f"/kyoryoku-jigyosho/{url}/")
    assert (ROOT / ".github/ISSUE_TEMPLATE" / query["template"][0]).exists()


def test_every_employer_page_has_both_links(built_site):
    for path in sorted((ROOT / "content/employers").glob("*.md")):
        links = _links((built_site / "employers" / path.stem / "index.html").read_text(encoding="utf-8"))
        assert links["dir-contrib__edit"].endswith(f"/content/employers/{path.name}")
        assert "template=report-outdated.yml" in links["dir-contrib__report"]


def test_other_pages_have_no_record_links_and_the_header_fetches_nothing(built_site):
    for url in ("", "about", "employers", "categories/agriculture"):
        page = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert _links(page) == {}
        # Material's source component would fetch repository facts from api.github.com.
        assert 'data-md-component="source"' not in page


def test_edit_link_follows_the_file_when_slug_moves_the_page(tmp_path: Path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    source = project / "content/employers/shirakaba-farm.md"
    moved = project / "content/employers/farm-in-the-north.md"
    shutil.move(source, moved)
    moved.write_text(moved.read_text(encoding="utf-8").replace("name: しらかば農園\n", "slug: shirakaba-farm\nname: しらかば農園\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site", REPO_URL="https://github.com/other-org/other-repo")
    assert result.returncode == 0, result.stderr
    links = _links((tmp_path / "site/employers/shirakaba-farm/index.html").read_text(encoding="utf-8"))
    assert links["dir-contrib__edit"] == "https://github.com/other-org/other-repo/edit/main/content/employers/farm-in-the-north.md"
    assert parse_qs(urlparse(links["dir-contrib__report"]).query)["file"] == ["content/employers/farm-in-the-north.md"]


def test_links_are_left_out_of_print(built_site):
    css = (built_site / "assets/contrib.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".dir-contrib { display: none; }" in css


def test_report_form_fields_match_the_prefilled_query(built_site):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/report-outdated.yml").read_text(encoding="utf-8"))
    links = _links((built_site / "employers/shirakaba-farm/index.html").read_text(encoding="utf-8"))
    prefilled = set(parse_qs(urlparse(links["dir-contrib__report"]).query)) - {"template", "title"}
    assert prefilled <= {element.get("id") for element in form["body"]}


def test_join_page_links_sample_sheets_that_exist_and_the_configured_contact(built_site):
    import re

    page = (built_site / "join/index.html").read_text(encoding="utf-8")
    for heading in ("協力事業所とは", "お願いしたいこと", "事業所にとってのよいこと", "よくある質問（保険と費用）", "始めるまでの流れ", "シートの見本", "問い合わせ"):
        assert heading in page, heading
    # Each kind of placement has its answer on insurance: the centre's for tours and experience,
    # the employer's own for employment, and an accident insurance for the non-employment kind.
    insurance = re.search(r"だれの保険を使いますか？</h3>(.*?)<h3", page, re.S).group(1)
    for kind in ("見学と就労体験", "プチバイトと認定就労訓練（雇用型）", "認定就労訓練（非雇用型）"):
        assert kind in insurance, kind
    assert "傷害保険" in insurance.split("認定就労訓練（非雇用型）", 1)[1]
    examples = re.findall(r'<ul class="dir-join-examples">(.*?)</ul>', page, re.S)[0]
    links = re.findall(r'href="\.\./employers/([a-z0-9-]+)/"', examples)
    assert len(links) == 3 and len(set(links)) == 3
    for slug in links:
        assert (built_site / "employers" / slug / "index.html").exists()
    # Beside each sample page, its three printed sheets (step 4 names them): an employer asked
    # to join sees what the counter hands out, each link named with its employer.
    sheets = re.findall(r'<a href="\.\./employers/([a-z0-9-]+)/sheets\.html" aria-label="印刷用シート（3枚）：([^"]+)">印刷用シート（3枚）</a>', examples)
    assert [slug for slug, _ in sheets] == links
    for slug, name in sheets:
        assert (built_site / "employers" / slug / "sheets.html").exists()
        assert f'<a href="../employers/{slug}/">{name}</a>' in examples
    # Under the samples: every category page with the number of employers it lists.
    by_category = re.findall(r'<ul class="dir-term-list" aria-labelledby="join-by-category">(.*?)</ul>', page, re.S)[0]
    listed = re.findall(r'<a href="\.\./categories/([a-z0-9-]+)/">([^<]+)</a>（(\d+)）', by_category)
    from employer_directory.cli import read_settings

    terms = read_settings(ROOT / "mkdocs.yml").category_terms()
    counts = {term.label: 0 for term in terms}
    for employer in (ROOT / "content/employers").glob("*.md"):
        counts[yaml.safe_load(employer.read_text(encoding="utf-8").split("---")[1])["category"]] += 1
    assert listed == [(term.id, term.label, str(counts[term.label])) for term in terms]
    assert sum(counts.values()) == 25
    assert all((built_site / "categories" / slug / "index.html").exists() for slug, _, _ in listed)
    assert 'href="tel:0268-00-0000"' in page and "受付: 平日 8:30〜17:15" in page
    # The contact section (from the template) is in the table of contents, and step 1 links to it.
    assert '<a href="#contact" class="md-nav__link">' in page
    assert '<a href="#contact">下の問い合わせ先</a>' in page and 'id="contact"' in page


def test_join_page_builds_without_any_employer(tmp_path: Path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site/join/index.html").read_text(encoding="utf-8")
    assert "dir-join-examples" not in page and "問い合わせ" in page
