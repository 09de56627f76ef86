"""Reads of needs insights. Everything shown comes from PublishedCell (suppressed cells read as
None) or Supply (facts about services); nothing here touches a signal table.

Two audiences:
- analysts see the exact count of every published cell, the current quarter included;
- the public sees complete periods only, counts rounded to 5 (never below k)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext

from beoncosup.insights import areas, periods
from beoncosup.insights.cubes import ALL, CUBES, NATIONAL, UNKNOWN_AREA, Cube
from beoncosup.insights.dimensions import area_members, need_members
from beoncosup.insights.disclosure import round_public
from beoncosup.insights.models import PublishedCell, ReferralRollup, RefreshState, Supply
from beoncosup.taxonomy.models import Domain, Need

Key = tuple[str, str, str, str]  # period, need, area, breakdown
_LABELS = ("label_nl", "label_fr", "label_de", "label_en")


@dataclass(frozen=True)
class Published:
    refreshed_at: dt.datetime | None
    has_demo: bool
    k: int


def published_state() -> Published:
    state = RefreshState.objects.filter(name="published").first()
    return Published(
        refreshed_at=state.refreshed_at if state else None,
        has_demo=bool(state and state.has_demo),
        k=settings.BEONCOSUP_INSIGHTS_K,
    )


def period_choices(*, public: bool, today: dt.date | None = None) -> list[str]:
    """Years then quarters, newest first; the public sees complete periods only."""
    today = today or timezone.localdate()
    quarters, years = periods.window(today=today)
    found = [*reversed(years), *reversed(quarters)]
    if public:
        found = [p for p in found if periods.is_complete(p, today=today)]
    return found


def default_period(*, public: bool, today: dt.date | None = None) -> str:
    """The last complete year for the public; the current year (so far) for analysts."""
    choices = period_choices(public=public, today=today)
    years = [p for p in choices if not periods.is_quarter(p)]
    return years[0] if years else (choices[0] if choices else "")


def shown(count: int | None, *, public: bool) -> int | None:
    if count is None:
        return None
    return round_public(count, k=settings.BEONCOSUP_INSIGHTS_K) if public else count


def cells(
    cube: str,
    *,
    periods_in: Iterable[str] | None = None,
    needs: Iterable[str] | None = None,
    areas: Iterable[str] | None = None,
    breakdowns: Iterable[str] | None = None,
    public: bool = False,
) -> dict[Key, int | None]:
    """Published values of a cube's cells (one query); a suppressed cell reads None. Cells with
    no row are zero, hence suppressed: callers read a missing key as None."""
    rows = PublishedCell.objects.filter(cube=cube)
    if periods_in is not None:
        rows = rows.filter(period__in=list(periods_in))
    if needs is not None:
        rows = rows.filter(need__in=list(needs))
    if areas is not None:
        rows = rows.filter(area__in=list(areas))
    if breakdowns is not None:
        rows = rows.filter(breakdown__in=list(breakdowns))
    found: dict[Key, int | None] = {}
    for period, need, area, breakdown, count, suppressed in rows.values_list(
        "period", "need", "area", "breakdown", "count", "suppressed"
    ):
        found[(period, need, area, breakdown)] = None if suppressed else shown(count, public=public)
    return found


def series(
    cube: str,
    *,
    quarters: list[str],
    need: str,
    area: str,
    breakdowns: list[str],
    public: bool = False,
) -> dict[str, list[int | None]]:
    """Per breakdown member, the values over the quarters (None where suppressed)."""
    found = cells(
        cube, periods_in=quarters, needs=[need], areas=[area], breakdowns=breakdowns, public=public
    )
    return {member: [found.get((q, need, area, member)) for q in quarters] for member in breakdowns}


def supply_of(*, areas: Iterable[str], needs: Iterable[str]) -> dict[tuple[str, str], Supply]:
    rows = Supply.objects.filter(area__in=list(areas), need_code__in=list(needs))
    return {(row.area, row.need_code): row for row in rows}


@dataclass(frozen=True)
class ResponseTime:
    need: str
    area: str
    referrals: int
    answered: int
    mean_days: float | None


def response_times(
    *, months: tuple[dt.date, dt.date], needs: list[str], area: str, k: int
) -> dict[str, ResponseTime]:
    """Mean days to the service's first answer, per need, over referrals closed in the months;
    only where at least k referrals were answered (else no mean, as a small count would be
    shown through it)."""
    rows = ReferralRollup.objects.filter(
        month__gte=months[0], month__lt=months[1], need_code__in=needs
    )
    if area != NATIONAL:
        rows = rows.filter(Q(province=area) | Q(arrondissement=area))
    totals: dict[str, list[int]] = {}
    for need, count, answered, days in rows.values_list(
        "need_code", "count", "answered", "response_days"
    ):
        total = totals.setdefault(need, [0, 0, 0])
        total[0] += count
        total[1] += answered
        total[2] += days
    return {
        need: ResponseTime(
            need=need,
            area=area,
            referrals=total[0],
            answered=total[1],
            mean_days=round(total[2] / total[1], 1) if total[1] >= k else None,
        )
        for need, total in totals.items()
    }


@dataclass(frozen=True)
class Column:
    name: str
    description: str


def table_columns(cube: Cube) -> list[Column]:
    """The columns of a published table, described in the active language."""
    codes = ", ".join(code for code, _label in cube.breakdown)
    return [
        Column("period", gettext("Year (2026) or quarter (2026-Q3).")),
        Column(
            "need",
            gettext("Need code of the BeONCOsup needs taxonomy, a domain code, or * (all needs)."),
        ),
        Column(
            "area",
            gettext(
                "Administrative arrondissement (NIS code), province (ISO 3166-2 code; BE-BRU "
                "for Brussels), BE for Belgium, or ? when no postcode was given."
            ),
        ),
        Column(
            "breakdown",
            gettext("The %(breakdown)s (%(codes)s), or * (all).")
            % {"breakdown": cube.breakdown_title, "codes": codes},
        ),
        Column(
            "count",
            gettext(
                "Number of %(measure)s; empty (null) when hidden: fewer than k, or hidden so "
                "that a small count cannot be worked out."
            )
            % {"measure": cube.measure},
        ),
    ]


def table_rows(
    cube: str,
    *,
    public: bool,
    period: str = "",
    area: str = "",
    need: str = "",
    today: dt.date | None = None,
) -> Iterator[tuple[str, str, str, str, int | None]]:
    """Every cell of a cube (optionally of one period, area or need), suppressed cells as
    None, in a stable order; the public gets complete periods only, rounded. Every member
    combination is listed, with or without a stored row: a missing row would tell a zero."""
    spec = CUBES[cube]
    today = today or timezone.localdate()
    choices = period_choices(public=public, today=today)
    wanted_periods = [p for p in choices if not period or p == period]
    stored = cells(
        cube,
        periods_in=wanted_periods,
        needs=[need] if need else None,
        areas=[area] if area else None,
        public=public,
    )
    needs_all, areas_all = members_of(spec)
    breakdowns = [ALL, *spec.breakdown_codes()]
    for p in sorted(wanted_periods):
        for n in [need] if need else needs_all:
            for a in [area] if area else areas_all:
                for b in breakdowns:
                    yield p, n, a, b, stored.get((p, n, a, b))


def members_of(cube: Cube) -> tuple[list[str], list[str]]:
    """The need and area members a cube publishes."""
    return need_members(cube), area_members(cube)


def need_labels() -> dict[str, str]:
    """Need and domain code → label in the active language ("*": all needs); two queries."""
    labels = {ALL: str(pgettext("needs", "All needs"))}
    labels.update({d.code: str(d.label) for d in Domain.objects.only("code", *_LABELS)})
    labels.update({n.code: str(n.label) for n in Need.objects.only("code", *_LABELS)})
    return labels


def area_label(code: str) -> str:
    """An area's name in the active language."""
    language = get_language() or "en"
    if code == NATIONAL:
        return str(pgettext("area", "Belgium"))
    if code == UNKNOWN_AREA:
        return str(pgettext("area", "Postcode not given"))
    if code.isdigit():
        return areas.arrondissement_name(code, language)
    return areas.province_name(code, language)


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First day of a period and the first day after it (for filtering months)."""
    return periods.bounds(period)
