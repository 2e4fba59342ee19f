"""Loading at scale, the build date, the CLI, and the editor schemas."""

from __future__ import annotations

import datetime as dt
import shutil

from conftest import ROOT
from employer_directory import cli
from employer_directory.loading import PARALLEL_FROM, load_directory
from employer_directory.problems import ContentInvalid
from employer_directory.schema_export import render_schemas
from employer_directory.settings import load_settings, today

CORPUS = ROOT / "tests" / "corpus"
SETTINGS = load_settings({"areas": [{"id": "north", "label": "北部"}]})


def test_large_folders_are_read_in_parallel_with_the_same_result(tmp_path):
    folder = tmp_path / "content" / "employers"
    folder.mkdir(parents=True)
    base = (CORPUS / "valid" / "employers" / "base-farm.md").read_text(encoding="utf-8")
    for index in range(PARALLEL_FROM + 10):
        (folder / f"farm-{index:04d}.md").write_text(base.replace("name: テスト農園", f"name: テスト農園{index}"), encoding="utf-8")
    directory = load_directory(tmp_path / "content", SETTINGS, root=tmp_path, today=dt.date(2026, 11, 22))
    assert len(directory.employers) == PARALLEL_FROM + 10
    shutil.copy(CORPUS / "malformed" / "employers" / "hour-25.md", folder)
    try:
        load_directory(tmp_path / "content", SETTINGS, root=tmp_path, today=dt.date(2026, 11, 22))
    except ContentInvalid as invalid:
        assert [(p.path, p.line) for p in invalid.problems] == [("content/employers/hour-25.md", 18)]
    else:
        raise AssertionError("the bad file was not reported")


def test_build_date_order():
    assert today(SETTINGS, {"DIRECTORY_BUILD_DATE": "2026-04-08", "SOURCE_DATE_EPOCH": "0"}) == dt.date(2026, 4, 8)
    # 2026-04-07 15:00 UTC is already 2026-04-08 in Tokyo.
    assert today(SETTINGS, {"SOURCE_DATE_EPOCH": "1775574000"}) == dt.date(2026, 4, 8)
    fixed = load_settings({"build_date": "2026-01-05"})
    assert today(fixed, {"DIRECTORY_BUILD_DATE": "2026-04-08"}) == dt.date(2026, 1, 5)


def test_cli_validate_reports_and_annotates(tmp_path, capsys):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content" / "employers").mkdir(parents=True)
    shutil.copy(CORPUS / "valid" / "employers" / "base-farm.md", tmp_path / "content" / "employers")
    assert cli.main(["validate", "--config", str(tmp_path / "mkdocs.yml")]) == 0
    assert "事業所 1 件" in capsys.readouterr().out
    shutil.copy(CORPUS / "malformed" / "employers" / "fullwidth-phone.md", tmp_path / "content" / "employers")
    assert cli.main(["validate", "--github", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    captured = capsys.readouterr()
    assert "content/employers/fullwidth-phone.md:32:" in captured.err
    assert captured.out.startswith("::error file=content/employers/fullwidth-phone.md,line=32::")


def test_committed_schemas_are_current():
    settings = cli.read_settings(ROOT / "mkdocs.yml")
    for name, text in render_schemas(settings).items():
        assert (ROOT / "content" / "schema" / name).read_text(encoding="utf-8") == text, f"run scripts/update-schema ({name})"


def test_every_content_file_points_editors_at_its_schema():
    for kind, schema in (("employers", "employer"), ("programs", "program")):
        for path in (ROOT / "content" / kind).glob("*.md"):
            lines = path.read_text(encoding="utf-8").splitlines()
            assert lines[1] == f"# yaml-language-server: $schema=../schema/{schema}.schema.json", path


def test_schema_names_the_site_vocabularies():
    import json

    schema = json.loads((ROOT / "content" / "schema" / "employer.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["category"]["enum"] == ["農業・栽培", "福祉・医療", "食品・製造", "環境整備", "交通警備", "その他"]
    assert schema["additionalProperties"] is False
