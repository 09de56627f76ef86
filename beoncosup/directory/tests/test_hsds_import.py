from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from beoncosup.directory.hsds.export import export_json
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.problems import ImportRejected
from beoncosup.directory.models import Location, Organization, Phone, Service, ServiceArea
from beoncosup.directory.tests.factories import (
    attribute,
    make_geo,
    make_needs,
    service_record,
    translated,
)
from beoncosup.directory.tests.hsds_schemas import EXAMPLES, schema_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def reference_data():
    make_geo()
    make_needs()


def write(tmp_path: Path, data: Any, name: str = "services.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def import_file(path: Path, language: str = "nl", **kwargs: Any):
    return hsds_import(sources=[(path, language)], **kwargs)


def row_counts() -> tuple[int, ...]:
    return (
        Organization.objects.count(),
        Service.objects.count(),
        Location.objects.count(),
        Phone.objects.count(),
    )


def test_official_service_list_example_imports(tmp_path):
    report = import_file(EXAMPLES / "service_list.json", "en")

    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    service = Service.objects.get(id="ac148810-d857-441c-9679-408f346de14b")
    assert service.name == {"en": "Community Counselling"}
    assert service.organization.name["en"]


def test_official_full_example_is_rejected_only_for_its_impossible_latitude(tmp_path):
    # The official example puts a location at latitude 100 (a known upstream quirk).
    with pytest.raises(ImportRejected) as rejected:
        import_file(EXAMPLES / "service_full.json", "en")

    problems = [str(p) for p in rejected.value.report.problems]
    assert len(problems) == 1
    assert "service_at_locations.0.location.latitude" in problems[0]
    assert row_counts() == (0, 0, 0, 0)

    example = json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    example["service_at_locations"][0]["location"]["latitude"] = 51.5
    report = import_file(write(tmp_path, example), "en")

    assert report.created == 1
    service = Service.objects.get(id=example["id"])
    assert service.phones.count() == len(example["phones"])
    assert service.schedules.count() == len(example["schedules"])
    assert service.cost_options.get().currency == "GBP"


def test_importing_the_same_file_again_updates_nothing(tmp_path):
    path = write(tmp_path, [service_record("a"), service_record("b", postcode="4000")])
    import_file(path)

    report = import_file(path)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert Service.objects.count() == 2


def test_a_changed_record_counts_as_updated_and_keeps_its_id(tmp_path):
    record = service_record("a")
    import_file(write(tmp_path, [record]))
    record["wait_time"] = "3 weken"

    report = import_file(write(tmp_path, {"contents": [record]}))

    assert (report.created, report.updated) == (0, 1)
    assert Service.objects.get(id=record["id"]).wait_time == {"nl": "3 weken"}


def test_second_language_file_adds_translations(tmp_path):
    record = service_record("a")
    import_file(write(tmp_path, [record]), "nl")

    import_file(write(tmp_path, [translated(record, "FR")], "fr.json"), "fr")

    service = Service.objects.get(id=record["id"])
    assert service.name == {"nl": "Steunpunt a", "fr": "Steunpunt a FR"}
    assert service.organization.description == {
        "nl": "Een organisatie",
        "fr": "Een organisatie FR",
    }


def test_structured_fields_land_in_the_profile_fields(tmp_path):
    record = service_record("a")

    import_file(write(tmp_path, [record]))

    service = Service.objects.get(id=record["id"])
    assert sorted(service.needs.values_list("code", flat=True)) == ["MED-FATIGUE", "MED-PAIN"]
    assert service.employment_statuses == ["employee"]
    assert service.costs == ["partly_reimbursed"]
    assert service.is_demo
    assert ServiceArea.objects.get(service=service).code == "BE-VLG"
    assert Location.objects.get().municipality.nis_code == "44021"


def test_html_is_stored_as_plain_text(tmp_path):
    record = service_record("a")
    record["description"] = "<script>alert('x')</script><b>Vet</b>"

    import_file(write(tmp_path, [record]))

    assert Service.objects.get().description == {"nl": "<script>alert('x')</script><b>Vet</b>"}


def test_dry_run_checks_and_writes_nothing(tmp_path):
    report = import_file(write(tmp_path, [service_record("a")]), dry_run=True)

    assert report.unchanged == 1
    assert row_counts() == (0, 0, 0, 0)


def _set(path: str, value: Any):
    def mutate(records: list[dict[str, Any]]) -> None:
        target: Any = records[0]
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return mutate


DELETE = object()
SAL = "service_at_locations.0"
ADDRESS = f"{SAL}.location.addresses.0"

MALFORMED = {
    "missing id": (_set("id", DELETE), "id: Field required"),
    "missing name": (_set("name", DELETE), "name: Field required"),
    "missing status": (_set("status", DELETE), "status: Field required"),
    "unknown status": (_set("status", "open"), "status: Input should be"),
    "number as name": (_set("name", 42), "name: Input should be a valid string"),
    "id not a uuid": (_set("id", "service-1"), "id: Input should be a valid UUID"),
    "missing organisation": (_set("organization", DELETE), "organization: Field required"),
    "organisation without description": (
        _set("organization.description", DELETE),
        "organization.description: Field required",
    ),
    "dangling organization_id": (
        _set("organization_id", "00000000-0000-4000-8000-000000000000"),
        "organization_id: does not match organization.id",
    ),
    "dangling service_id": (
        _set(f"{SAL}.service_id", "00000000-0000-4000-8000-000000000000"),
        "service_id: does not refer to this service",
    ),
    "unknown location organisation": (
        _set(f"{SAL}.location.organization_id", "00000000-0000-4000-8000-000000000001"),
        "is neither in the file nor in the directory",
    ),
    "unknown need code": (
        _set("attributes.0.taxonomy_term.code", "MED-NOPE"),
        "unknown need code 'MED-NOPE'",
    ),
    "unknown employment status": (
        _set("attributes.3.taxonomy_term.code", "astronaut"),
        "'astronaut' is not a beoncosup-employment-status code",
    ),
    "postcode not in Belgium": (
        _set(f"{ADDRESS}.postal_code", "9999"),
        "'9999' is not a Belgian postcode",
    ),
    "latitude out of range": (
        _set(f"{SAL}.location.latitude", 123.0),
        "latitude: Input should be less than or equal to 90",
    ),
    "longitude as text": (
        _set(f"{SAL}.location.longitude", "3.7"),
        "longitude",
    ),
    "oversized name": (_set("name", "x" * 256), "name: String should have at most 255"),
    "minimum age above maximum": (
        _set("minimum_age", 100),
        "minimum_age: is greater than maximum_age",
    ),
    "negative age": (_set("maximum_age", -1), "maximum_age: Input should be greater than"),
    "unknown area code": (
        _set("service_areas.0.uri", "urn:beoncosup:area:BE-XYZ"),
        "unknown area code 'BE-XYZ'",
    ),
    "bad language code": (_set("languages.0.code", "dutch"), "languages.0.code"),
    "bad opening days": (_set("schedules.0.byday", "Monday"), "schedules.0.byday"),
    "bad opening time": (_set("schedules.0.opens_at", "25:99"), "schedules.0.opens_at"),
    "bad currency": (_set("cost_options.0.currency", "euro"), "cost_options.0.currency"),
    "one id for two objects": (
        lambda records: records[0]["phones"][0].update(id=records[0]["id"]),
        "is used for two different objects",
    ),
    "record not an object": (lambda records: records.append("oops"), "must be a JSON object"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_record_is_rejected_with_a_clear_message_and_nothing_changes(tmp_path, case):
    existing = service_record("existing", postcode="4000")
    import_file(write(tmp_path, [existing], "first.json"))
    before = row_counts()
    records = [service_record("a"), service_record("b", postcode="1000")]
    mutate, expected = MALFORMED[case]
    mutate(records)

    with pytest.raises(ImportRejected) as rejected:
        import_file(write(tmp_path, records))

    messages = [str(p) for p in rejected.value.report.problems]
    assert any(expected in m for m in messages), messages
    assert all("services.json" in m for m in messages)
    assert row_counts() == before


def test_duplicate_service_ids_are_rejected(tmp_path):
    record = service_record("a")

    with pytest.raises(ImportRejected) as rejected:
        import_file(write(tmp_path, [record, copy.deepcopy(record)]))

    assert "the same service id appears twice" in str(rejected.value.report.problems[0])
    assert row_counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[{", "is not valid JSON"),
        (b'"just text"', "expected an array of services"),
        ("[]".encode("utf-16"), "is not UTF-8 text"),
    ],
)
def test_unreadable_files_are_rejected(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)

    with pytest.raises(ImportRejected) as rejected:
        import_file(path)

    assert expected in str(rejected.value.report.problems[0])


def test_command_prints_problems_and_exits_non_zero(tmp_path, capsys):
    record = service_record("a")
    record["status"] = "open"
    path = write(tmp_path, [record])

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(path), "--language", "nl")

    assert f"record {record['id']}: status" in capsys.readouterr().err


def test_command_summary_and_language_required(tmp_path, capsys):
    path = write(tmp_path, [service_record("a")])
    with pytest.raises(CommandError, match="--language is required"):
        call_command("import_hsds", str(path))

    call_command("import_hsds", str(path), "--language", "nl")

    assert "created 1, updated 0, unchanged 0, rejected 0" in capsys.readouterr().out


def test_export_round_trip_is_lossless(tmp_path):
    nl = [
        service_record("a"),
        service_record("b", postcode="4700"),
        service_record("c", postcode="1000"),
    ]
    fr = [translated(nl[0], "FR"), translated(nl[2], "FR")]
    hsds_import(
        sources=[(write(tmp_path, nl, "nl.json"), "nl"), (write(tmp_path, fr, "fr.json"), "fr")]
    )
    first = tmp_path / "first"
    export_json(first)
    for model in (Service, Location, Organization):
        model.objects.all().delete()

    call_command("import_hsds", str(first))
    second = tmp_path / "second"
    export_json(second)

    assert sorted(p.name for p in first.iterdir()) == ["services.fr.json", "services.nl.json"]
    for path in first.iterdir():
        assert (second / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_exported_services_validate_against_the_official_schema(tmp_path):
    import_file(write(tmp_path, [service_record("a"), service_record("b", postcode="4000")]))
    out = tmp_path / "out"

    export_json(out)

    services = json.loads((out / "services.nl.json").read_text(encoding="utf-8"))
    assert len(services) == 2
    for service in services:
        assert schema_errors(service, "service") == []


def test_large_arrays_are_read_in_chunks(tmp_path):
    # Pad each record so the array spans several 1 MiB reads of the streaming reader.
    records = []
    for index in range(30):
        record = service_record(f"big{index}")
        record["description"] = "x" * 3900
        record["organization"]["description"] = "y" * 3900
        records.append(record)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, indent=2) * 1, encoding="utf-8")

    report = import_file(path)

    assert report.created == 30


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]", None),
        ("[\n]", None),
        ('[{"id": 1},]', "is not valid JSON"),
        ('[{"id": 1}', "the array is not closed"),
        ('[{"id": 1} {"id": 2}]', "expected ',' or ']'"),
    ],
)
def test_streamed_array_edge_cases(tmp_path, content, expected):
    path = tmp_path / "edge.json"
    path.write_text(content, encoding="utf-8")

    if expected is None:
        assert import_file(path).created == 0
        return
    with pytest.raises(ImportRejected) as rejected:
        import_file(path)
    messages = [str(problem) for problem in rejected.value.report.problems]
    assert any(expected in message for message in messages), messages


def test_source_and_radius_areas_round_trip(tmp_path):
    record = service_record("a")
    record["service_areas"] = [
        {
            "id": record["service_areas"][0]["id"],
            "extent": "25",
            "extent_type": "beoncosup:radius_km",
        }
    ]
    record["attributes"].append(
        {
            **attribute("beoncosup-record", "source", record["id"]),
            "value": "Website of the organisation, checked 2026-06-01",
        }
    )
    import_file(write(tmp_path, [record]))
    service = Service.objects.get(id=record["id"])
    assert service.source == "Website of the organisation, checked 2026-06-01"
    assert service.service_areas.get().radius_km == 25

    export_json(tmp_path / "out")

    exported = json.loads((tmp_path / "out" / "services.nl.json").read_text(encoding="utf-8"))[0]
    assert exported["service_areas"][0]["extent"] == "25"
    assert [a.get("value") for a in exported["attributes"] if a.get("value")] == [
        "Website of the organisation, checked 2026-06-01"
    ]
    assert schema_errors(exported, "service") == []


def test_radius_must_be_a_sensible_number_of_kilometres(tmp_path):
    record = service_record("a")
    record["service_areas"][0].update(extent="far", extent_type="beoncosup:radius_km")

    with pytest.raises(ImportRejected) as rejected:
        import_file(write(tmp_path, [record]))

    assert "a radius must be 1 to 500 (km)" in str(rejected.value.report.problems[0])


@pytest.mark.parametrize("ascending", [True, False])
def test_several_language_files_count_each_service_once(tmp_path, ascending):
    records = sorted(
        (service_record(seed) for seed in "abcd"), key=lambda r: r["id"], reverse=not ascending
    )
    french = [translated(r, "FR") for r in records[:3]]

    report = hsds_import(
        sources=[
            (write(tmp_path, records, "nl.json"), "nl"),
            (write(tmp_path, french, "fr.json"), "fr"),
        ]
    )

    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    named = {str(s.id): s.name for s in Service.objects.all()}
    assert named[records[0]["id"]] == {"nl": records[0]["name"], "fr": f"{records[0]['name']} FR"}
    assert named[records[3]["id"]] == {"nl": records[3]["name"]}
