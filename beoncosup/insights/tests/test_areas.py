"""The arrondissement list against the geo tables loaded from the packaged Statbel data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import DjangoAssertNumQueries

from beoncosup.geo.models import Municipality
from beoncosup.geo.services import geo_load
from beoncosup.insights.areas import (
    LANGUAGES,
    areas_cache_clear,
    arrondissement_centroids,
    arrondissement_name,
    arrondissements,
    province_name,
    provinces,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def geo() -> Iterator[None]:
    areas_cache_clear()
    geo_load()
    yield
    areas_cache_clear()


def _province_of(municipality: Municipality) -> str:
    area = municipality.province or municipality.region
    return area.code


def test_arrondissements_match_the_municipalities_both_ways(geo: None) -> None:
    listed = {row.code for row in arrondissements()}
    from_municipalities = {
        f"{nis[:2]}000" for nis in Municipality.objects.values_list("nis_code", flat=True)
    }

    assert listed == from_municipalities
    assert len(listed) == 43


def test_arrondissement_province_matches_its_municipalities(geo: None) -> None:
    provinces_of: dict[str, set[str]] = {}
    for municipality in Municipality.objects.select_related("province", "region"):
        provinces_of.setdefault(f"{municipality.nis_code[:2]}000", set()).add(
            _province_of(municipality)
        )

    assert {row.code: {row.province} for row in arrondissements()} == provinces_of


def test_arrondissement_names_present_in_four_languages() -> None:
    for row in arrondissements():
        assert set(row.names) == set(LANGUAGES), row.code
        assert all(name.strip() for name in row.names.values()), row.code


def test_arrondissement_name_by_language_with_english_fallback() -> None:
    assert arrondissement_name("62000", "de") == "Lüttich"
    assert arrondissement_name("62000", "nl") == "Luik"
    assert arrondissement_name("44000", "en") == "Ghent"
    assert arrondissement_name("44000", "it") == "Ghent"
    assert arrondissement_name("21000", "fr") == "Bruxelles-Capitale"
    assert arrondissement_name("99000", "fr") == "99000"


def test_province_names_from_geo_tables(geo: None) -> None:
    assert province_name("BE-WLG", "de") == "Provinz Lüttich"
    assert province_name("BE-BRU", "en") == "Brussels-Capital Region"
    assert province_name("BE-XXX", "en") == "BE-XXX"


def test_provinces_are_the_ten_and_brussels_in_code_order(geo: None) -> None:
    codes = [code for code, _names in provinces()]

    assert codes == [
        "BE-BRU",
        "BE-VAN",
        "BE-VBR",
        "BE-VLI",
        "BE-VOV",
        "BE-VWV",
        "BE-WBR",
        "BE-WHT",
        "BE-WLG",
        "BE-WLX",
        "BE-WNA",
    ]
    assert all(set(names) == set(LANGUAGES) for _code, names in provinces())


def test_arrondissement_of_every_province_is_listed(geo: None) -> None:
    assert {row.province for row in arrondissements()} == {code for code, _ in provinces()}


def test_centroids_inside_belgium_in_one_query(
    geo: None, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(1):
        centroids = arrondissement_centroids()

    assert set(centroids) == {row.code for row in arrondissements()}
    for code, (latitude, longitude) in centroids.items():
        assert 49.49 < latitude < 51.51, code
        assert 2.54 < longitude < 6.41, code
    latitude, longitude = centroids["21000"]
    assert abs(latitude - 50.84) < 0.05
    assert abs(longitude - 4.36) < 0.08
