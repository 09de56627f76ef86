"""Fixtures of the insights tests: a sliver of geography (Gent, Brussels, Liège, Eupen) and a
few needs, and helpers that record signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import translation

from beoncosup.directory.tests.factories import NEED_CODES, make_geo, make_needs
from beoncosup.insights.services.signals import SearchSignalData, search_signals_record


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English, whatever the project's default language."""
    with translation.override("en"):
        yield


@pytest.fixture
def world(db: Any) -> list[str]:
    make_geo()
    make_needs()
    return list(NEED_CODES)


def search(
    need: str,
    *,
    day: dt.date,
    arrondissement: str = "44000",
    province: str = "BE-VOV",
    language: str = "nl",
    services: int = 3,
    audience: str = "patient",
    status: str = "employee",
) -> SearchSignalData:
    return {
        "need_code": need,
        "arrondissement": arrondissement,
        "province": province,
        "language": language,
        "audience": audience,
        "status": status,
        "phase": "treatment",
        "services": services,
        "date": day.isoformat(),
    }


@pytest.fixture
def searched(world: list[str]) -> Callable[..., int]:
    def record(need: str, times: int, **fields: Any) -> int:
        return search_signals_record(signals=[search(need, **fields)] * times)

    return record
