from __future__ import annotations

import pytest

from beoncosup.directory.tests.factories import make_geo
from beoncosup.navigator.services import measures_load


@pytest.fixture
def geo(db):
    make_geo()


@pytest.fixture
def measures(geo):
    return measures_load()
