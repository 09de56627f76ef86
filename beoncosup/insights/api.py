"""The needs insights as data:

- the open-data API (no key, CC BY 4.0): ``GET /api/v1/insights/public`` lists the published
  tables and ``GET /api/v1/insights/public/{table}?format=json|csv`` returns one, complete
  periods only, every count either >= k (rounded to 5) or null (suppressed);
- the analysts' API (signed-in session with the analyst role):
  ``GET /api/v1/insights/tables/{table}``, exact published counts, the running quarter
  included; suppressed cells are null there too.
Optional filters ``period``, ``area`` and ``need`` narrow a table; every combination of the
other members is listed, with or without a count (a missing row would tell a zero)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.responses import Status as Answer
from ninja.security import django_auth
from pydantic import Field

from beoncosup.core.schemas import FieldProblem, Out, Problem
from beoncosup.insights import selectors
from beoncosup.insights.cubes import ALL, CUBES, Cube
from beoncosup.insights.dimensions import area_members, need_members

router = Router(tags=["Needs insights"])

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "BeONCOsup, Belgian Handbook for (Hemato-)Oncological Supportive Care"
ROUNDING = 5


class ColumnOut(Out):
    name: str
    description: str


class TableInfoOut(Out):
    name: str = Field(description="The table's name, used in its URL.")
    title: str
    description: str
    breakdown: str = Field(description="What the `breakdown` column holds.")
    breakdown_codes: list[str]
    columns: list[ColumnOut]
    refreshed: dt.datetime | None = Field(description="When the tables were last published.")
    json_url: str
    csv_url: str


class TablesOut(Out):
    licence: str
    licence_url: str
    attribution: str
    k: int = Field(description="The smallest count published; smaller ones are null.")
    rounding: int | None = Field(description="Public counts are rounded to this (never below k).")
    refreshed: dt.datetime | None
    demo: bool = Field(description="True while the figures come from synthetic demo data.")
    tables: list[TableInfoOut]


class RowOut(Out):
    period: str
    need: str
    area: str
    breakdown: str
    count: int | None = Field(description="null: suppressed (fewer than k, or protecting one).")


class TableOut(Out):
    name: str
    title: str
    licence: str
    attribution: str
    k: int
    rounding: int | None
    refreshed: dt.datetime | None
    demo: bool
    breakdown: str
    columns: list[ColumnOut]
    rows: list[RowOut]


class TableParams(Schema):
    format: Literal["json", "csv"] = Field("json", description="json (default) or csv.")
    period: str = Field("", max_length=7, description="A year (2026) or quarter (2026-Q3).")
    area: str = Field(
        "", max_length=6, description="BE, a province ISO code, an arrondissement NIS code, or ?."
    )
    need: str = Field("", max_length=60, description="*, a domain code or a need code.")


def _columns(cube: Cube) -> list[ColumnOut]:
    return [
        ColumnOut(name=c.name, description=c.description) for c in selectors.table_columns(cube)
    ]


def _problem(field: str, message: str) -> Answer[Problem]:
    return Answer(
        422,
        Problem(detail=f"{field}: {message}", errors=[FieldProblem(field=field, message=message)]),
    )


def _check(cube: Cube, params: TableParams, *, public: bool) -> Answer[Problem] | None:
    if params.period and params.period not in selectors.period_choices(public=public):
        return _problem("period", "not a published period of this table")
    if params.area and params.area not in area_members(cube):
        return _problem("area", "not an area of this table")
    if params.need and params.need not in need_members(cube):
        return _problem("need", "not a need of this table")
    return None


def _csv(
    cube: Cube, rows: Iterator[tuple[str, str, str, str, int | None]]
) -> StreamingHttpResponse:
    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow(["period", "need", "area", "breakdown", "count"])
        for period, need, area, breakdown, count in rows:
            yield writer.writerow([period, need, area, breakdown, "" if count is None else count])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="beoncosup-{cube.name}-{stamp}.csv"'
    return response


def _table(request: HttpRequest, table: str, params: TableParams, *, public: bool) -> Any:
    cube = CUBES.get(table)
    if cube is None:
        return Answer(404, Problem(detail=f"table: no published table is called {table!r}"))
    problem = _check(cube, params, public=public)
    if problem is not None:
        return problem
    rows = selectors.table_rows(
        cube.name, public=public, period=params.period, area=params.area, need=params.need
    )
    if params.format == "csv":
        return _csv(cube, rows)
    state = selectors.published_state()
    return TableOut(
        name=cube.name,
        title=str(cube.title),
        licence=LICENCE,
        attribution=ATTRIBUTION,
        k=state.k,
        rounding=ROUNDING if public else None,
        refreshed=state.refreshed_at,
        demo=state.has_demo,
        breakdown=cube.breakdown_name,
        columns=_columns(cube),
        rows=[RowOut(period=p, need=n, area=a, breakdown=b, count=c) for p, n, a, b, c in rows],
    )


@router.get(
    "/insights/public",
    response={200: TablesOut},
    url_name="insights_public_tables",
    summary="The open-data tables of the needs insights",
    description=(
        "Every published table with its title, columns, breakdown codes and the time of the "
        "last refresh; CC BY 4.0. Counts are of searches, self-checks or referrals, never of "
        "people: each is either at least k (rounded to 5) or null."
    ),
)
def public_tables(request: HttpRequest) -> TablesOut:
    state = selectors.published_state()
    tables = []
    for cube in CUBES.values():
        base = f"/api/v1/insights/public/{cube.name}"
        tables.append(
            TableInfoOut(
                name=cube.name,
                title=str(cube.title),
                description=str(cube.description),
                breakdown=cube.breakdown_name,
                breakdown_codes=[ALL, *cube.breakdown_codes()],
                columns=_columns(cube),
                refreshed=state.refreshed_at,
                json_url=f"{base}?format=json",
                csv_url=f"{base}?format=csv",
            )
        )
    return TablesOut(
        licence=LICENCE,
        licence_url=LICENCE_URL,
        attribution=ATTRIBUTION,
        k=state.k,
        rounding=ROUNDING,
        refreshed=state.refreshed_at,
        demo=state.has_demo,
        tables=tables,
    )


@router.get(
    "/insights/public/{table}",
    response={200: TableOut, 404: Problem, 422: Problem},
    url_name="insights_public_table",
    summary="One open-data table of the needs insights",
    description=(
        "Complete periods only. `format=csv` returns the same rows as CSV. Every count is "
        "either at least k, rounded to 5, or null (suppressed)."
    ),
)
def public_table(request: HttpRequest, table: str, params: Query[TableParams]) -> Any:
    return _table(request, table, params, public=True)


@router.get(
    "/insights/tables/{table}",
    auth=django_auth,
    response={200: TableOut, 401: Problem, 403: Problem, 404: Problem, 422: Problem},
    url_name="insights_table",
    summary="One table of the needs insights, for analysts",
    description=(
        "Exact published counts, the running quarter included; suppressed cells are null. "
        "Needs a signed-in session with the analyst role (401 without one, 403 without the "
        "role)."
    ),
)
def analyst_table(request: HttpRequest, table: str, params: Query[TableParams]) -> Any:
    if not request.user.has_perm("insights.view_dashboards"):
        return Answer(403, Problem(detail="This needs the analyst role."))
    return _table(request, table, params, public=False)
