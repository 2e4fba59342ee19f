"""Split a content file into YAML front-matter and Markdown body, and locate fields by line.

Parsing is done twice only when something is wrong: the fast path uses PyYAML's C loader
(when available) and keeps no positions; ``FrontMatter.line_of`` re-composes the YAML node
tree on demand to find the line of a field for an error message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

try:  # the C loader is several times faster on large sites
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


INT = "tag:yaml.org,2002:int"
PLAIN_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
"""The integers of content files: plain decimal digits only. PyYAML's YAML 1.1 pattern also
reads ``0x6`` (hexadecimal) as 6, ``0b11`` (binary) as 3, ``1_000`` as 1000, ``010`` (octal)
as 8 and ``13:30`` (base 60) as 810; all of them stay the text staff wrote, so that the field's
own check says in Japanese what to write (``capacity: 0x6`` is a slip, not six people)."""
DECIMAL_OR_BASE_60 = re.compile(
    r"""^(?:[-+]?0b[0-1_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"""
)
"""PyYAML's integer pattern without its octal form (``0[0-7]+``), as MkDocs reads mkdocs.yml
(``SettingsLoader``): hexadecimal, binary, ``1_000`` and base 60 are numbers there."""


def _staff_resolvers(loader_class: type, base_60: bool = False) -> type:
    """A loader that leaves dates, and numbers written with a leading zero, as strings.

    PyYAML turns ``2026-02-30`` into a Python exception deep inside its constructor and
    ``2026-04-08`` into a ``date``; we want every date as text so that our own validator can
    say, in Japanese and with the line, what is wrong and what to write instead. It also reads
    ``capacity: 010`` as the octal number 8 (YAML 1.1): as text, the number's validator asks for
    ``10``; ``0x6``, ``0b11`` and ``1_000`` stay text too (PLAIN_DECIMAL). And it reads a time written without quotes, ``time: 13:30`` (a meeting of
    ``cancelled:`` or ``full:``), as the base-60 number 810: as text, it is the time staff wrote,
    and ``capacity: 1:30`` is told to be a number, not taken as 90. With ``base_60``, 13:30 stays
    810: mkdocs.yml is read by MkDocs too, which builds with 810, and validate must see what the
    build will (settings.py says so of ``contact_hours: 8:30``).
    """

    integer = DECIMAL_OR_BASE_60 if base_60 else PLAIN_DECIMAL
    resolvers = {
        first: [(tag, integer if tag == INT else regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in loader_class.yaml_implicit_resolvers.items()
    }
    return type(loader_class.__name__ + "ForStaff", (loader_class,), {"yaml_implicit_resolvers": resolvers})


class DuplicateKey(Exception):
    """The same key twice in one mapping: YAML would silently keep only the last value."""

    def __init__(self, key: str, first_line: int, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.first_line = first_line
        self.line = line


KEY_TWICE_FIX = "1つにまとめてください。2回書くと後に書いたほうだけが使われ、前に書いた内容は消えてしまいます"


def key_written_twice(key: str, first_line: int, line: int) -> str:
    """The message for a key written twice: both lines, or one when a one-line mapping
    (``{label: a, label: b}``) holds it twice ("line 78 and line 78" reads as a slip)."""
    if first_line == line:
        return f"項目「{key}」が同じ行（{line}行目）に2回書かれています"
    return f"項目「{key}」が2回書かれています（{first_line}行目と{line}行目）"


NEW_ITEM_FIX = (
    "新しい項目（受け入れ・作業・期間など）を書き足したのなら、2つ目の行の先頭の字下げの最後の2文字を「- 」にしてください"
    "（1つ目の項目の「- 」とそろえます）。同じ項目を2回書いたのなら、1つにまとめてください"
)


def _new_item_without_its_dash(yaml_lines: list[str], first: int, second: int) -> bool:
    """The key written twice opens a list item (``  - rule:``) the first time and stands below it
    at the item's indent the second time: a new item (a second rule period, offer or task)
    written without its "- ", which YAML reads as the same item's key again. Merging the two, as
    for a key really written twice, would lose the new item."""
    if not (0 <= first < second < len(yaml_lines)):
        return False
    opening, repeated = yaml_lines[first], yaml_lines[second]
    dash = len(opening) - len(opening.lstrip(" "))
    return opening.lstrip(" ").startswith("- ") and len(repeated) - len(repeated.lstrip(" ")) == dash + 2


def _refusing_duplicate_keys(loader_class: type) -> type:
    """A loader that raises DuplicateKey instead of letting a repeated key replace the first.

    Staff who add a second ``cancelled:`` block lower in a file mean both; PyYAML would keep the
    second and drop the first without a word (a cancelled meeting would show as open)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    if key_node.value in seen:
                        raise DuplicateKey(key_node.value, seen[key_node.value], key_node.start_mark.line)
                    seen[key_node.value] = key_node.start_mark.line
        return loader_class.construct_mapping(self, node, deep=deep)

    return type(loader_class.__name__ + "OnceOnly", (loader_class,), {"construct_mapping": construct_mapping})


FastLoader = _refusing_duplicate_keys(_staff_resolvers(_BaseLoader))
PositionLoader = _staff_resolvers(yaml.SafeLoader)
SettingsLoader = _staff_resolvers(yaml.SafeLoader, base_60=True)
"""mkdocs.yml's reader: as ``PositionLoader``, with the base-60 numbers MkDocs reads too."""

FENCE = re.compile(r"^---[ \t]*$")
# A plain value followed by " #" and text right after the "#" (課題② #修了式): YAML reads the
# rest of the line as a comment and drops it. A deliberate comment has a space after "#".
KEY_AND_VALUE = re.compile(r"^([^\s#'\"\[{][^:#]*?):\s+(.*)$")
CUT_BY_COMMENT = re.compile(r"^([^\s'\"\[{|>&*!#%@`][^#]*?)\s#(\S.*)$")
BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
TAB_INDENT = re.compile(r"^[ ]*\t")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Characters YAML refuses (control characters: Word's line break U+000B) or reads as a line
break that editors do not show (U+0085, U+2028 from web pages): pasted into a value, they would
stop YAML with an English message or shift every line number after them."""


def _file_lines(text: str) -> list[str]:
    """``text.splitlines()`` at the line breaks editors show (LF, CRLF, CR) only: splitlines
    also breaks at U+000B, U+000C, U+001C-U+001E, U+0085 and U+2028/9, and would count lines
    the editor does not show."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@dataclass
class FrontMatter:
    """The parsed parts of one content file."""

    path: str
    """Path shown to staff in messages, relative to the project root."""
    data: dict[str, Any]
    """The YAML mapping, with dates and times left as strings."""
    body: str
    """The Markdown after the closing fence."""
    yaml_text: str = ""
    first_line: int = 2
    """File line number of the first YAML line (the line after the opening fence)."""
    _nodes: Any = field(default=None, repr=False)

    def line_of(self, path: tuple[Any, ...]) -> int:
        """File line of the deepest existing node on ``path`` (keys and list indexes)."""
        if self._nodes is None:
            try:
                self._nodes = yaml.compose(self.yaml_text, Loader=PositionLoader)
            except yaml.YAMLError:
                return self.first_line
        node = self._nodes
        line = node.start_mark.line if node is not None else 0
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == step:
                        line = key_node.start_mark.line
                        child = value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                child = node.value[step]
                line = child.start_mark.line
            if child is None:
                break
            node = child
        return self.first_line + line


def read_front_matter(display_path: str, text: str) -> FrontMatter | list[Problem]:
    """Parse a content file, or return the problems that stop it from being read."""
    if text.startswith("\ufeff"):
        return [
            Problem(
                display_path,
                1,
                "(ファイル)",
                "ファイルの先頭に BOM（見えない印）が付いています",
                "文字コードを「UTF-8（BOMなし）」にして保存し直してください。GitHub の画面で編集すれば自動でそうなります",
            )
        ]
    lines = _file_lines(text)
    if not lines or not FENCE.match(lines[0]):
        return [
            Problem(
                display_path,
                1,
                "(ファイル)",
                "ファイルの1行目が「---」ではありません",
                "1行目に半角の「---」だけを書き、項目を並べたあと、もう一度「---」の行で閉じてください",
            )
        ]
    closing = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if closing is None:
        return [
            Problem(
                display_path,
                1,
                "(ファイル)",
                "項目の終わりを示す「---」の行が見つかりません",
                "項目を書き終えた次の行に、半角の「---」だけの行を入れてください",
            )
        ]
    yaml_lines = lines[1:closing]
    problems = [
        Problem(
            display_path,
            number,
            "(字下げ)",
            "字下げにタブ文字が使われています",
            "タブを消して、半角スペース2つずつで字下げしてください",
        )
        for number, line in enumerate(yaml_lines, start=2)
        if TAB_INDENT.match(line)
    ]
    if problems:
        return problems
    problems = [
        Problem(
            display_path,
            number,
            "(見えない文字)",
            f"この行に、目に見えない特別な文字（U+{ord(found.group(0)):04X}）が入っています",
            "Word や Excel から貼り付けると入ることがあります。この行の値を消して、打ち直してください",
        )
        for number, line in enumerate(yaml_lines, start=2)
        if (found := INVISIBLE.search(line))
    ]
    if problems:
        return problems
    problems = _values_cut_by_comments(display_path, yaml_lines)
    if problems:
        return problems
    yaml_text = "\n".join(yaml_lines) + "\n"
    try:
        data = yaml.load(yaml_text, Loader=FastLoader)  # noqa: S506 - a SafeLoader subclass
    except DuplicateKey as twice:
        return [
            Problem(
                display_path,
                2 + twice.line,
                twice.key,
                key_written_twice(twice.key, 2 + twice.first_line, 2 + twice.line),
                NEW_ITEM_FIX if _new_item_without_its_dash(yaml_lines, twice.first_line, twice.line) else KEY_TWICE_FIX,
            )
        ]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = 2 + (mark.line if mark else 0)
        mapping_value = (error.problem or "").startswith("mapping values are not allowed")
        # After a quoted value or a comment YAML reports the same mistake as a block that ends early
        # (libyaml and PyYAML word it differently).
        block_ends = (error.problem or "").startswith(("did not find expected key", "expected <block end>, but found '<block mapping start>'"))
        if mark is not None and (mapping_value or block_ends) and (left_out := _left_out_of_its_block(yaml_lines, mark.line)):
            # YAML notices a line that left its block only at the next line: point at the line itself.
            index, parent, missing = left_out
            return [
                Problem(
                    display_path,
                    2 + index,
                    "(YAMLの書き方)",
                    f"この行の字下げが足りません（「{parent}:」の下の項目なのに、ほかの項目より浅くなっています）",
                    f"この行の先頭に半角スペースを{missing}つ足して、次の行と字下げをそろえてください",
                )
            ]
        if (colon := yaml_slip(error, yaml_lines)) is not None:
            index, what, fix = colon
            return [Problem(display_path, 2 + index, "(YAMLの書き方)", what, fix)]
        explanation = explain_yaml_error(error)
        if mark is not None and mapping_value and _deeper_than_the_line_above(yaml_lines, mark.line):
            explanation = "この行の字下げが上の行より深くなっています"
        elif (quoted := colon_in_value(error, yaml_lines)) is not None:
            return [Problem(display_path, 2 + quoted[0], "(YAMLの書き方)", quoted[1], quoted[2])]
        return [
            Problem(
                display_path,
                line,
                "(YAMLの書き方)",
                f"この行の書き方を読み取れません（{explanation}）",
                "「項目名: 値」のようにコロンの後に半角スペースを入れ、字下げをそろえ、"
                "値に「: 」や「#」を含むときは全体を \"…\" で囲んでください",
            )
        ]
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return [Problem(display_path, 1, "(YAMLの書き方)", f"項目を読み取れません（{error}）", "書き方を確認してください")]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return [
            Problem(
                display_path,
                2,
                "(ファイル)",
                "「---」の間が「項目名: 値」の形になっていません",
                "1行に1つずつ「項目名: 値」の形で書いてください",
            )
        ]
    if _has_key_not_text(data):
        fix = "項目名は name: のように決まった英字で書きます。値の続きなら、前の行の値全体を \"…\" で囲んで1行に書いてください"
        # Never an empty list (a file dropped without a word): should the nodes not show the key,
        # the file is still refused, at its front matter's first line.
        return [
            Problem(display_path, 2 + line, key, f"項目名「{key}」は項目名として読めません（数字や yes・no・~ は項目名になりません）", fix)
            for key, line in _keys_not_text(yaml_text)
        ] or [Problem(display_path, 2, "(YAMLの書き方)", "項目名として読めないもの（数字や yes・no・~）があります", fix)]
    body = "\n".join(lines[closing + 1 :])
    return FrontMatter(display_path, data, body, yaml_text=yaml_text, first_line=2)


def _has_key_not_text(data: Any, seen: set[int] | None = None) -> bool:
    """``123: …``, ``yes: …``, ``~: …`` give keys that are numbers, booleans or nothing: pydantic
    would name them as list positions, in English. ``seen``: an alias can make the data hold
    itself (``a: &x [*x]``), which pydantic reports; this walk must not loop on it."""
    seen = set() if seen is None else seen
    if isinstance(data, (dict, list)):
        if id(data) in seen:
            return False
        seen.add(id(data))
    if isinstance(data, dict):
        return any(not isinstance(key, str) or _has_key_not_text(value, seen) for key, value in data.items())
    if isinstance(data, list):
        return any(_has_key_not_text(item, seen) for item in data)
    return False


def _keys_not_text(yaml_text: str) -> list[tuple[str, int]]:
    """Such keys as written, with their 0-based line in ``yaml_text`` (only called when there is one)."""
    found = [
        (str(getattr(key, "value", "")) if isinstance(key, yaml.ScalarNode) else "[…]", key.start_mark.line)
        for mapping in mapping_nodes(yaml.compose(yaml_text, Loader=PositionLoader))
        for key, _ in mapping.value
        if not isinstance(key, yaml.ScalarNode) or key.tag != "tag:yaml.org,2002:str"
    ]
    return sorted(found, key=lambda item: item[1])


def mapping_nodes(root: yaml.Node | None) -> list[yaml.MappingNode]:
    """Every mapping under ``root`` (composed YAML), each once: a mapping used again through an
    alias (``*defaults``) is the same node, and one that holds itself (``&x {a: *x}``) must not
    make the walk endless."""
    found, seen, nodes = [], set(), [root]
    while nodes:
        node = nodes.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            found.append(node)
            nodes.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _values_cut_by_comments(display_path: str, yaml_lines: list[str]) -> list[Problem]:
    problems = []
    block_indent: int | None = None  # inside a | or > block, "#" is text, not a comment
    for number, line in enumerate(yaml_lines, start=2):
        if block_indent is not None:
            if not line.strip() or _indent(line) > block_indent:
                continue
            block_indent = None
        if ("|" in line or ">" in line) and BLOCK_SCALAR.search(line):
            block_indent = _indent(line)
            continue
        if " #" not in line:
            continue
        content = line.strip()
        is_item = content.startswith("- ")
        if is_item:
            content = content[2:].lstrip()
        pair = KEY_AND_VALUE.match(content)
        key, value_text = pair.groups() if pair else (None, content if is_item else "")
        match = CUT_BY_COMMENT.match(value_text)
        if match:
            value, dropped = match.groups()
            problems.append(
                Problem(
                    display_path,
                    number,
                    key.strip() if key else "(値)",
                    f"「{value.strip()}」の後ろの「#{dropped}」は、メモ（コメント）として読み飛ばされます",
                    f"「#」も値に含めるなら、値全体を \"{value.strip()} #{dropped}\" のように \"…\" で囲んでください。"
                    "メモとして書いたのなら「# 」のように # の後に空白を入れてください",
                )
            )
    return problems


def _significant(line: str) -> bool:
    """A line YAML reads: not blank, not a comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _deeper_than_the_line_above(yaml_lines: list[str], index: int) -> bool:
    """``address:`` indented four spaces under ``name:`` (two): YAML reports a ": " in a value."""
    if not 0 < index < len(yaml_lines):
        return False
    above = next((text for text in reversed(yaml_lines[:index]) if _significant(text)), None)
    return above is not None and ": " in above and _indent(yaml_lines[index]) > _indent(above)


def _key_with_block(line: str) -> str | None:
    """``recurrence:`` (its value on the lines below): the key; otherwise None."""
    text = re.sub(r"\s#.*$", "", line).strip()
    return text[:-1].strip() if text.endswith(":") and not text.startswith("-") else None


def _left_out_of_its_block(yaml_lines: list[str], index: int) -> tuple[int, str, int] | None:
    """``rule:`` written at column 0 under ``recurrence:`` whose other fields are indented: YAML
    reads it as a new top-level field and fails only at the next, correctly indented line
    (``index``). Returns the line that left its block, the block's key and the spaces missing."""
    if not 0 < index < len(yaml_lines):
        return None
    above = [number for number in range(index) if _significant(yaml_lines[number])]
    if len(above) < 2:
        return None
    culprit, before = above[-1], above[-2]
    wanted, culprit_indent, before_indent = _indent(yaml_lines[index]), _indent(yaml_lines[culprit]), _indent(yaml_lines[before])
    if culprit_indent >= wanted or yaml_lines[culprit].lstrip().startswith("-"):
        return None
    if _key_with_block(yaml_lines[culprit]) is not None:
        # "paused:" opens a block and the deeper next line is its own field, which YAML reads
        # fine after it: the error is in that line (a ": " in "reason: 理由: …"), not an indent.
        return None
    opens_block = _key_with_block(yaml_lines[before]) is not None and culprit_indent <= before_indent < wanted
    if not (opens_block or before_indent == wanted):
        return None  # the next line is too deep instead (see _deeper_than_the_line_above)
    parent = next((number for number in reversed(above[:-1]) if _indent(yaml_lines[number]) < wanted), None)
    key = _key_with_block(yaml_lines[parent]) if parent is not None else None
    return (culprit, key, wanted - culprit_indent) if key else None


SETTING_KEY = re.compile(r"(?:- )?[A-Za-z_][\w.-]*", re.ASCII)


def key_without_its_colon(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``verified：2026-04-08`` (a full-width colon) or ``verified:2026-04-08`` (no space): YAML
    reads the line as the start of a key and fails only at the next line, saying a ":" is
    missing. Returns the line the key is on, what is wrong and the fix; None for other errors.
    When the line is the first of its block (``name：…`` at the top, ``- type：見学``), YAML reads
    it as text going on into the next line and fails there instead ("mapping values are not
    allowed"): the line above is then the one."""
    problem = error.problem or ""
    if problem.startswith("could not find expected ':'") and error.context_mark is not None:
        index = error.context_mark.line
    elif problem.startswith("mapping values are not allowed") and error.problem_mark is not None:
        index = error.problem_mark.line - 1
        if not 0 <= index < len(yaml_lines) - 1 or not _goes_on_into(yaml_lines[index], yaml_lines[index + 1], error.problem_mark.column):
            return None
    else:
        return None
    if not 0 <= index < len(yaml_lines):
        return None
    written = yaml_lines[index].strip()
    # Only where the text before the colon is a key as the files write them (name, site_url):
    # a value's second line left without its indent (時間：9時から) is no key, and "write
    # 時間: 9時から" would only lead to "no such field".
    if "：" in written and SETTING_KEY.fullmatch(written.partition("：")[0].rstrip()):
        key, _, value = written.partition("：")
        return index, "項目名の後の「：」が全角です", f"半角の「:」と半角スペースにして「{key.rstrip()}: {value.strip()}」と書いてください"
    if re.match(r"^(?:- )?[A-Za-z_][\w.-]*:(?:[^\s:]|[\u3000\xa0])", written, re.ASCII):
        key, _, value = written.partition(":")
        return index, "項目名の後の「:」に半角スペースが続いていません", f"「:」の後に半角スペースを1つ入れて「{key}: {value.strip()}」と書いてください（全角スペースではなく半角）"
    return None


def full_width_marks(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """Full-width marks typed with the Japanese input on where YAML needs its own: ｛｝［］ for
    the brackets, 、 between the fields of a ``{word: …, means: …}`` line, or a full-width space
    after the closing bracket. YAML fails on the line, or on the next one when the bracket never
    closes. Returns the line, what is wrong and the fix; None when neither line has them."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    for index in (mark.line, mark.line - 1):
        if not 0 <= index < len(yaml_lines):
            continue
        written = yaml_lines[index].strip(" ")  # not strip(): it takes the full-width space too
        if any(bracket in written for bracket in "｛｝［］"):
            return index, "かっこ（｛ ｝や［ ］）が全角です", "日本語入力を切って、半角の { } や [ ] にしてください"
        if "{" in written and "、" in written[written.index("{"):]:
            return index, "{ } の中の区切りの「、」が全角です", "半角の「,」と半角スペースで区切ってください（例: {word: かいご, means: 介護}）"
        if re.search(r"[}\]]\u3000", written):
            return index, "かっこの後に全角の空白があります", "かっこの後の空白を消してください"
    return None


QUOTED_VALUE = re.compile(r"^(\s*(?:- )?(?:[A-Za-z_][\w.-]*:\s+)?)([\"'])(.*)$", re.ASCII)
CLOSED_WELL = re.compile(r"(?:\s*[,\]}]|:\s).*|(?:\s+#.*)?\s*")
"""What may follow a closing quote on its line: a comment, or the next item or end of a [ ] or
{ } list, or the ': ' after a quoted key."""


def quote_left_open(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``hours: "9:00〜16:00`` without its closing quote: YAML reads on to the next quote (a
    comment's ``"…"``, another value's) or to the end of the file and fails there, far below.
    Returns the first line at or above the failure whose quoted value does not close on it
    (or closes before text that is no comment), with the value written whole; None otherwise."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    index = -1
    while (index := index + 1) <= min(mark.line, len(yaml_lines) - 1):
        found = QUOTED_VALUE.match(yaml_lines[index])
        if found is None:
            continue
        start, quote, rest = found.groups()
        closing = _closing_quote(rest, quote)
        if closing is not None and CLOSED_WELL.fullmatch(rest[closing + 1 :]):
            continue
        if closing is None:
            # A value may go on over lines ("…" folded, or an item of a [ ] list written over
            # lines); it is left open only if it does not close well further down.
            below = "\n".join([rest, *yaml_lines[index + 1 :]])
            closing = _closing_quote(below, quote)
            if closing is not None and CLOSED_WELL.fullmatch(below[closing + 1 :].split("\n", 1)[0]):
                index += below[:closing].count("\n")
                continue
        # A comment is "# " (as the template writes them); "#1" goes on as part of the value, as
        # the note on text cut by a comment (CUT_BY_COMMENT) tells it.
        value = re.split(r"\s+#(?=\s|$)", rest, maxsplit=1)[0].rstrip().rstrip(quote)
        fixed = f"{start.strip()} {quote}{value}{quote}".strip()
        return index, f"「{quote}」で始めた値が、この行で閉じられていません", f"値の終わりにも「{quote}」を付けて「{fixed}」と書いてください"
    return None


def bracket_left_open(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``days: [月, 水`` or ``- {label: 年末年始, from: "12-29", until: "01-03"`` without the
    closing bracket: YAML reads on into the next line and fails there. Returns the line the
    bracket opens on and the bracket to add; None for other errors."""
    context = error.context or ""
    if not context.startswith(("while parsing a flow mapping", "while parsing a flow sequence")):
        return None
    if error.context_mark is None or error.problem_mark is None or error.context_mark.line == error.problem_mark.line:
        return None
    index = error.context_mark.line
    if not 0 <= index < len(yaml_lines):
        return None
    opening, closing = ("{", "}") if "mapping" in context else ("[", "]")
    return index, f"かっこ「{opening}」が、この行で閉じられていません", f"この行の終わりに半角の「{closing}」を付けてください"


def yaml_slip(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """The slip a person makes that a YAML error comes from, told at the line it is on: ``(line
    index, what, fix)`` from the first check that knows it, or None. Content files and mkdocs.yml
    alike (``colon_in_value`` is tried after these, where the indentation was ruled out)."""
    for check in (quote_left_open, braces_left_out, item_field_misindented, key_without_its_colon, full_width_marks, bracket_left_open):
        if (slip := check(error, yaml_lines)) is not None:
            return slip
    return None


def _mapping_value_line(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> int | None:
    """The line index of a "mapping values are not allowed" error (a second ``: `` on a line),
    or None for other errors."""
    if not (error.problem or "").startswith("mapping values are not allowed") or error.problem_mark is None:
        return None
    index = error.problem_mark.line
    return index if 0 <= index < len(yaml_lines) else None


def colon_in_value(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``contact_hours: 受付: 平日 9:00〜17:00``: a value holding ``: `` outside quotes. Returns
    the line and the same line with the value in quotes; None for other errors."""
    index = _mapping_value_line(error, yaml_lines)
    if index is None or (written := re.match(r"^( *(?:- +)?)([A-Za-z_][\w.-]*): +(.+?)\s*$", yaml_lines[index], re.ASCII)) is None:
        return None
    value = written.group(3)
    if value[0] in "\"'{[|>&*!" or ": " not in value or "#" in value or '"' in value:
        return None
    return (
        index,
        "値の中に「: 」があります（項目の区切りと読まれています）",
        f"値全体を半角の \"…\" で囲んで「{written.group(2)}: \"{value}\"」と書いてください",
    )


FLOW_PAIRS = re.compile(r"^( *- +)([A-Za-z_]\w*: *[^{}\[\],#]*?(?:, *[A-Za-z_]\w*: *[^{}\[\],#]*?)+)\s*(#.*)?$", re.ASCII)


def braces_left_out(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``- word: でんわ, means: 電話`` (search_words, closures, glance) without its ``{ }``:
    YAML finds a second ``: `` in one value. Returns the line and the form with braces."""
    index = _mapping_value_line(error, yaml_lines)
    if index is None or (pairs := FLOW_PAIRS.match(yaml_lines[index])) is None:
        return None
    written = pairs.group(2).strip()
    return (
        index,
        "1行に「項目名: 値」が2つ以上あります（まわりの { } がありません）",
        f"半角の {{ }} で囲んで「- {{{written}}}」と書いてください",
    )


ITEM_START = re.compile(r"^( *)- +([A-Za-z_][\w.-]*):(?:\s|$)", re.ASCII)
KEY_LINE = re.compile(r"^( *)([A-Za-z_][\w.-]*):(?:\s|$)", re.ASCII)


def item_field_misindented(error: yaml.MarkedYAMLError, yaml_lines: list[str]) -> tuple[int, str, str] | None:
    """``- type: 見学`` and below it ``  capacity: 3`` under the dash instead of under ``type``:
    YAML says only that it expected another "-". Returns the line, what is wrong and the number
    of spaces to write; None for other errors."""
    if not (error.problem or "").startswith("did not find expected '-' indicator") or error.problem_mark is None:
        return None
    index = error.problem_mark.line
    if not 0 <= index < len(yaml_lines) or (written := KEY_LINE.match(yaml_lines[index])) is None:
        return None
    for above in range(index - 1, -1, -1):
        line = yaml_lines[above]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if item := ITEM_START.match(line):
            wanted = len(item.group(1)) + 2
            if len(written.group(1)) == wanted:
                return None
            return (
                index,
                f"この行の字下げがそろっていません（上の「- {item.group(2)}:」から始まる1件の続きの項目です）",
                f"この行の先頭の空白を半角スペース{wanted}つにして、「- 」の後の「{item.group(2)}:」と字下げをそろえてください",
            )
        if not line.startswith(" " * (len(written.group(1)) + 1)):
            return None
    return None


def _closing_quote(rest: str, quote: str) -> int | None:
    """Where the quote that closes a value opened with ``quote`` is in ``rest`` (the text after
    the opening one): ``\\"`` goes on inside double quotes, ``''`` inside single ones."""
    index = 0
    while index < len(rest):
        if quote == '"' and rest[index] == "\\":
            index += 2
            continue
        if rest[index] == quote:
            if quote == "'" and rest[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _goes_on_into(above: str, line: str, colon: int) -> bool:
    """Whether ``line``, whose key ends at ``colon``, starts where the text of ``above`` starts
    (below ``- `` for a list item), with ``above`` holding no key of its own: YAML took the two
    for one value."""
    start = len(above) - len(above.lstrip(" -"))
    key = line[:colon]
    return (
        start == len(key) - len(key.lstrip(" "))
        and re.fullmatch(r"\s*[^\s:#'\"-][^:#]*", key) is not None
        and ": " not in above
        and not above.rstrip().endswith(":")
    )


def explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    known = {
        "mapping values are not allowed": "値の中に「: 」があります",
        "could not find expected ':'": "「:」が見つかりません",
        "found character '\\t' that cannot start any token": "タブ文字があります",
        "found undefined alias": "「*」で始まる値があります",
        "expected <block end>, but found '-'": "字下げがそろっていません",
        "found unexpected end of stream": "引用符が閉じられていません",
    }
    for english, japanese in known.items():
        if problem.startswith(english):
            return japanese
    if "expected" in problem or "block" in problem:
        return "字下げや記号の位置がずれています"
    return "記号の使い方に誤りがあります"
