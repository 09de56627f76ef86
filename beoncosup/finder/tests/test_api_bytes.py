"""``GET /api/v1/finder`` answers the same bytes for the same data (see
``directory.tests.api_bytes``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.api_bytes import assert_same_bytes, freeze_now
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "api_bytes"


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch)
    make_geo()
    make_needs()
    bare = service_record("bare", postcode="9000")
    for key in ("url", "email", "wait_time", "assured_date"):
        bare.pop(key)
    bare["phones"] = []
    far = service_record("liege", postcode="4000")
    far["service_areas"] = []
    records = [service_record("gent", postcode="9000"), bare, far]
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


CASES: list[tuple[str, dict[str, Any], int]] = [
    ("two_needs_en", {"need": ["MED-PAIN", "MED-FATIGUE"], "postcode": "9000", "lang": "en"}, 200),
    ("unmet_alternatives", {"need": "MED-PAIN", "q": "Steunpnt", "postcode": "4700"}, 200),
    ("text_only", {"q": "gent", "status": "employee"}, 200),
    (
        "filters",
        {
            "need": "MED-FATIGUE",
            "postcode": "1000",
            "languages": "nl,fr",
            "audience": "patient",
            "status": "employee",
            "age": "40",
            "max_km": "80",
            "reach": "travel",
            "lang": "de",
        },
        200,
    ),
    ("empty_page", {"need": "MED-PAIN", "page": "5"}, 200),
    ("unknown_need", {"need": "NOPE"}, 422),
    ("no_needs", {"lang": "nl"}, 422),
    ("unknown_postcode", {"need": "MED-PAIN", "postcode": "9999"}, 422),
]


@pytest.mark.parametrize(("name", "params", "status"), CASES, ids=[c[0] for c in CASES])
def test_finder_api_answers_the_recorded_bytes(
    client: Client, services: None, name: str, params: dict[str, Any], status: int
) -> None:
    assert_same_bytes(FIXTURES, name, client.get("/api/v1/finder", params), status)
