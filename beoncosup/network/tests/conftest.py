"""Fixtures of the network tests: a sliver of geography and a few needs."""

from __future__ import annotations

import pytest

from beoncosup.directory.tests.factories import make_geo, make_needs


@pytest.fixture
def world(db: None) -> None:
    make_geo()
    make_needs()
