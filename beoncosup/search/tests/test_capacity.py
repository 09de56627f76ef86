"""Capacity in the matcher (issue #15): a service closed to new referrals ranks after every
open one of its language tier, whatever its score; the profile follows the stated capacity;
the reasons say it; the eligibility statement reads it with the row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beoncosup.directory.enums import CapacityStatus, WaitingBand
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service, ServiceCapacity
from beoncosup.directory.services import capacity_set
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.matching.engine import match
from beoncosup.search.models import MatchProfile
from beoncosup.search.services import search_index_rebuild

pytestmark = pytest.mark.django_db

PAIN_IN_GHENT = Criteria(needs=("MED-PAIN",), postcode="9000", lang="en")


def load(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    make_geo()
    make_needs()
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])


def service(seed: str) -> Service:
    found: Service = Service.objects.get(name__nl=f"Steunpunt {seed}")
    return found


@pytest.fixture
def two(tmp_path: Path) -> tuple[Service, Service]:
    """Two services for the same need in the same place; "best" scores higher (verified this
    year, the other long ago)."""
    stale = service_record("stale")
    stale["assured_date"] = "2020-01-01"
    load(tmp_path, [service_record("best"), stale])
    return service("best"), service("stale")


def ranked(criteria: Criteria = PAIN_IN_GHENT) -> list[str]:
    return [found.object_id for found in match(kind="service", criteria=criteria).matches]


def test_without_a_stated_capacity_the_higher_score_comes_first(two):
    best, stale = two

    result = match(kind="service", criteria=PAIN_IN_GHENT)

    assert [m.object_id for m in result.matches] == [str(best.pk), str(stale.pk)]
    assert result.matches[0].score > result.matches[1].score


def test_a_closed_service_comes_after_an_open_one_even_with_a_higher_score(two):
    best, stale = two
    capacity_set(service=best, status=CapacityStatus.CLOSED)

    result = match(kind="service", criteria=PAIN_IN_GHENT)

    assert [m.object_id for m in result.matches] == [str(stale.pk), str(best.pk)]
    assert result.matches[1].score > result.matches[0].score
    assert "Not taking new referrals at the moment" in result.matches[1].reasons
    assert result.total == 2  # still listed: closed ranks lower, it is not excluded


def test_a_waiting_list_keeps_its_rank_and_says_how_long(two):
    best, stale = two
    capacity_set(
        service=best,
        status=CapacityStatus.WAITING_LIST,
        waiting_band=WaitingBand.OVER_3_MONTHS,
    )

    result = match(kind="service", criteria=PAIN_IN_GHENT)

    assert [m.object_id for m in result.matches] == [str(best.pk), str(stale.pk)]
    assert "Waiting list: > 3 months" in result.matches[0].reasons
    assert not any("Waiting list" in reason for reason in result.matches[1].reasons)


def test_reopening_moves_the_service_back_up(two):
    best, _stale = two
    capacity_set(service=best, status=CapacityStatus.CLOSED)
    assert ranked()[0] != str(best.pk)

    capacity_set(service=best, status=CapacityStatus.OPEN)

    assert ranked()[0] == str(best.pk)


def test_the_language_tier_still_comes_before_capacity(tmp_path):
    french = service_record("french")
    french["languages"] = [{"id": french["languages"][0]["id"], "code": "fr", "name": "Français"}]
    load(tmp_path, [service_record("dutch"), french])
    dutch = service("dutch")
    capacity_set(service=dutch, status=CapacityStatus.CLOSED)

    order = ranked(Criteria(needs=("MED-PAIN",), postcode="9000", lang="nl", languages=("nl",)))

    # Closed but speaks Dutch, before open but speaks none of the person's languages.
    assert order == [str(dutch.pk), str(service("french").pk)]


def test_the_profile_follows_the_capacity_and_a_full_rebuild(two):
    best, _stale = two

    def profile() -> tuple[bool, str]:
        row = MatchProfile.objects.get(kind="service", object_id=str(best.pk))
        return row.closed, row.waiting_band

    assert profile() == (False, "")
    capacity_set(service=best, status=CapacityStatus.CLOSED)
    assert profile() == (True, "")
    search_index_rebuild()
    assert profile() == (True, "")
    capacity_set(
        service=best,
        status=CapacityStatus.WAITING_LIST,
        waiting_band=WaitingBand.UNDER_1_MONTH,
    )
    assert profile() == (False, "under_1_month")
    ServiceCapacity.objects.filter(service=best).delete()
    assert profile() == (False, "")


@pytest.mark.parametrize("closed", [1, 3])
def test_capacity_costs_no_query_per_candidate(tmp_path, closed):
    load(tmp_path, [service_record(f"s{index}") for index in range(4)])
    with CaptureQueriesContext(connection) as nothing_stated:
        match(kind="service", criteria=PAIN_IN_GHENT)
    for index in range(closed):
        capacity_set(service=service(f"s{index}"), status=CapacityStatus.CLOSED)

    with CaptureQueriesContext(connection) as stated:
        result = match(kind="service", criteria=PAIN_IN_GHENT)

    assert len(stated) == len(nothing_stated)
    assert len(result.matches) == 4
