"""The issue forms: current with the model, valid for GitHub, and the report link matches the form."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import ROOT
from employer_directory.cli import read_settings
from employer_directory.contrib.issue_forms import NOT_ASKED, SET_BY_STAFF, registration_questions, render_issue_forms, report_url
from employer_directory.models.employer import Employer

TEMPLATE_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
FORMS = sorted(TEMPLATE_DIR.glob("*.yml"))
# https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-issue-forms
TOP_LEVEL = {"name", "description", "body", "assignees", "labels", "title", "projects", "type"}
ELEMENT_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}
ID = re.compile(r"^[A-Za-z0-9_-]+$")


@pytest.fixture(scope="module")
def settings():
    return read_settings(ROOT / "mkdocs.yml")


def test_committed_forms_are_current(settings):
    rendered = render_issue_forms(settings)
    assert {path.name for path in FORMS} == set(rendered)
    for path in FORMS:
        assert path.read_text(encoding="utf-8") == rendered[path.name], f"{path.name} is stale: run scripts/update-contrib"


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_form_is_valid_yaml_with_the_keys_github_needs(path: Path):
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(form) <= TOP_LEVEL
    assert isinstance(form["name"], str) and form["name"]
    assert isinstance(form["description"], str) and form["description"]
    assert isinstance(form["body"], list) and form["body"]
    ids, labels = [], []
    non_markdown = 0
    for element in form["body"]:
        assert element["type"] in ELEMENT_TYPES
        attributes = element["attributes"]
        assert set(element) <= {"type", "id", "attributes", "validations"}
        if element["type"] == "markdown":
            assert isinstance(attributes["value"], str) and attributes["value"]
            assert "id" not in element
            continue
        non_markdown += 1
        if "id" in element:
            assert ID.match(element["id"]), element["id"]
            ids.append(element["id"])
        assert isinstance(attributes["label"], str) and attributes["label"]
        labels.append(attributes["label"])
        if element["type"] == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(option, str) for option in options)
            assert len(set(options)) == len(options)
        if element["type"] == "checkboxes":
            assert all(isinstance(option["label"], str) and set(option) <= {"label", "required"} for option in attributes["options"])
        if "validations" in element:
            assert set(element["validations"]) == {"required"} and isinstance(element["validations"]["required"], bool)
    assert non_markdown >= 1, "GitHub needs at least one non-markdown field"
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert len(labels) == len(set(labels)), "labels must be unique (the import keys on them)"


def test_registration_form_asks_for_every_employer_field(settings):
    asked = {question.path for question in registration_questions(settings)}
    top = {path[0] for path in asked}
    expected = {name for name, info in Employer.model_fields.items() if not info.exclude} - set(SET_BY_STAFF) - set(NOT_ASKED)
    assert top == expected
    for nested in ("access", "contact"):
        model = Employer.model_fields[nested].annotation
        assert {path[1] for path in asked if path[0] == nested} == set(model.model_fields)


def test_required_model_fields_are_required_questions(settings):
    by_path = {question.path: question for question in registration_questions(settings)}
    for name, info in Employer.model_fields.items():
        if (name,) in by_path and info.is_required() and name not in ("tasks",):
            assert by_path[(name,)].required, name


def test_dropdowns_offer_the_site_vocabularies(settings):
    form = yaml.safe_load((TEMPLATE_DIR / "employer-registration.yml").read_text(encoding="utf-8"))
    element = {e.get("id"): e for e in form["body"]}
    assert element["category"]["attributes"]["options"] == [term.label for term in settings.category_terms()]
    assert [o["label"] for o in element["accommodations"]["attributes"]["options"]] == [t.label for t in settings.accommodation_terms()]


def test_report_link_prefills_fields_that_the_report_form_has():
    url = report_url("https://github.com/example-org/kyoryoku-jigyosho", "しらかば農園", "https://example.github.io/x/employers/shirakaba-farm/", "content/employers/shirakaba-farm.md")
    parsed = urlparse(url)
    assert parsed.path == "/example-org/kyoryoku-jigyosho/issues/new"
    query = parse_qs(parsed.query)
    form = yaml.safe_load((TEMPLATE_DIR / query["template"][0]).read_text(encoding="utf-8"))
    ids = {element.get("id") for element in form["body"]}
    prefilled = set(query) - {"template", "title"}
    assert prefilled == {"page", "file"} and prefilled <= ids
    assert query["file"] == ["content/employers/shirakaba-farm.md"]
    assert "しらかば農園" in query["title"][0]
