"""Every shared code list is defined once: no two TextChoices in the project share members."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict
from typing import get_args

import pytest
from django.db import models
from django.utils import translation

import beoncosup
from beoncosup.situation.api import LanguageCode
from beoncosup.situation.codes import (
    SERVICE_STATUSES,
    Audience,
    CodeSubset,
    EmploymentStatus,
    Language,
    age_band,
)

pytestmark = pytest.mark.unit


def _project_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(beoncosup.__path__, "beoncosup."):
        parts = info.name.split(".")
        if "tests" in parts or "migrations" in parts or parts[-1] in {"wsgi", "settings_test"}:
            continue
        names.append(info.name)
    return names


def _code_lists() -> dict[str, type[models.TextChoices]]:
    found: dict[str, type[models.TextChoices]] = {}
    for name in _project_modules():
        module = importlib.import_module(name)
        for _attr, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, models.TextChoices) and value.__module__.startswith("beoncosup."):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def test_no_code_list_is_defined_twice():
    by_members: dict[frozenset[str], list[str]] = defaultdict(list)
    for name, code_list in _code_lists().items():
        by_members[frozenset(code_list.values)].append(name)

    duplicates = {tuple(sorted(names)) for names in by_members.values() if len(names) > 1}
    assert duplicates == set(), f"code lists defined twice: {duplicates}"


def test_the_scan_sees_the_kernels_lists():
    # Guards the test above against scanning nothing.
    names = set(_code_lists())
    assert "beoncosup.situation.codes.Audience" in names
    assert "beoncosup.navigator.enums.Duration" in names
    assert len(names) >= 15


def test_a_code_subset_reads_like_its_list():
    people = CodeSubset(Audience, (Audience.RELATIVE, Audience.PATIENT))

    assert people.values == ["patient", "relative"]  # the list's own order
    assert people("relative") is Audience.RELATIVE
    with translation.override("en"):
        labels = [str(label) for label in people.labels]
    assert labels == ["People with cancer", "Relatives and carers"]
    with pytest.raises(ValueError, match="employer"):
        people("employer")


def test_services_know_public_contract_staff_as_employees():
    assert "contractual_public" in EmploymentStatus.values
    assert "contractual_public" not in SERVICE_STATUSES.values
    assert len(SERVICE_STATUSES.values) == len(EmploymentStatus.values) - 1


@pytest.mark.parametrize(
    ("age", "band"), [(None, None), (0, "0-17"), (17, "0-17"), (18, "18-39"), (64, "40-64")]
)
def test_age_bands(age, band):
    assert age_band(age) == band


def test_the_api_language_type_lists_the_languages():
    assert list(get_args(LanguageCode)) == Language.values
