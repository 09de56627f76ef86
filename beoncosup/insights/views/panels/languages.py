"""Languages: searches per page language beside the services that work in it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from beoncosup.insights import charts, selectors
from beoncosup.insights.cubes import CUBES
from beoncosup.insights.views.common import Filters, Panel, Table, Value, suppressed_label
from beoncosup.insights.views.panels.helpers import (
    province_of,
)

LANGUAGES = ("nl", "fr", "de", "en")


def languages_panel(filters: Filters, labels: dict[str, str], *, public: bool) -> Panel:
    area = province_of(filters.area)
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
