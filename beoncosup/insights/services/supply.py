"""Supply: how many services address each need within reach of each arrondissement, from the
finder's own match index (search.MatchProfile), read the way the finder reads it for a person
at the arrondissement's centre with no preferences (default distance, any delivery)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from beoncosup.geo.models import Municipality
from beoncosup.insights.cubes import NATIONAL
from beoncosup.insights.models import Supply
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.eligibility import Candidate, Place, prefilter, within_reach
from beoncosup.taxonomy.models import Need

LANGUAGES = ("nl", "fr", "de", "en")


def arrondissement_places() -> dict[str, tuple[str, Place]]:
    """Arrondissement → (province or Brussels' region, its place: the mean of its
    municipalities' centres, with every area code one of them holds)."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    codes: dict[str, set[str]] = defaultdict(set)
    province_of: dict[str, str] = {}
    rows = Municipality.objects.values_list(
        "nis_code", "latitude", "longitude", "province__code", "region__code", "community"
    )
    for nis, latitude, longitude, province, region, community in rows:
        arrondissement = f"{nis[:2]}000"
        points[arrondissement].append((latitude, longitude))
        area = {NATIONAL, region, f"nis-{nis}"} | ({province} if province else set())
        codes[arrondissement] |= area | ({"BE-DG"} if community == "de" else set())
        province_of[arrondissement] = province or region
    return {
        code: (
            province_of[code],
            Place(
                latitude=sum(p[0] for p in found) / len(found),
                longitude=sum(p[1] for p in found) / len(found),
                area_codes=frozenset(codes[code]),
            ),
        )
        for code, found in points.items()
    }


def _reached(candidates: list[Candidate], place: Place) -> list[Candidate]:
    criteria = Criteria()
    return [candidate for candidate in candidates if within_reach(candidate, criteria, place)]


@transaction.atomic
def supply_refresh() -> int:
    """Recompute Supply for every arrondissement, province and Belgium; returns the rows.

    Side effects: Supply rows replaced."""
    needs = list(Need.objects.order_by("code").values_list("code", flat=True))
    candidates = prefilter("service", Criteria(), needs, None)
    reached: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    by_id = {candidate.object_id: candidate for candidate in candidates}
    for arrondissement, (province, place) in arrondissement_places().items():
        for candidate in _reached(candidates, place):
            for need in candidate.needs:
                for area in (arrondissement, province, NATIONAL):
                    reached[area][need].add(candidate.object_id)
    rows = []
    for area, per_need in reached.items():
        for need, ids in per_need.items():
            found = [by_id[i] for i in ids]
            rows.append(
                Supply(
                    area=area,
                    need_code=need,
                    services=len(found),
                    open=sum(1 for c in found if not c.closed and not c.waiting_band),
                    waiting=sum(1 for c in found if c.waiting_band and not c.closed),
                    closed=sum(1 for c in found if c.closed),
                    **{
                        f"in_{lang}": sum(1 for c in found if lang in c.languages)
                        for lang in LANGUAGES
                    },
                )
            )
    Supply.objects.all().delete()
    Supply.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
