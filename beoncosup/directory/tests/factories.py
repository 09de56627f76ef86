"""Small, explicit test data: a sliver of Belgian geography, a few needs, and HSDS service
records shaped as our export writes them."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from beoncosup.directory.hsds.profile import taxonomy_term_id
from beoncosup.geo.tests.factories import PLACES, make_geo
from beoncosup.taxonomy.models import Category, Domain, Need

# make_geo and PLACES live with the geography they build; re-exported for the existing tests.
__all__ = [
    "NEED_CODES",
    "PLACES",
    "attribute",
    "make_geo",
    "make_needs",
    "service_record",
    "translated",
]

NEED_CODES = ("MED-PAIN", "MED-FATIGUE", "PSY-FEAR-RECURRENCE", "WORK-RETURN-PLAN")


def make_needs() -> None:
    texts = {f"label_{lang}": f"label {lang}" for lang in ("nl", "fr", "de", "en")}
    domain = Domain.objects.create(code="MED", **texts)
    category = Category.objects.create(code="MED.SYMPTOMS", domain=domain, **texts)
    for code in NEED_CODES:
        Need.objects.create(code=code, category=category, **texts)


def _uuid(seed: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test:{seed}"))


def attribute(taxonomy: str, code: str, owner: str) -> dict[str, Any]:
    term = taxonomy_term_id(taxonomy, code)
    return {
        "id": _uuid(f"{owner}:{taxonomy}:{code}"),
        "taxonomy_term_id": term,
        "taxonomy_term": {
            "id": term,
            "code": code,
            "name": code,
            "description": code,
            "taxonomy": taxonomy,
        },
    }


def service_record(
    seed: str = "a", *, postcode: str = "9000", name: str = "Steunpunt"
) -> dict[str, Any]:
    """A complete, valid service in the Belgian profile, its texts in one language."""
    sid, org, loc = _uuid(f"service:{seed}"), _uuid(f"org:{seed}"), _uuid(f"location:{seed}")
    lat, lon = PLACES[postcode][6], PLACES[postcode][7]
    return {
        "id": sid,
        "organization_id": org,
        "name": f"{name} {seed}",
        "description": f"Beschrijving {seed}",
        "status": "active",
        "url": "https://example.org/dienst",
        "email": "info@example.org",
        "application_process": "Bel ons",
        "wait_time": "2 weken",
        "minimum_age": 18,
        "maximum_age": 99,
        "assured_date": "2026-06-01",
        "assurer_email": "redactie@example.org",
        "last_modified": "2026-11-20T10:00:00.000Z",
        "organization": {
            "id": org,
            "name": f"Demo organisatie {seed}",
            "description": "Een organisatie",
            "website": "https://example.org",
        },
        "phones": [{"id": _uuid(f"phone:{seed}"), "number": "+32 9 555 01 23", "type": "voice"}],
        "schedules": [
            {
                "id": _uuid(f"schedule:{seed}"),
                "freq": "WEEKLY",
                "byday": "MO,TU",
                "opens_at": "09:00",
                "closes_at": "17:00",
            }
        ],
        "service_areas": [
            {"id": _uuid(f"area:{seed}"), "name": "Vlaanderen", "uri": "urn:beoncosup:area:BE-VLG"}
        ],
        "languages": [{"id": _uuid(f"lang:{seed}"), "code": "nl", "name": "Nederlands"}],
        "cost_options": [
            {"id": _uuid(f"cost:{seed}"), "option": "Per sessie", "amount": 12.5, "currency": "EUR"}
        ],
        "required_documents": [{"id": _uuid(f"doc:{seed}"), "document": "Verwijsbrief"}],
        "contacts": [{"id": _uuid(f"contact:{seed}"), "name": "An Peeters", "title": "Coach"}],
        "service_at_locations": [
            {
                "id": _uuid(f"sal:{seed}"),
                "service_id": sid,
                "location_id": loc,
                "location": {
                    "id": loc,
                    "location_type": "physical",
                    "organization_id": org,
                    "name": "Kantoor",
                    "latitude": lat,
                    "longitude": lon,
                    "addresses": [
                        {
                            "id": _uuid(f"address:{seed}"),
                            "location_id": loc,
                            "address_1": "Demostraat 1",
                            "city": PLACES[postcode][1],
                            "state_province": "Oost-Vlaanderen",
                            "postal_code": postcode,
                            "country": "BE",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": [
            attribute("beoncosup-needs", "MED-PAIN", sid),
            attribute("beoncosup-needs", "MED-FATIGUE", sid),
            attribute("beoncosup-audience", "patient", sid),
            attribute("beoncosup-employment-status", "employee", sid),
            attribute("beoncosup-delivery", "in_person", sid),
            attribute("beoncosup-access", "self_referral", sid),
            attribute("beoncosup-cost", "partly_reimbursed", sid),
            attribute("beoncosup-record", "demo", sid),
        ],
    }


def translated(record: dict[str, Any], suffix: str) -> dict[str, Any]:
    """The same record with every text field of the service rewritten (a second language)."""
    other = copy.deepcopy(record)
    for key in ("name", "description", "application_process", "wait_time"):
        other[key] = f"{record[key]} {suffix}"
    other["organization"]["name"] += f" {suffix}"
    other["organization"]["description"] += f" {suffix}"
    return other
