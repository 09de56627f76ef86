"""Property-based fuzzing of every operation in ``/api/openapi.json`` (schemathesis 4, in-process).

Requests generated from the schema itself, valid and invalid (wrong types, out-of-range values,
NUL characters, repeated parameters), must never answer 5xx and must answer only statuses the
schema documents, with the documented content type and, where the schema declares one, a body
that conforms. It runs on SQLite in the suite and again on PostgreSQL in CI, where NUL bytes and
out-of-range datetimes used to become database errors. Bounded (``MAX_EXAMPLES`` per operation,
derandomized) to stay under three minutes per database on two cores.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, service_record
from beoncosup.navigator.services import measures_load
from beoncosup.screening.services import help_lines_load, instruments_load

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 200
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# The schema as the running application serves it, requests sent straight to its WSGI handler.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def open_connection() -> Iterator[None]:
    """Keep the test's connection across requests, as Django's test client does: the WSGI
    handler would otherwise close it, and the test's transaction with it, after each response."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def seeded(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """The real taxonomy, instruments, help lines and measures, four postcodes and three
    services, so generated requests reach the code that reads data and not only the 404s.
    Written once for all operations in a transaction rolled back at the end (each operation's
    own test transaction nests inside it as a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_geo()
        call_command("load_taxonomy", stdout=io.StringIO())
        instruments_load()
        help_lines_load()
        measures_load()
        records = [
            service_record(seed, postcode=postcode)
            for seed, postcode in (("a", "9000"), ("b", "1000"), ("c", "4000"))
        ]
        path = tmp_path_factory.mktemp("hsds") / "nl.json"
        path.write_text(json.dumps(records), encoding="utf-8")
        hsds_import(sources=[(path, "nl")])
        yield
        transaction.set_rollback(True)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the first failure is reported as is
    # Each operation's examples share its test transaction (the open_connection fixture).
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_operation_conforms_to_its_schema(
    case: schemathesis.Case[Any], seeded: None, open_connection: None
) -> None:
    case.call_and_validate(checks=CHECKS)


def test_fuzzed_operations_see_the_seeded_data(seeded: None, open_connection: None) -> None:
    """Guards the fixture: generated requests must reach services, not an empty database."""
    case = schema["/api/hsds/services"]["GET"].Case(query={"per_page": 100})

    response = case.call()

    assert response.status_code == 200
    assert response.json()["total_items"] == 3
