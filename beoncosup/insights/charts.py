"""Server-rendered SVG charts for the insights dashboards: a line chart, a bar chart and a
proportional-symbol map of Belgium.

Every function returns an inline ``<svg>`` that:
- takes all its words from the caller (already translated) and escapes them;
- is an image for assistive technology (``role="img"``, ``<title>`` and ``<desc>`` referenced
  by ``aria-labelledby``); the data table beside it carries the figures;
- uses presentation attributes and classes only (the site's Content-Security-Policy forbids
  inline styles), coloured from ``static/insights/insights.css``;
- stays readable in greyscale and print: dash patterns, marker shapes and hatching, never
  colour alone;
- scales to its container through its viewBox.

A value of None is a suppressed cell (fewer than k signals): nothing is drawn for it but a
marker explained by the caller's ``suppressed_label``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

BASE_MAP_FILE = Path(__file__).resolve().parent / "data" / "judicial-arrondissements.json"
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 5", "14 3 3 3 3 3")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "x")
GAPS = ("high", "medium", "low", "none")
WIDTH = 640


def _number(value: int) -> str:
    return str(number_format(value, force_grouping=True))


def _f(value: float) -> str:
    """A coordinate with at most one decimal: short output, crisp enough at any size."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(
    *, id_prefix: str, kind: str, title: str, desc: str, height: float, body: list[str]
) -> SafeString:
    if not ID_PATTERN.match(id_prefix):
        raise ValueError(f"id_prefix must be a valid XML id start: {id_prefix!r}")
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" '
        f'viewBox="0 0 {WIDTH} {_f(height)}" role="img" focusable="false" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" font-size="13">'
        f'<title id="{id_prefix}-title">{escape(title)}</title>'
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 (every text escaped above)


def _text(x: float, y: float, text: str, css: str = "", anchor: str = "start") -> str:
    extra = f' class="{css}"' if css else ""
    return f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


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


def _marker(
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
        return f'<circle {attrs} cx="{_f(x)}" cy="{_f(y)}" r="{_f(s)}">{title}</circle>'
    if shape == "square":
        return (
            f'<rect {attrs} x="{_f(x - s)}" y="{_f(y - s)}" width="{_f(2 * s)}" '
            f'height="{_f(2 * s)}">{title}</rect>'
        )
    points = {
        "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
        "cross": [(-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
                  (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)],
        "x": [(-1, -1.2), (0, -0.3), (1, -1.2), (1.2, -1), (0.3, 0), (1.2, 1), (1, 1.2),
              (0, 0.3), (-1, 1.2), (-1.2, 1), (-0.3, 0), (-1.2, -1)],
    }[shape]  # fmt: skip
    coordinates = " ".join(f"{_f(x + dx * s)},{_f(y + dy * s)}" for dx, dy in points)
    return f'<polygon {attrs} points="{coordinates}">{title}</polygon>'


def _hatch(pattern_id: str, css: str, angle: int = 45, gap: int = 6) -> str:
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="{gap}" '
        f'height="{gap}" patternTransform="rotate({angle})">'
        f'<rect class="{css}-bg" width="{gap}" height="{gap}" fill="#fff"/>'
        f'<line class="{css}-line" x1="0" y1="0" x2="0" y2="{gap}" stroke="#000" '
        f'stroke-width="2"/></pattern>'
    )


def line_chart(
    *,
    id_prefix: str,
    title: str,
    desc: str,
    periods: list[str],
    series: list[tuple[str, list[int | None]]],
    y_label: str,
    suppressed_label: str,
) -> SafeString:
    """A time series chart: one line per series (up to six, each with its own dash pattern
    and marker shape), broken where a value is None. Suppressed values appear as small hollow
    markers on the zero line, explained in the legend by ``suppressed_label``."""
    left, right, top, plot_height = 64.0, 32.0, 34.0, 200.0
    plot_width = WIDTH - left - right
    bottom = top + plot_height
    values = [v for _name, row in series for v in row if v is not None]
    ticks = nice_ticks(max(values, default=0))
    scale = plot_height / ticks[-1]
    step = plot_width / max(len(periods) - 1, 1)
    suppressed_any = any(v is None for _name, row in series for v in row)
    legend_rows = len(series) + (1 if suppressed_any else 0)
    height = bottom + 44 + 22 * legend_rows

    def x_at(i: int) -> float:
        return left + (i * step if len(periods) > 1 else plot_width / 2)

    body = [_text(8, 18, y_label, "chart-axis-label")]
    for tick in ticks:
        y = bottom - tick * scale
        body.append(
            f'<line class="chart-grid" x1="{_f(left)}" x2="{_f(left + plot_width)}" '
            f'y1="{_f(y)}" y2="{_f(y)}" stroke="#ccc" stroke-width="1"/>'
        )
        body.append(_text(left - 8, y + 4, _number(tick), "chart-tick", "end"))
    label_every = max(1, math.ceil(len(periods) / 10))
    for i, period in enumerate(periods):
        if i % label_every == 0:
            body.append(_text(x_at(i), bottom + 20, period, "chart-tick", "middle"))
    body.append(
        f'<line class="chart-axis" x1="{_f(left)}" x2="{_f(left + plot_width)}" '
        f'y1="{_f(bottom)}" y2="{_f(bottom)}" stroke="#000" stroke-width="1.5"/>'
    )
    for index, (name, row) in enumerate(series):
        css = f"series series-{index % len(DASHES)}"
        dash = DASHES[index % len(DASHES)]
        shape = MARKERS[index % len(MARKERS)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts: list[list[str]] = [[]]
        marks: list[str] = []
        for i, value in enumerate(row[: len(periods)]):
            if value is None:
                parts.append([])
                tooltip = f"{name}, {periods[i]}: {suppressed_label}"
                marks.append(
                    _marker(
                        shape, x_at(i), bottom, f"{css} suppressed", tooltip, size=3.5, hollow=True
                    )
                )
                continue
            x, y = x_at(i), bottom - value * scale
            parts[-1].append(f"{_f(x)},{_f(y)}")
            marks.append(
                _marker(shape, x, y, f"{css} point", f"{name}, {periods[i]}: {_number(value)}")
            )
        for part in parts:
            if len(part) > 1:
                body.append(
                    f'<polyline class="{css} line" points="{" ".join(part)}" fill="none" '
                    f'stroke="#000" stroke-width="2.5"{dash_attr}/>'
                )
        body.append(f'<g class="{css}" fill="#000" stroke="#000">{"".join(marks)}</g>')
        y = bottom + 44 + 22 * index
        body.append(
            f'<g class="chart-legend-item {css}"><line x1="{_f(left)}" x2="{_f(left + 40)}" '
            f'y1="{_f(y - 4)}" y2="{_f(y - 4)}" stroke="#000" stroke-width="2.5"{dash_attr}/>'
            f"{_marker(shape, left + 20, y - 4, f'{css} point', name)}"
            f"{_text(left + 50, y, name)}</g>"
        )
    if suppressed_any:
        y = bottom + 44 + 22 * len(series)
        marker = _marker(
            "circle", left + 20, y - 4, "suppressed", suppressed_label, size=3.5, hollow=True
        )
        body.append(
            f'<g class="chart-legend-item">{marker}{_text(left + 50, y, suppressed_label)}</g>'
        )
    return _svg(id_prefix=id_prefix, kind="line", title=title, desc=desc, height=height, body=body)


def bar_chart(
    *,
    id_prefix: str,
    title: str,
    desc: str,
    rows: list[tuple[str, int | None]],
    value_label: str,
    suppressed_label: str,
    secondary: list[int | None] | None = None,
    secondary_label: str = "",
) -> SafeString:
    """Horizontal bars, one per row, with the value written at the end of each bar. A
    ``secondary`` value per row (e.g. services within reach beside demand) is drawn as a thin
    bar under the main one, on its own scale (the two measure different things; both values
    are written out). A suppressed row gets a hatched stub and ``suppressed_label``."""
    longest = max((len(label) for label, _value in rows), default=0)
    label_width = min(max(60.0, longest * 7.0), WIDTH * 0.4)
    bar_left = label_width + 12
    bar_width = WIDTH - bar_left - 90
    row_height = 38.0 if secondary is not None else 26.0
    top = 50.0 if secondary is not None else 30.0
    height = top + row_height * len(rows) + 8
    primary_max = max((v for _label, v in rows if v is not None), default=0) or 1
    secondary_max = max((v for v in secondary or [] if v is not None), default=0) or 1
    hatch_id = f"{id_prefix}-hatch"
    body = [f"<defs>{_hatch(hatch_id, 'hatch')}</defs>"]
    if secondary is None:
        body.append(_text(bar_left, 16, value_label, "chart-axis-label"))
    else:
        body.append(
            f'<rect class="bar bar-primary" x="{_f(bar_left)}" y="5" width="24" height="14" '
            f'fill="#555"/>{_text(bar_left + 32, 16, value_label, "chart-axis-label")}'
            f'<rect class="bar bar-secondary" x="{_f(bar_left)}" y="27" width="24" height="6" '
            f'fill="#fff" stroke="#000"/>{_text(bar_left + 32, 35, secondary_label)}'
        )

    def value_text(x: float, y: float, value: int | None) -> str:
        return _text(x + 6, y, _number(value) if value is not None else "–", "chart-value")

    def stub(x: float, y: float, tall: float, label: str) -> str:
        return (
            f'<rect class="bar suppressed" x="{_f(x)}" y="{_f(y)}" width="12" height="{_f(tall)}"'
            f' fill="url(#{hatch_id})" stroke="#000" stroke-dasharray="2 2">'
            f"<title>{escape(label)}</title></rect>"
            f"{_text(x + 18, y + tall - 3, '– ' + suppressed_label, 'chart-suppressed')}"
        )

    for index, (label, value) in enumerate(rows):
        y = top + index * row_height
        body.append(_text(label_width, y + 15, label, "chart-label", "end"))
        if value is None:
            body.append(stub(bar_left, y + 2, 18, f"{label}: {suppressed_label}"))
        else:
            width = bar_width * value / primary_max
            body.append(
                f'<rect class="bar bar-primary" x="{_f(bar_left)}" y="{_f(y + 2)}" '
                f'width="{_f(width)}" height="18" fill="#555">'
                f"<title>{escape(label)}: {_number(value)}</title></rect>"
                + value_text(bar_left + width, y + 16, value)
            )
        if secondary is not None:
            extra = secondary[index] if index < len(secondary) else None
            if extra is None:
                body.append(stub(bar_left, y + 23, 8, f"{label}: {suppressed_label}"))
            else:
                width = bar_width * extra / secondary_max
                body.append(
                    f'<rect class="bar bar-secondary" x="{_f(bar_left)}" y="{_f(y + 24)}" '
                    f'width="{_f(width)}" height="6" fill="#fff" stroke="#000">'
                    f"<title>{escape(label)}, {escape(secondary_label)}: {_number(extra)}"
                    f"</title></rect>"
                    + _text(bar_left + width + 6, y + 30, _number(extra), "chart-value-secondary")
                )
    body.append(
        f'<line class="chart-axis" x1="{_f(bar_left)}" x2="{_f(bar_left)}" y1="{_f(top - 2)}" '
        f'y2="{_f(height - 8)}" stroke="#000"/>'
    )
    return _svg(id_prefix=id_prefix, kind="bar", title=title, desc=desc, height=height, body=body)


@dataclass(frozen=True)
class MapPoint:
    """One arrondissement on the map: its code, the caller's label, its centroid, its value
    (None when suppressed) and its coverage-gap class (one of GAPS)."""

    code: str
    label: str
    latitude: float
    longitude: float
    value: int | None
    gap: str


# The map frame: Belgium's bounding box, longitudes shrunk by cos 50.5° (equirectangular).
WEST, EAST, SOUTH, NORTH = 2.50, 6.45, 49.45, 51.55
X_SCALE = math.cos(math.radians(50.5))
MAP_PAD = 12.0
MAP_K = (WIDTH - 2 * MAP_PAD) / ((EAST - WEST) * X_SCALE)
MAP_HEIGHT = (NORTH - SOUTH) * MAP_K + 2 * MAP_PAD
MAX_RADIUS = 30.0


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG (x, y) of a point on the map."""
    return (
        MAP_PAD + (longitude - WEST) * X_SCALE * MAP_K,
        MAP_PAD + (NORTH - latitude) * MAP_K,
    )


@cache
def base_outlines() -> tuple[tuple[str, str], ...]:
    """The judicial arrondissements as (id, SVG path data), projected once per process."""
    data = json.loads(BASE_MAP_FILE.read_text(encoding="utf-8"))
    outlines = []
    for outline in data["outlines"]:
        rings = []
        for ring in outline["rings"]:
            points = [project(lat, lon) for lon, lat in ring]
            rings.append("M" + "L".join(f"{_f(x)} {_f(y)}" for x, y in points) + "Z")
        outlines.append((str(outline["id"]), "".join(rings)))
    return tuple(outlines)


def _gap_labels() -> dict[str, str]:
    return {
        "high": pgettext("coverage gap", "Large gap"),
        "medium": pgettext("coverage gap", "Moderate gap"),
        "low": pgettext("coverage gap", "Small gap"),
        "none": pgettext("coverage gap", "No gap"),
    }


def _radius(value: int, maximum: int) -> float:
    """Circle radius with the area proportional to the value (a 1.5 floor keeps 1 visible)."""
    return max(1.5, MAX_RADIUS * math.sqrt(value / maximum)) if maximum else 0.0


def _gap_defs(id_prefix: str) -> str:
    """Fills per gap class that survive greyscale: solid, hatched, dotted, white."""
    return (
        f"<defs>{_hatch(f'{id_prefix}-gap-medium', 'gap-medium')}"
        f'<pattern id="{id_prefix}-gap-low" patternUnits="userSpaceOnUse" width="5" height="5">'
        f'<rect class="gap-low-bg" width="5" height="5" fill="#fff"/>'
        f'<circle class="gap-low-line" cx="2.5" cy="2.5" r="1.1" fill="#000"/></pattern></defs>'
    )


def _gap_fill(id_prefix: str, gap: str) -> str:
    return {
        "high": 'fill="#222"',
        "medium": f'fill="url(#{id_prefix}-gap-medium)"',
        "low": f'fill="url(#{id_prefix}-gap-low)"',
    }.get(gap, 'fill="#fff"')


def symbol_map(
    *,
    id_prefix: str,
    title: str,
    desc: str,
    points: Sequence[MapPoint],
    value_label: str,
    suppressed_label: str,
    legend_title: str,
    base: bool = True,
    base_caption: str = "",
    gap_labels: Mapping[str, str] | None = None,
) -> SafeString:
    """Proportional circles (area ∝ value) at arrondissement centroids, filled by coverage-gap
    class, largest first so small circles stay on top; suppressed points as small hollow
    markers. A legend explains sizes, gap classes and the suppressed marker. With ``base``,
    the judicial arrondissements are drawn as light outlines for orientation, captioned by
    ``base_caption``. ``gap_labels`` names the gap classes (defaults: translated "Large gap",
    "Moderate gap", "Small gap", "No gap")."""
    labels = {**_gap_labels(), **(gap_labels or {})}
    maximum = max((p.value for p in points if p.value is not None), default=0)
    body = [_gap_defs(id_prefix)]
    if base:
        paths = "".join(f'<path d="{d}"/>' for _id, d in base_outlines())
        body.append(
            f'<g class="map-base" fill="#f4f4f4" stroke="#999" stroke-width="1" '
            f'stroke-linejoin="round">{paths}</g>'
        )
    shown = sorted(
        ((p.value, p) for p in points if p.value is not None), key=lambda v: (-v[0], v[1].code)
    )
    circles = []
    for value, point in shown:
        x, y = project(point.latitude, point.longitude)
        gap = point.gap if point.gap in GAPS else "none"
        tooltip = f"{point.label}: {_number(value)} ({labels[gap]})"
        circles.append(
            f'<circle class="symbol gap-{gap}" cx="{_f(x)}" cy="{_f(y)}" '
            f'r="{_f(_radius(value, maximum))}" {_gap_fill(id_prefix, gap)}>'
            f"<title>{escape(tooltip)}</title></circle>"
        )
    for point in sorted((p for p in points if p.value is None), key=lambda p: p.code):
        x, y = project(point.latitude, point.longitude)
        circles.append(
            f'<circle class="symbol suppressed" cx="{_f(x)}" cy="{_f(y)}" r="4" fill="#fff" '
            f'stroke-dasharray="2 1.5"><title>{escape(point.label)}: '
            f"{escape(suppressed_label)}</title></circle>"
        )
    body.append(f'<g class="map-symbols" stroke="#000" stroke-width="1">{"".join(circles)}</g>')

    # Legend below the map: sizes on the left, gap classes and suppressed on the right.
    y0 = MAP_HEIGHT + 16
    legend = [_text(MAP_PAD, y0, legend_title, "chart-legend-title")]
    legend.append(_text(MAP_PAD, y0 + 20, value_label, "chart-axis-label"))
    top_size = nice_floor(maximum)
    sizes = sorted({nice_floor(top_size / 10), nice_floor(top_size / 3), top_size} - {0})
    x = MAP_PAD + MAX_RADIUS
    for size in sizes[-3:]:
        r = _radius(size, maximum)
        legend.append(
            f'<circle class="symbol legend-size" cx="{_f(x)}" cy="{_f(y0 + 92 - r)}" '
            f'r="{_f(r)}" fill="none" stroke="#000"/>'
            + _text(x, y0 + 110, _number(size), "chart-tick", "middle")
        )
        x += 2 * MAX_RADIUS + 16
    gx = WIDTH / 2
    entries = [(labels[g], _gap_fill(id_prefix, g), f"gap-{g}", "") for g in GAPS]
    entries.append((suppressed_label, 'fill="#fff"', "suppressed", ' stroke-dasharray="2 1.5"'))
    for index, (label, fill, css, dash) in enumerate(entries):
        y = y0 + 14 + index * 20
        radius = 7 if css != "suppressed" else 4
        legend.append(
            f'<circle class="symbol {css}" cx="{_f(gx + 8)}" cy="{_f(y - 4)}" r="{radius}" '
            f'{fill} stroke="#000"{dash}/>' + _text(gx + 24, y, label)
        )
    height = y0 + 124
    if base and base_caption:
        legend.append(_text(MAP_PAD, height, base_caption, "chart-caption"))
        height += 12
    body.append(f'<g class="chart-legend">{"".join(legend)}</g>')
    return _svg(id_prefix=id_prefix, kind="map", title=title, desc=desc, height=height, body=body)
