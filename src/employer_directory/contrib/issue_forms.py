"""GitHub issue forms (``.github/ISSUE_TEMPLATE/*.yml``) generated from the models.

The registration form is derived from the ``Employer`` model: every field a staff member
would write in ``content/employers/*.md`` has a question, labelled with the model's Japanese
title and described with its description, so a new model field appears in the form the next
time the forms are regenerated (a test keeps the committed forms current, like the schema).

The same list of questions (``registration_questions``) is what ``registration.py`` reads an
issue body with: GitHub renders each answered question as ``### <label>`` followed by the
answer, so the label is the key that ties the form to the parser.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import yaml
from pydantic import BaseModel

from ..models.employer import Employer, Offer, Task
from ..settings import DirectorySettings
from ..validation import nested_model
from ..vocabulary import OFFER_TYPES

REGISTRATION_FORM = "employer-registration.yml"
REPORT_FORM = "report-outdated.yml"

SET_BY_STAFF = ("registered", "verified")
"""Dates the import fills in (the day staff turn the request into a file)."""
NOT_ASKED = ("paused", "former_slugs")
"""Fields a registration does not ask: a new employer is not paused (staff add 「paused:」 later)
and has had no other URL name."""
LONG_TEXT = {"business", "access.note"}
"""Fields that are paragraphs rather than one line."""
YES_NO = ("あり", "なし")


@dataclass(frozen=True)
class Question:
    """One question of an issue form and where its answer goes in the employer file."""

    id: str
    type: str
    """input, textarea, dropdown or checkboxes (GitHub's element types)."""
    label: str
    path: tuple[str, ...]
    """Model field path the answer fills (``("access", "nearest")``); offers use ``("offers", id)``."""
    description: str = ""
    required: bool = False
    options: tuple[str, ...] = ()
    placeholder: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def element(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {"label": self.label}
        if self.description:
            attributes["description"] = self.description
        if self.type == "checkboxes":
            attributes["options"] = [{"label": option} for option in self.options]
        elif self.type == "dropdown":
            attributes["options"] = list(self.options)
        if self.placeholder:
            attributes["placeholder"] = self.placeholder
        element: dict[str, Any] = {"type": self.type, "id": self.id, "attributes": attributes}
        if self.required and self.type != "checkboxes":
            element["validations"] = {"required": True}
        return element


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def _is_bool(annotation: Any) -> bool:
    return annotation is bool


def _enum_of(model: type[BaseModel], name: str) -> list[str]:
    """Allowed values of a fixed-vocabulary field (weekdays, loads, traits …) from its JSON Schema."""
    schema = model.model_json_schema()
    prop = schema["properties"][name]
    prop = prop.get("items", prop)
    return list(prop.get("enum", []))


def offer_keys() -> dict[str, str]:
    """Offer field title → field name, for the ``key: value`` lines of an offer answer."""
    return {info.title: name for name, info in Offer.model_fields.items() if name not in ("type", "content")}


def task_columns() -> list[tuple[str, str]]:
    """(field name, title) of the columns of one task line, in model order."""
    return [(name, info.title) for name, info in Task.model_fields.items() if name != "qualification"]


def _offer_description(term_label: str) -> str:
    content_title = Offer.model_fields["content"].title
    keys = " ／ ".join(f"{title}: …" for title in offer_keys())
    return (
        f"{term_label}を受け入れる場合だけ書いてください。1行目に「{content_title}」を書き、"
        f"必要なら次の行から「{keys}」を1行ずつ足します。曜日は {'・'.join(_enum_of(Offer, 'days'))} から選びます。"
    )


def _task_description() -> str:
    columns = " / ".join(title for _, title in task_columns())
    return (
        f"1行に1つの作業を「{columns}」の順に「/」で区切って書きます。所要時間と注意点は空けてもかまいません。"
        f"資格が必要な作業は先頭に★を付けます。作業場所: {'・'.join(_enum_of(Task, 'setting'))}。"
        f"体への負担: {'・'.join(_enum_of(Task, 'load'))}。確認できること（「、」で区切る）: {'・'.join(_enum_of(Task, 'checks'))}"
    )


def registration_questions(settings: DirectorySettings) -> list[Question]:
    """The questions of the registration form, in the order of the Employer model's fields."""
    questions: list[Question] = []

    def add_field(model: type[BaseModel], name: str, prefix: tuple[str, ...], parent_title: str) -> None:
        info = model.model_fields[name]
        path = (*prefix, name)
        dotted = ".".join(path)
        label = f"{parent_title}: {info.title}" if parent_title else str(info.title)
        description = info.description or ""
        required = info.is_required()
        annotation = info.annotation
        nested = nested_model(annotation)
        if dotted == "slug":
            questions.append(Question("slug", "input", label, path, "半角英小文字・数字・ハイフン（例: shirakaba-farm）。わからなければ空欄で、センターが決めます"))
        elif dotted == "offers":
            for term in OFFER_TYPES:
                questions.append(
                    Question(f"offer-{term.id}", "textarea", f"{info.title}: {term.label}", ("offers", term.id), _offer_description(term.label),
                             placeholder="野菜の収穫・草取り\n受入人数: 2\n曜日: 火, 木\n時間帯: 9:00〜12:00")
                )
        elif dotted == "tasks":
            questions.append(
                Question("tasks", "textarea", str(info.title), path, _task_description(), required=True,
                         placeholder="トマトの収穫 / 熟したミニトマトを摘み取る / 60 / 屋外 / ふつう / 理解力、手先器用度 / 夏は暑さ対策をします")
            )
        elif dotted == "category":
            questions.append(Question("category", "dropdown", label, path, "", True, tuple(t.label for t in settings.category_terms())))
        elif dotted == "area" and settings.areas:
            questions.append(Question("area", "dropdown", label, path, "", True, tuple(t.label for t in settings.area_terms())))
        elif dotted == "accommodations":
            questions.append(Question("accommodations", "checkboxes", label, path, "当てはまるものすべてに印を付けてください", False,
                                      tuple(t.label for t in settings.accommodation_terms())))
        elif nested is not None and not _is_list(annotation):
            for child in nested.model_fields:
                if not nested.model_fields[child].exclude:
                    add_field(nested, child, path, str(info.title))
        elif _is_bool(annotation):
            questions.append(Question(dotted.replace(".", "-"), "dropdown", label, path, "あり・なしのどちらかを選んでください", True, YES_NO))
        elif _is_list(annotation):
            many_lines = name == "matching"
            how = "1行に1つずつ書いてください" if many_lines else "「、」で区切って書いてください"
            questions.append(Question(name, "textarea" if many_lines else "input", label, path,
                                      (description + "。" if description else "") + how, required))
        else:
            kind = "textarea" if dotted in LONG_TEXT else "input"
            questions.append(Question(dotted.replace(".", "-"), kind, label, path, description, required))

    for name, info in Employer.model_fields.items():
        if info.exclude or name in SET_BY_STAFF or name in NOT_ASKED:
            continue
        add_field(Employer, name, (), "")
    # The URL name is the one answer an employer cannot be expected to know: ask it last.
    questions.sort(key=lambda question: question.id == "slug")
    return questions


CONSENT_LABEL = "確認"
CONSENT = (
    "ここに書いた内容を、協力事業所ガイドに公開することに同意します",
    "働きたい方（相談者）の氏名など、個人の情報は書いていません",
)


def registration_form(settings: DirectorySettings) -> dict[str, Any]:
    intro = (
        f"{settings.organization}の協力事業所ガイドへの掲載を申し込むためのフォームです。"
        "わかる範囲で書いてください。空欄があっても、担当者がうかがって一緒に埋めます。\n\n"
        "送信された内容は、センターの職員がサイトのファイル（content/employers/）に変換し、"
        "事業所のみなさまに確認していただいてから公開します。"
    )
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": intro}}]
    body += [question.element() for question in registration_questions(settings)]
    body.append(
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {"label": CONSENT_LABEL, "options": [{"label": text, "required": True} for text in CONSENT]},
        }
    )
    return {
        "name": "協力事業所の登録申し込み",
        "description": "見学・就労体験・プチバイトなどに協力してくださる事業所の掲載申し込み",
        "title": "【登録申し込み】事業所名",
        "labels": ["登録申し込み"],
        "body": body,
    }


REPORT_FIELDS = {"page": "ページ", "file": "ファイル"}
"""Prefilled from the page's link (``?page=…&file=…``)."""


def report_form() -> dict[str, Any]:
    return {
        "name": "情報が古い・まちがいを知らせる",
        "description": "事業所やプログラムのページの内容が変わっていたら教えてください",
        "title": "【情報の更新】",
        "labels": ["情報の更新"],
        "body": [
            {"type": "markdown", "attributes": {"value": "ページの「情報が古いときは知らせる」から開くと、ページとファイルは入力済みです。"}},
            {"type": "input", "id": "page", "attributes": {"label": REPORT_FIELDS["page"], "description": "どのページのことか（ページの名前やアドレス）"}, "validations": {"required": True}},
            {"type": "input", "id": "file", "attributes": {"label": REPORT_FIELDS["file"], "description": "直すファイル（職員用。わからなければ空欄）", "placeholder": "content/employers/….md"}},
            {"type": "textarea", "id": "what", "attributes": {"label": "古い・まちがっている内容", "description": "ページのどこが、どう違っているか"}, "validations": {"required": True}},
            {"type": "textarea", "id": "correct", "attributes": {"label": "正しい内容", "description": "わかれば、今の正しい内容"}},
            {"type": "dropdown", "id": "source", "attributes": {"label": "どうやって知りましたか", "options": ["事業所から聞いた", "現地で見た", "事業所のホームページ", "その他"]}},
            {"type": "markdown", "attributes": {"value": "相談者の氏名など、個人の情報は書かないでください。"}},
        ],
    }


class _FormDumper(yaml.SafeDumper):
    """Multi-line text (intro, placeholders) as ``|`` blocks, as people write issue forms by hand."""


_FormDumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


HEADER = (
    "# Generated by `python -m employer_directory contrib-files` from the models and mkdocs.yml.\n"
    "# Do not edit by hand: change the model or extra.directory, then run scripts/update-contrib.\n"
)


def render_issue_forms(settings: DirectorySettings) -> dict[str, str]:
    """File name → YAML text, stable across runs."""
    forms = {REGISTRATION_FORM: registration_form(settings), REPORT_FORM: report_form()}
    return {
        name: HEADER + yaml.dump(form, Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=1000)
        for name, form in forms.items()
    }


def report_url(repo_url: str, page_title: str, page_url: str, source_path: str) -> str:
    """Link that opens the report form with the page and file filled in."""
    query = urlencode(
        {"template": REPORT_FORM, "title": f"【情報の更新】{page_title}", "page": f"{page_title} {page_url}".strip(), "file": source_path}
    )
    return f"{repo_url.rstrip('/')}/issues/new?{query}"

