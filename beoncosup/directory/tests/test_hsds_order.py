"""Lists keep their order through every exchange: JSON → database → CSV → database → JSON."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Location, Organization, Service
from beoncosup.directory.tests.factories import attribute, make_geo, make_needs, service_record

pytestmark = pytest.mark.django_db

LISTS = (
    "phones",
    "schedules",
    "service_areas",
    "languages",
    "cost_options",
    "required_documents",
    "contacts",
    "service_at_locations",
)


@pytest.fixture(autouse=True)
def reference_data():
    make_geo()
    make_needs()


def _id(seed: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"order:{seed}"))


def descending(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items by decreasing id: never the order a sort by id (or by insertion) would give."""
    return sorted(items, key=lambda item: uuid.UUID(item["id"]).int, reverse=True)


def unsorted_service() -> dict[str, Any]:
    """A service whose every list has several items, none of them in id order."""
    record = service_record("a")
    sid = record["id"]
    record["phones"] = descending(
        [{"id": _id(f"phone{n}"), "number": f"+32 9 555 01 2{n}", "type": "voice"} for n in "123"]
    )
    record["schedules"] = descending(
        [{"id": _id(f"schedule{day}"), "freq": "WEEKLY", "byday": day} for day in ("MO", "TU")]
    )
    record["service_areas"] = descending(
        [
            {"id": _id(f"area{code}"), "uri": f"urn:beoncosup:area:{code}"}
            for code in ("BE-VLG", "BE-BRU", "BE-VOV")
        ]
    )
    record["languages"] = descending(
        [{"id": _id(f"language{code}"), "code": code} for code in ("fr", "nl", "en", "de")]
    )
    record["cost_options"] = descending(
        [{"id": _id(f"cost{n}"), "option": f"Optie {n}"} for n in "12"]
    )
    record["required_documents"] = descending(
        [{"id": _id(f"document{n}"), "document": f"Document {n}"} for n in "12"]
    )
    record["contacts"] = descending(
        [{"id": _id(f"contact{n}"), "name": f"Contact {n}"} for n in "123"]
    )
    template = record["service_at_locations"][0]
    locations = []
    for n in "12":
        loc = _id(f"location{n}")
        addresses = [
            {
                **template["location"]["addresses"][0],
                "id": _id(f"address{n}{m}"),
                "location_id": loc,
                "address_1": f"Demostraat {n}{m}",
            }
            for m in "123"
        ]
        accessibility = [
            {"id": _id(f"access{n}{m}"), "location_id": loc, "details": f"Toegang {m}"}
            for m in "12"
        ]
        location = {
            **template["location"],
            "id": loc,
            "addresses": descending(addresses),
            "accessibility": descending(accessibility),
        }
        locations.append(
            {"id": _id(f"sal{n}"), "service_id": sid, "location_id": loc, "location": location}
        )
    record["service_at_locations"] = descending(locations)
    # Needs come first, in the taxonomy's order (they are a set of the service's needs); the
    # codes of every other taxonomy in the order given, here never alphabetical.
    record["attributes"] = [
        attribute("beoncosup-needs", "MED-FATIGUE", sid),
        attribute("beoncosup-needs", "MED-PAIN", sid),
        attribute("beoncosup-audience", "relative", sid),
        attribute("beoncosup-audience", "patient", sid),
        attribute("beoncosup-phase", "treatment", sid),
        attribute("beoncosup-phase", "diagnosis", sid),
        attribute("beoncosup-delivery", "phone", sid),
        attribute("beoncosup-delivery", "in_person", sid),
        attribute("beoncosup-cost", "paid", sid),
    ]
    return record


def order(service: dict[str, Any]) -> dict[str, list[Any]]:
    """Every list of a service as the sequence of its items' ids (attributes as codes)."""
    result: dict[str, list[Any]] = {key: [item["id"] for item in service[key]] for key in LISTS}
    result["attributes"] = [
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in service["attributes"]
    ]
    for index, sal in enumerate(service["service_at_locations"]):
        for key in ("addresses", "accessibility"):
            result[f"location {index} {key}"] = [item["id"] for item in sal["location"][key]]
    return result


def exported(out: Path) -> dict[str, Any]:
    services: list[dict[str, Any]] = json.loads(
        (out / "services.nl.json").read_text(encoding="utf-8")
    )
    assert len(services) == 1
    return services[0]


def empty_directory() -> None:
    for model in (Service, Location, Organization):
        model.objects.all().delete()


def test_json_to_csv_to_json_keeps_the_order_of_every_list(tmp_path):
    record = unsorted_service()
    (tmp_path / "in.json").write_text(json.dumps([record]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "in.json", "nl")])
    call_command("export_hsds", str(tmp_path / "json1"), "--format", "json")
    call_command("export_hsds", str(tmp_path / "csv"), "--format", "csv")
    empty_directory()

    call_command("import_hsds", str(tmp_path / "csv" / "nl"), "--language", "nl")
    call_command("export_hsds", str(tmp_path / "json2"), "--format", "json")

    assert order(exported(tmp_path / "json2")) == order(record)
    first = (tmp_path / "json1" / "services.nl.json").read_bytes()
    assert (tmp_path / "json2" / "services.nl.json").read_bytes() == first


def test_a_new_order_in_a_later_import_is_kept(tmp_path):
    record = unsorted_service()
    (tmp_path / "in.json").write_text(json.dumps([record]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "in.json", "nl")])
    for key in LISTS:
        record[key].reverse()
    for sal in record["service_at_locations"]:
        sal["location"]["addresses"].reverse()
    # Needs stay in the taxonomy's order: the codes within each other taxonomy swap places.
    needs, audiences, phases, delivery, cost = (
        record["attributes"][i : i + 2] for i in (0, 2, 4, 6, 8)
    )
    record["attributes"] = [*needs, *audiences[::-1], *phases[::-1], *delivery[::-1], *cost]
    (tmp_path / "in.json").write_text(json.dumps([record]), encoding="utf-8")

    report = hsds_import(sources=[(tmp_path / "in.json", "nl")])
    call_command("export_hsds", str(tmp_path / "out"), "--format", "json")

    assert report.updated == 1
    assert order(exported(tmp_path / "out")) == order(record)
