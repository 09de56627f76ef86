"""Byte-for-byte API contracts: a response compared with the bytes the API answered when the
fixture was recorded (key order, null versus absent, number formatting all count).

The fixtures under each app's ``tests/api_bytes/`` were recorded from the code that built its
JSON by hand, before the APIs declared response schemas, so the typed outputs are proven to
answer exactly the same bytes. To record again on purpose (the test data changed), run the
tests with ``BEONCOSUP_RECORD_API_BYTES=1`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

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
