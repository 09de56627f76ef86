"""Fixtures of the authorization tests."""

from __future__ import annotations

import pytest

from tests.authz.world import World, world_build


@pytest.fixture
def world() -> World:
    return world_build()
