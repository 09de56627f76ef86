"""Referrals: how they ended, days to a first answer, capacity now."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beoncosup.insights import charts, selectors
from beoncosup.insights.cubes import ALL, CUBES
from beoncosup.insights.dimensions import need_parents
from beoncosup.insights.views.common import Filters, Panel, Table, Value, suppressed_label
from beoncosup.insights.views.panels.helpers import (
    children_of,
    province_of,
)


def referrals_panels(filters: Filters, labels: dict[str, str], *, public: bool) -> list[Panel]:
    area = province_of(filters.area)
    cube = CUBES["referrals"]
    # Referrals are published by domain of need: a need reads as its domain.
    parents = need_parents()
    need = filters.need if parents.get(filters.need) in (None, ALL) else str(parents[filters.need])
    codes = children_of(need) if need == ALL else [need]
    found = selectors.cells(
        "referrals",
        periods_in=[filters.period],
        needs=codes,
        areas=[area],
        public=public,
    )
    outcomes = cube.breakdown_codes()
    title = _("Referrals closed in %(period)s and how they ended, %(area)s") % {
        "period": filters.period_label,
        "area": selectors.area_label(area),
    }
    rows: list[tuple[str, list[Value]]] = [
        (
            labels.get(c, c),
            [
                found.get((filters.period, c, area, ALL)),
                *(found.get((filters.period, c, area, o)) for o in outcomes),
            ],
        )
        for c in codes
    ]
    total = selectors.cells(
        "referrals", periods_in=[filters.period], needs=[need], areas=[area], public=public
    )
    chart = charts.bar_chart(
        id_prefix="referral-outcomes",
        title=title,
        desc=_("Closed referrals per outcome, for the need chosen."),
        rows=[
            (cube.breakdown_label(o), total.get((filters.period, need, area, o))) for o in outcomes
        ],
        value_label=_("referrals"),
        suppressed_label=suppressed_label(),
    )
    first = Panel(
        id="referral-outcomes",
        title=title,
        chart=chart,
        table=Table(
            caption=title,
            columns=[_("All outcomes"), *(cube.breakdown_label(o) for o in outcomes)],
            rows=rows,
        ),
    )
    if public:
        return [first]
    start, end = selectors.period_bounds(filters.period)
    leaf_needs = [c for c, p in need_parents().items() if p not in (None, ALL)]
    wanted = leaf_needs if filters.need == ALL else children_of(filters.need)
    times = selectors.response_times(
        months=(start, end), needs=wanted, area=area, k=selectors.published_state().k
    )
    supply = selectors.supply_of(areas=[area], needs=wanted)
    waits: list[tuple[str, list[Value]]] = []
    for code in sorted(wanted, key=lambda c: labels.get(c, c)):
        row = supply.get((area, code))
        time = times.get(code)
        if row is None and time is None:
            continue
        waits.append(
            (
                labels.get(code, code),
                [
                    time.mean_days if time else None,
                    getattr(row, "open", None),
                    getattr(row, "waiting", None),
                    getattr(row, "closed", None),
                ],
            )
        )
    wait_title = _("Days to a first answer, and services' capacity now, %(area)s") % {
        "area": selectors.area_label(area)
    }
    second = Panel(
        id="referral-waits",
        title=wait_title,
        table=Table(
            caption=wait_title,
            columns=[
                _("Mean days to the service's first answer"),
                _("Services open"),
                _("Services with a waiting list"),
                _("Services closed to new referrals"),
            ],
            rows=waits,
        ),
        notes=[
            _(
                "A mean is shown only when at least %(k)s referrals were answered. Capacity is "
                "what the services state on their listing today."
            )
            % {"k": selectors.published_state().k}
        ],
    )
    return [first, second]
