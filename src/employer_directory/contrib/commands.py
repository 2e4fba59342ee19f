"""Subcommands of ``python -m employer_directory`` for contributors (wired in from cli.py).

    new-employer / new-program   create a valid file from flags or questions in the terminal
    from-issue                   turn a registration issue's body into content/employers/<slug>.md
    contrib-files [--check]      regenerate the issue forms and the field reference
    stale                        list records whose 情報確認日 is older than the period
    pr-summary --base REV        Markdown summary of what a pull request changes
    preview-pages --base REV     pictures and PDFs of the pages a pull request adds or changes
    preview-summary --link URL   Markdown that links those pictures in the job summary
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from ..loading import load_directory
from ..problems import ContentInvalid, Problem
from ..settings import today as build_today
from .field_reference import REFERENCE_PATH, render_field_reference
from .freshness import stale_records
from .issue_forms import render_issue_forms
from .general_pages import files_changed, general_page_changes
from .page_preview import ChromiumMissing, PageMissing, capture, look_files, plan_preview, preview_general_pages, read_plan, render_preview_summary
from .pr_summary import compare, problems_in_files, read_snapshot_from_git, read_snapshot_from_tree, render_summary, stale_in_snapshot
from .registration import employer_from_issue
from .scaffold import KINDS, answer_problems, scaffold, scaffold_in_terminal

ISSUE_TEMPLATE_DIR = ".github/ISSUE_TEMPLATE"
COMMANDS = {"new-employer", "new-program", "from-issue", "contrib-files", "stale", "pr-summary", "preview-pages", "preview-summary"}


class _JapaneseHelp(argparse.RawDescriptionHelpFormatter):
    """Help whose descriptions line up after ``--flag 値``: argparse pads by characters, and 値
    takes two columns in a terminal, which pushed every description one column right."""

    def format_help(self) -> str:
        return re.sub(r"^(  --\S+ 値) (\s)", r"\1\2", super().format_help(), flags=re.MULTILINE)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    for name, kind, what in (("new-employer", "employers", "事業所"), ("new-program", "programs", "プログラム")):
        # What staff read in `scripts/new-employer --help`: in Japanese, down to -h itself
        # (argparse's own headings, usage and options, stay).
        parser = sub.add_parser(
            name,
            help=f"新しい{what}のファイルを作る（足りない項目は質問します）",
            # Lines broken by hand: argparse counts a Japanese character as one column, and its
            # own wrapping runs past an 80-column terminal.
            description=(
                f"新しい{what}のファイル content/{kind}/<URL名>.md を作ります。\n"
                "下の項目は「--項目 値」で指定できます。指定しなかった項目は\n"
                "1つずつ質問し、答えるたびに確かめます（選ぶ質問は番号で答えます）。\n"
                "ファイルは、サイトと同じ確認を通ったときだけ作ります。"
            ),
            epilog="やめるときは Ctrl+C を押してください（ファイルは作りません）。",
            formatter_class=_JapaneseHelp,
            add_help=False,
        )
        parser.add_argument("-h", "--help", action="help", help="この説明を表示して終わる")
        parser.add_argument("--config", default="mkdocs.yml", type=Path, metavar="mkdocs.yml", help="サイトの設定ファイル（ふつうは指定しません）")
        parser.add_argument("--no-input", action="store_true", help="質問せず、足りない項目を一覧にして終わる")
        for prompt in KINDS[kind][1]():
            parser.add_argument(f"--{prompt.flag}", default=None, metavar="値", help=prompt.label() + (f"（例: {prompt.example}）" if prompt.example else ""))
    issue = sub.add_parser("from-issue", help="登録申し込みの issue 本文から事業所のファイルを作る")
    issue.add_argument("body", help="issue 本文を保存したファイル（- なら標準入力）")
    issue.add_argument("--slug", default="", help="URL名（ファイル名）。申し込みに書かれていなければ必要")
    issue.add_argument("--config", default="mkdocs.yml", type=Path)
    files = sub.add_parser("contrib-files", help="issue フォームと項目の一覧（docs/fields.md）を作り直す")
    files.add_argument("--config", default="mkdocs.yml", type=Path)
    files.add_argument("--check", action="store_true", help="書き出さずに、最新かどうかだけ確かめる")
    stale = sub.add_parser("stale", help="情報確認日から一定の月数がたった事業所・プログラムを表示する")
    stale.add_argument("--config", default="mkdocs.yml", type=Path)
    summary = sub.add_parser("pr-summary", help="プルリクエストで変わる事業所・プログラムの要約（Markdown）")
    summary.add_argument("--config", default="mkdocs.yml", type=Path)
    summary.add_argument("--base", required=True, help="比べる元のコミット（例: origin/main）")
    preview = sub.add_parser("preview-pages", help="プルリクエストで追加・変更されるページの画像と印刷の形（PDF）を作る")
    preview.add_argument("--config", default="mkdocs.yml", type=Path)
    preview.add_argument("--base", required=True, help="比べる元のコミット（例: origin/main）")
    preview.add_argument("--site", default="site", type=Path, help="作ったサイトのフォルダ（mkdocs build の --site-dir）")
    preview.add_argument("--out", default="preview", type=Path, help="画像と PDF を入れるフォルダ")
    linked = sub.add_parser("preview-summary", help="preview-pages で作ったものへのリンクと一覧（Markdown）")
    linked.add_argument("--config", default="mkdocs.yml", type=Path)
    linked.add_argument("--out", default="preview", type=Path, help="preview-pages の --out と同じフォルダ")
    linked.add_argument("--link", default="", help="アップロードしたプレビュー（artifact）のアドレス")


def run(args: argparse.Namespace) -> int:
    from ..cli import read_settings  # cli imports this module

    root = args.config.resolve().parent
    try:
        settings = read_settings(args.config)
    except ContentInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return 1
    content_dir = root / settings.content_dir
    if args.command in ("new-employer", "new-program"):
        kind = "employers" if args.command == "new-employer" else "programs"
        prompts = KINDS[kind][1]()
        answers = {prompt.flag: getattr(args, prompt.flag.replace("-", "_")) for prompt in prompts}
        try:
            if not args.no_input and sys.stdin.isatty():
                result = scaffold_in_terminal(kind, answers, settings, build_today(settings), content_dir, root)
            else:
                result = scaffold(kind, answers, settings, build_today(settings), content_dir, root)
        except (EOFError, KeyboardInterrupt):
            print("\n中止しました。ファイルは作っていません。", file=sys.stderr)
            return 1
        return _write_checked(result.path, result.text, result.problems, root, settings, answers_of=kind)
    if args.command == "from-issue":
        body = sys.stdin.read() if args.body == "-" else Path(args.body).read_text(encoding="utf-8")
        source = "issue本文" if args.body == "-" else args.body
        result = employer_from_issue(body, settings, build_today(settings), source=source, slug=args.slug or None)
        path = f"{settings.content_dir}/employers/{result.slug}.md"
        problems = list(result.problems)
        if result.slug and (root / path).exists():
            problems.append(Problem(source, 1, "URL名", f"{path} はもうあります", "--slug で別の URL名を指定するか、今あるファイルを直してください"))
        return _write_checked(path, None if problems else result.text, problems, root, settings)
    if args.command == "contrib-files":
        return _contrib_files(root, settings, content_dir, args.check)
    if args.command == "stale":
        directory = _load(root, settings)
        if directory is None:
            return 1
        found = stale_records(directory.employers, directory.programs, directory.today, settings.stale_after_months)
        for record in found:
            print(record.message(settings.stale_after_months))
        print(f"情報確認日から{settings.stale_after_months}か月以上たっているもの: {len(found)}件")
        return 0
    if args.command == "pr-summary":
        compared = _compared(root, settings, args.base)
        if compared is None:
            return 1
        head, base, changed = compared
        months = settings.stale_after_months
        touched = [path for path in head if head[path] != base.get(path)]
        problems = problems_in_files(root, touched, settings)
        summary = compare(base, head, stale_in_snapshot(head, build_today(settings), months), months, problems)
        summary.pages = general_page_changes(root, settings.content_dir, changed, args.base)
        print(render_summary(summary), end="")
        return 0
    if args.command == "preview-pages":
        return _preview_pages(root, settings, args)
    if args.command == "preview-summary":
        print(render_preview_summary(read_plan(args.out), args.link), end="")
        return 0
    raise AssertionError(args.command)


def _compared(root: Path, settings, revision: str):
    """(the work tree's records, ``revision``'s records, the files that differ), or None after
    saying that ``revision`` is unknown."""
    head = read_snapshot_from_tree(root, settings.content_dir)
    try:
        return head, read_snapshot_from_git(root, revision, settings.content_dir), files_changed(root, revision)
    except subprocess.CalledProcessError:
        print(f"比べる元のコミット「{revision}」が見つかりません。--base に origin/main のようなブランチ名かコミットを書いてください。", file=sys.stderr)
        return None


def _preview_pages(root: Path, settings, args: argparse.Namespace) -> int:
    directory = _load(root, settings)
    if directory is None:
        return 1
    compared = _compared(root, settings, args.base)
    if compared is None:
        return 1
    head, base, changed = compared
    summary = compare(base, head, [], settings.stale_after_months)
    pages = preview_general_pages(root, settings.content_dir, changed)
    plan = plan_preview(summary, directory, pages_changed=pages, look_changed=look_files(settings.content_dir, changed), root=root, base=base)
    if plan.pages and not (args.site / "index.html").exists():
        print(f"作ったサイトが {args.site} にありません。先に .venv/bin/mkdocs build --site-dir {args.site} を実行してください。", file=sys.stderr)
        return 1
    try:
        capture(plan, args.site, args.out)
    except ChromiumMissing as missing:
        print(f"Chromium が {missing} にありません。apt-get install chromium fonts-noto-cjk でいれてください。", file=sys.stderr)
        return 1
    except PageMissing as missing:
        print(f"作ったサイト {args.site} に {missing} のページがありません。直したあとのファイルでサイトを作り直して（.venv/bin/mkdocs build --site-dir {args.site}）、もう一度実行してください。", file=sys.stderr)
        return 1
    print(f"プレビュー: {len(plan.pages)} ページ分の画像と PDF を {args.out} に作りました。" if plan.pages else "プレビュー: 追加・変更された事業所・プログラム・ページはありません。")
    return 0


def _load(root: Path, settings):
    try:
        return load_directory(root / settings.content_dir, settings, root=root)
    except ContentInvalid as invalid:
        print(invalid.report(), file=sys.stderr)
        return None


def _not_written(problems: list[Problem], where: str = "内容ファイル") -> int:
    print(ContentInvalid(problems, where).report().replace("サイトは作られていません。", "ファイルは作っていません。"), file=sys.stderr)
    return 1


def _write_checked(path: str, text: str | None, problems: list[Problem], root: Path, settings, answers_of: str = "") -> int:
    """Write the new file, then check the whole content with it (duplicates, names); undo on failure.
    ``answers_of``: the kind scaffolded from answers, whose problems are placed at the answers."""
    if problems or text is None:
        return _not_written(problems, "答え" if answers_of else "内容ファイル")
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    try:
        load_directory(root / settings.content_dir, settings, root=root)
    except ContentInvalid as invalid:
        target.unlink()
        mine = [problem for problem in invalid.problems if problem.path == path] or invalid.problems
        if answers_of:  # the file was removed again: its lines are nowhere to be seen
            return _not_written(answer_problems(answers_of, mine), "答え")
        return _not_written(mine)
    print(f"{path} を作りました。内容を確かめて、足りないところを書き足してください。")
    return 0


def _contrib_files(root: Path, settings, content_dir: Path, check: bool) -> int:
    from ..cli import sync_generated  # cli imports this module

    wanted = {f"{ISSUE_TEMPLATE_DIR}/{name}": text for name, text in render_issue_forms(settings).items()}
    wanted[REFERENCE_PATH] = render_field_reference(content_dir / "schema")
    stale = sync_generated(root, wanted, check)
    if check and stale:
        print("古くなっています: " + "、".join(stale) + "。scripts/update-contrib を実行してください", file=sys.stderr)
        return 1
    print("issue フォームと項目の一覧は最新です" if not stale else "書き出しました: " + "、".join(stale))
    return 0
