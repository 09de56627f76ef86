"""A sliver of Belgian geography for tests: four postcodes in the three regions and the
German-speaking Community."""

from __future__ import annotations

from beoncosup.geo.models import Municipality, PostalCode, Province, Region

# postcode: (NIS, nl name, fr name, region NIS, province NIS or None, community, lat, lon)
PLACES = {
    "9000": ("44021", "Gent", "Gand", "02000", "40000", "nl", 51.05, 3.72),
    "1000": ("21004", "Brussel", "Bruxelles", "04000", None, "nl-fr", 50.85, 4.35),
    "4000": ("62063", "Luik", "Liège", "03000", "60000", "fr", 50.63, 5.57),
    "4700": ("63023", "Eupen", "Eupen", "03000", "60000", "de", 50.63, 6.03),
}
REGIONS = {"02000": "BE-VLG", "03000": "BE-WAL", "04000": "BE-BRU"}
PROVINCES = {"40000": ("BE-VOV", "02000"), "60000": ("BE-WLG", "03000")}


def make_geo() -> None:
    names = {f"name_{lang}": "x" for lang in ("nl", "fr", "de", "en")}
    regions = {
        nis: Region.objects.create(code=code, nis_code=nis, **names)
        for nis, code in REGIONS.items()
    }
    provinces = {
        nis: Province.objects.create(code=code, nis_code=nis, region=regions[region], **names)
        for nis, (code, region) in PROVINCES.items()
    }
    for code, (nis, nl, fr, region, province, community, lat, lon) in PLACES.items():
        municipality = Municipality.objects.create(
            nis_code=nis,
            region=regions[region],
            province=provinces.get(province) if province else None,
            community=community,
            name_nl=nl,
            name_fr=fr,
            name_de=nl,
            latitude=lat,
            longitude=lon,
        )
        PostalCode.objects.create(code=code, municipality=municipality, latitude=lat, longitude=lon)
