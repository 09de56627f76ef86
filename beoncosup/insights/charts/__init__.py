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

from beoncosup.insights.charts.maps import (
    MAP_HEIGHT,
    MapPoint,
    base_outlines,
    project,
    symbol_map,
)
from beoncosup.insights.charts.plots import bar_chart, line_chart
from beoncosup.insights.charts.svg import BASE_MAP_FILE, GAPS, WIDTH, nice_floor, nice_ticks

__all__ = [
    "BASE_MAP_FILE",
    "GAPS",
    "MAP_HEIGHT",
    "WIDTH",
    "MapPoint",
    "bar_chart",
    "base_outlines",
    "line_chart",
    "nice_floor",
    "nice_ticks",
    "project",
    "symbol_map",
]
