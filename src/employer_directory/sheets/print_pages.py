"""Which printable pages the site gets, at which stable URL, with which template and data.

Registered in the site's plan (``site_pages.SitePages``) like the directory's own pages: generated
pages are empty stubs whose content comes entirely from their template. URLs:

* ``employers/<slug>/sheets.html#introduction`` · ``…#seeker`` · ``…#staff``: the three sheets, in
  one file per employer rendered outside the page loop (``sheet_files``), so not in this plan;

* ``pamphlet/``: the pamphlet; ``packet/``: the counter packet;
* ``forms/self-introduction/`` · ``forms/task-breakdown/`` · ``forms/hearing/``: blank forms.

The calendar's month pages print as the counter's month sheet: their views get its program lines.
"""

from __future__ import annotations

from typing import Any

from ..site_pages import GeneratedPage, PageView, SitePages
from .forms import BLANK_FORMS, form_choices
from .month_sheet import month_program_lines
from .packet import packet_catalogue
from .pamphlet import make_pamphlet


def plan_print_pages(pages: SitePages, site_url: str) -> list[GeneratedPage]:
    """Register the printable pages' views in ``pages`` and return the pages to generate; add the
    month sheet's lines to the views of the calendar's month pages (already in ``pages``)."""
    directory = pages.directory
    generated: list[GeneratedPage] = []

    def add(src_uri: str, template: str, title: str, context: dict[str, Any]) -> None:
        generated.append(GeneratedPage(src_uri))
        # ``print_title``: the <title> of the stand-alone pages (sheets/sheet_base.html).
        pages.views[src_uri] = PageView(template, title, {**context, "print_title": title})

    add("pamphlet.md", "sheets/pamphlet.html", "協力事業所一覧（パンフレット）", {"pamphlet": make_pamphlet(directory, site_url)})
    add("packet.md", "sheets/packet.html", "印刷リスト（選んだ事業所をまとめて印刷）", {"packet": packet_catalogue(directory)})
    choices = form_choices(directory.settings)
    for form in BLANK_FORMS:
        add(form.src_uri, form.template, form.title, {"form": form, "choices": choices})
    for view in pages.views.values():
        if "month_view" in view.context:
            view.context["month_sheet"] = month_program_lines(view.context["month_view"], directory)
    return generated
