"""The matcher's first pass: which entries of a catalogue can serve this person at all.

One SQL statement over the search index's MatchProfile rows of one kind (reached from the
MatchNeed rows of the needs asked) drops the entries a person cannot use: wrong work status,
audience, age, phase, cancer type, filters, area, and in-person entries whose places all lie
outside the distance box (home visits to an area that holds the person's place are not limited
by the default distance). Languages rank (engine), they do not exclude. What is left is
checked exactly in Python (distance by haversine, radius areas), so SQLite and PostgreSQL
give the same answers. The same statement serves every registered catalogue (services, and
any kind registered in situation.catalogues).
See docs/finder.md, "Eligibility".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection

from beoncosup.geo.distance import bounding_box, haversine_km
from beoncosup.search.matching.criteria import DEFAULT_MAX_KM, REACH_MODES, Criteria
from beoncosup.search.models import MatchNeed, MatchProfile

HOME_VISIT = "home_visit"
COLUMNS = (
    "p.object_id",
    "p.delivery",
    "p.costs",
    "p.access",
    "p.languages",
    "p.areas",
    "p.radius_km",
    "p.points",
    # As text: SQLite's date converter costs more per row than anything else read here, and
    # ISO dates compare as strings (see Candidate.verified).
    "CAST(p.assured_date AS TEXT)",
    "p.minimum_age",
    "p.maximum_age",
    # Capacity (issue #15): read with the row, never a query per candidate.
    "p.closed",
    "p.waiting_band",
)
NEEDS_COLUMN = len(COLUMNS)  # the aggregated need codes follow the profile's columns


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    area_codes: frozenset[str]


class Candidate:
    """An entry that may fit, with what ranking and reasons need (no ORM object).

    Built for every candidate (thousands per search at 100,000 services), so it keeps the
    database's raw values and works out sets and dates only on demand."""

    __slots__ = (
        "_access",
        "_areas",
        "_costs",
        "_delivery",
        "_languages",
        "ages",
        "closed",
        "distance_km",
        "home_visit",
        "needs",
        "object_id",
        "points_text",
        "radius_km",
        "remote",
        "verified",
        "waiting_band",
    )

    def __init__(self, row: tuple[Any, ...], needs: list[str]) -> None:
        self.object_id: str = row[0]
        self._delivery: str = row[1]
        self._costs: str = row[2]
        self._access: str = row[3]
        self._languages: str = row[4]
        self._areas: str = row[5]
        self.radius_km: int | None = row[6]
        self.points_text: str = row[7]  # "lat,lon;lat,lon": parsed only for distances
        # The last-verified date as "YYYY-MM-DD" ("" when never): ISO dates compare as text.
        self.verified: str = row[8] or ""
        # An age range (children's or young adults' support, say): None when open to all ages.
        self.ages: tuple[int | None, int | None] | None = (
            (row[9], row[10]) if row[9] is not None or row[10] is not None else None
        )
        # Closed to new referrals: ranked after every open entry of its language tier.
        self.closed = bool(row[11])
        self.waiting_band: str = row[12] or ""  # a waiting list's band, "" otherwise
        self.remote = "|phone|" in self._delivery or "|online|" in self._delivery
        self.needs = needs
        self.distance_km: float | None = None
        # Kept although beyond the default distance: it visits people at home in their area.
        self.home_visit = False

    @property
    def delivery(self) -> frozenset[str]:
        return _codes(self._delivery)

    @property
    def costs(self) -> frozenset[str]:
        return _codes(self._costs)

    @property
    def access(self) -> frozenset[str]:
        return _codes(self._access)

    @property
    def languages(self) -> frozenset[str]:
        return _codes(self._languages)

    @property
    def areas(self) -> frozenset[str]:
        return _codes(self._areas)

    @property
    def assured_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.verified) if self.verified else None


@lru_cache(maxsize=4096)
def _codes(value: str) -> frozenset[str]:
    # Cached: a few hundred distinct "|a|b|" values recur over thousands of rows.
    return frozenset(code for code in value.split("|") if code)


def _points(value: str) -> list[tuple[float, float]]:
    result = []
    for pair in value.split(";") if value else []:
        lat, lon = pair.split(",")
        result.append((float(lat), float(lon)))
    return result


def _contains(column: str, codes: Iterable[str], *, also: str = "") -> tuple[str, list[str]]:
    """SQL that is true when the "|a|b|" column holds one of the codes, or is empty (or the
    ``also`` condition holds)."""
    codes = list(codes)
    tests = " OR ".join([f"p.{column} LIKE %s"] * len(codes))
    extra = f" OR {also}" if also else ""
    return f"(p.{column} = ''{extra} OR {tests})", [f"%|{code}|%" for code in codes]


def _person_sql(criteria: Criteria) -> tuple[list[str], list[Any]]:
    where: list[str] = ["p.active = %s"]
    params: list[Any] = [True]
    for column, value in (
        ("statuses", criteria.status),
        ("audiences", criteria.audience),
        ("phases", criteria.phase),
        ("cancer_types", criteria.cancer_type),
    ):
        if value:
            sql, more = _contains(column, [value])
            where.append(sql)
            params += more
    if criteria.age is not None:
        where.append("(p.minimum_age IS NULL OR p.minimum_age <= %s)")
        where.append("(p.maximum_age IS NULL OR p.maximum_age >= %s)")
        params += [criteria.age, criteria.age]
    for column, required in (
        ("delivery", criteria.delivery),
        ("costs", "free" if criteria.free_only else None),
        ("access", "self_referral" if criteria.self_referral_only else None),
    ):
        if required:
            where.append(f"p.{column} LIKE %s")
            params.append(f"%|{required}|%")
    modes = REACH_MODES.get(criteria.reach or "")
    if modes:
        where.append("(" + " OR ".join(["p.delivery LIKE %s"] * len(modes)) + ")")
        params += [f"%|{mode}|%" for mode in modes]
    # Languages are a preference (the ranking puts entries that speak none of the person's
    # languages last and says so), not a condition: a person is never left with nothing
    # because of a language.
    return where, params


def _place_sql(
    place: Place, max_km: float | None, *, home_by_area: bool = False
) -> tuple[list[str], list[Any]]:
    """The area served holds the person's place (or is a radius, checked later); with max_km,
    in-person entries need a place inside the distance box, except (``home_by_area``: no
    distance asked for) home visits to a declared area, which come to the person wherever
    their office is."""
    sql, codes = _contains("areas", sorted(place.area_codes), also="p.radius_km IS NOT NULL")
    where = [sql]
    params: list[Any] = list(codes)
    if max_km is not None:
        box = bounding_box(place.latitude, place.longitude, max_km)
        home = (
            " OR (p.delivery LIKE %s AND (p.areas <> '' OR p.radius_km IS NOT NULL))"
            if home_by_area
            else ""
        )
        where.append(
            "(p.remote = %s OR (p.max_lat >= %s AND p.min_lat <= %s "
            f"AND p.max_lon >= %s AND p.min_lon <= %s){home})"
        )
        params += [True, box.south, box.north, box.west, box.east]
        if home_by_area:
            params.append(f"%|{HOME_VISIT}|%")
    return where, params


def _sql(  # noqa: PLR0917 - private; prefilter and prefilter_sql name its arguments
    kind: str,
    criteria: Criteria,
    needs: list[str],
    extra_ids: list[str],
    place: Place | None,
    max_km: float | None,
) -> tuple[str, list[Any]]:
    links = MatchNeed._meta.db_table
    profiles = MatchProfile._meta.db_table
    where, params = _person_sql(criteria)
    if place is not None:
        more_where, more_params = _place_sql(place, max_km, home_by_area=criteria.max_km is None)
        where += more_where
        params += more_params
    columns = ", ".join(COLUMNS)
    conditions = " AND ".join(where)
    parts = []
    all_params: list[Any] = []
    if needs:
        marks = ", ".join(["%s"] * len(needs))
        # One row per entry with the needs it addresses joined by "|": the database groups
        # them, which is cheaper than a row per (entry, need) read into Python. The need rows
        # are read from the (kind, code, profile) index; each reaches its profile by its key.
        codes = (
            "string_agg(n.code, '|')"
            if connection.vendor == "postgresql"
            else "group_concat(n.code, '|')"
        )
        parts.append(
            f"SELECT {columns}, {codes} FROM {links} AS n "  # noqa: S608 - names from _meta
            f"JOIN {profiles} AS p ON p.id = n.profile_id "
            f"WHERE n.kind = %s AND n.code IN ({marks}) AND {conditions} GROUP BY p.id"
        )
        all_params += [kind, *needs, *params]
    if extra_ids:
        marks = ", ".join(["%s"] * len(extra_ids))
        parts.append(
            f"SELECT {columns}, NULL FROM {profiles} AS p "  # noqa: S608 - names from _meta
            f"WHERE p.kind = %s AND p.object_id IN ({marks}) AND {conditions}"
        )
        all_params += [kind, *extra_ids, *params]
    return " UNION ALL ".join(parts), all_params


def prefilter_sql(
    kind: str,
    criteria: Criteria,
    needs: list[str],
    place: Place | None,
    *,
    extra_ids: Iterable[str] = (),
    max_km: float | None = None,
) -> tuple[str, list[Any]]:
    """The statement prefilter runs (public so bench/finder_benchmark.py can time exactly what
    the engine asks the index)."""
    return _sql(kind, criteria, needs, [str(i) for i in extra_ids], place, max_km)


def prefilter(
    kind: str,
    criteria: Criteria,
    needs: list[str],
    place: Place | None,
    *,
    extra_ids: Iterable[str] = (),
    max_km: float | None = None,
) -> list[Candidate]:
    """Entries of the kind addressing any of the needs (or among extra_ids, the free text's
    matches) that the SQL pass keeps, each with the needs it addresses, in the needs' order."""
    extra = [str(i) for i in extra_ids]
    if not needs and not extra:
        return []
    sql, params = _sql(kind, criteria, needs, extra, place, max_km)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    order = {code: index for index, code in enumerate(needs)}
    found: dict[str, Candidate] = {}
    for row in rows:
        codes = row[NEEDS_COLUMN].split("|") if row[NEEDS_COLUMN] else []
        if len(codes) > 1:
            codes.sort(key=order.__getitem__)
        known = found.get(row[0])
        if known is None:
            found[row[0]] = Candidate(row, codes)
        else:  # found by its needs and by the free text: one candidate
            known.needs = known.needs or codes
    return list(found.values())


def nearest_km(candidate: Candidate, place: Place) -> float | None:
    distances = [
        haversine_km(place.latitude, place.longitude, lat, lon)
        for lat, lon in _points(candidate.points_text)
    ]
    return min(distances) if distances else None


def serves_area(candidate: Candidate, place: Place, distance: float | None) -> bool:
    if not candidate.areas and not candidate.radius_km:
        return True  # no area restriction: the distance decides
    if candidate.areas & place.area_codes:
        return True
    return bool(candidate.radius_km and distance is not None and distance <= candidate.radius_km)


def within_reach(candidate: Candidate, criteria: Criteria, place: Place | None) -> bool:
    """Exact checks after the SQL pass; sets the candidate's distance."""
    if place is None:
        return True
    candidate.distance_km = distance = nearest_km(candidate, place)
    if not serves_area(candidate, place, distance):
        return False
    if candidate.remote:
        return True
    if criteria.max_km is None and visits_area(candidate, place, distance):
        # A home-care team visits its whole area: only a distance the person chose limits it.
        candidate.home_visit = True
        return True
    limit = criteria.max_km or DEFAULT_MAX_KM
    return distance is not None and distance <= limit


def visits_area(candidate: Candidate, place: Place, distance: float | None) -> bool:
    """It makes home visits and declares an area (codes or a radius) that holds the place."""
    declared = bool(candidate.areas or candidate.radius_km)
    return HOME_VISIT in candidate.delivery and declared and serves_area(candidate, place, distance)
