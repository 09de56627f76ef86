"""What every chart shares: the frame, numbers, text, markers and hatching."""

from __future__ import annotations

import math
import re
from pathlib import Path

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BASE_MAP_FILE = Path(__file__).resolve().parent.parent / "data" / "judicial-arrondissements.json"
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 5", "14 3 3 3 3 3")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "x")
GAPS = ("high", "medium", "low", "none")
WIDTH = 640


def format_number(value: int) -> str:
    return str(number_format(value, force_grouping=True))


def fmt(value: float) -> str:
    """A coordinate with at most one decimal: short output, crisp enough at any size."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_frame(
    *, id_prefix: str, kind: str, title: str, desc: str, height: float, body: list[str]
) -> SafeString:
    if not ID_PATTERN.match(id_prefix):
        raise ValueError(f"id_prefix must be a valid XML id start: {id_prefix!r}")
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" '
        f'viewBox="0 0 {WIDTH} {fmt(height)}" role="img" focusable="false" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" font-size="13">'
        f'<title id="{id_prefix}-title">{escape(title)}</title>'
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 (every text escaped above)


def svg_text(x: float, y: float, text: str, css: str = "", anchor: str = "start") -> str:
    extra = f' class="{css}"' if css else ""
    return f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def nice_ticks(maximum: int, count: int = 5) -> list[int]:
    """Round axis ticks from 0 up to at least ``maximum``, in steps of 1, 2 or 5 x 10ⁿ."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, math.ceil(maximum / step) * step + 1, step))


def nice_floor(value: float) -> int:
    """The largest 1, 2 or 5 x 10ⁿ not above ``value`` (0 below 1)."""
    if value < 1:
        return 0
    magnitude = 10 ** math.floor(math.log10(value))
    return int(max(m * magnitude for m in (1, 2, 5) if m * magnitude <= value))


def draw_marker(
    shape: str,
    x: float,
    y: float,
    css: str,
    tooltip: str,
    *,
    size: float = 4.5,
    hollow: bool = False,
) -> str:
    """A series marker; ``hollow`` (white with an outline) marks a suppressed value."""
    title = f"<title>{escape(tooltip)}</title>"
    attrs = f'class="{css}"' + (' fill="#fff" stroke="#000" stroke-width="1.5"' if hollow else "")
    s = size
    if shape == "circle":
        return f'<circle {attrs} cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(s)}">{title}</circle>'
    if shape == "square":
        return (
            f'<rect {attrs} x="{fmt(x - s)}" y="{fmt(y - s)}" width="{fmt(2 * s)}" '
            f'height="{fmt(2 * s)}">{title}</rect>'
        )
    points = {
        "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
        "cross": [(-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
                  (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)],
        "x": [(-1, -1.2), (0, -0.3), (1, -1.2), (1.2, -1), (0.3, 0), (1.2, 1), (1, 1.2),
              (0, 0.3), (-1, 1.2), (-1.2, 1), (-0.3, 0), (-1.2, -1)],
    }[shape]  # fmt: skip
    coordinates = " ".join(f"{fmt(x + dx * s)},{fmt(y + dy * s)}" for dx, dy in points)
    return f'<polygon {attrs} points="{coordinates}">{title}</polygon>'


def hatch_pattern(pattern_id: str, css: str, angle: int = 45, gap: int = 6) -> str:
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="{gap}" '
        f'height="{gap}" patternTransform="rotate({angle})">'
        f'<rect class="{css}-bg" width="{gap}" height="{gap}" fill="#fff"/>'
        f'<line class="{css}-line" x1="0" y1="0" x2="0" y2="{gap}" stroke="#000" '
        f'stroke-width="2"/></pattern>'
    )
