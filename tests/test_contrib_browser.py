"""Browser test: from an employer page, the edit and report links lead to the right file and form."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from employer_directory.cli import read_settings

pytestmark = pytest.mark.browser

REPO = "https://github.com/example-org/kyoryoku-jigyosho"
PHONE = {"width": 360, "height": 740}
from test_browser import AXE_OPTIONS  # one set of rules for every axe check


def _open(browser, url, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    # GitHub is never contacted: requests to it are recorded and answered locally.
    requested: list[str] = []
    context.route("https://github.com/**", lambda route: (requested.append(route.request.url), route.fulfill(status=200, body="github"))[1])
    page.goto(url)
    return context, page, requested


def test_edit_and_report_links_on_an_employer_page(browser, site_url):
    context, page, requested = _open(browser, site_url + "employers/shirakaba-farm/", PHONE)
    try:
        edit = page.get_by_role("link", name="このページのファイルを編集する（職員向け・GitHub）")
        assert edit.is_visible()
        assert edit.get_attribute("href") == f"{REPO}/edit/main/content/employers/shirakaba-farm.md"
        report = page.get_by_role("link", name="まちがい・古い情報を GitHub で知らせる（GitHub をお使いの方）")
        assert report.is_visible()
        # A family without GitHub is told to call the centre first, with the number to tap.
        call = page.locator(".dir-contrib__call")
        assert call.inner_text() == "まちがいや古い情報に気づいたときは、しらかば市 生活・就労支援センター（架空）（電話 0268-00-0000）へお知らせください。"
        assert call.locator("a").get_attribute("href") == "tel:0268-00-0000"
        assert call.bounding_box()["y"] < report.bounding_box()["y"]
        # Following the link opens GitHub's new-issue page with the report form and this page filled in.
        report.click()
        page.wait_for_url("https://github.com/**")
        opened = urlparse(page.url)
        query = parse_qs(opened.query)
        assert opened.path == "/example-org/kyoryoku-jigyosho/issues/new"
        assert query["template"] == ["report-outdated.yml"]
        assert query["file"] == ["content/employers/shirakaba-farm.md"]
        assert query["title"] == ["【情報の更新】しらかば農園"]
        assert query["page"][0].startswith("しらかば農園 ") and query["page"][0].endswith("/employers/shirakaba-farm/")
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/report-outdated.yml").read_text(encoding="utf-8"))
        assert {"page", "file"} <= {element.get("id") for element in form["body"]}
        assert requested == [page.url]
    finally:
        context.close()


def test_program_page_links_and_stale_notice_are_accessible(browser, site_url):
    for path in ("programs/tour-shirakaba-farm/", "employers/hikari-jimu-service/"):
        context, page, _ = _open(browser, site_url + path, PHONE)
        try:
            assert page.locator(".dir-contrib__edit").get_attribute("href").endswith(".md")
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        finally:
            context.close()
    context, page, _ = _open(browser, site_url + "employers/hikari-jimu-service/", PHONE)
    assert page.get_by_text("この情報は12か月以上確認されていません").is_visible()
    context.close()


def test_an_owner_on_a_phone_sees_the_number_to_call_and_the_key_answers_without_scrolling(browser, site_url):
    # The join page is ten phone screens long and its contact section is the last one; an owner
    # who reads a few lines must already see what it costs and whom to call.
    settings = read_settings(ROOT / "mkdocs.yml")
    context, page, _ = _open(browser, site_url, PHONE)
    try:
        page.get_by_role("link", name="協力事業所になるには").click()
        page.wait_for_url(site_url + "join/")
        assert page.evaluate("window.scrollY") == 0
        call = page.locator(f'a[href="tel:{settings.contact_phone}"]').first
        assert call.is_visible() and call.bounding_box()["y"] + call.bounding_box()["height"] <= PHONE["height"]
        glance = page.locator(".dir-join-glance")
        assert glance.bounding_box()["y"] < PHONE["height"]
        text = glance.inner_text()
        for answer in ("費用", "雇う約束", "保険", "付き添"):
            assert answer in text, answer
        assert settings.organization in text
        # The full contact section is still at the end, in the table of contents.
        assert page.locator("#contact").count() == 1
        assert Axe().run(page, options=AXE_OPTIONS).violations_count == 0
    finally:
        context.close()


def test_the_join_page_links_the_blank_forms_it_tells_the_owner_about(browser, site_url):
    # The owner reads that the visit is written on a 事業所ヒアリングシート, the day on a
    # 業務・作業洗い出しシート, and that they will get a 自己紹介書: each can be opened (and printed)
    # from the page that names them.
    context, page, _ = _open(browser, site_url + "join/")
    try:
        for name, path in [
            ("事業所ヒアリングシート", "forms/hearing/"),
            ("業務・作業洗い出しシート", "forms/task-breakdown/"),
            ("しごと体験等参加者の自己紹介書", "forms/self-introduction/"),
        ]:
            page.locator("article").get_by_role("link", name=name).first.click()
            page.wait_for_url(site_url + path)
            assert page.get_by_role("heading", level=1).inner_text() == name
            page.go_back()
    finally:
        context.close()
