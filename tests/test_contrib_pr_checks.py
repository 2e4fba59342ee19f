"""Pull-request checks that speak to staff: annotations on the right line, and the job summary."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import cmarkgfm
import pytest
import yaml

from conftest import ROOT, build_env
from employer_directory.contrib.pr_summary import BODY, compare, render_summary

WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "employer_directory", *args], cwd=project, capture_output=True, text=True, env=build_env(), timeout=120)


def _git(project: Path, *args: str) -> str:
    env = {**build_env(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, env=env, check=True).stdout


def _pr_summary(project: Path) -> subprocess.CompletedProcess[str]:
    """The job summary of the project's work tree against its ``main`` commit; it must succeed."""
    result = _cli(project, "pr-summary", "--base", "main")
    assert result.returncode == 0, result.stderr
    return result


def _on_github(markdown: str) -> str:
    """The HTML GitHub makes of the job summary: its own Markdown (cmark-gfm with its
    extensions, autolinks among them)."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown)


def _changed_lines(summary: str, count: int) -> list[str]:
    """The lines of the summary's 変更 section, which lists ``count`` records."""
    return summary.split(f"### 変更（{count}件）", 1)[1].split("\n### ", 1)[0].strip().splitlines()


def _commit_base(project: Path) -> None:
    """The copied content as the ``main`` commit a pull request is compared with."""
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _break(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``path``; return the 1-based line of the change."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines) if line == old)
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def test_annotations_name_the_file_and_line_of_each_problem(project):
    farm = project / "content/employers/shirakaba-farm.md"
    date_line = _break(farm, "verified: 2026-04-08", "verified: ２０２６－０４－０８")
    hours_line = _break(farm, '    hours: "9:00〜12:00"', '    hours: "12:00〜9:00"')
    care = project / "content/employers/yamabiko-care.md"
    typo_line = next(n for n, line in enumerate(care.read_text(encoding="utf-8").split("\n"), 1) if line.startswith("business:"))
    _break(care, care.read_text(encoding="utf-8").split("\n")[typo_line - 1], "busines: 介護")
    result = _cli(project, "validate", "--github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    located = {line.split("::")[1] for line in annotations}
    assert f"error file=content/employers/shirakaba-farm.md,line={date_line}" in located
    assert f"error file=content/employers/shirakaba-farm.md,line={hours_line}" in located
    assert f"error file=content/employers/yamabiko-care.md,line={typo_line}" in located
    date_annotation = next(line for line in annotations if f"line={date_line}::" in line)
    assert "verified（情報確認日）" in date_annotation and "半角で 2026-04-08 と書いてください" in date_annotation
    # One annotation per problem, and the plain report for people reading the log.
    assert len(annotations) == result.stderr.count("\ncontent/")


def test_pull_request_summary_lists_added_changed_removed_and_stale(project):
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "headcount: 10", "headcount: 12")
    _break(farm, "verified: 2026-04-08", "verified: 2026-11-20")
    (project / "content/employers/kodama-butsuryu.md").unlink()
    (project / "content/programs/new-seminar.md").write_text(
        "---\ntitle: 新しいセミナー\nkind: セミナー\nsummary: 学びます\nplace:\n  name: 会館\nsessions:\n  - date: 2027-01-20\nverified: 2026-11-20\n---\n",
        encoding="utf-8",
    )
    result = _pr_summary(project)
    summary = result.stdout
    section = {title: body for title, body in (part.split("\n", 1) for part in summary.split("\n### ")[1:])}
    assert "プログラム「新しいセミナー」 `content/programs/new-seminar.md`" in section["追加（1件）"]
    assert "事業所「しらかば農園」 `content/employers/shirakaba-farm.md`: 従業員数（headcount）、情報確認日（verified）" in section["変更（1件）"]
    assert "`content/employers/kodama-butsuryu.md`" in section["削除（1件）"]
    assert "プログラムのファイルを消すと" not in summary  # only an employer was removed
    stale = section["情報確認日から12か月以上たっているもの（5件）"]
    assert len([line for line in stale.splitlines() if line.startswith("- ")]) == 5
    assert "hikari-jimu-service.md" in stale and "shirakaba-farm.md" not in stale


def test_a_change_of_the_text_below_the_front_matter_alone_is_a_change(project):
    _commit_base(project)
    farm = project / "content/employers/komugi-no-oka-bakery.md"
    farm.write_text(farm.read_text(encoding="utf-8").replace("パンを焼く作業は早朝ですが", "パンを焼く作業はとても早朝ですが", 1), encoding="utf-8")
    result = _pr_summary(project)
    assert "ファイルに変更はありません" not in result.stdout
    changed = result.stdout.split("### 変更（1件）", 1)[1].split("\n### ", 1)[0]
    assert "事業所「パン工房 こむぎの丘」 `content/employers/komugi-no-oka-bakery.md`: 本文" in changed


def test_general_pages_are_listed_with_the_records(project):
    """A pull request that edits only join.md was told as 「事業所・プログラムのファイルに変更は
    ありません」: the general pages are listed in the same sections, by their title."""
    _commit_base(project)
    (project / "content/data.md").unlink()
    join = project / "content/join.md"
    join.write_text(join.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    (project / "content/guide.md").write_text("# 窓口のご案内\n\n受付は9時からです。\n", encoding="utf-8")
    result = _pr_summary(project)
    sections = {title: body.strip() for title, body in (part.split("\n", 1) for part in result.stdout.split("\n### ")[1:])}
    assert sections["追加（1件）"] == "- ページ「窓口のご案内」 `content/guide.md`"
    assert sections["変更（1件）"] == "- ページ「事業所のみなさまへ」 `content/join.md`"
    assert sections["削除（1件）"] == "- ページ「オープンデータ」 `content/data.md`"  # named as the base had it
    assert "ファイルに変更はありません" not in result.stdout
    # with records too: one section, one count
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "headcount: 10", "headcount: 12")
    changed = _changed_lines(_pr_summary(project).stdout, 2)
    assert changed[0].startswith("- 事業所「しらかば農園」") and changed[-1] == "- ページ「事業所のみなさまへ」 `content/join.md`"


def test_a_page_whose_address_goes_is_told_with_how_to_forward_it(project):
    """Renaming a file moves its page: the sheets' QR codes printed before lead nowhere. The
    summary lists the addresses no record forwards (former_slugs), and says how."""
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    (project / "content/employers/shirakaba-nouen.md").write_text(farm.read_text(encoding="utf-8"), encoding="utf-8")
    farm.unlink()
    tour = project / "content/programs/tour-shirakaba-farm.md"
    tour.write_text(tour.read_text(encoding="utf-8").replace("title: ", "slug: farm-tour\ntitle: ", 1), encoding="utf-8")
    summary = _pr_summary(project).stdout
    lost = summary.split("### アドレスがなくなるページ（2件）\n\n", 1)[1].split("\n### ", 1)[0]
    assert lost.splitlines()[:2] == ["- `employers/shirakaba-farm/`: 事業所「しらかば農園」", "- `programs/tour-shirakaba-farm/`: プログラム 職場見学会「しらかば農園」"]
    assert "新しいファイルに `former_slugs: [shirakaba-farm]` のように前の URL名を書くと" in lost
    # forwarded: nothing to tell
    nouen = project / "content/employers/shirakaba-nouen.md"
    nouen.write_text(nouen.read_text(encoding="utf-8").replace("\nname: ", "\nformer_slugs: [shirakaba-farm]\nname: ", 1), encoding="utf-8")
    tour.write_text(tour.read_text(encoding="utf-8").replace("slug: farm-tour\n", "slug: farm-tour\nformer_slugs: [tour-shirakaba-farm]\n", 1), encoding="utf-8")
    assert "アドレスがなくなる" not in _pr_summary(project).stdout


def test_a_second_rename_that_forgets_the_first_former_address_is_told(project):
    """a → b → c: the base's b already forwards a; a head that names b only loses a."""
    farm = project / "content/employers/shirakaba-farm.md"
    nouen = project / "content/employers/shirakaba-nouen.md"
    nouen.write_text(farm.read_text(encoding="utf-8").replace("\nname: ", "\nformer_slugs: [shirakaba-farm]\nname: ", 1), encoding="utf-8")
    farm.unlink()
    _commit_base(project)
    hatake = project / "content/employers/shirakaba-hatake.md"
    hatake.write_text(nouen.read_text(encoding="utf-8").replace("former_slugs: [shirakaba-farm]", "former_slugs: [shirakaba-nouen]"), encoding="utf-8")
    nouen.unlink()
    summary = _pr_summary(project).stdout
    lost = summary.split("### アドレスがなくなるページ（1件）\n\n", 1)[1].split("\n### ", 1)[0]
    assert lost.splitlines()[0] == "- `employers/shirakaba-farm/`: 事業所「しらかば農園」"
    hatake.write_text(hatake.read_text(encoding="utf-8").replace("former_slugs: [shirakaba-nouen]", "former_slugs: [shirakaba-nouen, shirakaba-farm]"), encoding="utf-8")
    assert "アドレスがなくなる" not in _pr_summary(project).stdout


def test_a_forwarded_rename_is_told_as_a_rename_not_as_the_end_of_the_record(project):
    """git mv with former_slugs shows as a removed and an added file: the removed one says where it
    went, and a renamed program is not warned about as a removed one (its past meetings stay)."""
    _commit_base(project)
    tour = project / "content/programs/tour-shirakaba-farm.md"
    (project / "content/programs/farm-tour.md").write_text(
        tour.read_text(encoding="utf-8").replace("\ntitle: ", "\nformer_slugs: [tour-shirakaba-farm]\ntitle: ", 1), encoding="utf-8"
    )
    tour.unlink()
    summary = _pr_summary(project).stdout
    removed = summary.split("### 削除（1件）\n\n", 1)[1].split("\n### ", 1)[0]
    assert removed.splitlines()[0] == "- プログラム 職場見学会「しらかば農園」 `content/programs/tour-shirakaba-farm.md`（URL名を変えて `content/programs/farm-tour.md` へ）"
    assert "プログラムのファイルを消すと" not in summary and "アドレスがなくなる" not in summary
    (project / "content/programs/chiiki-zukuri-seminar.md").unlink()
    summary = _pr_summary(project).stdout
    assert "プログラムのファイルを消すと" in summary
    assert "- プログラム「地域づくり担当者セミナー（全8回・オンライン）」 `content/programs/chiiki-zukuri-seminar.md`\n" in summary


def test_nothing_changed_and_an_unknown_base_are_said(project):
    _commit_base(project)
    result = _pr_summary(project)
    assert result.returncode == 0 and "事業所・プログラム・ページのファイルに変更はありません。" in result.stdout
    result = _cli(project, "pr-summary", "--base", "no-such-branch")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "比べる元のコミット「no-such-branch」が見つかりません。--base に origin/main のようなブランチ名かコミットを書いてください。"


def test_removing_a_program_warns_that_its_past_months_go_with_it(project):
    _commit_base(project)
    (project / "content/programs/tour-shirakaba-farm.md").unlink()
    result = _pr_summary(project)
    removed = result.stdout.split("### 削除（1件）", 1)[1].split("\n### ", 1)[0]
    assert "`content/programs/tour-shirakaba-farm.md`" in removed
    assert "終わったプログラムは、消さずにそのまま残してください" in removed


def test_summary_escapes_markup_from_content(project):
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "name: しらかば農園", "name: しらかば<img src=x>農園 [link](https://evil.example)")
    result = _pr_summary(project)
    assert "しらかば\\<img src=x\\>農園" in result.stdout
    html = _on_github(result.stdout)
    assert "<img" not in html and "<a " not in html
    # the name as written, in the record's line and (a code span) in its value line
    assert "しらかば&lt;img src=x&gt;農園 [link](https://evil.example)」" in html
    written = "しらかば<img src=x>農園 [link](https://evil.example)"
    assert "<code>" + written[:39].replace("<", "&lt;").replace(">", "&gt;") + "…</code>" in html  # cut, not linked


def test_addresses_in_names_and_values_are_shown_as_written_and_never_linked(project):
    """GitHub links https://…, www.… and e-mail addresses in plain text: a value cut with … linked
    to a wrong address, and a name's URL took the escapes in (a%5C_b) and showed them."""
    _commit_base(project)
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "name: しらかば農園", "name: しらかば農園 https://farm.example/a_b www.farm.example")
    url, email = "https://example.jp/contact/shirakaba-farm/form_page?from=directory", "shirakaba-farm-office-window@shirakaba-farm.example.jp"
    _break(farm, "  phone: 0268-00-1001", f"  phone: 0268-00-1001\n  email: {email}\n  url: {url}")
    result = _pr_summary(project)
    html = _on_github(result.stdout)
    assert "<a " not in html
    assert "しらかば農園 https://farm.example/a_b www.farm.example」" in html  # no backslash shown
    assert f"連絡先（contact）のメール（email）: （なし） → <code>{email[:39]}…</code>" in html
    assert f"連絡先（contact）のホームページ（url）: （なし） → <code>{url[:39]}…</code>" in html


def test_pr_workflow_writes_the_summary_to_the_job_summary():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    summary = next(step for step in steps if "pr-summary" in step.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert summary["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    # Before validation, so it is written even when validation fails.
    runs = [step.get("run", "") for step in steps]
    assert runs.index(summary["run"]) < next(i for i, run in enumerate(runs) if "validate --github" in run)


def test_summary_says_when_a_program_moves_to_another_venue(project):
    """A new period's ``place:`` shows among the fields only as 繰り返し（recurrence）: the summary
    says where the meetings go, from which day, as it does for the program's own place."""
    _commit_base(project)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    _break(group, "      name: しらかば市駅前交流プラザ 3階 会議室", "      name: しらかば市民会館 1階 和室")
    tour = project / "content/programs/tour-shirakaba-farm.md"
    _break(tour, "  name: しらかば農園", "  name: しらかば農園 第2農場")
    result = _pr_summary(project)
    changed = _changed_lines(result.stdout, 2)
    assert changed == [
        "- プログラム「はたらく準備のひろば」 `content/programs/hataraku-junbi-no-hiroba.md`: 期間ごとの会場（recurrence の place）",
        "  - 2027-02-15 からの回の会場が変わります: しらかば市駅前交流プラザ 3階 会議室 → しらかば市民会館 1階 和室",
        "- プログラム 職場見学会「しらかば農園」 `content/programs/tour-shirakaba-farm.md`: 会場（place）",
        "  - 会場が変わります: しらかば農園 → しらかば農園 第2農場",
    ]


HALL = {"name": "総合福祉センター", "address": "中央町3-1-1"}
PLAZA = {"name": "駅前交流プラザ", "address": "本町2-5-8"}
WEDNESDAYS = {"rule": "毎月第2・第4水曜", "start": dt.date(2026, 4, 15), "until": dt.date(2027, 3, 31), "time": "13:30〜15:00"}


def _moves(old: dict, new: dict, old_extra: dict | None = None) -> list[str]:
    path = "content/programs/group.md"
    base = {path: {"title": "ひろば", "place": HALL, "recurrence": old}}
    base[path].update(old_extra or {})
    head = {path: {"title": "ひろば", "place": new.pop("place", HALL), "recurrence": new.pop("recurrence"), **new}}
    changed = compare(base, head, [], 12).changed
    return changed[0].moves if changed else []


def test_a_change_of_venue_is_told_from_the_day_the_meetings_move():
    first, second = {**WEDNESDAYS, "until": dt.date(2027, 2, 14)}, {**WEDNESDAYS, "start": dt.date(2027, 2, 15)}
    # CONTRIBUTING's way: the rule split in two, the second period at the new place
    assert _moves(WEDNESDAYS, {"recurrence": [first, {**second, "place": PLAZA}]}) == ["2027-02-15 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"]
    # the move taken back: the second period at the program's place again
    assert _moves([first, {**second, "place": PLAZA}], {"recurrence": [first, second]}) == ["2027-02-15 からの回の会場が変わります: 駅前交流プラザ → 総合福祉センター"]
    # a new period that goes on at the new place is the same move, said once
    third = {**WEDNESDAYS, "start": dt.date(2027, 4, 1), "until": dt.date(2027, 9, 30), "place": PLAZA}
    assert _moves(WEDNESDAYS, {"recurrence": [first, {**second, "place": PLAZA}, third]}) == ["2027-02-15 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"]
    # the program's place, which the periods without their own place follow: said once, without a day
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "place": PLAZA}) == ["会場が変わります: 総合福祉センター → 駅前交流プラザ"]
    # the same name at a new address
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "place": {**HALL, "address": "本町1-1"}}) == ["会場が変わります: 総合福祉センター（中央町3-1-1） → 総合福祉センター（本町1-1）"]
    # not a move: another time, a new joining note, a split that keeps the place
    assert _moves(WEDNESDAYS, {"recurrence": {**WEDNESDAYS, "time": "10:00〜11:30"}}) == []
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "place": {**HALL, "join": "電話でお知らせします"}}) == []
    assert _moves(WEDNESDAYS, {"recurrence": [first, {**second, "place": HALL}]}) == []
    # a place that cannot be read: validation says so, the summary gives no move
    assert _moves(WEDNESDAYS, {"recurrence": [first, {**second, "place": "駅前"}]}) == []


def test_a_session_or_extra_date_that_moves_is_told_with_its_day():
    extra = {"date": dt.date(2027, 1, 20), "time": "13:30〜15:00"}
    farm = {"name": "しらかば農園", "address": "東町1-2"}
    # an extra meeting moved to an employer, then back to where the group meets
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "extra_dates": [{**extra, "place": farm}]}, {"extra_dates": [extra]}) == ["2027-01-20 の回の会場が変わります: 総合福祉センター → しらかば農園"]
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "extra_dates": [extra]}, {"extra_dates": [{**extra, "place": farm}]}) == ["2027-01-20 の回の会場が変わります: しらかば農園 → 総合福祉センター"]
    # an extra date without a place of its own follows its period: only the period's move is told
    second = {**WEDNESDAYS, "start": dt.date(2027, 1, 1)}
    split = [{**WEDNESDAYS, "until": dt.date(2026, 12, 31)}, {**second, "place": PLAZA}]
    assert _moves(WEDNESDAYS, {"recurrence": split, "extra_dates": [extra]}, {"extra_dates": [extra]}) == ["2027-01-01 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"]
    # a session of a series moved to the hall; the same place written again is no move
    session = {"date": dt.date(2027, 9, 8), "time": "13:30〜16:00"}
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [{**session, "place": PLAZA}]}, {"sessions": [session]}) == ["2027-09-08 の回の会場が変わります: 総合福祉センター → 駅前交流プラザ"]
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [{**session, "place": HALL}]}, {"sessions": [session]}) == []


def test_before_its_first_period_a_program_meets_at_that_period_s_place():
    """Before any period has started, the meetings' place is the first period's (as
    ``Program.rule_in_effect`` and ``extra_date_place`` say), not the program's."""
    at_plaza = {**WEDNESDAYS, "place": PLAZA}
    # a later start of a period at its own place is no move from the old start day
    assert _moves([at_plaza], {"recurrence": [{**at_plaza, "start": dt.date(2026, 5, 1)}]}) == []
    # an extra meeting before the rule starts, back from an employer, meets at the period's place
    extra = {"date": dt.date(2026, 4, 1), "time": "13:30〜15:00"}
    farm = {"name": "しらかば農園", "address": "東町1-2"}
    assert _moves([at_plaza], {"recurrence": [at_plaza], "extra_dates": [extra]}, {"extra_dates": [{**extra, "place": farm}]}) == ["2026-04-01 の回の会場が変わります: しらかば農園 → 駅前交流プラザ"]


def test_two_sessions_of_one_day_are_told_apart():
    """A morning and an afternoon session on the same day: a move of either is told, with its
    time, and the other one's place is not mixed into it."""
    day = dt.date(2027, 1, 20)
    morning, afternoon = {"date": day, "time": "10:00〜12:00"}, {"date": day, "time": "14:00〜16:00", "place": PLAZA}
    # the morning session follows the afternoon one to the plaza
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [{**morning, "place": PLAZA}, afternoon]}, {"sessions": [morning, afternoon]}) == [
        "2027-01-20 10:00〜12:00 の回の会場が変わります: 総合福祉センター → 駅前交流プラザ"
    ]
    # the afternoon one comes back to the hall; the morning one stays where it was
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [morning, {"date": day, "time": "14:00〜16:00"}]}, {"sessions": [morning, afternoon]}) == [
        "2027-01-20 14:00〜16:00 の回の会場が変わります: 駅前交流プラザ → 総合福祉センター"
    ]
    # written in the other order in the new version: still the same two meetings, nothing moved
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [afternoon, morning]}, {"sessions": [morning, afternoon]}) == []
    # the afternoon session moves to 15:00 and to the hall: the only afternoon one of the day
    later = {"date": day, "time": "15:00〜17:00", "title": "面接練習"}
    assert _moves(WEDNESDAYS, {"recurrence": WEDNESDAYS, "sessions": [morning, later]}, {"sessions": [morning, {**afternoon, "title": "面接練習"}]}) == [
        "2027-01-20 15:00〜17:00 の回の会場が変わります: 駅前交流プラザ → 総合福祉センター"
    ]


def test_a_file_that_does_not_validate_still_gets_its_venue_lines_and_the_problem_to_fix(project):
    """A misspelt key in one session (or an extra date more) used to hide every venue line of the
    program: the summary read the places in one go. Each part is read on its own now, and the
    summary says the file has a problem, with validate's message."""
    _commit_base(project)
    seminar = project / "content/programs/chiiki-zukuri-seminar.md"
    _break(seminar, "  name: オンライン（Zoom）", "  name: しらかば市民会館 1階 和室")
    typo_line = _break(seminar, "    title: 地域を深く知る①（支援対象者像・統計データから地域を知る）", "    titel: 地域を深く知る①（支援対象者像・統計データから地域を知る）")
    result = _pr_summary(project)
    changed = _changed_lines(result.stdout, 1)
    assert changed[1] == "  - 会場が変わります: オンライン（Zoom） → しらかば市民会館 1階 和室"
    assert changed[2] == "  - ⚠ このファイルには直すところがあります（1件）:"
    assert changed[3].startswith(f"    - content/programs/chiiki-zukuri-seminar.md:{typo_line}: 項目「")
    assert "titel" in changed[3] and len(changed) == 4
    # a misspelt required key: both of validate's messages (the unknown key, the missing one)
    _break(seminar, "summary: 仕事・就労支援を切り口にした地域づくりを、8回に分けて学ぶオンライン講座です。講義とグループワークを組み合わせ、受講者の地域のデータ集づくりにも取り組みます。", "sumary: 学びます")
    changed = _changed_lines(_pr_summary(project).stdout, 1)
    assert changed[2] == "  - ⚠ このファイルには直すところがあります（3件）:"
    assert "sumary" in "".join(changed[3:6]) and "summary" in "".join(changed[3:6]) and len(changed) == 6
    _break(seminar, "sumary: 学びます", "summary: 学びます")
    # A file that validates gets no such line.
    _break(seminar, "    titel: 地域を深く知る①（支援対象者像・統計データから地域を知る）", "    title: 地域を深く知る①（支援対象者像・統計データから地域を知る）")
    assert "直すところがあります" not in _pr_summary(project).stdout
    # an extra date with a misspelt key: the move of the rule's place is told all the same
    broken = {"date": dt.date(2027, 1, 20), "tme": "13:30〜15:00"}
    split = [{**WEDNESDAYS, "until": dt.date(2027, 2, 14)}, {**WEDNESDAYS, "start": dt.date(2027, 2, 15), "place": PLAZA}]
    assert _moves(WEDNESDAYS, {"recurrence": split, "extra_dates": [broken]}) == ["2027-02-15 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"]


def test_a_period_that_cannot_be_read_hides_only_the_days_it_may_govern(project):
    """A wrong time in one period hid every venue line of the rule (it was read in one go): the
    other periods' moves are told; the days the unreadable one may govern are not (its place is
    unknown), and the file's problems name it."""
    first, second = {**WEDNESDAYS, "until": dt.date(2027, 2, 14)}, {**WEDNESDAYS, "start": dt.date(2027, 2, 15), "until": dt.date(2027, 3, 31)}
    third = {**WEDNESDAYS, "start": dt.date(2027, 4, 1), "until": dt.date(2027, 9, 30)}
    assert _moves([first, second], {"recurrence": [{**first, "time": "25:00〜26:00"}, {**second, "place": PLAZA}]}) == [
        "2027-02-15 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"
    ]
    # the middle period unreadable: its own move untold, the third period's told
    assert _moves([first, second, third], {"recurrence": [first, {**second, "time": "25:00", "place": PLAZA}, {**third, "place": PLAZA}]}) == [
        "2027-04-01 からの回の会場が変わります: 総合福祉センター → 駅前交流プラザ"
    ]
    # an unreadable first period may be the one in effect before the others start: nothing of it
    assert _moves([first, second], {"recurrence": [{**first, "start": "2026-13-01", "place": PLAZA}, second]}) == []
    path = "content/programs/group.md"
    base = {path: {"title": "ひろば", "place": HALL, "recurrence": [first, second]}}
    head = {path: {"title": "ひろば", "place": HALL, "recurrence": [{**first, "time": "25:00〜26:00"}, {**second, "place": PLAZA}]}}
    # the rhythm cannot be compared: the field's title, and the move of the places
    assert compare(base, head, [], 12).changed[0].fields == ["繰り返し（recurrence）", "期間ごとの会場（recurrence の place）"]

    _commit_base(project)
    group = project / "content/programs/hataraku-junbi-no-hiroba.md"
    _break(group, "      name: しらかば市駅前交流プラザ 3階 会議室", "      name: しらかば市民会館 1階 和室")
    bad = _break(group, '    time: "13:30〜15:00"', '    time: "13:30〜25:00"')
    changed = _changed_lines(_pr_summary(project).stdout, 1)
    assert "  - 2027-02-15 からの回の会場が変わります: しらかば市駅前交流プラザ 3階 会議室 → しらかば市民会館 1階 和室" in changed
    assert any(line.startswith(f"    - content/programs/hataraku-junbi-no-hiroba.md:{bad}: ") for line in changed)


def test_a_period_that_only_moves_is_told_as_a_change_of_venue_not_of_rhythm():
    """accept3 #11: splitting the rule to move its meetings from a day on (CONTRIBUTING's way) was
    told as 繰り返し（recurrence） alone; the summary names 会場, and 繰り返し only when the rhythm
    (rule, days, time, holidays, themes) changes too."""
    path = "content/programs/group.md"

    def fields(old, new):
        base = {path: {"title": "ひろば", "place": HALL, "time": "13:30〜15:00", "recurrence": old}}
        head = {path: {"title": "ひろば", "place": HALL, "time": "13:30〜15:00", "recurrence": new}}
        return compare(base, head, [], 12).changed[0].fields

    first, second = {**WEDNESDAYS, "until": dt.date(2027, 2, 14)}, {**WEDNESDAYS, "start": dt.date(2027, 2, 15)}
    assert fields(WEDNESDAYS, [first, {**second, "place": PLAZA}]) == ["期間ごとの会場（recurrence の place）"]
    # the period's time written out as the program's time: still the same rhythm
    assert fields(WEDNESDAYS, [first, {**second, "time": None, "place": PLAZA}]) == ["期間ごとの会場（recurrence の place）"]
    # a move and a new time from the same day
    assert fields(WEDNESDAYS, [first, {**second, "time": "10:00〜11:30", "place": PLAZA}]) == ["繰り返し（recurrence）", "期間ごとの会場（recurrence の place）"]
    # a new rule alone; a split that keeps both the rhythm and the place
    assert fields(WEDNESDAYS, [first, {**second, "rule": "毎週水曜"}]) == ["繰り返し（recurrence）"]
    assert fields(WEDNESDAYS, [first, second]) == ["繰り返し（recurrence）"]
    # a gap between the two periods drops meetings: a change of rhythm
    assert fields(WEDNESDAYS, [first, {**second, "start": dt.date(2027, 3, 1), "place": PLAZA}]) == ["繰り返し（recurrence）", "期間ごとの会場（recurrence の place）"]


def test_the_summary_says_which_meetings_come_go_move_or_are_cancelled_and_when_an_employer_pauses():
    """「日程（sessions）」 alone did not say which meeting to check: the days are told."""
    program = "content/programs/seminar.md"
    sessions = [{"date": dt.date(2027, 6, 30), "time": "13:30〜16:00"}, {"date": dt.date(2027, 7, 14), "time": "13:30〜16:00"}]
    base = {program: {"title": "セミナー", "place": HALL, "sessions": sessions, "cancelled": [], "full": [dt.date(2027, 6, 30)]}}

    def days(**new) -> list[str]:
        return compare(base, {program: {**base[program], **new}}, [], 12).changed[0].days

    moved = [sessions[0], {**sessions[1], "date": dt.date(2027, 7, 21)}]
    assert days(sessions=moved) == ["日程（sessions）: 2027-07-14 の回を 2027-07-21 に移します"]
    assert days(sessions=[*sessions, {"date": "2027-08-04"}]) == ["日程（sessions）: 2027-08-04 の回が加わります"]
    assert days(sessions=sessions[:1]) == ["日程（sessions）: 2027-07-14 の回がなくなります"]
    # a misspelt key in a session is no meeting gone (validation tells it)
    assert days(sessions=[sessions[0], {**sessions[1], "tme": "10:00"}]) == []
    assert days(cancelled=[{"date": dt.date(2027, 7, 14), "reason": "講師の都合のため"}], full=[]) == [
        "中止（cancelled）: 2027-07-14 の回を中止します",
        "満員の回（full）: 2027-06-30 の回の満員を取り消します",
    ]
    # one meeting of a day with two (time:): the summary names it, not the whole day
    assert days(cancelled=[{"date": dt.date(2027, 7, 14), "time": "13:30", "reason": "講師の都合のため"}]) == [
        "中止（cancelled）: 2027-07-14 13:30 の回を中止します",
    ]
    assert days(full=[dt.date(2027, 6, 30), {"date": dt.date(2027, 7, 14), "time": "13:30〜16:00"}]) == [
        "満員の回（full）: 2027-07-14 13:30〜16:00 の回が満員になります",
    ]
    # the time put right: the meeting named before is given back, the new one cancelled
    before = {**base[program], "cancelled": [{"date": dt.date(2027, 7, 14), "time": "10:00", "reason": "講師の都合のため"}]}
    after = {**before, "cancelled": [{"date": dt.date(2027, 7, 14), "time": "13:30", "reason": "講師の都合のため"}]}
    assert compare({program: before}, {program: after}, [], 12).changed[0].days == [
        "中止（cancelled）: 2027-07-14 13:30 の回を中止します",
        "中止（cancelled）: 2027-07-14 10:00 の回の中止を取り消します",
    ]
    employer = "content/employers/farm.md"
    farm = {"name": "農園", "verified": dt.date(2026, 11, 1)}

    def pause(old: dict, new: dict) -> list[str]:
        return compare({employer: {**farm, **old}}, {employer: {**farm, **new}}, [], 12).changed[0].days

    assert pause({}, {"paused": {"from": dt.date(2027, 1, 1), "until": dt.date(2027, 3, 31), "reason": "冬のため"}}) == ["受け入れ休止: 2027-01-01から2027-03-31まで（冬のため）"]
    assert pause({}, {"paused": {}}) == ["受け入れ休止: いまから当面（再開の時期は未定）"]
    assert pause({"paused": {}}, {}) == ["受け入れ休止の行を消します（受け入れを再開します）"]


def test_a_changed_short_field_is_told_with_its_value_before_and_after(project):
    """申し込み締切（deadline） alone sent a reviewer to the diff: a field whose value is one short
    line is told with its old and new value, as the file writes it (a date as 2027-02-10)."""
    _commit_base(project)
    fair = project / "content/programs/godo-mensetsukai-2027-02.md"
    _break(fair, "deadline: 2027-02-10", "deadline: 2027-02-12")
    _break(fair, "capacity: 40", "capacity: 60")
    farm = project / "content/employers/shirakaba-farm.md"
    _break(farm, "  phone: 0268-00-1001", "  phone: 0268-00-1002")
    _break(farm, "    capacity: 2", "    capacity: 3")  # 就労体験's: a detail of an offer, told by the title only
    result = _pr_summary(project)
    changed = _changed_lines(result.stdout, 2)
    assert changed == [
        "- 事業所「しらかば農園」 `content/employers/shirakaba-farm.md`: 受け入れ（offers）、連絡先（contact）",
        "  - 連絡先（contact）の電話番号（phone）: `0268-00-1001` → `0268-00-1002`",
        "- プログラム「しらかば市 合同就職面接会」 `content/programs/godo-mensetsukai-2027-02.md`: 定員（capacity）、申し込み締切（deadline）",
        "  - 定員（capacity）: `40` → `60`",
        "  - 申し込み締切（deadline）: `2027-02-10` → `2027-02-12`",
    ]


def test_values_are_escaped_cut_and_told_only_for_short_fields():
    employer = "content/employers/farm.md"
    offers = [{"type": "見学", "days": ["月"]}, {"type": "就労体験", "days": ["火"]}]
    farm = {
        "name": "農園", "category": "農業・栽培", "business": "野菜を育てています。", "offers": offers,
        "tasks": [{"name": "草取り", "minutes": 30}], "accommodations": ["短時間", "週1日から", "送迎あり", "服装自由", "履歴書不要", "車通勤可"],
        "access": {"nearest": "しらかば駅から徒歩10分", "pickup": True}, "verified": "2026-04-08", BODY: "畑です。\n",
    }

    def told(**new) -> list[str]:
        summary = compare({employer: farm}, {employer: {**farm, **new}}, [], 12)
        return [line.removeprefix("  - ") for line in render_summary(summary).splitlines() if line.startswith("  - ")]

    assert told(offers=[*offers, {"type": "プチバイト"}], verified="2026-11-30") == [
        "受け入れ（offers）: `見学、就労体験` → `見学、就労体験、プチバイト`",
        "情報確認日（verified）: `2026-04-08` → `2026-11-30`",
    ]
    # Values are code spans: Markdown from the file does not pass, and a value is written as it
    # is in YAML (true, false); a backtick of its own takes a longer fence
    assert told(category="農業_栽培 <b>[畑](https://x.invalid)</b>", access={**farm["access"], "pickup": False}) == [
        "業種（category）: `農業・栽培` → `農業_栽培 <b>[畑](https://x.invalid)</b>`",
        "交通・アクセス（access）の送迎（pickup）: `true` → `false`",
    ]
    assert told(category="`農業`") == ["業種（category）: `農業・栽培` → `` `農業` ``"]
    assert "<code>`農業`</code>" in _on_github("- " + told(category="`農業`")[0])
    # a long value is cut with …; a field that was not written is （なし）
    address = "しらかば市北町1234-5 しらかば農園 第2農場 事務所棟の2階 北側の入口からお入りください"
    assert told(address=address) == ["住所（address）: （なし） → `" + address[:39] + "…`"]
    # a list too long to read whole: what is added and removed
    assert told(accommodations=[*farm["accommodations"][1:], "駐車場あり", "制服貸与"]) == ["働きやすさの配慮（accommodations）: 追加 `駐車場あり、制服貸与`／削除 `短時間`"]
    # long text, the text below the front matter, a multi-line value, nested blocks and an
    # offer's details: the title alone
    assert told(business="果物も育てます。", tasks=[{"name": "草取り", "minutes": 45}], offers=[{**offers[0], "days": ["水"]}, offers[1]]) == []
    assert told(**{BODY: "畑と果樹園です。\n"}, access={**farm["access"], "note": "1行目\n2行目"}) == []
    program = "content/programs/seminar.md"
    seminar = {"title": "セミナー", "place": HALL, "summary": "学びます", "walk_in": False, "verified": "2026-11-01"}
    summary = compare({program: seminar}, {program: {**seminar, "summary": "深く学びます", "walk_in": True, "place": PLAZA}}, [], 12)
    assert summary.changed[0].values == ["当日参加（walk\\_in）: `false` → `true`"]


def test_a_change_of_the_first_former_name_is_told_with_the_list_that_keeps_the_ids(project):
    """Calendar UIDs and open-data ids are made from the first of former_slugs (oldest first):
    a second rename that puts the newest former name first, or deletes the first one, gives every
    meeting a new UID (subscribers see it twice). The summary says so, with the list to write."""
    farm = project / "content/employers/shirakaba-farm.md"
    nouen = project / "content/employers/shirakaba-nouen.md"
    nouen.write_text(farm.read_text(encoding="utf-8").replace("\nname: ", "\nformer_slugs: [shirakaba-farm]\nname: ", 1), encoding="utf-8")
    farm.unlink()
    _commit_base(project)
    assert "ID が変わる" not in _pr_summary(project).stdout
    hatake = project / "content/employers/shirakaba-hatake.md"
    hatake.write_text(nouen.read_text(encoding="utf-8").replace("former_slugs: [shirakaba-farm]", "former_slugs: [shirakaba-nouen, shirakaba-farm]"), encoding="utf-8")
    nouen.unlink()
    summary = _pr_summary(project).stdout
    told = summary.split("### カレンダーの予定とオープンデータの ID が変わるもの（1件）\n\n", 1)[1].split("\n### ", 1)[0]
    assert told.splitlines()[0] == (
        "- 事業所「しらかば農園」 `content/employers/shirakaba-hatake.md`: `shirakaba-farm` → `shirakaba-nouen`。"
        "変えないなら `former_slugs: [shirakaba-farm, shirakaba-nouen]` と書きます"
    )
    assert "古い順に書き" in told
    hatake.write_text(hatake.read_text(encoding="utf-8").replace("[shirakaba-nouen, shirakaba-farm]", "[shirakaba-farm, shirakaba-nouen]"), encoding="utf-8")
    assert "ID が変わる" not in _pr_summary(project).stdout
    # the same file, its first former name deleted
    hatake.write_text(hatake.read_text(encoding="utf-8").replace("[shirakaba-farm, shirakaba-nouen]", "[shirakaba-nouen]"), encoding="utf-8")
    nouen.write_text(hatake.read_text(encoding="utf-8").replace("former_slugs: [shirakaba-nouen]", "former_slugs: [shirakaba-farm]"), encoding="utf-8")
    hatake.unlink()
    nouen.write_text(nouen.read_text(encoding="utf-8").replace("former_slugs: [shirakaba-farm]\n", ""), encoding="utf-8")
    assert "`content/employers/shirakaba-nouen.md`: `shirakaba-farm` → `shirakaba-nouen`。変えないなら `former_slugs: [shirakaba-farm]` と書きます" in _pr_summary(project).stdout
