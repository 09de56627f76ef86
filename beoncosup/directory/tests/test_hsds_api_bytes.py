"""The HSDS read API answers the same bytes for the same data (see ``api_bytes``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.profile import taxonomy_id, taxonomy_term_id
from beoncosup.directory.tests.api_bytes import assert_same_bytes, freeze_now
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record, translated

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "api_bytes"


def rich(record: dict[str, Any]) -> dict[str, Any]:
    """Every optional field the API can show, filled in (and numbers of both kinds)."""
    record.update(
        alternate_name="Ander naam",
        fees_description="Gratis voor leden",
        eligibility_description="Voor patiënten",
        alert="Gesloten in augustus",
    )
    record["organization"].update(alternate_name="Org bis", email="org@example.org")
    record["phones"][0].update(extension=12, description="Secretariaat")
    record["schedules"][0].update(
        opens_at="09:30:15", valid_from="2026-01-01", valid_to="2026-12-31", description="Week"
    )
    record["service_areas"].append(
        {
            "id": "6f6c1a52-0000-4000-8000-000000000001",
            "name": "Rond Gent",
            "description": "Binnen 20 km",
            "extent": "20",
            "extent_type": "beoncosup:radius_km",
        }
    )
    record["languages"][0]["note"] = "Ook eenvoudig Nederlands"
    record["cost_options"].extend(
        [
            {"id": "6f6c1a52-0000-4000-8000-000000000002", "option": "Jaar", "amount": 20},
            {"id": "6f6c1a52-0000-4000-8000-000000000003", "amount_description": "Op vraag"},
        ]
    )
    record["required_documents"][0]["uri"] = "https://example.org/brief"
    record["contacts"][0].update(department="Onthaal", email="an@example.org")
    sal = record["service_at_locations"][0]
    sal["description"] = "Op afspraak"
    location = sal["location"]
    location.update(description="Gelijkvloers", transportation="Tram 1")
    location["addresses"][0].update(attention="Onthaal", address_2="bus 3", region="Gent")
    location["accessibility"] = [
        {
            "id": "6f6c1a52-0000-4000-8000-000000000004",
            "location_id": location["id"],
            "description": "Rolstoeltoegankelijk",
            "details": "Lift",
            "url": "https://example.org/toegang",
        }
    ]
    return record


def plain(record: dict[str, Any]) -> dict[str, Any]:
    """Few optional fields: what the API leaves out rather than sending null."""
    for key in ("url", "email", "wait_time", "assured_date", "assurer_email", "minimum_age"):
        record.pop(key)
    record["organization"].pop("website")
    record["cost_options"] = [{"id": "6f6c1a52-0000-4000-8000-000000000005", "option": "Gratis"}]
    record["service_at_locations"][0]["location"].pop("latitude")
    return record


@pytest.fixture
def records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    freeze_now(monkeypatch)
    make_geo()
    make_needs()
    records = [
        rich(service_record("rich", postcode="9000")),
        plain(service_record("plain", postcode="1000")),
        service_record("liege", postcode="4000"),
    ]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps([translated(records[0], "FR")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl"), (tmp_path / "fr.json", "fr")])
    return records


def _urls(records: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    rich_record, plain_record, _liege = records
    rich_sal = rich_record["service_at_locations"][0]["id"]
    needs = taxonomy_id("beoncosup-needs")
    pain = taxonomy_term_id("beoncosup-needs", "MED-PAIN")
    audience = taxonomy_term_id("beoncosup-audience", "patient")
    return [
        ("root", "/api/hsds/", 200),
        ("profile", "/api/hsds/profile", 200),
        ("services", "/api/hsds/services", 200),
        ("services_fr_page2", "/api/hsds/services?lang=fr&per_page=2&page=2", 200),
        ("services_search_none", "/api/hsds/services?search=nothing-like-this", 200),
        ("services_term", f"/api/hsds/services?taxonomy_term_id={pain}&lang=en", 200),
        ("service_rich", f"/api/hsds/services/{rich_record['id']}", 200),
        ("service_rich_fr", f"/api/hsds/services/{rich_record['id']}?lang=fr", 200),
        ("service_plain_de", f"/api/hsds/services/{plain_record['id']}?lang=de", 200),
        ("service_missing", "/api/hsds/services/not-an-id", 404),
        ("organizations", "/api/hsds/organizations?per_page=2", 200),
        ("organization", f"/api/hsds/organizations/{rich_record['organization_id']}", 200),
        ("organization_plain", f"/api/hsds/organizations/{plain_record['organization_id']}", 200),
        ("organization_missing", "/api/hsds/organizations/x", 404),
        ("taxonomies", "/api/hsds/taxonomies", 200),
        ("taxonomies_page2", "/api/hsds/taxonomies?per_page=3&page=2&search=beoncosup", 200),
        ("taxonomy", f"/api/hsds/taxonomies/{needs}", 200),
        ("taxonomy_missing", "/api/hsds/taxonomies/x", 404),
        ("taxonomy_terms", "/api/hsds/taxonomy_terms?per_page=100", 200),
        ("taxonomy_terms_fr", f"/api/hsds/taxonomy_terms?lang=fr&taxonomy_id={needs}", 200),
        ("taxonomy_terms_parent", "/api/hsds/taxonomy_terms?parent_id=x", 200),
        ("taxonomy_term", f"/api/hsds/taxonomy_terms/{pain}?lang=de", 200),
        ("taxonomy_term_code", f"/api/hsds/taxonomy_terms/{audience}?lang=fr", 200),
        ("taxonomy_term_missing", "/api/hsds/taxonomy_terms/x", 404),
        ("service_at_locations", "/api/hsds/service_at_locations", 200),
        ("service_at_locations_near", "/api/hsds/service_at_locations?postcode=9000", 200),
        ("service_at_location", f"/api/hsds/service_at_locations/{rich_sal}?lang=en", 200),
        ("service_at_location_missing", "/api/hsds/service_at_locations/x", 404),
        ("bad_page", "/api/hsds/services?page=0", 422),
        ("proximity_alone", "/api/hsds/service_at_locations?proximity=5000", 422),
    ]


def test_every_hsds_endpoint_answers_the_recorded_bytes(
    client: Client, records: list[dict[str, Any]]
) -> None:
    for name, url, status in _urls(records):
        assert_same_bytes(FIXTURES, name, client.get(url), status)
