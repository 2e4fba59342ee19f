"""Which printable pages the site gets, at which stable URL, with which template and data.

The same shape as ``site_pages.plan_site_pages``: generated pages are empty stubs whose content
comes entirely from their template. URLs:

* ``employers/<slug>/sheet-introduction.html`` · ``…/sheet-seeker.html`` · ``…/sheet-staff.html``: the three sheets,
  rendered as files outside the page loop (``sheet_files``), so they are not in this plan;

* ``pamphlet/``: the pamphlet; ``packet/``: the counter packet;
* ``forms/self-introduction/`` · ``forms/task-breakdown/``: blank forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..directory import Directory
from ..site_pages import GeneratedPage, PageView
from .employer_sheets import SHEET_KINDS
from .forms import BLANK_FORMS
from .packet import packet_catalogue
from .pamphlet import make_pamphlet

PAMPHLET_URI = "pamphlet.md"
PACKET_URI = "packet.md"


@dataclass
class PrintPages:
    generated: list[GeneratedPage] = field(default_factory=list)
    views: dict[str, PageView] = field(default_factory=dict)

    def view_for(self, src_uri: str) -> PageView | None:
        return self.views.get(src_uri)

    def _add(self, src_uri: str, view: PageView) -> None:
        self.generated.append(GeneratedPage(src_uri))
        self.views[src_uri] = view


def plan_print_pages(directory: Directory, site_url: str) -> PrintPages:
    pages = PrintPages()
    pages._add(PAMPHLET_URI, PageView("sheets/pamphlet.html", "協力事業所一覧（パンフレット）", {"pamphlet": make_pamphlet(directory, site_url)}))
    pages._add(PACKET_URI, PageView("sheets/packet.html", "窓口用セット（印刷）", {"packet": packet_catalogue(directory), "sheet_kinds": SHEET_KINDS}))
    for form in BLANK_FORMS:
        pages._add(form.src_uri, PageView(form.template, form.title, {"form": form}))
    return pages
