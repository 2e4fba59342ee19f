"""The prebuilt search index and document store (Python side), and what the build writes."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from lunr.index import Index
from lunr.query import QueryPresence

from conftest import ROOT, copy_project, run_build
from employer_directory.cli import read_settings
from employer_directory.loading import load_directory
from employer_directory.search.compact import FORMAT, expand_index
from employer_directory.search.index import DOCUMENTS_FILE, INDEX_FILE, PREFIX_FIELDS, SearchIndex, employer_fields
from employer_directory.search.normalize import normalize_text
from employer_directory.search.tokenize import query_terms

WORDS = read_settings(ROOT / "mkdocs.yml").search_word_table()
"""The sample site's search words: queries here are normalized as the search page does."""


@pytest.fixture(scope="module")
def directory():
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_directory(ROOT / "content", settings, root=ROOT)


def browser_query(serialized: dict, text: str) -> list[dict]:
    """The browser's query (every term required, one-character terms as prefixes of the
    PREFIX_FIELDS), in lunr.py: its hits."""
    index = Index.load(serialized)
    query = index.create_query()
    for term in query_terms(text, WORDS):
        query.term(term.term, presence=QueryPresence.REQUIRED, use_pipeline=False, wildcard=query.WILDCARD_TRAILING if term.prefix else query.WILDCARD_NONE, fields=list(PREFIX_FIELDS) if term.prefix else None)
    return index.query(query)


def search(serialized: dict, documents: dict, text: str) -> list[str]:
    return [documents["employers"][int(hit["ref"])]["url"].split("/")[1] for hit in browser_query(serialized, text)]


@pytest.fixture(scope="module")
def built(directory):
    search_index = SearchIndex(directory).add_all()
    return search_index.serialized_index(), search_index.documents()


def slugs_whose_file_contains(*needles: str) -> set[str]:
    return {
        path.stem
        for path in (ROOT / "content" / "employers").glob("*.md")
        if any(needle in path.read_text(encoding="utf-8") for needle in needles)
    }


def test_mixed_kanji_digit_query_finds_exactly_the_texts_that_contain_it(built):
    assert set(search(*built, "週3日")) == slugs_whose_file_contains("週3日", "週３日")
    assert set(search(*built, "週３日")) == set(search(*built, "週3日"))


@pytest.mark.parametrize("text", ["トマトの収穫", "ﾄﾏﾄ", "とまと", "トマト"])
def test_tomato_queries(built, text):
    assert set(search(*built, text)) == {"minamihara-tomato-farm", "shirakaba-farm"}


def test_light_work_finds_employers_with_a_light_task(built):
    light = {employer.slug for employer in load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT).employers if any(task.load == "軽い" for task in employer.tasks)}
    assert light and set(search(*built, "軽作業")) == light
    assert set(search(*built, "軽い")) >= light


def test_reading_is_indexed(built):
    assert search(*built, "ほけんしせつ") == ["yamabiko-care"]  # only its reading says it in kana


def employers_that_write(*words: str) -> set[str]:
    """Slugs of employers whose indexed text holds one of ``words``, both normalized (掃除 in a
    task is 清掃 to the search)."""
    directory = load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)
    wanted = [normalize_text(word, WORDS) for word in words]
    return {
        e.slug
        for e in directory.employers
        if any(w in normalize_text(text, WORDS) for w in wanted for text in employer_fields(e, directory).values())
    }


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("かいご", "介護"),  # a reading: before, only 介護老人保健施設 やまびこ (its name's reading)
        ("カイゴ", "介護"),
        ("のうぎょう", "農業"),
        ("せいそう", "清掃"),
        ("付添", "付き添い"),  # the accommodation 付き添い可
        ("面接不要", "面接なし"),
        ("駅近", "駅から近い"),
        ("障害", "障がい"),
        # typed on a phone without converting (found nothing before)
        ("たんじかん", "短時間"),
        ("えきちか", "駅から近い"),
        ("おくりむかえ", "送迎"),
    ],
)
def test_search_words_find_what_the_content_writes_another_way(built, typed, written):
    expected = employers_that_write(written)
    assert len(expected) >= 2
    assert set(search(*built, typed)) == set(search(*built, written)) == expected


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("こだまぶつ", "kodama-butsuryu"),  # on the way to こだまぶつりゅう (こだま物流 once ぶつりゅう is typed whole)
        ("ほしぞらけい", "hoshizora-keibi"),  # ほしぞらけいび: けいび is a search word
        ("わかばほい", "wakaba-hoikuen"),  # わかばほいくえん: ほいく
        ("あさひやさ", "asahi-yasai-farm"),  # あさひやさいのうじょう: やさい
        ("さくらこうつうけ", "sakura-kotsu-keibi"),  # さくらこうつうけいび: こうつう typed whole (交通), けいび not yet
        ("つうけいび", "sakura-kotsu-keibi"),  # from the middle: こうつう not whole, けいび whole (警備)
    ],
)
def test_a_reading_typed_part_way_finds_its_employer(built, typed, slug):
    # The search runs as people type: a search word typed half-way is not replaced yet, and
    # must still meet the reading, whose whole word the index replaced.
    assert slug in search(*built, typed)


def test_a_reading_followed_by_the_rest_of_an_everyday_word_finds_what_the_word_means(built):
    # 履歴書なし is a search word (→ 履歴書不要) and りれきしょ one (→ 履歴書): typed without
    # conversion, りれきしょなし must find what 履歴書なし finds, not 履歴書 followed by なし.
    assert set(search(*built, "りれきしょなし")) == set(search(*built, "履歴書なし")) == employers_that_write("履歴書不要")
    assert set(search(*built, "めんせつ無し")) == set(search(*built, "面接なし"))


def test_weekend_days_are_found_by_typing_them():
    # Days are a filter (土, 日), not text: 土日 and 週末 (a search word) find an offer on either.
    directory = load_directory(ROOT / "content", read_settings(ROOT / "mkdocs.yml"), root=ROOT)
    index = SearchIndex(directory).add_all()
    built = index.serialized_index(), index.documents()
    weekend = {e.slug for e in directory.employers if any({"土", "日"} & set(offer.days) for offer in e.offers)}
    sunday = {e.slug for e in directory.employers if any("日" in offer.days for offer in e.offers)}
    assert weekend > sunday > set()
    assert set(search(*built, "土日")) == set(search(*built, "週末")) == weekend
    assert set(search(*built, "日曜")) == set(search(*built, "日曜日")) == sunday


@pytest.mark.parametrize("day", "月火水木金土日")
def test_a_weekday_kanji_alone_finds_the_word_and_typed_as_a_day_finds_the_days(built, directory, day):
    """A lone 水 or 木 is water or wood (水やり, 植木): it finds the employers that write it, not
    every employer open on 水曜 or 木曜 (23 and 24 of 25 when the days were indexed with the
    body). 水曜, 水曜日 and, for the weekend, 土日 still find the days."""
    day_line = re.compile(r"^(?:[月火水木金土日]曜日|土日)$", re.M)  # what is indexed for a day
    writes_it = {
        e.slug
        for e in directory.employers
        if any(day in day_line.sub("", normalize_text(text, WORDS)) for text in employer_fields(e, directory).values())
    }
    open_that_day = {e.slug for e in directory.employers if any(day in offer.days for offer in e.offers)}
    assert set(search(*built, day)) == writes_it
    assert set(search(*built, f"{day}曜")) == set(search(*built, f"{day}曜日")) == open_that_day != writes_it
    weekend = {e.slug for e in directory.employers if any({"土", "日"} & set(offer.days) for offer in e.offers)}
    assert set(search(*built, "土日")) == weekend


def test_a_tasks_cautions_are_searched_as_body_text(built, directory):
    """Cautions are shown on the employer's page (注意: …): 水 found ひまわり厨房 nowhere, its
    water only in 水を使うので長靴をはきます. They count as body text, not as the task."""
    assert "himawari-chubo" in search(*built, "水")
    assert search(*built, "脚立") == ["higashidai-ringo-en"]  # 脚立に乗る作業は慣れてからです
    assert "kokoro-no-ie" in search(*built, "免許")  # 普通自動車免許が必要です
    for employer in directory.employers:
        fields = employer_fields(employer, directory)
        for task in employer.tasks:
            if task.cautions:
                assert task.cautions in fields["body"] and task.cautions not in fields["tasks"]


def test_what_to_bring_is_searched_as_body_text(built, directory):
    """持ち物・服装 (bring) is on the employer's page and sheets ② and ③: 三角巾 found nothing,
    長靴 only ひまわり厨房 (its caution), not あさひ野菜農場, which lists it to bring."""
    assert set(search(*built, "三角巾")) == slugs_whose_file_contains("三角巾") != set()
    assert {"asahi-yasai-farm", "himawari-chubo"} <= set(search(*built, "長靴"))
    assert set(search(*built, "筆記用具")) == slugs_whose_file_contains("筆記用具") != set()
    for employer in directory.employers:
        fields = employer_fields(employer, directory)
        assert all(item in fields["body"].split("\n") for item in employer.bring)


def test_heijitsu_is_indexed_as_a_range_of_days(directory):
    """平日 (a search word for 月〜金) written in a text is indexed as 月〜金 is: found by 平日
    and 月〜金 alike, and not by 水 or 木 alone (water, wood), as 月火水木金 would be."""
    original = directory.employers[0]
    weekdays = original.model_copy(update={"slug": "weekdays", "body": original.body + "\n見学は平日の午前中です。"})
    search_index = SearchIndex(dataclasses.replace(directory, employers=[original, weekdays])).add_all()
    built = search_index.serialized_index(), search_index.documents()
    assert "weekdays" in search(*built, "平日") and "weekdays" in search(*built, "月〜金")
    for alone in ("水", "木"):
        assert "weekdays" not in search(*built, alone), alone


def test_words_separated_by_a_space_are_all_required(built):
    assert set(search(*built, "トマト")) > set(search(*built, "トマト 選果")) == {"minamihara-tomato-farm"}


def test_name_ranks_above_body(directory):
    # Two copies of one employer: the word is in the first one's name, in the second one's body.
    original = directory.employers[0]
    body = original.body + "\nふくろうの森の近くです。ふくろうの置物、ふくろうの絵、ふくろうの看板があります。"
    in_body = original.model_copy(update={"name": "ひだまり事業所", "slug": "in-body", "body": body})
    in_name = original.model_copy(update={"name": "ふくろう事業所", "slug": "in-name"})
    search_index = SearchIndex(dataclasses.replace(directory, employers=[in_body, in_name])).add_all()
    assert search(search_index.serialized_index(), search_index.documents(), "ふくろう") == ["in-name", "in-body"]


def test_english_pipeline_is_off(built):
    serialized, _ = built
    assert serialized["pipeline"] == []
    assert serialized["version"] == "2.3.9"  # what the vendored lunr.js expects


def test_document_store_has_what_a_result_shows(built):
    _, documents = built
    tomato = next(e for e in documents["employers"] if e["url"] == "employers/minamihara-tomato-farm/")
    assert tomato == {
        "name": "南原トマトファーム",
        "url": "employers/minamihara-tomato-farm/",
        "category": "agriculture",
        "area": "south",
        "offers": ["tour", "experience", "petit-job"],
        "tasks": ["トマトの収穫", "わき芽かき", "選果・箱詰め"],
        "accommodations": ["short-hours", "casual-dress", "no-experience", "flexible-schedule"],
        "days": ["月", "火", "水", "木", "金"],
        # each offer's own days, times, hours and note: the day and time filters with an offer
        # type chosen, and the card's line for that offer (its general line is made from them)
        "slots": {
            "tour": {"days": ["月", "水", "金"], "times": ["morning"], "hours": "10:00〜11:00"},
            "experience": {"days": ["月", "水", "金"], "times": ["morning"], "hours": "9:00〜12:00", "note": "6月〜10月"},
            "petit-job": {"days": ["月", "火", "水", "木", "金"], "times": ["morning"], "hours": "8:00〜12:00", "note": "週3日から。7月〜9月の収穫期のみ"},
        },
        # searched, and shown on the card when only they hold a query's word
        "bring": ["汚れてもよい服", "帽子", "飲み物", "タオル"],
        "cautions": ["夏のハウスの中は暑くなります。水分をこまめにとります"],
        # the address, the nearest station or stop and the access note: searched, and shown on
        # the card when only they hold a query's word (北町, バス)
        "place": ["しらかば市南原町418-2", "南しらかば駅から車で15分", "バス「南原公民館前」から歩いて5分です"],
    }
    # a caution written twice (two tasks) is one entry; none is no key
    assert all(len(e.get("cautions", [])) == len(set(e.get("cautions", []))) for e in documents["employers"])
    assert sum("cautions" not in e for e in documents["employers"]) == 25 - len(slugs_whose_file_contains("cautions:"))
    assert all("times" not in e for e in documents["employers"])  # one offer's times only (slots)
    afternoon = {e["url"].split("/")[1] for e in documents["employers"] if any("afternoon" in slot.get("times", []) for slot in e.get("slots", {}).values())}
    assert afternoon == slugs_whose_file_contains('hours: "13:', 'hours: "14:', 'hours: "12:', 'hours: "15:', 'hours: "16:')
    assert documents["vocabulary"]["area"]["south"] == "南部"


def test_each_offers_days_hours_and_note_are_in_the_documents_as_the_content_files_write_them(built):
    """The search card shows a chosen offer type's own hours (就労体験: 火・木曜 13:00〜16:00), not
    the employer's: each offer's hours and schedule note are in the documents under its type, and
    an offer with no days, hours or note has no slot (the card says 日にちは相談して決めます)."""
    import yaml

    from employer_directory.vocabulary import offer_by_label

    _, documents = built
    by_slug = {e["url"].split("/")[1]: e for e in documents["employers"]}
    offers_seen = 0
    for path in (ROOT / "content" / "employers").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        slots = by_slug[path.stem].get("slots", {})
        for offer in front["offers"]:
            slot = slots.get(offer_by_label(offer["type"]).id)
            if not (offer.get("days") or offer.get("hours") or offer.get("schedule_note")):
                assert slot is None, (path.stem, offer["type"])
                continue
            offers_seen += 1
            assert slot["days"] == [day for day in "月火水木金土日" if day in offer.get("days", [])], (path.stem, offer["type"])
            assert slot.get("hours") == (offer["hours"].replace("~", "〜") if offer.get("hours") else None), (path.stem, offer["type"])
            assert slot.get("note") == offer.get("schedule_note"), (path.stem, offer["type"])
    assert offers_seen > 25
    # The employer-wide hours and notes are not stored twice: the page makes them from the slots.
    assert not any("hours" in e or "notes" in e for e in documents["employers"])


def test_build_writes_the_index_and_the_page_and_drops_materials_search(built_site):
    compact = json.loads((built_site / INDEX_FILE).read_text(encoding="utf-8"))
    assert compact["format"] == FORMAT
    index = expand_index(compact)
    documents = json.loads((built_site / DOCUMENTS_FILE).read_text(encoding="utf-8"))
    assert len(documents["employers"]) == 25
    assert set(search(index, documents, "かいご")) == {"yamabiko-care", "kokoro-no-ie"}
    assert set(search(index, documents, "付添")) == slugs_whose_file_contains("付き添い可") != set()
    assert not (built_site / "search" / "search_index.json").exists()
    page = (built_site / "search" / "index.html").read_text(encoding="utf-8")
    # The browser replaces the words the index was built with: mkdocs.yml's list, as the build folded it.
    embedded = re.search(r'<script type="application/json" id="dir-search-words">(.*?)</script>', page, re.S)
    assert embedded and [tuple(pair) for pair in json.loads(embedded.group(1))] == list(WORDS.pairs)
    assert ["のうぎよう", "農業"] in json.loads(embedded.group(1))
    assert "lunr-2.3.9.min.js" in page and "directory-search.js" in page
    # The search code loads only on the search page.
    for other in ("index.html", "employers/index.html", "employers/shirakaba-farm/index.html"):
        text = (built_site / other).read_text(encoding="utf-8")
        assert "lunr" not in text and "directory-search.js" not in text, other
        assert 'action="../search/"' in text or 'action="./search/"' in text or 'action="../../search/"' in text, other


def hits(serialized: dict, text: str) -> list[tuple[str, float]]:
    return [(hit["ref"], round(hit["score"], 9)) for hit in browser_query(serialized, text)]


def test_compact_form_expands_to_the_same_index(directory):
    from lunr.builder import Builder

    # The reference is lunr.py's plain builder; the download comes from the fast one.
    original = SearchIndex(directory, builder_class=Builder).add_all().serialized_index()
    compact = SearchIndex(directory).add_all().compact_index()
    expanded = expand_index(compact)
    assert [term for term, _ in expanded["invertedIndex"]] == [term for term, _ in original["invertedIndex"]]
    # Same documents under every term and field; same scores once term numbers are mapped.
    number = {entry["_index"]: position for position, (_, entry) in enumerate(original["invertedIndex"])}
    for (_, before), (_, after) in zip(original["invertedIndex"], expanded["invertedIndex"]):
        assert {k: v for k, v in before.items() if k != "_index"} == {k: v for k, v in after.items() if k != "_index"}
    after_vectors = dict(expanded["fieldVectors"])
    for ref, vector in original["fieldVectors"]:
        pairs = sorted((number[vector[i]], vector[i + 1]) for i in range(0, len(vector), 2))
        assert [x for pair in pairs for x in pair] == after_vectors[ref], ref
    for text in ("週3日", "トマト", "かいご", "畑", "清掃 駅"):
        assert hits(expanded, text) == hits(original, text), text
    raw = len(json.dumps(original, ensure_ascii=False, separators=(",", ":")))
    assert len(json.dumps(compact, ensure_ascii=False, separators=(",", ":"))) < raw / 2


def test_pretokenized_builder_gives_lunrs_own_index(directory):
    from lunr.builder import Builder

    fast = SearchIndex(directory).add_all().serialized_index()
    plain = SearchIndex(directory, builder_class=Builder).add_all().serialized_index()
    assert fast == plain


def test_vendored_lunr_matches_the_pin():
    from employer_directory.search.page import VENDORED_LUNR

    pinned = json.loads((ROOT / "scripts" / "vendor-js" / "package-lock.json").read_text(encoding="utf-8"))
    version = pinned["packages"]["node_modules/lunr"]["version"]
    vendored = ROOT / "content" / VENDORED_LUNR
    assert vendored.name == f"lunr-{version}.min.js"
    assert f"- {version}\n" in vendored.read_text(encoding="utf-8")[:200]
    assert (vendored.parent / f"lunr-{version}.LICENSE.txt").read_text(encoding="utf-8").startswith("Copyright (C) 2013 by Oliver Nightingale")
    installed = ROOT / "scripts" / "vendor-js" / "node_modules" / "lunr" / "lunr.min.js"
    if installed.exists():  # after scripts/update-vendor: the committed copy is the package's file
        assert installed.read_bytes() == vendored.read_bytes()


def test_a_directory_with_no_employers_still_builds_an_empty_search(tmp_path):
    project = copy_project(tmp_path, with_content=False)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    compact = json.loads((tmp_path / "site" / INDEX_FILE).read_text(encoding="utf-8"))
    assert compact["documents"] == 0 and compact["terms"] == []
    assert json.loads((tmp_path / "site" / DOCUMENTS_FILE).read_text(encoding="utf-8"))["employers"] == []


def test_large_directories_build_the_search_files_in_a_worker_with_the_same_result(directory, monkeypatch):
    from functools import partial

    from employer_directory.background import WorkerJob, workers_allowed
    from employer_directory.loading import PARALLEL_FROM
    from employer_directory.search.index import render_search_files

    monkeypatch.delenv("DIRECTORY_BACKGROUND", raising=False)
    samples = directory.employers
    many = [samples[i % len(samples)].model_copy(update={"name": f"{samples[i % len(samples)].name} 第{i}", "slug": f"copy-{i}"}) for i in range(PARALLEL_FROM)]
    large = dataclasses.replace(directory, employers=many)
    assert workers_allowed(len(large.employers))  # 2+ cores and fork, as on CI
    assert WorkerJob(partial(render_search_files, large), in_worker=True).result() == render_search_files(large)
    assert not workers_allowed(len(directory.employers))  # the 25 samples build in-process


def test_fast_compact_form_equals_the_compacted_lunr_serialization(directory):
    from lunr.builder import Builder

    assert SearchIndex(directory).add_all().compact_index() == SearchIndex(directory, builder_class=Builder).add_all().compact_index()


def test_the_accommodations_for_getting_there_are_one_either_or_group_on_the_search_page(directory):
    """駅から近い or 送迎あり took two searches: a client without a car needs either. They are
    their own fieldset, any one of which will do; the other accommodations must still all hold."""
    from employer_directory.search.page import search_page_view

    groups = {legend: (name, [term.id for term in terms], either) for name, legend, terms, either in search_page_view(directory).context["search_filters"]}
    assert groups["通い方の配慮（どれか1つでよい）"] == ("accommodation", ["pickup", "near-station"], True)
    name, others, either = groups["働きやすさの配慮（すべて満たす）"]
    assert name == "accommodation" and not either
    assert sorted(others + ["pickup", "near-station"]) == sorted(t.id for t in directory.settings.accommodation_terms())
    assert [legend for legend, (_, _, either) in groups.items() if either] == ["通い方の配慮（どれか1つでよい）"]


def test_a_site_marks_its_own_accommodations_for_getting_there_and_a_wrong_mark_is_located():
    from employer_directory.problems import ContentInvalid
    from employer_directory.settings import load_settings

    own = load_settings({"accommodations": [{"id": "bus-stop", "label": "バス停が近い", "commute": True}, {"id": "short-hours", "label": "短時間"}]})
    assert [term.label for term in own.commute_accommodation_terms()] == ["バス停が近い"]
    assert [term.label for term in load_settings({}).commute_accommodation_terms()] == ["送迎あり", "駅から近い"]
    with pytest.raises(ContentInvalid) as raised:
        load_settings({"accommodations": [{"id": "bus-stop", "label": "バス停が近い", "commute": "はい"}]})
    (problem,) = raised.value.problems
    assert problem.field.startswith("extra.directory.accommodations[1番目].commute") and "true（はい）か false（いいえ）" in problem.format()
