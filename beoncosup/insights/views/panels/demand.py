"""Demand: searches over time and what was searched for."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beoncosup.insights import charts, selectors
from beoncosup.insights.cubes import ALL
from beoncosup.insights.views.common import Filters, Panel, Table, Value, suppressed_label
from beoncosup.insights.views.panels.helpers import (
    children_of,
    province_of,
    supply_count,
    supply_needs,
)


def demand_over_time(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    quarters = filters.quarters
    searches = selectors.series(
        "demand",
        quarters=quarters,
        need=filters.need,
        area=filters.area,
        breakdowns=[ALL],
        public=public,
    )[ALL]
    coverage_area = province_of(filters.area)
    names = {
        ALL: _("Searches"),
        "none": _("No service within reach"),
        "poor": _("One or two services within reach"),
    }
    series: list[tuple[str, list[int | None]]] = [(names[ALL], searches)]
    notes = []
    if coverage_area == filters.area:
        covered = selectors.series(
            "coverage",
            quarters=quarters,
            need=filters.need,
            area=filters.area,
            breakdowns=["none", "poor"],
            public=public,
        )
        series += [(names["none"], covered["none"]), (names["poor"], covered["poor"])]
    else:
        notes.append(
            _("How well searches were covered is published by province, not by arrondissement.")
        )
    title = _("Searches for %(need)s in %(area)s, by quarter") % {
        "need": labels.get(filters.need, filters.need),
        "area": selectors.area_label(filters.area),
    }
    chart = charts.line_chart(
        id_prefix="demand-time",
        title=title,
        desc=_("Number of searches per quarter, and how many found few or no services."),
        periods=[q.replace("-", " ") for q in quarters],
        series=series,
        y_label=_("searches"),
        suppressed_label=suppressed_label(),
    )
    rows: list[tuple[str, list[Value]]] = [
        (q.replace("-", " "), [values[i] for _name, values in series])
        for i, q in enumerate(quarters)
    ]
    return Panel(
        id="demand-time",
        title=title,
        chart=chart,
        table=Table(caption=title, columns=[name for name, _values in series], rows=rows),
        notes=notes,
    )


def demand_by_need(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    codes = children_of(filters.need)
    found = selectors.cells(
        "demand",
        periods_in=[filters.period],
        needs=codes,
        areas=[filters.area],
        public=public,
    )
    found.update(
        selectors.cells(
            "coverage",
            periods_in=[filters.period],
            needs=codes,
            areas=[filters.area],
            breakdowns=["none"],
            public=public,
        )
    )
    supply = selectors.supply_of(areas=[filters.area], needs=codes)
    rows = sorted(
        codes,
        key=lambda c: -(found.get((filters.period, c, filters.area, ALL)) or 0),
    )
    title = _("What was searched for in %(area)s, %(period)s") % {
        "area": selectors.area_label(filters.area),
        "period": filters.period_label,
    }
    # Supply is for analysts: the public page shows published counts only.
    has_supply = not public and any(code in supply_needs(supply) for code in codes)
    chart = charts.bar_chart(
        id_prefix="demand-needs",
        title=title,
        desc=_("Searches per need; the thin bar is the number of services within reach."),
        rows=[(labels.get(c, c), found.get((filters.period, c, filters.area, ALL))) for c in rows],
        value_label=_("searches"),
        suppressed_label=suppressed_label(),
        secondary=[supply_count(supply, filters.area, c) for c in rows] if has_supply else None,
        secondary_label=_("services within reach"),
    )
    columns = [_("Searches"), _("No service within reach")]
    if has_supply:
        columns.append(_("Services within reach"))
    by_province = province_of(filters.area) == filters.area
    table_rows: list[tuple[str, list[Value]]] = [
        (
            labels.get(c, c),
            [
                found.get((filters.period, c, filters.area, ALL)),
                found.get((filters.period, c, filters.area, "none")) if by_province else "–",
                *([supply_count(supply, filters.area, c)] if has_supply else []),
            ],
        )
        for c in rows
    ]
    return Panel(
        id="demand-needs",
        title=title,
        chart=chart,
        table=Table(caption=title, columns=columns, rows=table_rows),
    )
