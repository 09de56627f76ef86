"""What a report page and its PDF show, built from the page's frozen figures only (never
from live data): tables of cells, the SVG charts beside them, and the words of the method.

A suppressed value (None) is a :class:`Cell` with ``suppressed`` set: templates write a dash
and the word "hidden", never a number."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from beoncosup.insights import charts, periods
from beoncosup.insights.cubes import CUBES

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Cell:
    value: int | None
    text: str

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    is_total: bool = False


@dataclass(frozen=True)
class Section:
    """A table (with its column headings) and, optionally, the chart drawn from it."""

    columns: list[str]
    rows: list[Row]
    chart: SafeString | None = None


def cell(value: int | None) -> Cell:
    return Cell(value, "" if value is None else str(number_format(value, force_grouping=True)))


def share(part: int | None, whole: int | None) -> Cell:
    """``part`` as a percentage of ``whole``, one decimal; hidden when either is."""
    if part is None or whole is None or whole == 0:
        return Cell(None, "")
    percent = round(100 * part / whole, 1)
    text = _("%(share)s%%") % {"share": number_format(percent, decimal_pos=1)}
    return Cell(int(percent), text)


def _label(labels: dict[str, dict[str, str]], code: str, language: str) -> str:
    names = labels.get(code) or {}
    return names.get(language) or names.get("en") or code


def _suppressed_label() -> str:
    return _("hidden (too few, or hidden to protect a small number)")


def _demand(figures: dict[str, Any], language: str) -> Section:
    quarters = [periods.label(q) for q in figures["quarters"]]
    labels = figures["labels"]["needs"]
    domains = figures["domains"]
    rows = [
        Row(_label(labels, code, language), [cell(v) for v in domains["series"][code]])
        for code in domains["codes"]
    ]
    rows.append(Row(_("All needs"), [cell(v) for v in domains["total"]], is_total=True))
    series = [(row.label, [c.value for c in row.cells]) for row in rows[:-1]][:6]
    chart = charts.line_chart(
        id_prefix="report-demand",
        title=_("Needs searched for by domain, five quarters"),
        desc=_("One line per domain of supportive care; the table beside gives the figures."),
        periods=quarters,
        series=series,
        y_label=_("Searches"),
        suppressed_label=_suppressed_label(),
    )
    return Section([_("Domain"), *quarters], rows, chart)


def _top_needs(figures: dict[str, Any], language: str) -> Section:
    labels = figures["labels"]["needs"]
    rows = [
        Row(
            _label(labels, item["need"], language),
            [cell(item["searches"]), cell(item["none"]), share(item["none"], item["searches"])],
        )
        for item in figures["top_needs"]
    ]
    chart = None
    if rows:
        chart = charts.bar_chart(
            id_prefix="report-needs",
            title=_("The most searched needs"),
            desc=_("Searches per need in the quarter; the table beside gives the figures."),
            rows=[(row.label, row.cells[0].value) for row in rows],
            value_label=_("Searches"),
            suppressed_label=_suppressed_label(),
        )
    columns = [_("Need"), _("Searches"), _("No service within reach"), _("Share without a service")]
    return Section(columns, rows, chart)


def _provinces(figures: dict[str, Any], language: str) -> Section:
    names = figures["labels"]["areas"]
    rows = [
        Row(
            _label(names, item["area"], language),
            [cell(item["searches"]), cell(item["none"]), share(item["none"], item["searches"])],
        )
        for item in figures["provinces"]
    ]
    national = figures["national"]
    rows.append(
        Row(
            _("Belgium"),
            [
                cell(national["searches"]),
                cell(national["none"]),
                share(national["none"], national["searches"]),
            ],
            is_total=True,
        )
    )
    columns = [
        _("Province"),
        _("Searches"),
        _("No service within reach"),
        _("Share without a service"),
    ]
    return Section(columns, rows)


def _languages(figures: dict[str, Any], language: str) -> Section:
    names = figures["labels"]["areas"]
    cube = CUBES["demand_language"]
    data = figures["languages"]
    rows = [
        Row(
            _("Belgium") if item["area"] == "BE" else _label(names, item["area"], language),
            [cell(v) for v in item["values"]],
            is_total=item["area"] == "BE",
        )
        for item in data["rows"]
    ]
    return Section([_("Province"), *(cube.breakdown_label(c) for c in data["codes"])], rows)


def _breakdown(
    figures: dict[str, Any], name: str, *, title: str, first_column: str, measure: str
) -> Section:
    cube = CUBES[name]
    data = figures[name]
    rows = [
        Row(cube.breakdown_label(code), [cell(v)])
        for code, v in zip(data["codes"], data["values"], strict=True)
    ]
    rows.append(Row(_("Total"), [cell(data["total"])], is_total=True))
    chart = charts.bar_chart(
        id_prefix=f"report-{name.replace('_', '-')}",
        title=title,
        desc=_("The table beside gives the figures."),
        rows=[(row.label, row.cells[0].value) for row in rows[:-1]],
        value_label=measure,
        suppressed_label=_suppressed_label(),
    )
    return Section([first_column, measure], rows, chart)


def _date(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def report_context(request: HttpRequest, page: Any) -> dict[str, Any]:
    """The template context of a report (page or PDF) in the active language."""
    figures: dict[str, Any] = page.figures or {}
    context: dict[str, Any] = {
        "quarter_label": periods.label(page.quarter),
        "page_url": page.get_full_url(request),
        "pdf_url": f"{page.get_url(request)}pdf/",
        "published_on": page.first_published_at,
        "licence_url": LICENCE_URL,
        "has_figures": bool(figures),
    }
    if not figures:
        return context
    language = page.locale.language_code
    referrals_total = figures["referrals"]["total"]
    context.update(
        {
            "k": figures["k"],
            "rounding": figures["rounding"],
            "refreshed_at": _date(figures["refreshed_at"]),
            "taken_at": _date(figures["taken_at"]),
            "has_demo_data": figures["has_demo"],
            "quarter_labels": [periods.label(q) for q in figures["quarters"]],
            "national": {
                "searches": cell(figures["national"]["searches"]),
                "none": cell(figures["national"]["none"]),
                "share": share(figures["national"]["none"], figures["national"]["searches"]),
            },
            "demand": _demand(figures, language),
            "top_needs": _top_needs(figures, language),
            "provinces": _provinces(figures, language),
            "languages": _languages(figures, language),
            "self_checks": _breakdown(
                figures,
                "self_checks",
                title=_("Self-checks by score band"),
                first_column=pgettext("report column", "Score band"),
                measure=_("Self-checks"),
            ),
            "referrals": (
                _breakdown(
                    figures,
                    "referrals",
                    title=_("Referrals by outcome"),
                    first_column=pgettext("report column", "Outcome"),
                    measure=_("Referrals"),
                )
                if referrals_total
                else None
            ),
        }
    )
    return context
