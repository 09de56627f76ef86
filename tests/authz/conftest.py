"""Fixtures of the authorization tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from tests.authz.world import World, world_build


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """The world, built once per module inside a transaction rolled back at the module's end
    (it takes a few seconds: a dozen accounts with their second factor, organisations, a
    referral, a course, a network). Each test runs in a savepoint inside it, and each request
    of the matrices is rolled back too, so no test sees another's writes."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield world_build()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
