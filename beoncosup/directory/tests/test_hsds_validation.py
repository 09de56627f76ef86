"""Import checks of e-mail and web addresses, in JSON files and CSV packages: a bad address
rejects the whole import, naming the record and the field."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from beoncosup.directory.hsds import importer
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.problems import ImportRejected
from beoncosup.directory.hsds.tabular import export_csv
from beoncosup.directory.models import Location, Organization, Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record

pytestmark = pytest.mark.django_db

NOT_WEB = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/form.pdf",
    "mailto:info@example.org",
    "example.org",
    "//example.org/path",
    "https://",
    "https://exa mple.org",
]
NOT_EMAIL = ["info", "info@", "@example.org", "info@example", "in fo@example.org", "a@b@c.org"]


@pytest.fixture(autouse=True)
def reference_data():
    make_geo()
    make_needs()


def with_accessibility(record: dict[str, Any]) -> dict[str, Any]:
    location = record["service_at_locations"][0]["location"]
    location["accessibility"] = [
        {
            "id": "0b7d6a9e-3d1f-4f43-9a57-2f0f8e7a0c11",
            "location_id": location["id"],
            "url": "https://example.org/toegankelijkheid",
        }
    ]
    return record


def put(record: dict[str, Any], field: str, value: str) -> None:
    """Set a dotted field ("contacts.0.email") of a record."""
    *path, last = field.split(".")
    target: Any = record
    for part in path:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value


def import_json(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "services.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


def nothing_imported() -> bool:
    return not (
        Service.objects.exists() or Organization.objects.exists() or Location.objects.exists()
    )


WEB_FIELDS = [
    "url",
    "organization.website",
    "required_documents.0.uri",
    "service_at_locations.0.location.accessibility.0.url",
]
EMAIL_FIELDS = ["email", "organization.email", "contacts.0.email"]


@pytest.mark.parametrize("value", NOT_WEB)
@pytest.mark.parametrize("field", WEB_FIELDS)
def test_web_addresses_must_be_http_or_https(tmp_path, field, value):
    good, bad = service_record("a"), with_accessibility(service_record("b"))
    bad["required_documents"][0]["uri"] = "https://example.org/verwijsbrief.pdf"
    put(bad, field, value)

    with pytest.raises(ImportRejected) as rejected:
        import_json(tmp_path, [good, bad])

    problems = rejected.value.report.problems
    assert [(p.record, p.field) for p in problems] == [(bad["id"], field)]
    assert problems[0].message.endswith("is not a web address (http:// or https://)")
    assert nothing_imported()


@pytest.mark.parametrize("value", NOT_EMAIL)
@pytest.mark.parametrize("field", EMAIL_FIELDS)
def test_email_addresses_must_be_valid(tmp_path, field, value):
    record = service_record("a")
    put(record, field, value)

    with pytest.raises(ImportRejected) as rejected:
        import_json(tmp_path, [record])

    problems = rejected.value.report.problems
    assert [(p.record, p.field, p.message) for p in problems] == [
        (record["id"], field, f"{value!r} is not an e-mail address")
    ]
    assert nothing_imported()


def test_service_area_uris_are_web_addresses_or_urns(tmp_path):
    record = service_record("a")
    areas = record["service_areas"]
    areas += [
        {"id": "5d0c3d2e-8f7a-4b0e-9a1c-1f2e3d4c5b6a", "uri": "https://example.org/gebied/gent"},
        {"id": "6e1d4e3f-9a8b-4c1f-8b2d-2a3b4c5d6e7f", "uri": "urn:sociale-kaart:regio:gent"},
    ]
    import_json(tmp_path, [record])
    assert Service.objects.get().service_areas.count() == 3
    Service.objects.all().delete()
    Organization.objects.all().delete()

    areas[1]["uri"] = "javascript:alert(1)"
    with pytest.raises(ImportRejected) as rejected:
        import_json(tmp_path, [record])

    assert [p.field for p in rejected.value.report.problems] == ["service_areas.1.uri"]


def test_valid_and_empty_addresses_are_accepted(tmp_path):
    record = with_accessibility(service_record("a"))
    record["url"] = "HTTP://Example.org/dienst?taal=nl#uren"
    record["organization"]["website"] = "https://bücher.example/ä"
    record["organization"]["email"] = ""
    record["contacts"][0]["email"] = "an.peeters+dienst@example.org"

    import_json(tmp_path, [record])

    service = Service.objects.get()
    assert service.url == "HTTP://Example.org/dienst?taal=nl#uren"
    assert service.organization.email == ""
    assert service.contacts.get().email == "an.peeters+dienst@example.org"


def test_a_bad_address_in_a_later_batch_rolls_back_every_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_SIZE", 1)
    records = [service_record(seed) for seed in "abcd"]
    records[3]["url"] = "javascript:alert(1)"

    with pytest.raises(ImportRejected) as rejected:
        import_json(tmp_path, records)

    assert [(p.record, p.field) for p in rejected.value.report.problems] == [
        (records[3]["id"], "url")
    ]
    assert nothing_imported()


def edit_csv(path: Path, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("cell", "field", "message"),
    [
        (("services.csv", "url", "javascript:alert(1)"), "url", "is not a web address"),
        (("services.csv", "email", "info@"), "email", "is not an e-mail address"),
        (
            ("organizations.csv", "website", "data:text/html,x"),
            "organization.website",
            "is not a web address",
        ),
        (
            ("organizations.csv", "email", "nobody"),
            "organization.email",
            "is not an e-mail address",
        ),
        (("contacts.csv", "email", "an@"), "contacts.0.email", "is not an e-mail address"),
    ],
)
def test_csv_packages_are_checked_the_same_way(tmp_path, cell, field, message):
    table, column, value = cell
    record = service_record("a")
    record["contacts"][0]["email"] = "an@example.org"
    import_json(tmp_path, [record])
    export_csv(tmp_path / "out")
    Service.objects.all().delete()
    Organization.objects.all().delete()
    edit_csv(tmp_path / "out" / "nl" / table, column, value)

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(tmp_path / "out" / "nl", "nl")])

    problems = rejected.value.report.problems
    assert [(p.record, p.field) for p in problems] == [(record["id"], field)]
    assert message in problems[0].message
    assert nothing_imported()


@pytest.mark.parametrize(
    "field",
    ["name", "organization.description", "contacts.0.name", "service_areas.0.uri", "email"],
)
def test_text_holding_nul_is_refused_before_the_database_sees_it(tmp_path, field):
    # PostgreSQL refuses NUL in text (an error mid-import); SQLite would store it.
    record = service_record("a")
    put(record, field, "Steun\u0000punt")

    with pytest.raises(ImportRejected) as rejected:
        import_json(tmp_path, [record])

    assert [(p.field, p.message) for p in rejected.value.report.problems] == [
        (field, "contains a NUL character (\\u0000), which text may not hold")
    ]
    assert nothing_imported()


def test_nul_in_a_csv_cell_is_refused(tmp_path):
    import_json(tmp_path, [service_record("a")])
    export_csv(tmp_path / "out")
    Service.objects.all().delete()
    Organization.objects.all().delete()
    edit_csv(tmp_path / "out" / "nl" / "services.csv", "name", "Steun\u0000punt")

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(tmp_path / "out" / "nl", "nl")])

    assert [p.field for p in rejected.value.report.problems] == ["name"]
    assert "NUL" in rejected.value.report.problems[0].message
    assert nothing_imported()
