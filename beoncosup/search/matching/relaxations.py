"""Honest empty states: when nothing fits, which of the person's own preferences would
change that (a wider distance they set, a delivery mode, reach, free only, no referral), and
how many entries each would find. Their rights (status, audience, age, phase, area) are never
relaxed here; alternatives per unmet need are the engine's."""

from __future__ import annotations

from dataclasses import dataclass, replace

from beoncosup.search.matching.criteria import DEFAULT_MAX_KM, Criteria
from beoncosup.search.matching.eligibility import Place, prefilter, within_reach


@dataclass(frozen=True)
class Relaxation:
    """A preference that, dropped or widened, would find entries: the empty state names it."""

    # max_km | delivery | reach | free_only | self_referral_only, or all (every one of them)
    name: str
    count: int  # how many entries the search would then find
    max_km: int | None = None  # for max_km: the wider distance tried


WIDEST_KM = 200  # the widest distance an empty state proposes


def _count(
    kind: str, criteria: Criteria, needs: list[str], place: Place | None, extra: list[str]
) -> int:
    limit = criteria.max_km or DEFAULT_MAX_KM
    candidates = prefilter(kind, criteria, needs, place, extra_ids=extra, max_km=limit)
    if place is None:
        return len(candidates)
    return sum(1 for candidate in candidates if within_reach(candidate, criteria, place))


def relaxations_find(
    *, kind: str, criteria: Criteria, needs: list[str], place: Place | None, extra: list[str]
) -> list[Relaxation]:
    """For an empty result: each preference the person set, dropped (or the distance widened)
    on its own, with what it would find. Only those that find something are named, so the
    advice is never "widen the distance" when no distance was set or it would not help."""
    tries: list[tuple[str, Criteria, int | None]] = []
    if criteria.max_km is not None and place is not None and criteria.max_km < WIDEST_KM:
        wider = min(max(criteria.max_km * 2, DEFAULT_MAX_KM), WIDEST_KM)
        tries.append(("max_km", replace(criteria, max_km=wider), wider))
    if criteria.delivery:
        tries.append(("delivery", replace(criteria, delivery=None), None))
    if criteria.reach and criteria.reach != "travel":
        tries.append(("reach", replace(criteria, reach=None), None))
    if criteria.free_only:
        tries.append(("free_only", replace(criteria, free_only=False), None))
    if criteria.self_referral_only:
        tries.append(("self_referral_only", replace(criteria, self_referral_only=False), None))
    found = []
    for name, relaxed, km in tries:
        count = _count(kind, relaxed, needs, place, extra)
        if count:
            found.append(Relaxation(name=name, count=count, max_km=km))
    if not found and len(tries) > 1:
        # No single change helps: say what dropping all of them (the default distance) finds.
        relaxed = replace(
            criteria,
            max_km=None,
            delivery=None,
            reach=None,
            free_only=False,
            self_referral_only=False,
        )
        count = _count(kind, relaxed, needs, place, extra)
        if count:
            found.append(Relaxation(name="all", count=count))
    return found
