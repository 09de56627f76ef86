"""The API's boundary: what the OpenAPI document promises (404/422 on every operation, the need
codes, repeated parameters) and the edges of ``modified_after``, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.api import api
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.taxonomy.services import DEFAULT_TAXONOMY_PATH

pytestmark = pytest.mark.django_db

SCHEMA: dict[str, Any] = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/")))
OPERATIONS = [
    (method, path, operation)
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
]
PROBLEM = {"$ref": "#/components/schemas/Problem"}
# Operations whose body names an object that may not exist (a referral's service): 404 too.
BODY_LOOKUPS = {("post", "/api/v1/referrals")}


def operation_id(value: Any) -> str:
    return value if isinstance(value, str) else ""


@pytest.fixture
def one_service(tmp_path: Path) -> None:
    """Service "a": last modified 2026-11-20T10:00:00Z, needs MED-PAIN and MED-FATIGUE."""
    make_geo()
    make_needs()
    path = tmp_path / "nl.json"
    path.write_text(json.dumps([service_record("a")]), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS, ids=operation_id)
def test_every_operation_documents_its_422_and_404(method, path, operation):
    responses = operation["responses"]
    has_path_parameter = "{" in path

    assert responses["422"]["content"]["application/json"]["schema"] in (
        PROBLEM,
        {"$ref": "#/components/schemas/ErrorOut"},
        {"$ref": "#/components/schemas/Error"},
    )
    assert ("404" in responses) == (has_path_parameter or (method, path) in BODY_LOOKUPS)


def single_valued_query_parameters() -> list[tuple[str, str, bool]]:
    return [
        (path.replace("{", "").replace("}", ""), parameter["name"], bool(operation.get("security")))
        for _method, path, operation in OPERATIONS
        if _method == "get"
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter["schema"].get("type") != "array"
    ]


@pytest.mark.parametrize(("path", "name", "secure"), single_valued_query_parameters())
def test_repeated_single_valued_parameter_is_422_naming_it(client: Client, path, name, secure):
    if secure:  # the analysts' operations: a session with the role, or 401 before anything
        analyst = user_create("analyst@beoncosup.example")
        role_grant(user=analyst, role=PlatformRole.ANALYST, granted_by=None)
        signed_in(client, analyst)
    response = client.get(f"{path}?{name}=1&{name}=2")

    assert response.status_code == 422
    assert response.json() == {
        "detail": f"{name}: give this parameter once",
        "errors": [{"field": name, "message": "give this parameter once"}],
    }


def test_repeated_need_is_still_a_list(client: Client, one_service):
    response = client.get("/api/v1/finder?need=MED-PAIN&need=MED-FATIGUE&lang=nl")

    assert response.status_code == 200
    assert response.json()["needs"] == ["MED-PAIN", "MED-FATIGUE"]


def test_need_parameter_lists_the_taxonomy_codes():
    document = yaml.safe_load(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))
    finder = SCHEMA["paths"]["/api/v1/finder"]["get"]
    need = next(p for p in finder["parameters"] if p["name"] == "need")

    assert need["schema"]["type"] == "array"
    assert need["schema"]["items"]["enum"] == [n["code"] for n in document["needs"]]


def test_need_code_outside_the_taxonomy_is_422_with_a_short_message(client: Client):
    response = client.get("/api/v1/finder?need=NOT-A-NEED")

    assert response.status_code == 422
    assert response.json()["detail"] == (
        "need: unknown need code(s) NOT-A-NEED; see /api/hsds/taxonomy_terms"
    )


def test_need_code_of_the_taxonomy_missing_from_the_database_is_422(client: Client, one_service):
    response = client.get("/api/v1/finder?need=MED-SLEEP")  # in the file, not loaded here

    assert response.status_code == 422
    assert response.json() == {"detail": "need: unknown need code(s) MED-SLEEP"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0001-01-01T00:00+01:00", "give a time from year 1 to year 9999, in UTC"),
        ("0001-01-01T00:00", "give a time from year 1 to year 9999, in UTC"),
        ("9999-12-31T23:59-01:00", "give a time from year 1 to year 9999, in UTC"),
        ("2026-01-01T00:00+23:59", "give a UTC offset from -14:00 to +14:00 (this one is +23:59)"),
        ("2026-01-01T00:00-15:30", "give a UTC offset from -14:00 to +14:00 (this one is -15:30)"),
    ],
)
@pytest.mark.parametrize("path", ["/api/hsds/services", "/api/hsds/service_at_locations"])
def test_modified_after_out_of_range_is_422_with_a_message(client: Client, path, value, message):
    response = client.get(path, {"modified_after": value})

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "modified_after", "message": message}]


def test_modified_after_with_an_offset_past_a_day_is_422(client: Client):
    response = client.get("/api/hsds/services", {"modified_after": "2026-01-01T00:00-25:00"})

    assert response.status_code == 422
    assert response.json()["detail"].startswith("modified_after: ")


@pytest.mark.parametrize(
    ("value", "total"),
    [
        ("2026-11-20T11:00+01:00", 1),  # the same instant as the service's 10:00Z
        ("2026-11-20T11:00:01+01:00", 0),
        ("2026-11-20T11:00", 1),  # no offset: Belgian time (CET in November)
        ("2026-11-20T11:00:01", 0),
        ("2026-11-21T00:00+14:00", 1),
        ("0001-01-01T01:00+01:00", 1),  # year 1, midnight UTC: the earliest instant
        ("9999-12-31T23:59Z", 0),
    ],
)
def test_modified_after_compares_instants(client: Client, one_service, value, total):
    response = client.get("/api/hsds/services", {"modified_after": value})

    assert response.status_code == 200
    assert response.json()["total_items"] == total
