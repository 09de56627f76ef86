"""Where a postcode lies, for every app that needs it (reads of the geography)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beoncosup.geo.selectors import municipalities_for_postcode, postcode_for_place
from beoncosup.situation.codes import Region

LEADING_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s")


@dataclass(frozen=True)
class Place:
    """Where a postcode lies. ``regions`` are the kernel's region codes (BE-DG instead of
    Wallonia for the German-speaking Community); a few postcodes span two municipalities."""

    postcode: str
    municipality_nis: str
    arrondissement: str  # NIS code, e.g. 44000
    province: str  # ISO code (BE-VOV), or the region's for Brussels
    regions: tuple[str, ...]
    area_codes: frozenset[str]  # BE, region, BE-DG, province and nis-… codes covering it

    @property
    def region(self) -> str:
        return self.regions[0]


def place_for_postcode(code: str) -> Place | None:
    """The place of a Belgian postcode (one query), or None when it is unknown."""
    municipalities = sorted(municipalities_for_postcode(code), key=lambda m: m.nis_code)
    if not municipalities:
        return None
    regions: list[str] = []
    areas: set[str] = {"BE"}
    for municipality in municipalities:
        region = (
            Region.GERMAN_SPEAKING if municipality.community == "de" else municipality.region.code
        )
        if region not in regions:
            regions.append(str(region))
        areas |= {municipality.region.code, f"nis-{municipality.nis_code}"}
        if municipality.province is not None:
            areas.add(municipality.province.code)
        if municipality.community == "de":
            areas.add(str(Region.GERMAN_SPEAKING))
    first = municipalities[0]
    return Place(
        postcode=code,
        municipality_nis=first.nis_code,
        arrondissement=f"{first.nis_code[:2]}000",
        province=(first.province or first.region).code,
        regions=tuple(regions),
        area_codes=frozenset(areas),
    )


def place_for_text(text: str) -> Place | None:
    """The place a person means by "9000 Gent" (as suggestions show it) or a municipality or
    locality name ("Gent", "Liège"); None when unknown."""
    text = text.strip()
    match = LEADING_POSTCODE.match(text + " ")
    code = match.group(1) if match else postcode_for_place(text)
    return place_for_postcode(code) if code else None
