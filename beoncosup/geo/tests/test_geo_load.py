from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from beoncosup.geo.models import Municipality, PostalCode, Province, Region
from beoncosup.geo.selectors import municipalities_for_postcode, municipality_name
from beoncosup.geo.services import geo_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def geo():
    return geo_load()


def test_all_of_belgium_is_loaded(geo):
    assert (geo.regions, geo.provinces, geo.municipalities) == (3, 10, 565)
    assert Region.objects.count() == 3
    assert Province.objects.count() == 10
    assert PostalCode.objects.values("code").distinct().count() == 1149
    assert sorted(Region.objects.values_list("code", flat=True)) == ["BE-BRU", "BE-VLG", "BE-WAL"]


def test_postcode_resolves_to_municipality_province_and_region(geo):
    (gent,) = municipalities_for_postcode("9000")

    assert (gent.name_nl, gent.name_fr) == ("Gent", "Gand")
    assert gent.province is not None and gent.province.code == "BE-VOV"
    assert gent.region.code == "BE-VLG"
    assert gent.community == "nl"


def test_brussels_postcode_spanning_two_municipalities_has_no_province(geo):
    municipalities = list(municipalities_for_postcode("1040"))

    assert len(municipalities) == 2
    assert {m.region.code for m in municipalities} == {"BE-BRU"}
    assert {m.province for m in municipalities} == {None}
    assert {m.community for m in municipalities} == {"nl-fr"}


def test_german_speaking_community_has_german_names(geo):
    (eupen,) = municipalities_for_postcode("4700")
    (kelmis,) = municipalities_for_postcode("4720")

    assert eupen.community == "de"
    assert municipality_name(kelmis, "de") == "Kelmis"
    assert municipality_name(kelmis, "fr") == "La Calamine"
    assert municipality_name(kelmis, "en") == "Kelmis"
    assert Municipality.objects.filter(community="de").count() == 9


def test_every_postcode_has_coordinates_in_belgium_and_four_use_the_centroid(geo):
    assert geo.centroid_postal_codes == ["1804", "1931", "5352", "7010"]
    outside = PostalCode.objects.exclude(latitude__range=(49.4, 51.6), longitude__range=(2.5, 6.5))
    assert list(outside.values_list("code", flat=True)) == []
    zaventem = PostalCode.objects.get(code="1931")
    assert zaventem.coordinates_from_centroid
    assert (zaventem.latitude, zaventem.longitude) == (
        zaventem.municipality.latitude,
        zaventem.municipality.longitude,
    )


def test_loading_twice_creates_nothing_new(geo):
    counts = (Municipality.objects.count(), PostalCode.objects.count())

    geo_load()

    assert (Municipality.objects.count(), PostalCode.objects.count()) == counts


def test_unknown_postcode_finds_nothing(geo):
    assert list(municipalities_for_postcode("0000")) == []


def test_load_geo_command_prints_a_summary():
    out = StringIO()

    call_command("load_geo", stdout=out)

    assert "565 municipalities, 1152 postcodes" in out.getvalue()
