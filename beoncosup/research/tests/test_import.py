"""The CSV import: all or nothing, every problem with its row and column; the command and the
editors' upload page."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.services.csv_import import (
    COLUMNS,
    CsvRejected,
    studies_import,
)
from beoncosup.research.tests.factories import editor_create, needs_make, study_create
from beoncosup.taxonomy.models import Category, Need

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "studies-example.csv"


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def good_row(**fields: str) -> dict[str, str]:
    row = {
        "kind": "study",
        "status": "running",
        "title_en": "Walking against fatigue",
        "needs": "MED-FATIGUE; MED-SLEEP",
        "methods": "trial",
        "lay_summary_en": "We study whether walking helps.",
        "institutions": "Example University (BE); Institut Exemple (FR)",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "publications": "A. Author (2025) | https://doi.org/10.5555/x.1",
        "source_url": "https://example.org/walk",
        "checked_on": "2026-11-30",
    }
    row.update(fields)
    return row


def csv_bytes(*rows: dict[str, str], columns: tuple[str, ...] = COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode()


def test_import_a_good_file_makes_proposals_with_their_children():
    report = studies_import(
        data=csv_bytes(good_row(), good_row(title_en="Sleep better", needs="MED-SLEEP"))
    )

    assert len(report.created) == 2
    study = Study.objects.get(title__en="Walking against fatigue")
    assert study.review == Review.PROPOSED
    assert sorted(n.code for n in study.needs.all()) == ["MED-FATIGUE", "MED-SLEEP"]
    assert [(i.name, i.country) for i in study.institutions.all()] == [
        ("Example University", "BE"),
        ("Institut Exemple", "FR"),
    ]
    assert [p.doi for p in study.publications.all()] == ["10.5555/x.1"]
    assert AuditEvent.objects.get(action="research.studies_imported").detail == {"created": 2}


def test_import_a_file_with_errors_saves_nothing_and_lists_every_problem():
    data = csv_bytes(
        good_row(),
        good_row(title_en="Bad one", starts_on="2026-02-30", needs="MED-SLEEP; NOPE"),
        good_row(title_en="Bad two", status="paused", publications="Ref | not-a-doi"),
        good_row(title_en="Bad three", starts_on="2026-05-01", ends_on="2026-04-01"),
    )

    with pytest.raises(CsvRejected) as rejected:
        studies_import(data=data)

    assert Study.objects.count() == 0
    found = [(p.row, p.column) for p in rejected.value.report.problems]
    assert found == [
        (3, "needs"),
        (3, "starts_on"),
        (4, "publications"),
        (4, "status"),
        (5, "ends_on"),
    ]


def test_import_a_recruiting_row_needs_how_to_take_part():
    with pytest.raises(CsvRejected) as rejected:
        studies_import(data=csv_bytes(good_row(status="recruiting")))

    assert [(p.row, p.column) for p in rejected.value.report.problems] == [
        (2, "eligibility_nl/fr/de/en"),
        (2, "how_to_take_part_nl/fr/de/en"),
        (2, "contact_url"),
    ]


def test_import_unknown_and_missing_columns_are_named():
    with pytest.raises(CsvRejected) as rejected:
        studies_import(data=b"title_en,colour\nA,red\n")

    assert [(p.row, p.column) for p in rejected.value.report.problems] == [
        (1, "colour"),
        (1, "kind"),
        (1, "status"),
    ]


def test_import_refuses_duplicates_in_the_file_and_in_the_inventory():
    study_create(title={"en": "Already there"})

    with pytest.raises(CsvRejected) as rejected, translation.override("en"):
        studies_import(data=csv_bytes(good_row(), good_row(), good_row(title_en="Already there")))

    assert [(p.row, p.message) for p in rejected.value.report.problems] == [
        (3, "Same title as row 2."),
        (4, "A study with this title is already in the inventory."),
    ]


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe\x00bad", b"kind,status,title_en\nstudy,running,A\x00B\n"],
)
def test_import_unreadable_files_are_refused_with_a_message(data: bytes):
    with pytest.raises(CsvRejected) as rejected:
        studies_import(data=data)

    assert rejected.value.report.problems[0].message
    assert Study.objects.count() == 0


def test_import_dry_run_saves_nothing():
    report = studies_import(data=csv_bytes(good_row()), dry_run=True)

    assert (report.rows, report.created, Study.objects.count()) == (1, [], 0)


def test_the_example_file_imports(tmp_path: Path):
    # The example's needs come from the full taxonomy: add the two it names.
    category = Category.objects.first()
    for code in ("MED-FITNESS", "PSY-CARER-STRAIN"):
        Need.objects.create(code=code, category=category, label=code)

    call_command("import_studies", str(EXAMPLE))

    assert Study.objects.count() == 2


def test_import_command_lists_problems_and_fails(tmp_path: Path, capsys: Any):
    path = tmp_path / "studies.csv"
    path.write_bytes(csv_bytes(good_row(starts_on="tomorrow")))

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_studies", str(path))

    assert "row 2: starts_on: Write the date as YYYY-MM-DD" in capsys.readouterr().err
    assert Study.objects.count() == 0


def test_import_page_previews_the_problems_and_saves_nothing(client: Client):
    signed_in(client, editor_create())
    upload = SimpleUploadedFile("s.csv", csv_bytes(good_row(status="paused")), "text/csv")

    response = client.post("/en/research/import/", {"file": upload})

    assert response.status_code == 422
    assert [(p.row, p.column) for p in response.context["problems"]] == [(2, "status")]
    assert "nothing was imported" in response.content.decode()
    assert Study.objects.count() == 0


def test_import_page_imports_a_good_file(client: Client):
    signed_in(client, editor_create())
    upload = SimpleUploadedFile("s.csv", csv_bytes(good_row()), "text/csv")

    response = client.post("/en/research/import/", {"file": upload})

    assert response.status_code == 200
    assert len(response.context["report"].created) == 1
    assert Study.objects.get().review == Review.PROPOSED


def test_import_page_check_only_saves_nothing(client: Client):
    signed_in(client, editor_create())
    upload = SimpleUploadedFile("s.csv", csv_bytes(good_row()), "text/csv")

    response = client.post("/en/research/import/", {"file": upload, "check_only": "on"})

    assert response.status_code == 200
    assert Study.objects.count() == 0
