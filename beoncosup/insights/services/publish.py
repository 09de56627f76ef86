"""Publishing: building each cube from the rollups and suppressing cells with
``disclosure.protect`` (k = BEONCOSUP_INSIGHTS_K), then storing its cells as PublishedCell rows.

- Dimensions: period (quarters within years), need (needs within domains within "*"; for
  self-checks each need on its own), area (arrondissements or provinces within "BE"; signals
  without a postcode under "?") and the cube's breakdown (its members within "*").
- A linked cube (searches by language) shares its total cells with its parent cube (searches by
  coverage): they are suppressed exactly as the parent published them (``fixed``).
- Cells of a period that was complete when published are **frozen**: later publications keep
  their count and status, so two releases can never be differenced.
- Only cells with a count are stored; a cell with no row is 0, hence suppressed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from beoncosup.insights import disclosure, periods
from beoncosup.insights.cubes import ALL, CUBES, NATIONAL, UNKNOWN_AREA, Cube
from beoncosup.insights.dimensions import area_parents, need_parents
from beoncosup.insights.models import (
    DemandRollup,
    PublishedCell,
    ReferralRollup,
    RefreshState,
    SelfCheckRollup,
)
from beoncosup.insights.services.refresh import month_start

Key = tuple[str, ...]  # period, need, area, breakdown
logger = logging.getLogger(__name__)
Leaves = dict[Key, int]


@dataclass
class PublishReport:
    cells: int = 0
    suppressed: int = 0


def _period_dimension(quarters: list[str], years: list[str]) -> disclosure.Dimension:
    parents: dict[str, str | None] = {year: None for year in years}
    parents.update({quarter: periods.year_of(quarter) for quarter in quarters})
    return disclosure.Dimension(name="period", parents=parents)


def _area_dimension(level: str) -> disclosure.Dimension:
    return disclosure.Dimension(name="area", parents=area_parents(level))


def _breakdown_dimension(cube: Cube) -> disclosure.Dimension:
    parents: dict[str, str | None] = {ALL: None}
    parents.update({code: ALL for code in cube.breakdown_codes()})
    return disclosure.Dimension(name=cube.name, parents=parents)


def _need_dimension(cube: Cube, needs: Mapping[str, str | None]) -> disclosure.Dimension:
    if cube.need_level == "domain":
        domains = {code: parent for code, parent in needs.items() if parent in (None, ALL)}
        return disclosure.Dimension(name="need", parents=domains)
    if cube.needs_additive:
        return disclosure.Dimension(name="need", parents=needs)
    leaves = [code for code in needs if code != ALL and needs[code] not in (None, ALL)]
    flat: dict[str, str | None] = {code: None for code in leaves}
    flat[ALL] = None
    return disclosure.Dimension(name="need", parents=flat, additive=False)


def _need(code: str, needs: Mapping[str, str | None], *, additive: bool) -> str:
    """A rollup's need code as a member of the need dimension (a need since retired from the
    taxonomy counts in "*" only... as a need of its own it would be unknown: fold it into its
    domain when the code names one, else into "*")."""
    if code in needs:
        return code
    domain = code.split(".", maxsplit=1)[0]
    return domain if additive and domain in needs else ALL


def _add(leaves: Leaves, key: Key, value: int) -> None:
    if value:
        leaves[key] = leaves.get(key, 0) + value


def _in_window(month: dt.date, quarters: set[str]) -> str | None:
    quarter = periods.quarter_of(month)
    return quarter if quarter in quarters else None


def _demand_leaves(quarters: set[str], needs: Mapping[str, str | None], start: dt.date) -> Leaves:
    leaves: Leaves = {}
    rows = (
        DemandRollup.objects.filter(month__gte=start)
        .values("month", "need_code", "arrondissement")
        .annotate(s=Sum("searches"))
    )
    for row in rows:
        quarter = _in_window(row["month"], quarters)
        if quarter is not None:
            need = _need(row["need_code"], needs, additive=True)
            _add(leaves, (quarter, need, row["arrondissement"] or UNKNOWN_AREA, ALL), row["s"])
    return leaves


def _coverage_leaves(quarters: set[str], needs: Mapping[str, str | None], start: dt.date) -> Leaves:
    leaves: Leaves = {}
    rows = (
        DemandRollup.objects.filter(month__gte=start)
        .values("month", "need_code", "province")
        .annotate(s=Sum("searches"), u=Sum("unmet"), p=Sum("poor"))
    )
    for row in rows:
        quarter = _in_window(row["month"], quarters)
        if quarter is None:
            continue
        need = _need(row["need_code"], needs, additive=True)
        area = row["province"] or UNKNOWN_AREA
        _add(leaves, (quarter, need, area, "none"), row["u"])
        _add(leaves, (quarter, need, area, "poor"), row["p"])
        _add(leaves, (quarter, need, area, "covered"), row["s"] - row["u"] - row["p"])
    return leaves


def _simple_leaves(
    rows: Iterable[Mapping[str, object]],
    *,
    quarters: set[str],
    needs: Mapping[str, str | None],
    breakdown: str,
    additive: bool,
    cube: Cube | None = None,
) -> Leaves:
    leaves: Leaves = {}
    for row in rows:
        quarter = _in_window(row["month"], quarters)  # type: ignore[arg-type]
        if quarter is None:
            continue
        code = str(row["need_code"])
        need = ALL if code == "" else _need(code, needs, additive=additive)
        if cube is not None and cube.need_level == "domain" and need != ALL:
            need = need if needs.get(need) == ALL else str(needs.get(need) or ALL)
        area = str(row["province"] or UNKNOWN_AREA)
        if cube is not None and cube.area_level == "national":
            area = NATIONAL
        _add(leaves, (quarter, need, area, str(row[breakdown])), int(row["n"]))  # type: ignore[call-overload]
    return leaves


def _leaves(
    cube: Cube, quarters: set[str], needs: Mapping[str, str | None], start: dt.date
) -> Leaves:
    if cube.name == "demand":
        return _demand_leaves(quarters, needs, start)
    if cube.name == "coverage":
        return _coverage_leaves(quarters, needs, start)
    rows: Any
    if cube.name == "demand_language":
        rows = (
            DemandRollup.objects.filter(month__gte=start)
            .values("month", "need_code", "province", "language")
            .annotate(n=Sum("searches"))
        )
        return _simple_leaves(
            rows, quarters=quarters, needs=needs, breakdown="language", additive=True
        )
    if cube.name == "self_checks":
        rows = (
            SelfCheckRollup.objects.filter(month__gte=start)
            .values("month", "need_code", "province", "band")
            .annotate(n=Sum("count"))
        )
        return _simple_leaves(
            rows, quarters=quarters, needs=needs, breakdown="band", additive=False, cube=cube
        )
    rows = (
        ReferralRollup.objects.filter(month__gte=start)
        .values("month", "need_code", "province", "outcome")
        .annotate(n=Sum("count"))
    )
    return _simple_leaves(
        rows, quarters=quarters, needs=needs, breakdown="outcome", additive=True, cube=cube
    )


def _non_additive_cells(leaves: Leaves, dimensions: list[disclosure.Dimension]) -> dict[Key, int]:
    """cube_build for a cube whose need dimension is not additive: sum the other dimensions per
    need (each need, and "*", on its own)."""
    by_need: dict[str, Leaves] = defaultdict(dict)
    for (period, need, area, breakdown), value in leaves.items():
        by_need[need][(period, need, area, breakdown)] = value
    cells: dict[Key, int] = {}
    need_dimension = dimensions[1]
    others = [dimensions[0], dimensions[2], dimensions[3]]
    for need in need_dimension.parents:
        sub: dict[Key, int] = {(k[0], k[2], k[3]): v for k, v in by_need.get(need, {}).items()}
        for (period, area, breakdown), value in disclosure.cube_build(sub, others).items():
            cells[(period, need, area, breakdown)] = value
    return cells


def _stored(cube: str) -> dict[Key, PublishedCell]:
    return {
        (cell.period, cell.need, cell.area, cell.breakdown): cell
        for cell in PublishedCell.objects.filter(cube=cube, frozen=True)
    }


def _publish_cube(
    cube: Cube,
    *,
    today: dt.date,
    quarters: list[str],
    years: list[str],
    needs: Mapping[str, str | None],
    parent_status: Mapping[Key, bool],
) -> tuple[dict[Key, int], set[Key]]:
    dimensions = [
        _period_dimension(quarters, years),
        _need_dimension(cube, needs),
        _area_dimension(cube.area_level),
        _breakdown_dimension(cube),
    ]
    start = periods.bounds(quarters[0])[0]
    leaves = _leaves(cube, set(quarters), needs, month_start(start))
    if cube.needs_additive:
        cells = disclosure.cube_build(leaves, dimensions)
    else:
        cells = _non_additive_cells(leaves, dimensions)
    fixed: dict[Key, bool] = {}
    for key, stored in _stored(cube.name).items():
        if key in cells:
            cells[key] = stored.count
            fixed[key] = stored.suppressed
    for key, hidden in parent_status.items():
        linked = (key[0], key[1], key[2], ALL)
        if linked in cells and linked not in fixed:
            fixed[linked] = hidden
    k = settings.BEONCOSUP_INSIGHTS_K
    # The widest set of headline figures a protection exists for: first those of any period,
    # then those of the cube's own totals only, then none (each step logged).
    for by_period in (True, False):
        headline = {
            key: False
            for key in headlines(cells, dimensions, k=k, by_period=by_period)
            if key not in fixed
        }
        try:
            suppressed = disclosure.protect(cells, dimensions, k=k, fixed={**fixed, **headline})
            break
        except ValueError:
            logger.info("insights: %s keeps fewer headline figures", cube.name)
    else:
        try:
            suppressed = disclosure.protect(cells, dimensions, k=k, fixed=fixed)
        except ValueError:
            # Only by changing what a linked cube or an earlier release already published:
            # publish nothing new from this cube (hiding every cell not decided elsewhere tells
            # nothing the published cells did not).
            logger.warning(
                "insights: %s could not be protected; only its fixed cells shown", cube.name
            )
            suppressed = {key for key in cells if fixed.get(key, True)}
    return cells, suppressed


def headlines(
    cells: Mapping[Key, int],
    dimensions: list[disclosure.Dimension],
    *,
    k: int,
    by_period: bool = True,
) -> list[Key]:
    """The headline figures: cells of at least k that are totals in every dimension but one
    (with ``by_period``, in every dimension but the period and one other: Belgium per
    quarter, each need nationally per quarter, each province, Belgium's searches without a
    service per quarter, …). They are published whenever a
    protection can be found without them: the suppression engine otherwise prefers hiding
    one large total to hiding several small cells."""
    roots = [{m for m, parent in d.parents.items() if parent is None} for d in dimensions]
    first = 1 if by_period else 0  # with by_period, any period counts as a total
    return [
        key
        for key, value in cells.items()
        if value >= k
        and sum(
            1 for member, top in zip(key[first:], roots[first:], strict=True) if member not in top
        )
        <= 1
    ]


@transaction.atomic
def publish(*, today: dt.date | None = None) -> PublishReport:
    """Rebuild every cube from the rollups and store its cells after disclosure control.

    Side effects: PublishedCell rows replaced (frozen ones kept as they were); the
    "published" RefreshState's time set."""
    today = today or timezone.localdate()
    quarters, years = periods.window(today=today)
    needs = need_parents()
    report = PublishReport()
    totals: dict[str, dict[Key, bool]] = {}
    for cube in CUBES.values():
        parent = totals.get(cube.linked_to, {})
        cells, suppressed = _publish_cube(
            cube, today=today, quarters=quarters, years=years, needs=needs, parent_status=parent
        )
        totals[cube.name] = {key: key in suppressed for key in cells if key[3] == ALL}
        PublishedCell.objects.filter(cube=cube.name).delete()
        PublishedCell.objects.bulk_create(
            (
                PublishedCell(
                    cube=cube.name,
                    period=period,
                    need=need,
                    area=area,
                    breakdown=breakdown,
                    count=value,
                    suppressed=(period, need, area, breakdown) in suppressed,
                    frozen=periods.is_complete(period, today=today),
                )
                for (period, need, area, breakdown), value in cells.items()
                if value
            ),
            batch_size=2000,
        )
        report.cells += len(cells)
        report.suppressed += len(suppressed)
    state, _created = RefreshState.objects.get_or_create(name="published")
    state.refreshed_at = timezone.now()
    state.has_demo = RefreshState.objects.filter(has_demo=True).exclude(name="published").exists()
    state.save()
    return report
