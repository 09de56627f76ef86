"""Reads for Belgian geography."""

from __future__ import annotations

from django.db.models import QuerySet

from beoncosup.geo.models import Municipality, PostalCode

POSTCODE_PATTERN = r"^[1-9][0-9]{3}$"


def municipalities_for_postcode(code: str) -> QuerySet[Municipality]:
    """The municipalities a postcode lies in (two for 1040, 1050 and 1804), with region and
    province; empty for an unknown postcode."""
    return Municipality.objects.filter(postal_codes__code=code).select_related("region", "province")


def postcode_points(code: str) -> QuerySet[PostalCode]:
    """The coordinates of a postcode (one row per municipality it lies in)."""
    return PostalCode.objects.filter(code=code).select_related("municipality")


def municipality_name(municipality: Municipality, language: str) -> str:
    """The municipality's name for a reader of ``language``: the official name in that language
    where one exists; for English readers, the name used locally."""
    if language in {"nl", "fr", "de"}:
        return str(getattr(municipality, f"name_{language}"))
    if municipality.community == "de":
        return municipality.name_de
    return municipality.name_nl if municipality.community == "nl" else municipality.name_fr


def area_codes_for_postcode(code: str) -> set[str]:
    """Every profile area code that covers a postcode: BE, its region, BE-DG for the
    German-speaking Community, its province and its municipality (``nis-…``)."""
    codes: set[str] = set()
    for municipality in municipalities_for_postcode(code):
        codes |= {"BE", municipality.region.code, f"nis-{municipality.nis_code}"}
        if municipality.province is not None:
            codes.add(municipality.province.code)
        if municipality.community == "de":
            codes.add("BE-DG")
    return codes
