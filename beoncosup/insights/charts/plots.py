"""The line and bar charts."""

from __future__ import annotations

import math

from django.utils.html import escape
from django.utils.safestring import SafeString

from beoncosup.insights.charts.svg import (
    DASHES,
    MARKERS,
    WIDTH,
    draw_marker,
    fmt,
    format_number,
    hatch_pattern,
    nice_ticks,
    svg_frame,
    svg_text,
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

    body = [svg_text(8, 18, y_label, "chart-axis-label")]
    for tick in ticks:
        y = bottom - tick * scale
        body.append(
            f'<line class="chart-grid" x1="{fmt(left)}" x2="{fmt(left + plot_width)}" '
            f'y1="{fmt(y)}" y2="{fmt(y)}" stroke="#ccc" stroke-width="1"/>'
        )
        body.append(svg_text(left - 8, y + 4, format_number(tick), "chart-tick", "end"))
    label_every = max(1, math.ceil(len(periods) / 10))
    for i, period in enumerate(periods):
        if i % label_every == 0:
            body.append(svg_text(x_at(i), bottom + 20, period, "chart-tick", "middle"))
    body.append(
        f'<line class="chart-axis" x1="{fmt(left)}" x2="{fmt(left + plot_width)}" '
        f'y1="{fmt(bottom)}" y2="{fmt(bottom)}" stroke="#000" stroke-width="1.5"/>'
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
                    draw_marker(
                        shape, x_at(i), bottom, f"{css} suppressed", tooltip, size=3.5, hollow=True
                    )
                )
                continue
            x, y = x_at(i), bottom - value * scale
            parts[-1].append(f"{fmt(x)},{fmt(y)}")
            marks.append(
                draw_marker(
                    shape, x, y, f"{css} point", f"{name}, {periods[i]}: {format_number(value)}"
                )
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
            f'<g class="chart-legend-item {css}"><line x1="{fmt(left)}" x2="{fmt(left + 40)}" '
            f'y1="{fmt(y - 4)}" y2="{fmt(y - 4)}" stroke="#000" stroke-width="2.5"{dash_attr}/>'
            f"{draw_marker(shape, left + 20, y - 4, f'{css} point', name)}"
            f"{svg_text(left + 50, y, name)}</g>"
        )
    if suppressed_any:
        y = bottom + 44 + 22 * len(series)
        marker = draw_marker(
            "circle", left + 20, y - 4, "suppressed", suppressed_label, size=3.5, hollow=True
        )
        body.append(
            f'<g class="chart-legend-item">{marker}{svg_text(left + 50, y, suppressed_label)}</g>'
        )
    return svg_frame(
        id_prefix=id_prefix, kind="line", title=title, desc=desc, height=height, body=body
    )


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
    body = [f"<defs>{hatch_pattern(hatch_id, 'hatch')}</defs>"]
    if secondary is None:
        body.append(svg_text(bar_left, 16, value_label, "chart-axis-label"))
    else:
        body.append(
            f'<rect class="bar bar-primary" x="{fmt(bar_left)}" y="5" width="24" height="14" '
            f'fill="#555"/>{svg_text(bar_left + 32, 16, value_label, "chart-axis-label")}'
            f'<rect class="bar bar-secondary" x="{fmt(bar_left)}" y="27" width="24" height="6" '
            f'fill="#fff" stroke="#000"/>{svg_text(bar_left + 32, 35, secondary_label)}'
        )

    def value_text(x: float, y: float, value: int | None) -> str:
        return svg_text(x + 6, y, format_number(value) if value is not None else "–", "chart-value")

    def stub(x: float, y: float, tall: float, label: str) -> str:
        return (
            f'<rect class="bar suppressed" x="{fmt(x)}" y="{fmt(y)}" width="12" '
            f'height="{fmt(tall)}"'
            f' fill="url(#{hatch_id})" stroke="#000" stroke-dasharray="2 2">'
            f"<title>{escape(label)}</title></rect>"
            f"{svg_text(x + 18, y + tall - 3, '– ' + suppressed_label, 'chart-suppressed')}"
        )

    for index, (label, value) in enumerate(rows):
        y = top + index * row_height
        body.append(svg_text(label_width, y + 15, label, "chart-label", "end"))
        if value is None:
            body.append(stub(bar_left, y + 2, 18, f"{label}: {suppressed_label}"))
        else:
            width = bar_width * value / primary_max
            body.append(
                f'<rect class="bar bar-primary" x="{fmt(bar_left)}" y="{fmt(y + 2)}" '
                f'width="{fmt(width)}" height="18" fill="#555">'
                f"<title>{escape(label)}: {format_number(value)}</title></rect>"
                + value_text(bar_left + width, y + 16, value)
            )
        if secondary is not None:
            extra = secondary[index] if index < len(secondary) else None
            if extra is None:
                body.append(stub(bar_left, y + 23, 8, f"{label}: {suppressed_label}"))
            else:
                width = bar_width * extra / secondary_max
                body.append(
                    f'<rect class="bar bar-secondary" x="{fmt(bar_left)}" y="{fmt(y + 24)}" '
                    f'width="{fmt(width)}" height="6" fill="#fff" stroke="#000">'
                    f"<title>{escape(label)}, {escape(secondary_label)}: {format_number(extra)}"
                    f"</title></rect>"
                    + svg_text(
                        bar_left + width + 6, y + 30, format_number(extra), "chart-value-secondary"
                    )
                )
    body.append(
        f'<line class="chart-axis" x1="{fmt(bar_left)}" x2="{fmt(bar_left)}" y1="{fmt(top - 2)}" '
        f'y2="{fmt(height - 8)}" stroke="#000"/>'
    )
    return svg_frame(
        id_prefix=id_prefix, kind="bar", title=title, desc=desc, height=height, body=body
    )
