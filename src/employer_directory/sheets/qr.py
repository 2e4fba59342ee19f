"""QR codes (segno) that take a printed sheet back to its live page.

Each employer's code is made once per build and drawn inline in its three sheets, which share
one file (``employers/<slug>/sheets.html``): no image file per employer, since creating files is
the slowest part of writing a large site on the disks we measured.
"""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline ``<svg>`` element of a QR code for ``url``, black on white, sized by CSS
    (class ``sheet-qr__code``). It has no title: the element around it names it.

    The mask is fixed instead of letting segno try all eight: that search is 80 % of the cost
    (about 3 ms per code, 3 s at 1,000 employers) and any mask decodes; error level M keeps
    the code readable on a worn photocopy.
    """
    code = segno.make_qr(url, error="m", mask=2, boost_error=False)
    return code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True, svgclass="sheet-qr__code", lineclass=None)
