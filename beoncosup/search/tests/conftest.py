"""Fixtures of the search tests: the fake course catalogue, registered for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.search.tests.fake_catalogue import Courses
from beoncosup.situation.catalogues import Catalogue, catalogue_register, catalogue_unregister


@pytest.fixture
def courses() -> Iterator[Courses]:
    make_geo()
    make_needs()
    catalogue = Courses()
    catalogue_register(Catalogue(kind="course", entries=catalogue.entries, label="courses"))
    yield catalogue
    catalogue_unregister("course")
