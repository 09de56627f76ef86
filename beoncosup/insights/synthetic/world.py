"""The synthetic world: areas and their weights, needs and their popularity, supply, and the
days signals fall on (see the package docstring)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from beoncosup.geo.models import Municipality, PostalCode
from beoncosup.insights.codes import Band, Wait
from beoncosup.situation.codes import Audience, EmploymentStatus, Phase

BATCH = 20_000
BLANK_AREA_SEARCHES = 0.15
BLANK_AREA_SELF_CHECKS = 0.10
# Large cities, whose arrondissement holds many services (NIS codes).
URBAN = {"11000": 2.2, "21000": 2.6, "24000": 1.8, "44000": 2.0, "62000": 1.8, "52000": 1.4}
# Poorer in services: the Luxembourg province and the German-speaking municipalities.
POOR_PROVINCES = {"BE-WLX": 0.35}
GERMAN_FACTOR = 0.3
DOMAIN_WEIGHT = {"PSY": 3.0, "SOC": 2.0, "WORK": 1.6, "MED": 1.0}
LANGUAGES_BY_REGION = {
    "BE-VLG": {"nl": 0.93, "fr": 0.03, "en": 0.035, "de": 0.005},
    "BE-WAL": {"fr": 0.93, "nl": 0.03, "en": 0.03, "de": 0.01},
    "BE-BRU": {"fr": 0.55, "nl": 0.22, "en": 0.22, "de": 0.01},
    "de": {"de": 0.78, "fr": 0.17, "en": 0.03, "nl": 0.02},
    "": {"nl": 0.55, "fr": 0.38, "en": 0.05, "de": 0.02},
}
AUDIENCES = {
    Audience.PATIENT: 0.62,
    Audience.RELATIVE: 0.28,
    Audience.PROFESSIONAL: 0.06,
    Audience.CHILD: 0.02,
    Audience.EMPLOYER: 0.02,
}
STATUSES = {
    "": 0.5,
    EmploymentStatus.EMPLOYEE: 0.22,
    EmploymentStatus.OTHER: 0.1,
    EmploymentStatus.SELF_EMPLOYED: 0.05,
    EmploymentStatus.CIVIL_SERVANT: 0.04,
    EmploymentStatus.CONTRACTUAL_PUBLIC: 0.03,
    EmploymentStatus.JOB_SEEKER: 0.03,
    EmploymentStatus.SELF_EMPLOYED_SECONDARY: 0.01,
    EmploymentStatus.STUDENT: 0.02,
}
PHASES = {
    "": 0.3,
    Phase.TREATMENT: 0.3,
    Phase.AFTER_TREATMENT: 0.2,
    Phase.DIAGNOSIS: 0.14,
    Phase.PALLIATIVE: 0.06,
}
BANDS = {Band.LOW: 0.42, Band.RAISED: 0.36, Band.HIGH: 0.1, Band.NO_SCORE: 0.12}
NEEDS_PER_BAND = {
    Band.LOW: (0.35, 0.35, 0.2, 0.07, 0.03),
    Band.RAISED: (0.1, 0.25, 0.3, 0.2, 0.15),
    Band.HIGH: (0.05, 0.15, 0.3, 0.25, 0.25),
    Band.NO_SCORE: (0.3, 0.35, 0.2, 0.1, 0.05),
}
WAITS = {
    Wait.OPEN: 0.45,
    Wait.UNDER_1_MONTH: 0.18,
    Wait.ONE_TO_THREE_MONTHS: 0.14,
    Wait.OVER_3_MONTHS: 0.08,
    Wait.CLOSED: 0.05,
    Wait.UNKNOWN: 0.1,
}


@dataclass(frozen=True)
class Area:
    """An arrondissement as the generator sees it."""

    code: str  # NIS code, "" for signals without a postcode
    province: str  # province ISO code, or BE-BRU
    weight: int  # postcodes: a proxy for population
    languages: str  # a key of LANGUAGES_BY_REGION
    richness: float  # how many services it holds, relative


class Picker:
    """Fast weighted draws: ``pick(u)`` for a uniform u in [0, 1)."""

    def __init__(self, weights: dict[Any, float] | Sequence[tuple[Any, float]]) -> None:
        pairs = list(weights.items()) if isinstance(weights, dict) else list(weights)
        self.values = [value for value, _weight in pairs]
        total = sum(weight for _value, weight in pairs)
        self.cumulative = list(itertools.accumulate(weight / total for _v, weight in pairs))
        self.cumulative[-1] = 1.0

    def pick(self, u: float) -> Any:
        return self.values[bisect.bisect_right(self.cumulative, u)]


def areas() -> list[Area]:
    """Arrondissements weighted by their postcodes (a population proxy), from the geo tables;
    an arrondissement with German-speaking municipalities (Verviers) is two areas, its
    German-speaking part and the rest, with the same code."""
    postcodes: dict[str, int] = defaultdict(int)
    rows = PostalCode.objects.values("municipality__nis_code").annotate(n=Count("code"))
    for row in rows:
        postcodes[row["municipality__nis_code"]] += row["n"]
    weights: dict[tuple[str, str, str], int] = defaultdict(int)
    for nis, province, region, community in Municipality.objects.values_list(
        "nis_code", "province__code", "region__code", "community"
    ):
        languages = "de" if community == "de" else region
        weights[(f"{nis[:2]}000", province or region, languages)] += postcodes.get(nis, 0)
    result = []
    for (code, province, languages), weight in sorted(weights.items()):
        richness = URBAN.get(code, 1.0) * POOR_PROVINCES.get(province, 1.0)
        if languages == "de":
            richness *= GERMAN_FACTOR
        result.append(
            Area(
                code=code,
                province=province,
                weight=max(weight, 1),
                languages=languages,
                richness=richness,
            )
        )
    return result


def need_weights(codes: list[str], rng: random.Random) -> list[tuple[str, float]]:
    """Zipf-like popularity in a seeded order, psychological and practical needs weighted up."""
    order = codes[:]
    rng.shuffle(order)
    return [
        (code, DOMAIN_WEIGHT.get(code.split("-", 1)[0], 1.0) / (rank + 1) ** 0.8)
        for rank, code in enumerate(order)
    ]


def supply_propensity(
    codes: list[str], places: list[Area], rng: random.Random
) -> dict[tuple[str, str, str], int]:
    """Services within reach per (need, arrondissement): area richness x need factor x noise.
    Smaller arrondissements (fewer postcodes) are poorer too."""
    median = sorted(area.weight for area in places)[len(places) // 2] if places else 1
    need_factor = {code: rng.lognormvariate(0.3, 0.9) for code in codes}
    supply = {}
    for area in places:
        size = min(1.5, (area.weight / median) ** 0.5)
        for code in codes:
            mean = 2.2 * area.richness * size * need_factor[code] * rng.lognormvariate(0, 0.5)
            supply[(code, area.code, area.languages)] = int(mean) if mean < 1 else round(mean)
    return supply


def days_weighted(start: dt.date, end: dt.date) -> tuple[list[dt.date], list[float]]:
    """Every day in [start, end) and its relative weight: trend, seasons, weekends."""
    total = max((end - start).days, 1)
    days, weights = [], []
    for offset in range(total):
        day = start + dt.timedelta(days=offset)
        trend = 1 + 0.3 * offset / total
        season = 1 + 0.12 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 30) / 365.25)
        if day.month in (7, 8) or (day.month == 12 and day.day >= 22):
            season *= 0.8
        weekend = 0.6 if day.weekday() >= 5 else 1.0
        days.append(day)
        weights.append(trend * season * weekend)
    return days, weights


def per_day(count: int, start: dt.date, end: dt.date) -> Iterator[tuple[dt.date, int]]:
    """Split ``count`` over the days, exactly (largest remainders)."""
    days, weights = days_weighted(start, end)
    total = sum(weights)
    shares = [count * weight / total for weight in weights]
    counts = [int(share) for share in shares]
    left = count - sum(counts)
    by_remainder = sorted(range(len(days)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[:left]:
        counts[i] += 1
    yield from ((day, n) for day, n in zip(days, counts, strict=True) if n)
