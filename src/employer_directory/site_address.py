"""Absolute addresses of the site's pages, for what is read away from the site: open data,
calendar feeds, QR codes on paper."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteAddress:
    site_url: str
    """MkDocs' ``site_url`` (with the GitHub Pages project path), or empty."""

    @property
    def base(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    def page(self, path: str) -> str:
        """``employers/`` → ``https://…/kyoryoku-jigyosho/employers/``."""
        return self.base + path

    def employer(self, slug: str) -> str:
        return self.page(f"employers/{slug}/")

    def program(self, slug: str) -> str:
        return self.page(f"programs/{slug}/")
