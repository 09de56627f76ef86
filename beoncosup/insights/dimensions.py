"""The members of the cubes' need and area dimensions, as publishing builds them and as tables
list them (one definition for both)."""

from __future__ import annotations

from beoncosup.geo.models import Municipality, Province, Region
from beoncosup.insights.cubes import ALL, NATIONAL, UNKNOWN_AREA, Cube
from beoncosup.taxonomy.models import Need


def provinces() -> list[str]:
    """Province ISO codes, and Brussels' region code (Brussels has no province)."""
    codes = list(Province.objects.values_list("code", flat=True))
    brussels = Region.objects.filter(provinces__isnull=True).values_list("code", flat=True)
    return sorted({*codes, *brussels})


def arrondissements() -> dict[str, str]:
    """Arrondissement → province, from the municipalities (first two digits of the NIS code)."""
    found: dict[str, str] = {}
    for nis, province, region in Municipality.objects.values_list(
        "nis_code", "province__code", "region__code"
    ):
        found[f"{nis[:2]}000"] = province or region
    return dict(sorted(found.items()))


def area_parents(level: str) -> dict[str, str | None]:
    """Area → its parent: arrondissements (when ``level`` is "arrondissement") → provinces →
    "BE"; "?" (no postcode) → "BE". Only "BE" when ``level`` is "national"."""
    if level == "national":
        return {NATIONAL: None}
    parents: dict[str, str | None] = {NATIONAL: None, UNKNOWN_AREA: NATIONAL}
    parents.update({province: NATIONAL for province in provinces()})
    if level == "arrondissement":
        parents.update(arrondissements())
    return parents


def need_parents() -> dict[str, str | None]:
    """Need → domain → "*"."""
    parents: dict[str, str | None] = {ALL: None}
    for code, domain in Need.objects.order_by("code").values_list("code", "category__domain__code"):
        parents[code] = domain
        parents[domain] = ALL
    return parents


def cube_need_parents(cube: Cube) -> dict[str, str | None]:
    """The need dimension of a cube: needs → domains → "*", or domains → "*" only when the
    cube publishes by domain."""
    parents = need_parents()
    if cube.need_level == "domain":
        return {code: parent for code, parent in parents.items() if parent in (None, ALL)}
    return parents


def need_members(cube: Cube) -> list[str]:
    """ "*", the domains (additive cubes only), then the needs (unless by domain)."""
    parents = cube_need_parents(cube)
    domains = sorted(code for code, parent in parents.items() if parent == ALL)
    needs = sorted(code for code, parent in parents.items() if parent not in (None, ALL))
    return [ALL, *(domains if cube.needs_additive else []), *needs]


def area_members(cube: Cube) -> list[str]:
    """ "BE", the provinces, the arrondissements (if the cube has them), then "?"."""
    parents = area_parents(cube.area_level)
    provinces_ = sorted(
        code for code, parent in parents.items() if parent == NATIONAL and code != UNKNOWN_AREA
    )
    rest = sorted(code for code, parent in parents.items() if parent not in (None, NATIONAL))
    return [NATIONAL, *provinces_, *rest, *([UNKNOWN_AREA] if UNKNOWN_AREA in parents else [])]
