"""What the panels share: where a need filter's rows come from, the province of an area, and
the services within reach."""

from __future__ import annotations

from collections.abc import Mapping

from beoncosup.insights import areas
from beoncosup.insights.dimensions import need_parents


def children_of(need: str) -> list[str]:
    """The rows under a need filter: the domains under "*", the needs of a domain, or the need."""
    parents = need_parents()
    found = sorted(code for code, parent in parents.items() if parent == need)
    return found or [need]


def province_of(area: str) -> str:
    """The province (or Brussels) holding an area, for the cubes published by province."""
    if area.isdigit():
        for row in areas.arrondissements():
            if row.code == area:
                return row.province
    return area


def supply_needs(supply: Mapping[tuple[str, str], object]) -> set[str]:
    return {need for _area, need in supply}


def supply_count(supply: Mapping[tuple[str, str], object], area: str, need: str) -> int | None:
    row = supply.get((area, need))
    return int(getattr(row, "services", 0)) if row is not None else 0
