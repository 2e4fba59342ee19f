"""QR codes (segno) that take a printed sheet back to its live page.

Each employer's code is one small SVG file (``employers/<slug>/qr.svg``), made once per build
and shown as an image by its three sheets, the pamphlet and the counter packet: a code costs
about a millisecond to make, and inlining it would repeat it in four pages.
"""

from __future__ import annotations

import io
from urllib.parse import urljoin

import segno

from ..directory import Directory


def qr_path(slug: str) -> str:
    """Where an employer's QR code is written below the site root."""
    return f"employers/{slug}/qr.svg"


def live_url(site_url: str, slug: str) -> str:
    """Absolute address of the employer's page: what the code opens."""
    return urljoin(site_url, f"employers/{slug}/")


def qr_svg(url: str, title: str) -> bytes:
    """An SVG document of a QR code for ``url``, black on white, sized by CSS.

    The mask is fixed instead of letting segno try all eight: that search is 80 % of the cost
    (about 3 ms per code, 3 s at 1,000 employers) and any mask decodes; error level M keeps
    the code readable on a worn photocopy.
    """
    code = segno.make_qr(url, error="m", mask=2, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=2, title=title, dark="#000", light="#fff", omitsize=True, xmldecl=False, svgclass=None, lineclass=None)
    return out.getvalue()


def qr_files(directory: Directory, site_url: str) -> dict[str, bytes]:
    """``{path: SVG}`` of every employer's code (a build file job)."""
    return {qr_path(e.slug or ""): qr_svg(live_url(site_url, e.slug or ""), f"{e.name}のページ") for e in directory.employers}
