"""Reads for Belgian geography."""

from __future__ import annotations

from django.db.models import Q, QuerySet

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


def place_suggestions(text: str, language: str, *, limit: int = 10) -> list[tuple[str, str]]:
    """Postcodes whose code or municipality name starts with ``text``, as (postcode, "9000
    Gent") pairs for an autocomplete, in postcode order; empty for less than two characters."""
    text = text.strip()
    if len(text) < 2:
        return []
    if text.isdigit():
        rows = PostalCode.objects.filter(code__startswith=text)
    else:
        rows = PostalCode.objects.filter(
            Q(municipality__name_nl__istartswith=text)
            | Q(municipality__name_fr__istartswith=text)
            | Q(municipality__name_de__istartswith=text)
            | Q(locality__istartswith=text)
        )
    suggestions: dict[str, str] = {}
    for row in rows.select_related("municipality")[: limit * 2]:
        name = row.locality or municipality_name(row.municipality, language)
        suggestions.setdefault(row.code, f"{row.code} {name}")
    return list(suggestions.items())[:limit]


def postcode_for_place(text: str) -> str | None:
    """The postcode a person means by a municipality or locality name ("Gent", "Liège"), or
    None when the name is unknown. A municipality with several postcodes gives its lowest."""
    text = text.strip()
    if not text:
        return None
    row = (
        PostalCode.objects.filter(
            Q(municipality__name_nl__iexact=text)
            | Q(municipality__name_fr__iexact=text)
            | Q(municipality__name_de__iexact=text)
            | Q(locality__iexact=text)
        )
        .order_by("code")
        .first()
    )
    return row.code if row else None


def statistical_area(code: str) -> tuple[str, str]:
    """(arrondissement NIS code, province ISO code) of a postcode for anonymous statistics;
    Brussels, which has no province, gives its region's code. The arrondissement's NIS code is
    the municipality's first two digits followed by 000 (Statbel's REFNIS structure). Empty
    strings for an unknown postcode."""
    municipality = municipalities_for_postcode(code).order_by("nis_code").first()
    if municipality is None:
        return "", ""
    area = municipality.province or municipality.region
    return f"{municipality.nis_code[:2]}000", area.code
