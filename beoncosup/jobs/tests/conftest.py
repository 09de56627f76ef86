"""Fixtures of the jobs tests: the geography with Antwerp, and the "job" catalogue registered
(search's tests may have replaced the registry)."""

from __future__ import annotations

import pytest

from beoncosup.jobs.catalogue import catalogue_connect
from beoncosup.jobs.tests.factories import jobs_geo


@pytest.fixture(autouse=True)
def jobs_setup(db: None) -> None:
    catalogue_connect()
    jobs_geo()
