"""Fixtures of the search tests: the fake course catalogue, registered for one test, and the
reference taxonomy with its embedded passages, loaded once per module."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.search.needs import clear_cache
from beoncosup.search.tests.fake_catalogue import Courses
from beoncosup.situation.catalogues import (
    Catalogue,
    catalogue_get,
    catalogue_register,
    catalogue_unregister,
)
from beoncosup.taxonomy.models import Category, Domain, Need
from beoncosup.taxonomy.services import taxonomy_load


@pytest.fixture
def courses() -> Iterator[Courses]:
    make_geo()
    make_needs()
    catalogue = Courses()
    try:
        real = catalogue_get("course")  # the training app's, put back afterwards
    except KeyError:
        real = None
    catalogue_register(Catalogue(kind="course", entries=catalogue.entries, label="courses"))
    yield catalogue
    if real is None:
        catalogue_unregister("course")
    else:
        catalogue_register(real)


@pytest.fixture(scope="module")
def taxonomy(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The reference taxonomy with its embedded passages, loaded once for the module and
    removed afterwards."""
    with django_db_blocker.unblock():
        taxonomy_load()
        clear_cache()
        yield
        Need.objects.all().delete()
        Category.objects.all().delete()
        Domain.objects.all().delete()
        clear_cache()
