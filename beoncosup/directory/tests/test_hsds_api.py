from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.profile import taxonomy_id, taxonomy_term_id
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record, translated
from beoncosup.directory.tests.hsds_schemas import page_errors, schema_errors

pytestmark = pytest.mark.django_db

POSTCODES = ("9000", "1000", "4000", "4700")


def load(tmp_path: Path, count: int) -> list[dict[str, Any]]:
    make_geo()
    make_needs()
    records = [service_record(f"s{i}", postcode=POSTCODES[i % 4]) for i in range(count)]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    french = [translated(r, "FR") for r in records[:2]]
    (tmp_path / "fr.json").write_text(json.dumps(french), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl"), (tmp_path / "fr.json", "fr")])
    return records


@pytest.fixture
def records(tmp_path):
    return load(tmp_path, 7)


def get(client: Client, url: str, **headers: str):
    response = client.get(url, headers=headers)
    return response, response.json()


def test_root_describes_the_api(client, records):
    response, body = get(client, "/api/hsds/")

    assert response.status_code == 200
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/openapi.json")


@pytest.mark.parametrize("page", [1, 2, 3])
def test_services_pages_validate_against_the_official_schemas(client, records, page):
    response, body = get(client, f"/api/hsds/services?per_page=3&page={page}")

    assert response.status_code == 200
    assert page_errors(body, "service_list") == []
    assert (body["total_items"], body["total_pages"], body["page_number"]) == (7, 3, page)
    assert body["size"] == (1 if page == 3 else 3)
    assert (body["first_page"], body["last_page"]) == (page == 1, page == 3)


def test_service_detail_is_fully_nested_and_valid(client, records):
    response, body = get(client, f"/api/hsds/services/{records[0]['id']}")

    assert response.status_code == 200
    assert schema_errors(body, "service") == []
    assert body["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "9000"


def test_language_comes_from_lang_or_accept_language_with_fallback(client, records):
    french = records[0]["id"]
    dutch_only = records[5]["id"]

    _, by_param = get(client, f"/api/hsds/services/{french}?lang=fr")
    _, by_header = get(client, f"/api/hsds/services/{french}", accept_language="fr-BE")
    _, fallback = get(client, f"/api/hsds/services/{dutch_only}?lang=fr")

    assert by_param["name"] == by_header["name"] == "Steunpunt s0 FR"
    assert fallback["name"] == "Steunpunt s5"


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/organizations?per_page=2&page=1",
        "/api/hsds/organizations?per_page=2&page=2",
        "/api/hsds/organizations?per_page=2&page=4",
    ],
)
def test_organization_pages_validate(client, records, url):
    response, body = get(client, url)

    assert response.status_code == 200
    assert page_errors(body, "organization") == []
    assert body["total_items"] == 7


def test_organization_detail_lists_its_services(client, records):
    response, body = get(client, f"/api/hsds/organizations/{records[1]['organization']['id']}")

    assert response.status_code == 200
    assert schema_errors(body, "organization") == []
    assert [s["id"] for s in body["services"]] == [records[1]["id"]]


@pytest.mark.parametrize("page", ["first", "middle", "last"])
def test_taxonomy_term_pages_validate(client, records, page):
    _, first = get(client, "/api/hsds/taxonomy_terms?per_page=5")
    number = {"first": 1, "middle": first["total_pages"] // 2, "last": first["total_pages"]}[page]

    response, body = get(client, f"/api/hsds/taxonomy_terms?per_page=5&page={number}")

    assert response.status_code == 200
    assert page_errors(body, "taxonomy_term") == []
    assert body["page_number"] == number
    assert body["last_page"] == (page == "last")


def test_taxonomies_list_and_detail(client, records):
    _, page = get(client, "/api/hsds/taxonomies")
    needs_id = taxonomy_id("beoncosup-needs")
    response, detail = get(client, f"/api/hsds/taxonomies/{needs_id}")

    assert page_errors(page, "taxonomy") == []
    assert needs_id in [t["id"] for t in page["contents"]]
    assert response.status_code == 200
    assert detail["name"] == "beoncosup-needs"


def test_taxonomy_term_detail(client, records):
    term = taxonomy_term_id("beoncosup-needs", "MED-PAIN")

    response, body = get(client, f"/api/hsds/taxonomy_terms/{term}?lang=nl")

    assert response.status_code == 200
    assert schema_errors(body, "taxonomy_term") == []
    assert body["code"] == "MED-PAIN"


def test_services_filter_by_taxonomy_term(client, records):
    employee = taxonomy_term_id("beoncosup-employment-status", "employee")
    student = taxonomy_term_id("beoncosup-employment-status", "student")

    _, with_term = get(client, f"/api/hsds/services?taxonomy_term_id={employee}")
    _, without = get(client, f"/api/hsds/services?taxonomy_term_id={student}")

    assert with_term["total_items"] == 7
    assert without["total_items"] == 0


def test_services_filter_by_search_and_modified_after(client, records):
    _, found = get(client, "/api/hsds/services?search=steunpunt%20s3")
    _, later = get(client, "/api/hsds/services?modified_after=2026-11-21T00:00:00Z")

    assert [s["id"] for s in found["contents"]] == [records[3]["id"]]
    assert later["total_items"] == 0


@pytest.mark.parametrize("page", [1, 2])
def test_service_at_locations_validate_and_filter_by_postcode(client, records, page):
    response, body = get(
        client, f"/api/hsds/service_at_locations?per_page=1&page={page}&postcode=9000"
    )

    assert response.status_code == 200
    assert page_errors(body, "service_at_location_list") == []
    # Every record serves Flanders (BE-VLG); 9000 is Ghent.
    assert body["total_items"] == 7


def test_service_at_locations_proximity_keeps_nearby_locations(client, records):
    _, near = get(client, "/api/hsds/service_at_locations?postcode=9000&proximity=5000")

    postcodes = {item["location"]["addresses"][0]["postal_code"] for item in near["contents"]}
    assert postcodes == {"9000"}
    assert near["total_items"] == 2


def test_service_at_location_detail(client, records):
    sal_id = records[0]["service_at_locations"][0]["id"]

    response, body = get(client, f"/api/hsds/service_at_locations/{sal_id}")

    assert response.status_code == 200
    assert schema_errors(body, "service_at_location") == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/services/not-a-uuid",
        "/api/hsds/services/00000000-0000-4000-8000-000000000000",
        "/api/hsds/organizations/00000000-0000-4000-8000-000000000000",
        "/api/hsds/taxonomies/unknown",
        "/api/hsds/taxonomy_terms/unknown",
        "/api/hsds/service_at_locations/00000000-0000-4000-8000-000000000000",
    ],
)
def test_unknown_ids_are_404(client, records, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/hsds/services?page=0", "page"),
        ("/api/hsds/services?per_page=1000", "per_page"),
        ("/api/hsds/services?page=abc", "page"),
        ("/api/hsds/services?lang=xx", "lang"),
        ("/api/hsds/services?modified_after=yesterday", "modified_after"),
        ("/api/hsds/service_at_locations?postcode=12", "postcode"),
        ("/api/hsds/service_at_locations?proximity=1000", "proximity"),
    ],
)
def test_bad_parameters_are_422_with_a_message(client, records, url, field):
    response = client.get(url)

    assert response.status_code == 422
    assert field in response.json()["detail"]


@pytest.mark.parametrize("count", [1, 3])
def test_list_endpoints_do_not_grow_queries_with_results(
    client, tmp_path, django_assert_num_queries, count
):
    load(tmp_path, count)

    with django_assert_num_queries(2):
        client.get("/api/hsds/services")
    with django_assert_num_queries(2):
        client.get("/api/hsds/organizations")
    with django_assert_num_queries(4):
        client.get("/api/hsds/service_at_locations")


def test_service_detail_query_count(client, records, django_assert_num_queries):
    # The service with its organisation, then one query per nested list (needs, phones,
    # schedules, areas, languages, costs, documents, contacts, locations, addresses,
    # accessibility) and one for the service-at-location rows.
    with django_assert_num_queries(13):
        client.get(f"/api/hsds/services/{records[0]['id']}")


def test_radius_area_serves_postcodes_within_reach_only(client, tmp_path):
    make_geo()
    make_needs()
    record = service_record("radius", postcode="9000")
    record["service_areas"] = [
        {
            "id": record["service_areas"][0]["id"],
            "extent": "20",
            "extent_type": "beoncosup:radius_km",
        }
    ]
    (tmp_path / "r.json").write_text(json.dumps([record]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "r.json", "nl")])

    _, near = get(client, "/api/hsds/service_at_locations?postcode=9000")
    _, far = get(client, "/api/hsds/service_at_locations?postcode=4000")

    assert (near["total_items"], far["total_items"]) == (1, 0)


def test_api_docs_are_served_without_a_cdn(client):
    html = client.get("/api/docs").content.decode()
    schema = client.get("/api/openapi.json").json()

    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert {"/api/hsds/services", "/api/hsds/services/{service_id}"} <= set(schema["paths"])
