"""An employer's pause (受け入れ休止, ``paused:``): when it is in effect, announced or over on the
build date, and what the built pages, sheets and open data say of it.

The sample paused employer is パン工房 こむぎの丘 (komugi-no-oka-bakery): from 2026-11-01 until
2027-01-31, 店舗の改装工事のため. The sample site is built on 2026-11-22 (in effect).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build
from employer_directory.loading import load_directory
from employer_directory.models.employer import Pause
from employer_directory.settings import load_settings

CORPUS = ROOT / "tests" / "corpus"
PAUSED = "komugi-no-oka-bakery"


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


# --- the model: in effect, announced, over ----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "today", "in_effect", "announced", "over"),
    [
        ({"from": "2027-01-01", "until": "2027-03-31"}, "2026-12-31", False, True, False),
        ({"from": "2027-01-01", "until": "2027-03-31"}, "2027-01-01", True, False, False),
        ({"from": "2027-01-01", "until": "2027-03-31"}, "2027-03-31", True, False, False),
        ({"from": "2027-01-01", "until": "2027-03-31"}, "2027-04-01", False, False, True),
        ({"until": "2027-03-31"}, "2020-01-01", True, False, False),  # no from: in effect already
        ({"reason": "改装工事のため"}, "2040-01-01", True, False, False),  # 当面: no end
        ({"from": "2027-01-01"}, "2026-12-31", False, True, False),
    ],
)
def test_a_pause_is_in_effect_announced_or_over_by_the_build_date(written, today, in_effect, announced, over):
    pause = Pause.model_validate(written)
    day = dt.date.fromisoformat(today)
    assert (pause.in_effect(day), pause.is_announced(day), pause.is_over(day)) == (in_effect, announced, over)


def test_from_is_written_and_published_by_its_own_name():
    pause = Pause.model_validate({"from": "2027-01-01", "until": "2027-03-31", "reason": "冬のあいだ"})
    assert pause.model_dump(mode="json") == {"from": "2027-01-01", "until": "2027-03-31", "reason": "冬のあいだ"}


def _content_with(tmp_path: Path, pause_block: str) -> Path:
    content = tmp_path / "content"
    (content / "employers").mkdir(parents=True)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    (content / "employers" / "base-farm.md").write_text(base.replace("registered: 2020-04-01", pause_block + "registered: 2020-04-01"), encoding="utf-8")
    return content


def test_a_pause_whose_last_day_has_passed_does_not_stop_the_build_and_is_not_told(tmp_path):
    """The daily rebuild must never break because time passed: on 2027-04-01 the winter pause is
    simply over."""
    content = _content_with(tmp_path, "paused:\n  from: 2027-01-01\n  until: 2027-03-31\n")
    settings = load_settings({"areas": [{"id": "north", "label": "北部"}]})
    for today, told, paused in (("2026-12-20", True, False), ("2027-02-01", True, True), ("2027-04-01", False, False), ("2028-06-01", False, False)):
        directory = load_directory(content, settings, root=tmp_path, today=dt.date.fromisoformat(today))
        employer = directory.employers[0]
        assert (employer.pause_on(directory.today) is not None, employer.is_paused_on(directory.today)) == (told, paused), today
        assert directory.paused_among(directory.employers) == ([employer] if paused else [])


# --- the sample site, built on 2026-11-22: the pause is in effect -----------------------------


def test_the_employer_page_tells_of_the_pause_at_the_top_with_its_reason_and_whom_to_ask(built_site):
    html = read(built_site, f"employers/{PAUSED}/index.html")
    notice = re.search(r'<section class="dir-pause" aria-labelledby="pause" data-paused-until="2027-01-31">(.*?)</section>', html, re.S)
    assert notice, "no pause notice"
    text = squeeze(notice.group(1))
    assert text.startswith("受け入れ休止中 いま受け入れを休止しています（2027年1月31日(日)まで）。 理由: 店舗の改装工事のため")
    assert "まず しらかば市 生活・就労支援センター（架空）（電話 0268-00-0000 ）にご相談ください。" in text
    # near the top: before what the employer does and the ladder of offers
    assert html.index('class="dir-pause"') < html.index('class="dir-employer__business"') < html.index('id="ladder"')
    # other employers say nothing of a pause
    assert "dir-pause" not in read(built_site, "employers/shirakaba-farm/index.html")


@pytest.mark.parametrize("path", ["employers/index.html", "categories/food-manufacturing/index.html", "areas/central/index.html", "offers/experience/index.html"])
def test_lists_mark_the_paused_employer_and_count_it_apart(built_site, path):
    html = read(built_site, path)
    chips = re.findall(r'<span class="dir-chip dir-chip--paused" data-paused-until="2027-01-31">([^<]*)</span>', html)
    assert chips == ["受け入れ休止中（1月31日(日)まで）"]
    assert '<span class="dir-paused-count" data-paused-until="2027-01-31">（うち受け入れ休止中 1）</span>' in html
    # the chip is on the paused employer's card or line, not another's
    following = html[html.index(f"employers/{PAUSED}/\""):]
    assert following.index("dir-chip--paused") < following.index("</li>" if path == "employers/index.html" else "</article>")


def test_a_listing_without_a_paused_employer_counts_nothing_apart(built_site):
    html = read(built_site, "categories/agriculture/index.html")
    assert "dir-chip--paused" not in html and "dir-paused-count" not in html


def test_the_home_page_says_how_many_employers_are_paused(built_site):
    html = read(built_site, "index.html")
    assert "協力事業所 25 事業所" in html
    assert squeeze(re.search(r'<p class="dir-paused-note">(.*?)</p>', html, re.S).group(1)) == "そのうち 1 事業所は、いま受け入れを休止しています（事業所のページに再開の予定があります）。"


def test_the_search_page_carries_the_chip_for_the_paused_employers_result_card(built_site):
    html = read(built_site, "search/index.html")
    templates = re.findall(r'<template data-paused-card="([^"]+)">(.*?)</template>', html, re.S)
    assert [(key, squeeze(chip)) for key, chip in templates] == [(f"employers/{PAUSED}/", "受け入れ休止中（1月31日(日)まで）")]
    # directory-search.js puts it on the card as it builds it (test_pause_browser.py checks the
    # card); no script marks the cards afterwards.
    assert "search-pause" not in html


def test_each_sheet_of_the_paused_employer_says_so_at_the_top(built_site):
    html = read(built_site, f"employers/{PAUSED}/sheets.html")
    sheets = re.findall(r"<article id=\"(\w+)\" class=\"sheet.*?</article>", html, re.S)
    assert sheets == ["introduction", "seeker", "staff"]
    for kind in sheets:
        article = re.search(rf'<article id="{kind}".*?</article>', html, re.S).group(0)
        notice = re.search(r'<p class="print-paused sheet__pause" data-paused-until="2027-01-31">(.*?)</p>', article, re.S)
        assert notice, kind
        assert squeeze(notice.group(1)) == "【受け入れ休止中】 この事業所は、いま受け入れを休止しています（2027年1月31日(日)まで）。理由: 店舗の改装工事のため。申し込みの前に しらかば市 生活・就労支援センター（架空）（電話 0268-00-0000）にご相談ください。"
        # at the top: under the name, before the dates and the body
        assert article.index("sheet__pause") < article.index("sheet__dates") < article.index("sheet__section")
    assert "sheet__pause" not in read(built_site, "employers/shirakaba-farm/sheets.html")
    assert 'pamphlet-entry__paused" data-paused-until="2027-01-31"' in read(built_site, "pamphlet/index.html")


def test_open_data_carries_the_pause_and_hsds_says_temporarily_closed(built_site):
    employers = json.loads(read(built_site, "data/employers.json"))
    assert employers["schema_version"] == "2.7"  # 1.2 added paused; 2.0 (rule periods), 2.1 and 2.2 (places of periods and sessions), 2.3 (former_slugs), 2.4 (a place's access), 2.5 (employer_ids), 2.6 (occurrence ids without the time), 2.7 (a time in cancelled and full) keep it
    by_id = {e["id"]: e for e in employers["employers"]}
    assert by_id[PAUSED]["paused"] == {"from": "2026-11-01", "until": "2027-01-31", "reason": "店舗の改装工事のため"}
    assert by_id["shirakaba-farm"]["paused"] is None
    rows = {row["ID"]: row for row in csv.DictReader(io.StringIO(read(built_site, "data/employers.csv").lstrip("\ufeff")))}
    assert [rows[PAUSED][h] for h in ("受け入れ休止の始まり", "受け入れ休止の終わり", "受け入れ休止の理由")] == ["2026-11-01", "2027-01-31", "店舗の改装工事のため"]
    assert [rows["shirakaba-farm"][h] for h in ("受け入れ休止の始まり", "受け入れ休止の終わり", "受け入れ休止の理由")] == ["", "", ""]
    services = json.loads(read(built_site, "data/hsds/services.json"))
    closed = sorted(s["name"] for s in services if s["status"] == "temporarily closed")
    assert closed == sorted(["パン工房 こむぎの丘 見学", "パン工房 こむぎの丘 就労体験", "パン工房 こむぎの丘 プチバイト"])
    assert {s["status"] for s in services if not s["name"].startswith("パン工房 こむぎの丘")} == {"active"}


def test_the_published_employers_json_validates_against_its_schema_with_a_pause(built_site):
    import jsonschema

    document = json.loads(read(built_site, "data/employers.json"))
    schema = json.loads(read(built_site, "schema/employers.data.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(document)
    broken = json.loads(json.dumps(document))
    next(e for e in broken["employers"] if e["id"] == PAUSED)["paused"]["start"] = "2026-11-01"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


# --- other build dates and kinds of pause ----------------------------------------------------


def test_after_its_last_day_the_sample_pause_is_gone_from_pages_sheets_and_hsds_but_kept_in_the_data(tmp_path):
    """The sample built on 2027-02-01, the day after the pause: the build passes and nothing says
    paused any more; the data files still carry the pause as written (they do not depend on the
    day they are built)."""
    site = tmp_path / "site"
    result = run_build(ROOT, site, DIRECTORY_BUILD_DATE="2027-02-01")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (f"employers/{PAUSED}/index.html", f"employers/{PAUSED}/sheets.html", "employers/index.html", "categories/food-manufacturing/index.html", "index.html", "search/index.html", "pamphlet/index.html"):
        html = read(site, path)
        assert "受け入れ休止" not in html and "受け入れを休止" not in html, path
    services = json.loads(read(site, "data/hsds/services.json"))
    assert {s["status"] for s in services} == {"active"}
    by_id = {e["id"]: e for e in json.loads(read(site, "data/employers.json"))["employers"]}
    assert by_id[PAUSED]["paused"]["until"] == "2027-01-31"


def test_an_announced_pause_and_an_open_ended_one_are_worded_as_such(tmp_path):
    """Built on 2026-11-22: one farm pauses from 2026-12-20 (announced), another 当面 (no dates),
    a third paused until 2026-11-01 (over)."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    files = {
        "winter-farm": ("冬の農園", "paused:\n  from: 2026-12-20\n  until: 2027-03-31\n  reason: 冬のあいだは畑の作業がないため\n"),
        "closed-farm": ("改装中の農園", "paused:\n  reason: 作業小屋の建て替えのため\n"),
        "over-farm": ("再開した農園", "paused:\n  until: 2026-11-01\n"),
    }
    for slug, (name, block) in files.items():
        text = base.replace("name: テスト農園", f"name: {name}").replace("registered: 2020-04-01", block + "registered: 2020-04-01")
        (project / "content" / "employers" / f"{slug}.md").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    winter = squeeze(re.search(r'<section class="dir-pause".*?</section>', read(site, "employers/winter-farm/index.html"), re.S).group(0))
    assert winter.startswith("受け入れ休止のお知らせ 2026年12月20日(日)から受け入れを休止します（2027年3月31日(水)まで）。 理由: 冬のあいだは畑の作業がないため")
    assert "それまでは受け入れています。" in winter
    closed_html = read(site, "employers/closed-farm/index.html")
    closed = squeeze(re.search(r'<section class="dir-pause".*?</section>', closed_html, re.S).group(0))
    assert closed.startswith("受け入れ休止中 いま受け入れを休止しています（再開の時期は未定）。 理由: 作業小屋の建て替えのため")
    assert "data-paused-until" not in closed_html  # nothing for the browser to end
    assert "dir-pause" not in read(site, "employers/over-farm/index.html")

    listing = read(site, "employers/index.html")
    chips = [squeeze(chip) for chip in re.findall(r'<span class="dir-chip dir-chip--paused"[^>]*>(.*?)</span>', listing)]
    assert sorted(chips) == sorted(["12月20日(日)から受け入れ休止", "受け入れ休止中"])
    # only the one in effect is counted apart; one without an end leaves the count to the rebuild
    assert '<span class="dir-paused-count">（うち受け入れ休止中 1）</span>' in listing
    sheets = read(site, "employers/winter-farm/sheets.html")
    assert "【受け入れ休止のお知らせ】</strong>2026年12月20日(日)から受け入れを休止します（2027年3月31日(水)まで）。" in sheets
    statuses = {s["name"]: s["status"] for s in json.loads(read(site, "data/hsds/services.json")) if s["name"].endswith(" 見学")}
    assert statuses == {"冬の農園 見学": "active", "改装中の農園 見学": "temporarily closed", "再開した農園 見学": "active"}


def test_validate_tells_staff_of_a_pause_that_has_ended_without_stopping(tmp_path, capsys, monkeypatch):
    """``scripts/validate`` after the pause's last day: exit 0, and a notice at the line of
    until: that says to remove the block."""
    from employer_directory import cli

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    text = base.replace("registered: 2020-04-01", "paused:\n  until: 2026-11-15\n  reason: 改装工事のため\nregistered: 2020-04-01")
    (project / "content" / "employers" / "base-farm.md").write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), start=1) if row.startswith("  until:"))
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert f"content/employers/base-farm.md:{line}: 項目「paused.until（休止の終わり）」: 受け入れの休止は 2026-11-15 で終わっています（サイトにはもう出ません）。→ 再開したなら、paused: の行と" in out
    # while it lasts, nothing is said
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-15")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    assert "受け入れの休止" not in capsys.readouterr().out
    assert "年の書き間違い" not in out  # it ended after the file was checked (verified: 2026-04-08)


def test_a_pause_that_ended_before_its_file_was_checked_is_asked_about_its_year(tmp_path, capsys, monkeypatch):
    """Written in December with the old year (until: 2026-01-31 for 2027-01-31): the pause never
    shows and the employer reads as taking people. The notice asks about the year."""
    from employer_directory import cli

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    assert "verified: 2026-04-08" in base
    text = base.replace("registered: 2020-04-01", "paused:\n  until: 2026-01-31\nregistered: 2020-04-01").replace("verified: 2026-04-08", "verified: 2026-11-20")
    (project / "content" / "employers" / "base-farm.md").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "受け入れの休止は 2026-01-31 で終わっています（サイトにはもう出ません）。→ 年の書き間違いではありませんか（2026-01-31 なら 2027-01-31）。再開したなら" in out


def test_validate_tells_staff_of_a_programs_meeting_that_falls_in_its_employers_pause(tmp_path, capsys, monkeypatch):
    """A tour day at an employer that pauses: the program page and the calendar still invite
    people. ``scripts/validate`` says so at the meeting's date line (exit 0), and not of a meeting
    after the pause, a cancelled one, or one of a program held with no paused employer."""
    from employer_directory import cli

    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    paused = base.replace("registered: 2020-04-01", "paused:\n  until: 2027-01-31\nregistered: 2020-04-01")
    (project / "content" / "employers" / "base-farm.md").write_text(paused, encoding="utf-8")
    program = (ROOT / "content" / "programs" / "tour-shirakaba-farm.md").read_text(encoding="utf-8")
    assert "employers: [shirakaba-farm]" in program and "dates: [2026-12-16]" in program
    program = program.replace("employers: [shirakaba-farm]", "employers: [base-farm]").replace("dates: [2026-12-16]", "dates: [2026-12-16, 2027-02-17]")
    (project / "content" / "programs" / "tour.md").write_text(program, encoding="utf-8")
    line = next(number for number, row in enumerate(program.splitlines(), start=1) if row.startswith("dates:"))
    monkeypatch.setenv("DIRECTORY_BUILD_DATE", "2026-11-22")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    name = re.search(r"^name: (.+)$", base, re.M).group(1)
    assert f"content/programs/tour.md:{line}: 項目「dates[1番目]（開催日）」: 2026-12-16 は、関係する事業所「{name}」（content/employers/base-farm.md）の受け入れ休止の期間（2027-01-31 まで）です。→ 事業所と相談して" in out
    assert "2027-02-17 は" not in out
    # cancelled with its reason: nothing more to say
    cancelled = program.replace("dates: [2026-12-16, 2027-02-17]", "dates: [2026-12-16, 2027-02-17]\ncancelled:\n  - date: 2026-12-16\n    reason: 事業所の受け入れ休止のため")
    (project / "content" / "programs" / "tour.md").write_text(cancelled, encoding="utf-8")
    assert cli.main(["validate", "--config", str(project / "mkdocs.yml")]) == 0
    assert "受け入れ休止の期間" not in capsys.readouterr().out


def test_a_program_page_marks_a_related_employer_that_pauses(tmp_path):
    """A tour at an employer that pauses: the program page names the employer, and must not name
    it as if it took people as usual."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    (project / "content" / "employers" / "base-farm.md").write_text(base.replace("registered: 2020-04-01", "paused:\n  until: 2027-01-31\nregistered: 2020-04-01"), encoding="utf-8")
    (project / "content" / "employers" / "open-farm.md").write_text(base.replace("name: テスト農園", "name: 開いている農園"), encoding="utf-8")
    program = (ROOT / "content" / "programs" / "tour-shirakaba-farm.md").read_text(encoding="utf-8")
    assert "employers: [shirakaba-farm]" in program
    (project / "content" / "programs" / "tour.md").write_text(program.replace("employers: [shirakaba-farm]", "employers: [base-farm, open-farm]"), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = read(site, "programs/tour/index.html")
    section = page[page.index('id="employers"') : page.index("</section>", page.index('id="employers"'))]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert len(items) == 2
    assert 'data-paused-until="2027-01-31">受け入れ休止中（1月31日(日)まで）</span>' in items[0]
    assert "受け入れ休止" not in items[1]


def test_the_offered_steps_on_the_employer_page_say_they_are_paused_now(built_site):
    # "○ 受け入れあり" alone, a few lines under the notice, read as the opposite of it
    html = read(built_site, f"employers/{PAUSED}/index.html")
    ladder = html[html.index('class="dir-ladder"') : html.index("</ol>", html.index('class="dir-ladder"'))]
    steps = re.findall(r'<li class="dir-ladder__step (is-offered|is-not-offered)">(.*?)</li>', ladder, re.S)
    assert steps and all(("（いまは休止中）" in body) == (kind == "is-offered") for kind, body in steps)
    assert ladder.count('data-paused-until="2027-01-31">（いまは休止中）') == sum(kind == "is-offered" for kind, _ in steps)
    assert "いまは休止中" not in read(built_site, "employers/shirakaba-farm/index.html")


def build_tour_in_a_pause(tmp_path: Path) -> Path:
    """A site whose tour (programs/tour/) meets on 2026-12-16, in the pause of its farm テスト農園
    (until 2027-01-31), and on 2027-02-17, after it."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    (project / "content" / "employers" / "base-farm.md").write_text(base.replace("registered: 2020-04-01", "paused:\n  until: 2027-01-31\nregistered: 2020-04-01"), encoding="utf-8")
    program = (ROOT / "content" / "programs" / "tour-shirakaba-farm.md").read_text(encoding="utf-8")
    assert "employers: [shirakaba-farm]" in program and "dates: [2026-12-16]" in program
    tour = program.replace("employers: [shirakaba-farm]", "employers: [base-farm]").replace("dates: [2026-12-16]", "dates: [2026-12-16, 2027-02-17]")
    (project / "content" / "programs" / "tour.md").write_text(tour, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_meeting_in_its_employer_s_pause_shows_the_pause_beside_it_in_every_list(tmp_path):
    """A tour day at a farm that pauses still reads 募集中 (whether it goes ahead is for staff to
    settle; validate tells them): wherever the meeting is listed, the farm's pause is beside it,
    worded as its chip. A meeting after the pause, and the pause's own page lists, stay as they are."""
    site = build_tour_in_a_pause(tmp_path)
    chip = '<span class="cal-paused" data-paused-until="2027-01-31"><span class="cal-paused__who">テスト農園は<wbr></span>受け入れ休止中<span class="cal-paused__until">（1月31日(日)まで）</span></span>'
    during, after = "2026年12月16日(水)", "2027年2月17日(水)"
    page = read(site, "programs/tour/index.html")
    dates = page[page.index('id="dates"'):page.index('id="details"')]
    assert chip in dates[:dates.index('class="cal-sessions"')], "beside 次回"
    rows = re.findall(r"<li[^>]*>(.*?)</li>", dates[dates.index('class="cal-sessions"'):], re.S)
    [first] = [row for row in rows if during in row]
    [second] = [row for row in rows if after in row]
    assert "募集中" in first and chip in first
    assert "募集中" in second and "受け入れ休止" not in second
    december = read(site, "calendar/2026-12/index.html")
    assert december.count(chip) == 2  # the month table and the phones' list
    assert "受け入れ休止" not in read(site, "calendar/2027-02/index.html")
    index = read(site, "calendar/index.html")
    assert chip in index[index.index('id="programs"'):index.index('id="months"')]
    home = read(site, "index.html")
    assert chip in home[home.index('id="upcoming"'):]



def test_the_employer_s_own_page_lists_its_meetings_without_its_own_pause_but_with_another_s(tmp_path):
    """A joint tour of two farms that both pause: the page of each says its own pause at the top, so
    its list of meetings shows only the other's beside the tour; the program page, the month page and
    the calendar index show both."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project", with_content=False)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    assert base.count("registered: 2020-04-01") == 1 and base.count("name: テスト農園") == 1
    (project / "content" / "employers" / "base-farm.md").write_text(base.replace("registered: 2020-04-01", "paused:\n  until: 2027-01-31\nregistered: 2020-04-01"), encoding="utf-8")
    (project / "content" / "employers" / "next-farm.md").write_text(base.replace("name: テスト農園", "name: となりの農園").replace("registered: 2020-04-01", "paused:\n  until: 2027-01-15\nregistered: 2020-04-01"), encoding="utf-8")
    program = (ROOT / "content" / "programs" / "tour-shirakaba-farm.md").read_text(encoding="utf-8")
    assert "employers: [shirakaba-farm]" in program and "dates: [2026-12-16]" in program
    (project / "content" / "programs" / "tour.md").write_text(program.replace("employers: [shirakaba-farm]", "employers: [base-farm, next-farm]"), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = "テスト農園は<wbr></span>受け入れ休止中", "となりの農園は<wbr></span>受け入れ休止中"
    for slug, shown, left_out in (("base-farm", theirs, ours), ("next-farm", ours, theirs)):
        page = read(site, f"employers/{slug}/index.html")
        assert "いま受け入れを休止しています" in squeeze(page[page.index('class="dir-pause"'):]), slug  # the notice at the top
        listed = page[page.index('id="employer-upcoming"'):]
        listed = listed[:listed.index("</ul>")]
        assert "2026年12月16日(水)" in listed and listed.count('class="cal-paused"') == 1, slug
        assert shown in listed and left_out not in listed, slug
    for path in ("programs/tour/index.html", "calendar/2026-12/index.html", "calendar/index.html"):
        page = read(site, path)
        assert ours in page and theirs in page, path
