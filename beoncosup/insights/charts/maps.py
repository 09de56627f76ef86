"""The proportional-symbol map of Belgium."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import pgettext

from beoncosup.insights.charts.svg import (
    BASE_MAP_FILE,
    GAPS,
    WIDTH,
    fmt,
    format_number,
    hatch_pattern,
    nice_floor,
    svg_frame,
    svg_text,
)


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
            rings.append("M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in points) + "Z")
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
        f"<defs>{hatch_pattern(f'{id_prefix}-gap-medium', 'gap-medium')}"
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
        tooltip = f"{point.label}: {format_number(value)} ({labels[gap]})"
        circles.append(
            f'<circle class="symbol gap-{gap}" cx="{fmt(x)}" cy="{fmt(y)}" '
            f'r="{fmt(_radius(value, maximum))}" {_gap_fill(id_prefix, gap)}>'
            f"<title>{escape(tooltip)}</title></circle>"
        )
    for point in sorted((p for p in points if p.value is None), key=lambda p: p.code):
        x, y = project(point.latitude, point.longitude)
        circles.append(
            f'<circle class="symbol suppressed" cx="{fmt(x)}" cy="{fmt(y)}" r="4" fill="#fff" '
            f'stroke-dasharray="2 1.5"><title>{escape(point.label)}: '
            f"{escape(suppressed_label)}</title></circle>"
        )
    body.append(f'<g class="map-symbols" stroke="#000" stroke-width="1">{"".join(circles)}</g>')

    # Legend below the map: sizes on the left, gap classes and suppressed on the right.
    y0 = MAP_HEIGHT + 16
    legend = [svg_text(MAP_PAD, y0, legend_title, "chart-legend-title")]
    legend.append(svg_text(MAP_PAD, y0 + 20, value_label, "chart-axis-label"))
    top_size = nice_floor(maximum)
    sizes = sorted({nice_floor(top_size / 10), nice_floor(top_size / 3), top_size} - {0})
    x = MAP_PAD + MAX_RADIUS
    for size in sizes[-3:]:
        r = _radius(size, maximum)
        legend.append(
            f'<circle class="symbol legend-size" cx="{fmt(x)}" cy="{fmt(y0 + 92 - r)}" '
            f'r="{fmt(r)}" fill="none" stroke="#000"/>'
            + svg_text(x, y0 + 110, format_number(size), "chart-tick", "middle")
        )
        x += 2 * MAX_RADIUS + 16
    gx = WIDTH / 2
    entries = [(labels[g], _gap_fill(id_prefix, g), f"gap-{g}", "") for g in GAPS]
    entries.append((suppressed_label, 'fill="#fff"', "suppressed", ' stroke-dasharray="2 1.5"'))
    for index, (label, fill, css, dash) in enumerate(entries):
        y = y0 + 14 + index * 20
        radius = 7 if css != "suppressed" else 4
        legend.append(
            f'<circle class="symbol {css}" cx="{fmt(gx + 8)}" cy="{fmt(y - 4)}" r="{radius}" '
            f'{fill} stroke="#000"{dash}/>' + svg_text(gx + 24, y, label)
        )
    height = y0 + 124
    if base and base_caption:
        legend.append(svg_text(MAP_PAD, height, base_caption, "chart-caption"))
        height += 12
    body.append(f'<g class="chart-legend">{"".join(legend)}</g>')
    return svg_frame(
        id_prefix=id_prefix, kind="map", title=title, desc=desc, height=height, body=body
    )
