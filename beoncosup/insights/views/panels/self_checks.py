"""Self-checks: score bands over time and the needs they pointed to."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beoncosup.insights import charts, selectors
from beoncosup.insights.cubes import ALL, CUBES, NATIONAL
from beoncosup.insights.dimensions import need_parents
from beoncosup.insights.views.common import Filters, Panel, Table, suppressed_label


def self_check_panels(filters: Filters, labels: dict[str, str], *, public: bool) -> list[Panel]:
    area = NATIONAL  # self-checks are published for Belgium as a whole
    cube = CUBES["self_checks"]
    bands = cube.breakdown_codes()
    quarters = filters.quarters
    values = selectors.series(
        "self_checks",
        quarters=quarters,
        need=ALL,
        area=area,
        breakdowns=[ALL, *bands],
        public=public,
    )
    title = _("Self-checks by score band, %(area)s, by quarter") % {
        "area": selectors.area_label(area)
    }
    chart = charts.line_chart(
        id_prefix="bands",
        title=title,
        desc=_("Self-checks given with consent per quarter, in all and per score band."),
        periods=[q.replace("-", " ") for q in quarters],
        series=[(cube.breakdown_label(b), values[b]) for b in [ALL, *bands]],
        y_label=_("self-checks"),
        suppressed_label=suppressed_label(),
    )
    first = Panel(
        id="bands",
        title=title,
        chart=chart,
        table=Table(
            caption=title,
            columns=[cube.breakdown_label(b) for b in [ALL, *bands]],
            rows=[
                (q.replace("-", " "), [values[b][i] for b in [ALL, *bands]])
                for i, q in enumerate(quarters)
            ],
        ),
    )
    parents = need_parents()
    leaf_needs = [c for c, p in parents.items() if p not in (None, ALL)]
    found = selectors.cells(
        "self_checks",
        periods_in=[filters.period],
        needs=leaf_needs,
        areas=[area],
        breakdowns=[ALL],
        public=public,
    )
    ranked = sorted(
        (c for c in leaf_needs if found.get((filters.period, c, area, ALL)) is not None),
        key=lambda c: -(found.get((filters.period, c, area, ALL)) or 0),
    )[:15]
    need_title = _("Needs the self-checks pointed to most, %(area)s, %(period)s") % {
        "area": selectors.area_label(area),
        "period": filters.period_label,
    }
    rows: list[tuple[str, int | None]] = [
        (labels.get(c, c), found.get((filters.period, c, area, ALL))) for c in ranked
    ]
    second = Panel(
        id="self-check-needs",
        title=need_title,
        chart=charts.bar_chart(
            id_prefix="self-check-needs",
            title=need_title,
            desc=_("Self-checks pointing to each need (the 15 most frequent)."),
            rows=rows,
            value_label=_("self-checks"),
            suppressed_label=suppressed_label(),
        ),
        table=Table(
            caption=need_title,
            columns=[_("Self-checks")],
            rows=[(label, [value]) for label, value in rows],
        ),
    )
    return [first, second]
