"""The HSDS CSV data package: export validates with Frictionless, import and round trip."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from frictionless import validate

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.problems import ImportRejected
from beoncosup.directory.hsds.tabular import export_csv
from beoncosup.directory.models import Location, Organization, Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record, translated
from beoncosup.directory.tests.hsds_schemas import EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def reference_data():
    make_geo()
    make_needs()


def load_json(tmp_path: Path) -> None:
    nl = [service_record("a"), service_record("b", postcode="4700")]
    (tmp_path / "nl.json").write_text(json.dumps(nl), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps([translated(nl[0], "FR")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl"), (tmp_path / "fr.json", "fr")])


def edit_csv(path: Path, row_index: int, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    rows[row_index][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_csv_export_is_a_valid_frictionless_package_per_language(tmp_path):
    load_json(tmp_path)

    counts = export_csv(tmp_path / "out")

    assert counts == {"nl": 2, "fr": 1}
    for language in ("nl", "fr"):
        report = validate(str(tmp_path / "out" / language / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_csv_round_trip_is_lossless(tmp_path):
    load_json(tmp_path)
    call_command("export_hsds", str(tmp_path / "first"), "--format", "csv")
    for model in (Service, Location, Organization):
        model.objects.all().delete()

    call_command("import_hsds", str(tmp_path / "first"))
    call_command("export_hsds", str(tmp_path / "second"), "--format", "csv")

    first = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*.*"))
    assert first == sorted(
        p.relative_to(tmp_path / "second") for p in (tmp_path / "second").rglob("*.*")
    )
    for path in first:
        assert (tmp_path / "second" / path).read_bytes() == (tmp_path / "first" / path).read_bytes()


def test_csv_and_json_exports_carry_the_same_services(tmp_path):
    load_json(tmp_path)
    export_csv(tmp_path / "csv")
    for model in (Service, Location, Organization):
        model.objects.all().delete()

    call_command("import_hsds", str(tmp_path / "csv" / "nl"), "--language", "nl")

    assert Service.objects.get(id=service_record("a")["id"]).name == {"nl": "Steunpunt a"}


def test_official_csv_example_is_rejected_only_for_its_known_upstream_defects(tmp_path):
    # The official tabular example has the JSON example's latitude of 100 and a location whose
    # organization_id names no organisation (upstream quirks listed in SOURCE.md).
    package = tmp_path / "official"
    shutil.copytree(EXAMPLES / "csv", package)

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(package, "en")])
    assert [p.field for p in rejected.value.report.problems] == [
        "service_at_locations.0.location.latitude"
    ]
    edit_csv(package / "locations.csv", 0, "latitude", "51.5")
    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(package, "en")])
    assert "is neither in the file nor in the directory" in str(rejected.value.report.problems[0])

    edit_csv(package / "locations.csv", 0, "organization_id", "")
    report = hsds_import(sources=[(package, "en")])

    assert report.created == 1


@pytest.mark.parametrize(
    ("table", "column", "value", "expected"),
    [
        ("services.csv", "minimum_age", "twelve", "'twelve' is not a number"),
        (
            "services.csv",
            "organization_id",
            "00000000-0000-4000-8000-000000000000",
            "no such organization",
        ),
        (
            "service_at_location.csv",
            "location_id",
            "00000000-0000-4000-8000-000000000000",
            "no such location",
        ),
        (
            "attributes.csv",
            "taxonomy_term_id",
            "00000000-0000-4000-8000-000000000000",
            "no such taxonomy term",
        ),
        ("services.csv", "status", "open", "status: Input should be"),
    ],
)
def test_bad_csv_cells_are_rejected_and_nothing_changes(tmp_path, table, column, value, expected):
    load_json(tmp_path)
    export_csv(tmp_path / "out")
    before = Service.objects.count()
    edit_csv(tmp_path / "out" / "nl" / table, 0, column, value)

    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(tmp_path / "out" / "nl", "nl")])

    messages: list[Any] = [str(p) for p in rejected.value.report.problems]
    assert any(expected in m for m in messages), messages
    assert Service.objects.count() == before


def test_folder_without_datapackage_is_refused(tmp_path):
    with pytest.raises(ImportRejected) as rejected:
        hsds_import(sources=[(tmp_path, "nl")])

    assert "datapackage.json: is missing" in str(rejected.value.report.problems[0])
