"""``GET /api/v1/navigator`` answers the same bytes for the same data (see
``directory.tests.api_bytes``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from beoncosup.directory.tests.api_bytes import assert_same_bytes, freeze_now

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "api_bytes"

CASES: list[tuple[str, dict[str, str], int]] = [
    (
        "employee_gent_en",
        {
            "audience": "patient",
            "status": "employee",
            "postcode": "9000",
            "situation": "sick_leave",
            "duration": "1to12m",
            "lang": "en",
        },
        200,
    ),
    (
        "employee_de_fallback",
        {"audience": "patient", "status": "employee", "postcode": "9000", "lang": "de"},
        200,
    ),
    ("job_seeker_eupen", {"audience": "patient", "status": "job_seeker", "postcode": "4700"}, 200),
    ("employer_brussels_fr", {"audience": "employer", "postcode": "1000", "lang": "fr"}, 200),
    ("relative_no_postcode", {"audience": "relative"}, 200),
    ("unknown_postcode", {"audience": "patient", "postcode": "9999"}, 422),
    ("bad_audience", {"audience": "astronaut"}, 422),
]


@pytest.fixture(autouse=True)
def _frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch)


@pytest.mark.parametrize(("name", "params", "status"), CASES, ids=[c[0] for c in CASES])
def test_navigator_api_answers_the_recorded_bytes(
    client: Any, measures: Any, name: str, params: dict[str, str], status: int
) -> None:
    response = client.get(reverse("api:navigator"), params)
    assert_same_bytes(FIXTURES, name, response, status)
