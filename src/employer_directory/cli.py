"""Command line for staff and CI: ``python -m employer_directory validate``.

Reads mkdocs.yml only as YAML (no MkDocs import) to find the directory settings, so a
pull-request check can validate content before any site build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .contrib import commands as contrib_commands
from .frontmatter import FrontMatter, SettingsLoader, colon_in_value, explain_yaml_error, yaml_slip
from .loading import area_town_notices, closure_notices, ended_pause_notices, load_directory, paused_employer_meeting_notices, year_typo_notices
from .problems import ContentInvalid, Problem
from .schema_export import render_schemas
from .settings import SettingsFile, load_settings, settings_invalid


class _IgnoreTags(SettingsLoader):
    """mkdocs.yml may hold ``!!python/name`` and ``!ENV`` tags; we only need plain keys.

    Dates stay text (as in content files): PyYAML would raise a bare ValueError for
    ``build_date: 2026-02-30``; the settings' own validator says what to write instead."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(config_path: Path):
    name = config_path.name
    raw_bytes = config_path.read_bytes()
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw_bytes[: error.start].count(b"\n") + 1
        raise _settings_problem(name, line, "(ファイル)", "文字コードが UTF-8 ではありません（Shift_JIS などで保存されています）", "「UTF-8」で保存し直してください") from None
    try:
        raw = yaml.load(text, Loader=_IgnoreTags) or {}  # noqa: S506
    except yaml.MarkedYAMLError as error:
        # MkDocs stops on the same mistake with its own (English) message; the check that runs
        # before the build says where, in Japanese.
        lines = text.split("\n")
        colon = yaml_slip(error, lines) or colon_in_value(error, lines)
        if colon is not None:
            raise _settings_problem(name, colon[0] + 1, "(YAMLの書き方)", colon[1], colon[2]) from None
        mark = error.problem_mark or error.context_mark
        raise _settings_problem(
            name,
            (mark.line + 1) if mark else 1,
            "(YAMLの書き方)",
            f"この行の書き方を読み取れません（{explain_yaml_error(error)}）",
            "「項目名: 値」のようにコロンの後に半角スペースを入れ、字下げを半角スペースでそろえ、引用符 \" は閉じてください",
        ) from None
    if not isinstance(raw, dict):
        raise _settings_problem(name, 1, "(ファイル)", "「項目名: 値」の形になっていません", "1行に1つずつ「項目名: 値」の形で書いてください")
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        line = FrontMatter(name, {}, "", yaml_text=text, first_line=1).line_of(("extra",))
        raise _settings_problem(name, line, "extra", "下に項目を並べる形で書く項目です", "「extra:」の次の行から、半角スペース2つで字下げして「directory:」を書いてください")
    return load_settings(extra.get("directory"), source=name, config_text=text)


def _settings_problem(name: str, line: int, field: str, what: str, fix: str) -> ContentInvalid:
    return settings_invalid(name, [Problem(name, line, field, what, fix)])


def sync_generated(folder: Path, wanted: dict[str, str], check: bool) -> list[str]:
    """Names (below ``folder``) whose file differs from ``wanted``; rewritten unless ``check``."""
    stale = []
    for name, text in wanted.items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return stale


def write_schemas(config_path: Path, check: bool = False) -> int:
    settings = read_settings(config_path)
    folder = config_path.resolve().parent / settings.content_dir / "schema"
    stale = sync_generated(folder, render_schemas(settings), check)
    if check and stale:
        print("JSON Schema が古くなっています: " + "、".join(stale) + "。scripts/update-schema を実行してください", file=sys.stderr)
        return 1
    print("JSON Schema は最新です" if not stale else "JSON Schema を書き出しました: " + "、".join(stale))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="directory", description="協力事業所ディレクトリの内容ファイルを確認します")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="content/ の全ファイルを確認する")
    check.add_argument("--config", default="mkdocs.yml", type=Path)
    check.add_argument("--github", action="store_true", help="GitHub Actions の注釈（::error）も出す")
    schema = sub.add_parser("schema", help="編集用の JSON Schema を content/schema/ に書き出す")
    schema.add_argument("--config", default="mkdocs.yml", type=Path)
    schema.add_argument("--check", action="store_true", help="書き出さずに、最新かどうかだけ確かめる")
    contrib_commands.add_parsers(sub)
    args = parser.parse_args(argv)

    try:
        if args.command in contrib_commands.COMMANDS:
            return contrib_commands.run(args)
        if args.command == "schema":
            return write_schemas(args.config, check=args.check)
        root = args.config.resolve().parent
        settings = read_settings(args.config)
        if not (root / settings.content_dir).is_dir():
            # Without it there would be nothing to check, and "no problems" would be said.
            line = SettingsFile(args.config.name, args.config.read_text(encoding="utf-8")).line_of(("content_dir",))
            raise _settings_problem(
                args.config.name, line, "extra.directory.content_dir", f"内容ファイルのフォルダ「{settings.content_dir}」がありません", "mkdocs.yml の docs_dir と同じフォルダの名前（ふつうは content）を書いてください"
            )
        directory = load_directory(root / settings.content_dir, settings, root=root)
    except ContentInvalid as invalid:  # settings, environment (DIRECTORY_BUILD_DATE) or content
        print(invalid.report(), file=sys.stderr)
        if getattr(args, "github", False):
            for problem in invalid.problems:
                print(problem.github_annotation())
        return 1
    print(f"問題はありません: 事業所 {len(directory.employers)} 件、プログラム {len(directory.programs)} 件")
    notices = sorted(
        closure_notices(directory, root)
        + year_typo_notices(directory, root)
        + ended_pause_notices(directory, root)
        + paused_employer_meeting_notices(directory, root)
        + area_town_notices(directory, root)
    )
    if notices:
        print("\nお知らせ（サイトは作られます。確かめてください）:")
        for notice in notices:
            print(notice.format())
            if args.github:
                print(notice.github_annotation("warning"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
