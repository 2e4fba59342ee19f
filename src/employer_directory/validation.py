"""Turn pydantic's findings into located, Japanese problems for staff."""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError, WithJsonSchema

from .frontmatter import FrontMatter
from .models.choices import JAPANESE_LIST_SEPARATOR, written_choices
from .problems import Problem

UNSAFE_BODY = re.compile(r"<\s*(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=|javascript:", re.I)


def nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = nested_model(argument)
        if found:
            return found
    return None


def describe_field(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    """The field as written (``offers[1].hours``) and its Japanese title (``時間帯``)."""
    written = ""
    title = ""
    current: type[BaseModel] | None = model
    for step in loc:
        if isinstance(step, int):
            written += f"[{step + 1}番目]"
            continue
        step = str(step)
        written += ("." if written else "") + step
        if current is not None:
            # A field staff write by its alias (a pause's ``from``) is reported under that name.
            step = next((name for name, info in current.model_fields.items() if info.alias == step), step)
        if current is not None and step in current.model_fields:
            info = current.model_fields[step]
            title = info.title or title
            current = nested_model(info.annotation)
        else:
            current = None
    return written or "(全体)", title


def _label(field: str, title: str) -> str:
    return f"{field}（{title}）" if title else field


def field_label(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The field as staff see it in a message: ``sessions[2番目].date（日付）``."""
    return _label(*describe_field(model, loc))


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The block model that holds the fields written at ``loc`` (list positions skipped)."""
    current: type[BaseModel] | None = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        info = current.model_fields.get(str(step))
        current = nested_model(info.annotation) if info else None
    return current


def known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current = model_at(model, loc)
    if current is None:
        return []
    # The names staff write: a field's alias where it has one (closures' ``from``, not ``start``).
    return [info.alias or name for name, info in current.model_fields.items() if not info.exclude]


class Located(Protocol):
    """Where values were written: a content file's front matter, or the settings in mkdocs.yml."""

    path: str

    def line_of(self, path: tuple[Any, ...]) -> int: ...


def problems_from_validation(error: ValidationError, model: type[BaseModel], front: Located, field_prefix: str = "") -> list[Problem]:
    """One located problem per pydantic finding."""
    problems = []
    items = []
    for item in error.errors(include_url=False):
        items.append(item)
        for at, what, fix in (item.get("ctx") or {}).get("more", ()):  # see values.staff_errors
            items.append({**item, "ctx": {"at": at, "what": what, "fix": fix}})
    for item in items:
        loc = tuple(step for step in item["loc"] if isinstance(step, (int, str)) and not _is_internal(step))
        kind = item["type"]
        at = (item.get("ctx") or {}).get("at")
        if at:
            loc = loc + field_path(at)
        field, title = describe_field(model, loc)
        label = field_prefix + _label(field, title)
        line = front.line_of(loc)
        what, fix = _wording(kind, item, model, loc, title)
        problems.append(Problem(front.path, line, label, what, fix))
    return problems


def field_path(dotted: str) -> tuple[str | int, ...]:
    """A dotted field path as messages name it (``sessions.3.date``) as a location tuple
    (``("sessions", 3, "date")``), list positions as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in dotted.split("."))


def _is_internal(step: Any) -> bool:
    # pydantic adds validator names such as "function-before[...]" to locations
    return isinstance(step, str) and ("[" in step and "]" in step and "(" not in step and step.endswith("]"))


def _wording(kind: str, item: dict[str, Any], model: type[BaseModel], loc: tuple[Any, ...], title: str) -> tuple[str, str]:
    ctx = item.get("ctx") or {}
    value = item.get("input")
    if kind == "staff":
        return ctx["what"], ctx["fix"]
    if kind == "missing":
        key = loc[-1] if loc else ""
        return "必ず書く項目がありません", f"「{key}:」{f'（{title}）' if title else ''}の行を追加してください"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        fields = known_fields(model, loc[:-1])
        name, colon, value = key.partition(":")
        if colon and name in fields and value and not value[0].isspace():
            # {word:しなだし}: YAML reads "word:しなだし" as one key with no value.
            return f"「{key}」の「:」の後に半角スペースがありません", f"「{name}: {value}」のように、「:」の後に半角スペースを1つ入れてください"
        # A field of its own block written at the wrong indent first: reason: at the left edge is
        # no typo of reading:.
        misplaced = _misplaced_field_hint(model, loc)
        if misplaced:
            return f"「{key}」という項目はここには書けません", misplaced
        if key in {"from", "start", "since", "date", "until"} and len(loc) > 1 and loc[-2] == "place" and "name" in fields:
            # place: {…, from: 2027-03-04}: a venue that moves from a date on is a new period.
            return (
                f"会場に「{key}」（日付）は書けません",
                "ある日から会場が変わるなら、繰り返しの期間を分けます。今の期間の until: を変わる前の日にし、"
                "同じ rule: の期間を「- rule:」で足して、その start: に変わる日、place: に新しい会場を書きます"
                "（CONTRIBUTING.md の「年の途中で曜日・時間が変わるとき」）。1回だけ違うなら、その回（sessions・extra_dates）に place: を書きます",
            )
        # Each name with its title: 休止:, 開始: … written in Japanese need them to find the English
        # name, and price: (meant for fee:, 参加費) is spelt closer to place: than to what was meant.
        described = {name: describe_field(model, loc[:-1] + (name,)) for name in fields}
        titled = [_label(*described[name]).rsplit(".", 1)[-1] for name in fields]
        guess = difflib.get_close_matches(key, fields, n=1, cutoff=0.5)
        if guess:
            return f"「{key}」という項目はありません", f"「{guess[0]}」の書き間違いではありませんか。書ける項目: " + "、".join(titled)
        if not key.isascii():
            meant = [name for name in fields if key in described[name][1]]
            hint = f"「{described[meant[0]][1]}」なら「{meant[0]}」と書きます。" if len(meant) == 1 else ""
            return f"「{key}」という項目はありません（項目名は半角の英字で書きます）", hint + "書ける項目: " + "、".join(titled)
        return f"「{key}」という項目はありません", "書ける項目: " + "、".join(titled)
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        if loc and isinstance(loc[-1], int):
            # A list item written as a bare value (- 2027-01-27) where it needs named fields.
            fields = known_fields(model, loc)
            item = model_at(model, loc)
            # The fields it needs; an optional one (cancelled's time: for one meeting of a day) is
            # for those who need it, and would read as required here.
            needed = [fields[0], *(name for name in fields[1:] if item is None or name not in item.model_fields or item.model_fields[name].is_required())]
            rest = f"、その下の行に半角スペース4つで字下げして {'、'.join(f'{name}:' for name in needed[1:])} を書いてください" if len(needed) > 1 else ""
            return "この一覧の1つ1つは、項目名を付けて書く形です", f"「- {fields[0]}: …」のように書き始め{rest}"
        slip = field_in_text(value, known_fields(model, loc), loc[-1] if loc else "")
        if slip:
            return slip
        return "下に項目を並べる形で書く項目です", f"「{loc[-1] if loc else ''}:」の次の行から、半角スペース2つで字下げして項目を書いてください"
    if kind == "list_type":
        item = model_at(model, (*loc, 0)) if loc else None
        short = not known_fields(model, (*loc, 0)) or getattr(item, "WRITTEN_AS_DATE", False)  # full: a date alone
        if isinstance(value, (str, int, float)) and loc and isinstance(loc[-1], str) and short:
            # full: 2026-12-09, 2027-01-13 / bring: マスク、軍手: the short lists the files write in [ ].
            items = [part.strip() for part in JAPANESE_LIST_SEPARATOR.split(str(value)) if part.strip()]
            choices = _item_schema_value(model, loc, "enum")
            if choices:
                # days: 火・木 / 土日: list the values meant, not 「火・木」 as one item.
                items = [piece for item in items for piece in (written_choices(item, choices) or [item])]
            if (_item_schema_value(model, loc, "maxLength") or 0) > 80:
                # matching: 明るく、元気な方 is one sentence: cut at its 、 it would become two items.
                return "複数の値を並べる項目です", f"次の行から「  - {str(value).strip()}」の形で1行に1つずつ書いてください（1つだけでもこの形です。2つ以上あるなら、1つずつ別の行にします）"
            # Not a sentence cut at its 、; a URL name (employers: asahi-yasai-farm) may be longer.
            if items and all(len(item) <= 15 or re.fullmatch(r"[a-z0-9-]+", item) for item in items):
                return "複数の値を並べる項目です", f"[ ] で囲んで「{loc[-1]}: [{', '.join(items)}]」のように書いてください（1つだけでも [ ] で囲みます。区切りは半角の「,」と半角スペース）"
        return "複数の値を並べる項目です", "次の行から「  - 値」の形で1行に1つずつ書いてください（1つだけでもこの形です）"
    if kind in {"too_short"}:
        return "1つも書かれていません", "少なくとも1つ「  - …」の形で書いてください"
    if kind in {"bool_type", "bool_parsing"}:
        return f"「{value}」は はい/いいえ として読めません", "true（はい）か false（いいえ）と半角で書いてください"
    if value is None and kind.endswith("_type"):
        # "title:" with nothing after it: YAML gives no value at all.
        key = next((step for step in reversed(loc) if isinstance(step, str)), "")
        return "値が空です", f"「{key}:」のコロンの後に半角スペースを1つ入れて、{title or '値'}を書いてください。書かないなら、その行を消してください"
    if kind in {"string_type"}:
        return "文字で書く項目です", "値を文字で書いてください"
    if kind in {"int_type", "int_parsing"}:
        return "数を書く項目です", "半角数字で書いてください"
    if kind == "int_from_float":
        return f"「{value}」は整数ではありません", "小数点のない半角数字で書いてください（例: 12）"
    if kind in {"greater_than_equal", "less_than_equal"}:
        limit = ctx.get("ge", ctx.get("le"))
        return f"「{value}」は{'小さ' if kind == 'greater_than_equal' else '大き'}すぎます", f"{limit} {'以上' if kind == 'greater_than_equal' else '以下'}の数を書いてください"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"「{value}」は日付として読めません", "2026-04-08 のように半角の 年-月-日 で書いてください"
    return f"値の形が正しくありません（{item.get('msg', kind)}）", "例にならって書き直してください"


FIELD_IN_TEXT = re.compile(r"([A-Za-z_]\w*)[ \u3000]*(：|:(?![ \t]))[ \u3000]*(.*)", re.ASCII | re.DOTALL)


def field_in_text(value: Any, fields: list[str], key: Any) -> tuple[str, str] | None:
    """``access:`` with ``nearest：しらかば駅から…`` (a full-width colon) or ``nearest:しらかば駅``
    (no space) on the lines below: YAML reads the indented lines as the block's text, not as its
    fields, and "write the fields below it" would repeat what staff did. Lines the text joined
    (``pickup：true pickup_note：…``) are told apart at the next field name. Found by the fuzz
    audit of the newer fields."""
    if not isinstance(value, str) or not fields:
        return None
    names = "|".join(re.escape(name) for name in fields)
    pieces = [FIELD_IN_TEXT.fullmatch(piece) for piece in re.split(rf"\s+(?=(?:{names})[ \u3000]*[：:])", value.strip())]
    if not pieces or not all(pieces) or any(piece.group(1) not in fields for piece in pieces):
        return None
    name, colon, rest = pieces[0].groups()
    written = f"{name}{colon}{rest.strip()}"
    fixed = "".join(f"「{piece.group(1)}: {piece.group(3).strip()}」" for piece in pieces)
    fix = f"{fixed}のように、半角の「:」と半角スペースにしてください" + ("（1行に1つずつ）" if len(pieces) > 1 else "")
    if colon == "：":
        return f"「{key}:」の下の「{written}」の「：」が全角です（そのため項目ではなく、文として読まれています）", fix
    return f"「{key}:」の下の「{written}」の「:」の後に半角スペースがありません（そのため項目ではなく、文として読まれています）", fix


def _item_schema_value(model: type[BaseModel], loc: tuple[Any, ...], key: str) -> Any:
    """What the JSON schema of the items of the list at ``loc`` says for ``key`` (``enum``: the
    fixed values of ``days``; ``maxLength``: 400 for ``matching``'s sentences), or None."""
    block = model_at(model, loc[:-1])
    info = block.model_fields.get(str(loc[-1])) if block else None
    todo = [info.annotation] if info is not None else []
    while todo:
        kind = todo.pop()
        for meta in getattr(kind, "__metadata__", ()):
            if isinstance(meta, WithJsonSchema) and (meta.json_schema or {}).get(key):
                return meta.json_schema[key]
        todo.extend(typing.get_args(kind))
    return None


def _misplaced_field_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """How to place a field written at the wrong indent: a block's field written without the
    block's indent (``from:`` under ``paused:`` without its two spaces), or a field indented into
    the block above it (``  paused:`` after ``contact:``). Worded by the block, not by the left
    edge: in mkdocs.yml the settings themselves are indented."""
    key = str(loc[-1])
    if len(loc) == 2 and isinstance(loc[0], str) and key in known_fields(model, ()):
        block = field_label(model, loc[:1])
        return f"「{key}:」は {block}の中ではなく、「{loc[0]}:」と同じ字下げで書く項目です。行の先頭の空白を「{loc[0]}:」とそろえてください"
    # A block's field at the indent of the list item that holds the block: "place:" written in a
    # rule period with "name:" and "address:" below it but not indented under it (so place: is
    # empty). Said before the closest field name, which would be a wrong guess (name → time).
    if len(loc) >= 3 and isinstance(loc[-2], int):
        item = model_at(model, loc[:-1])
        for name, info in (item.model_fields.items() if item is not None else ()):
            block = nested_model(info.annotation)
            if block is None or typing.get_origin(info.annotation) is list or info.exclude:
                continue
            if key in known_fields(block, ()):
                written = info.alias or name
                return f"「{key}:」は {_label(written, info.title or '')}の中に書く項目です。「{written}:」の次の行から、半角スペース2つで字下げして書いてください"
    # A block's field at the top level, or in the block above it: its own block lost its line
    # (resuming a pause, staff delete "paused:" and leave "  until:" under contact:).
    in_other_block = len(loc) == 2 and isinstance(loc[0], str)
    for name, info in (model.model_fields.items() if len(loc) == 1 or in_other_block else ()):
        block = nested_model(info.annotation)
        if block is None or typing.get_origin(info.annotation) is list or info.exclude or name == loc[0]:
            continue
        if key in known_fields(block, ()):
            written = info.alias or name
            where = f"「{key}:」は {_label(written, info.title or '')}の中に書く項目です。"
            # recurrence: may also be a list of periods, whose fields sit under their "- rule:",
            # four spaces in: two spaces after "recurrence:" would break that list.
            first = next(iter(block.model_fields))
            in_a_list = f"。期間ごとに「- {first}:」で並べているときは、その期間の {first}: と同じ字下げにしてください" if _also_a_list(info.annotation) else ""
            if in_other_block:
                return where + f"「{written}:」の行を消したなら、その下の字下げした行も消してください。{info.title or written}を書くなら、この行の上に「{written}:」の行を入れてください" + in_a_list
            return where + f"「{written}:」の次の行から、半角スペース2つで字下げして書いてください" + in_a_list
    return ""


def _also_a_list(annotation: Any) -> bool:
    """A block that may also be written as a list of itself (recurrence: one rule, or periods)."""
    return any(typing.get_origin(argument) is list or _also_a_list(argument) for argument in typing.get_args(annotation))


def problems_in_body(front: FrontMatter) -> list[Problem]:
    """Raw HTML that could run code has no place in a page staff publish."""
    problems = []
    offset = front.first_line + front.yaml_text.count("\n") + 1
    for number, line in enumerate(front.body.splitlines(), start=offset):
        if UNSAFE_BODY.search(line):
            problems.append(
                Problem(
                    front.path,
                    number,
                    "(本文)",
                    "本文に script などの動く仕組みを持つ HTML が書かれています",
                    "その部分を消してください。文章・見出し・リスト・リンクは Markdown で書けます",
                )
            )
    return problems
