"""Byte-for-byte API contracts: a response compared with the bytes the API answered when the
fixture was recorded (key order, null versus absent, number formatting all count).

The fixtures under each app's ``tests/api_bytes/`` were recorded from the code that built its
JSON by hand, before the APIs declared response schemas, so the typed outputs are proven to
answer exactly the same bytes. To record again on purpose (the test data changed), run the
tests with ``BEONCOSUP_RECORD_API_BYTES=1`` and review the diff.

Each answer is also checked against the response schema ``/api/openapi.json`` declares for its
operation and status (as schemathesis does with generated requests), so the recorded data, which
fills every optional field, proves the schemas describe what the API really sends.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

# The finder and the navigator read today's date (measures in force, "verified N months ago").
FIXED_NOW = dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC)


def freeze_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timezone, "now", lambda: FIXED_NOW)


def assert_same_bytes(folder: Path, name: str, response: Any, status: int = 200) -> None:
    assert response.status_code == status, response.content
    path = folder / f"{name}.json"
    if os.environ.get("BEONCOSUP_RECORD_API_BYTES") == "1":
        path.write_bytes(response.content)
    assert response.content == path.read_bytes(), name
    assert schema_errors(response) == [], name


@cache
def _openapi() -> dict[str, Any]:
    from beoncosup.api import api  # noqa: PLC0415 - the URLconf's API, loaded once Django runs

    # Through JSON, as clients read it (ninja keys its own statuses as integers).
    return json.loads(json.dumps(api.get_openapi_schema()))  # type: ignore[no-any-return]


def schema_errors(response: Any) -> list[str]:
    """How the JSON answer breaks the schema its operation declares for its status."""
    openapi = _openapi()
    path = response.request["PATH_INFO"]
    for template, operations in openapi["paths"].items():
        if re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)), path):
            declared = operations["get"]["responses"][str(response.status_code)]
            break
    else:
        return [f"no operation for {path}"]
    schema = {**declared["content"]["application/json"]["schema"], **openapi}
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(json.loads(response.content))
    ]
