"""QR codes as inline SVG (segno), for printed pages and PDFs: no image file, no external
resource, sharp at any print resolution."""

from __future__ import annotations

import math

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BORDER = 4  # the quiet zone the QR standard asks for, in modules
MIN_SYMBOL_MM = 25.0  # the code itself (without the quiet zone) prints at least 2.5 cm wide


def qr_module_mm(url: str) -> float:
    """The printed size of one module (tenths of a millimetre, rounded up) so the code is at
    least ``MIN_SYMBOL_MM`` wide."""
    width = segno.make(url, error="m", micro=False).symbol_size(scale=1, border=0)[0]
    return math.ceil(MIN_SYMBOL_MM * 10 / width) / 10


def qr_svg(url: str, *, title: str) -> SafeString:
    """An inline ``<svg role="img">`` QR code (error correction M, quiet zone of 4 modules)
    for ``url``, named by ``title`` for screen readers, sized in millimetres so it prints at
    least 2.5 cm wide."""
    code = segno.make(url, error="m", micro=False)
    width = code.symbol_size(scale=1, border=BORDER)[0]
    size = f"{width * qr_module_mm(url):.1f}mm"
    svg = code.svg_inline(
        scale=1,
        border=BORDER,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="qr-code",
        lineclass=None,
    )
    # segno writes '<svg viewBox="…" class="qr-code">…</svg>': keep its attributes and
    # drawing, add the namespace (for WeasyPrint), the size, the role and the name.
    start, _sep, drawing = svg.partition(">")
    attributes = start.removeprefix("<svg")
    return mark_safe(  # noqa: S308 - segno's markup and an escaped title
        f'<svg xmlns="http://www.w3.org/2000/svg"{attributes} width="{size}" height="{size}"'
        f' role="img" focusable="false"><title>{escape(title)}</title>{drawing}'
    )
