"""QR codes (segno) that take a printed sheet back to its live page."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> str:
    """An inline SVG of a QR code for ``url``, black on white, sized by CSS.

    The mask is fixed instead of letting segno try all eight: that search is 80 % of the cost
    (about 3 ms per code, 3 s at 1,000 employers) and any mask decodes; error level M keeps
    the code readable on a worn photocopy. Cached: an employer's three sheets and its pamphlet
    entry show the same code, and the result depends on the arguments only.
    """
    code = segno.make_qr(url, error="m", mask=2, boost_error=False)
    return code.svg_inline(scale=1, border=2, title=title, dark="#000", light="#fff", omitsize=True, svgclass="sheet-qr__code", lineclass=None)
