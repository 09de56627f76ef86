"""The frozen figures of a quarterly report: a small snapshot of the public cubes (complete
periods, rounded, suppressed cells as None), taken once and stored on the page, so that the
document stays the same when the data are refreshed later.

The snapshot holds codes and numbers, and the labels of its needs, domains and provinces in
the four languages (so a renamed need does not change an old report). Its shape (version 1)::

    {"version": 1, "quarter": "2026-Q3", "quarters": [five quarters, oldest first],
     "taken_at": ISO datetime, "refreshed_at": ISO datetime or None, "has_demo": bool,
     "k": 10, "rounding": 5,
     "national": {"searches": n, "none": n, "poor": n},
     "domains": {"codes": [...], "series": {code: [n per quarter]}, "total": [n per quarter]},
     "top_needs": [{"need": code, "searches": n, "none": n}],  # the 15 most searched
     "provinces": [{"area": code, "searches": n, "none": n}],
     "languages": {"codes": ["nl", "fr", "de", "en"], "rows": [{"area": code, "values": [...]}]},
     "self_checks": {"codes": [band, ...], "values": [...], "total": n},
     "referrals": {"codes": [outcome, ...], "values": [...], "total": n},
     "labels": {"needs": {code: {lang: label}}, "areas": {code: {lang: name}}}}

where every n is an int or None (suppressed).

The cells are read as ``selectors.cells(..., public=True)`` reads them (suppressed → None,
others rounded by ``disclosure.round_public``), but through ``apps.get_model``: insights.models
imports the report's page models, so the report package must not import insights.models or
the selectors (an import cycle, refused by import-linter's "acyclic" contract)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from beoncosup.insights import periods
from beoncosup.insights.areas import LANGUAGES, province_name
from beoncosup.insights.cubes import ALL, CUBES, NATIONAL
from beoncosup.insights.dimensions import need_parents, provinces
from beoncosup.insights.disclosure import round_public
from beoncosup.taxonomy.models import Domain, Need

VERSION = 1
TOP_NEEDS = 15
HISTORY = 4  # quarters before the report's quarter
ROUNDING = 5
Key = tuple[str, str, str, str]  # period, need, area, breakdown


def cells(
    cube: str, *, periods_in: list[str], needs: list[str], areas: list[str], breakdowns: list[str]
) -> dict[Key, int | None]:
    """Public values of a cube's cells, as ``selectors.cells(..., public=True)``: suppressed
    cells None, the others rounded to 5 (never below k); a missing cell is absent (None)."""
    published_cell = apps.get_model("insights", "PublishedCell")
    rows = published_cell.objects.filter(
        cube=cube,
        period__in=periods_in,
        need__in=needs,
        area__in=areas,
        breakdown__in=breakdowns,
    ).values_list("period", "need", "area", "breakdown", "count", "suppressed")
    k = settings.BEONCOSUP_INSIGHTS_K
    return {
        (period, need, area, breakdown): None if suppressed else round_public(count, k=k)
        for period, need, area, breakdown, count, suppressed in rows
    }


def previous_quarters(quarter: str, count: int) -> list[str]:
    """``count`` quarters ending with ``quarter``, oldest first."""
    year, q = int(quarter[:4]), int(quarter[-1])
    found = []
    for _index in range(count):
        found.append(f"{year}-Q{q}")
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return list(reversed(found))


def quarter_problem(quarter: str, *, today: dt.date | None = None) -> str:
    """Why ``quarter`` cannot have a report ("" when it can): not a quarter, or not over."""
    today = today or timezone.localdate()
    match = periods.PERIOD.match(quarter)
    if match is None or match.group(2) is None:
        return "format"
    if not periods.is_complete(quarter, today=today):
        return "incomplete"
    return ""


def _labels(rows: Any) -> dict[str, dict[str, str]]:
    """Labels in the four languages (modeltranslation's label_nl, label_fr, …)."""
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found[row.code] = {
            language: str(getattr(row, f"label_{language}", "") or row.label)
            for language in LANGUAGES
        }
    return found


def snapshot_take(quarter: str) -> dict[str, Any]:
    """The figures of ``quarter`` and the four quarters before it, from the public cubes
    (rounded to 5, suppressed cells None). Reads only; about ten queries."""
    quarters = previous_quarters(quarter, HISTORY + 1)
    state = apps.get_model("insights", "RefreshState").objects.filter(name="published").first()
    refreshed_at = state.refreshed_at if state else None
    parents = need_parents()
    domains = sorted(code for code, parent in parents.items() if parent == ALL)
    needs = [code for code, parent in parents.items() if parent not in (None, ALL)]
    area_codes = provinces()

    demand_history = cells(
        "demand", periods_in=quarters, needs=[ALL, *domains], areas=[NATIONAL],
        breakdowns=[ALL],
    )  # fmt: skip
    domain_series = {
        code: [demand_history.get((q, code, NATIONAL, ALL)) for q in quarters] for code in domains
    }
    demand_now = cells(
        "coverage", periods_in=[quarter], needs=[ALL, *needs], areas=[NATIONAL, *area_codes],
        breakdowns=[ALL, "none", "poor"],
    )  # fmt: skip

    def value(need: str, area: str, breakdown: str) -> int | None:
        return demand_now.get((quarter, need, area, breakdown))

    searched = [(code, value(code, NATIONAL, ALL)) for code in needs]
    ranked = sorted(
        ((code, count) for code, count in searched if count is not None),
        key=lambda item: (-item[1], item[0]),
    )[:TOP_NEEDS]
    top_needs = [
        {"need": code, "searches": count, "none": value(code, NATIONAL, "none")}
        for code, count in ranked
    ]

    language_codes = CUBES["demand_language"].breakdown_codes()
    by_language = cells(
        "demand_language", periods_in=[quarter], needs=[ALL], areas=[NATIONAL, *area_codes],
        breakdowns=language_codes,
    )  # fmt: skip
    band_codes = CUBES["self_checks"].breakdown_codes()
    checks = cells(
        "self_checks", periods_in=[quarter], needs=[ALL], areas=[NATIONAL],
        breakdowns=[ALL, *band_codes],
    )  # fmt: skip
    outcome_codes = CUBES["referrals"].breakdown_codes()
    referrals = cells(
        "referrals", periods_in=[quarter], needs=[ALL], areas=[NATIONAL],
        breakdowns=[ALL, *outcome_codes],
    )  # fmt: skip

    need_labels = _labels(Need.objects.filter(code__in=[code for code, _count in ranked]))
    need_labels.update(_labels(Domain.objects.filter(code__in=domains)))
    return {
        "version": VERSION,
        "quarter": quarter,
        "quarters": quarters,
        "taken_at": timezone.now().isoformat(timespec="seconds"),
        "refreshed_at": refreshed_at.isoformat(timespec="seconds") if refreshed_at else None,
        "has_demo": bool(state and state.has_demo),
        "k": settings.BEONCOSUP_INSIGHTS_K,
        "rounding": ROUNDING,
        "national": {
            "searches": value(ALL, NATIONAL, ALL),
            "none": value(ALL, NATIONAL, "none"),
            "poor": value(ALL, NATIONAL, "poor"),
        },
        "domains": {
            "codes": domains,
            "series": domain_series,
            "total": [demand_history.get((q, ALL, NATIONAL, ALL)) for q in quarters],
        },
        "top_needs": top_needs,
        "provinces": [
            {"area": area, "searches": value(ALL, area, ALL), "none": value(ALL, area, "none")}
            for area in area_codes
        ],
        "languages": {
            "codes": language_codes,
            "rows": [
                {
                    "area": area,
                    "values": [
                        by_language.get((quarter, ALL, area, code)) for code in language_codes
                    ],
                }
                for area in [*area_codes, NATIONAL]
            ],
        },
        "self_checks": {
            "codes": band_codes,
            "values": [checks.get((quarter, ALL, NATIONAL, code)) for code in band_codes],
            "total": checks.get((quarter, ALL, NATIONAL, ALL)),
        },
        "referrals": {
            "codes": outcome_codes,
            "values": [referrals.get((quarter, ALL, NATIONAL, code)) for code in outcome_codes],
            "total": referrals.get((quarter, ALL, NATIONAL, ALL)),
        },
        "labels": {
            "needs": need_labels,
            "areas": {
                area: {language: province_name(area, language) for language in LANGUAGES}
                for area in area_codes
            },
        },
    }
