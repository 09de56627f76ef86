"""Signals → monthly rollups → published cells: incremental, idempotent, retention by month."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from beoncosup.insights.models import (
    DemandRollup,
    PublishedCell,
    RefreshState,
    SearchSignal,
)
from beoncosup.insights.services import insights_refresh, publish, signals_purge
from beoncosup.insights.services.refresh import retention_cutoff, rollups_refresh

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 4)


def test_rollup_counts_searches_unmet_and_poorly_covered(searched):
    day = dt.date(2026, 3, 10)
    searched("MED-PAIN", 5, day=day, services=0)
    searched("MED-PAIN", 2, day=day, services=2)
    searched("MED-PAIN", 4, day=dt.date(2026, 3, 31), services=7)
    searched("MED-PAIN", 1, day=dt.date(2026, 4, 1), services=7)
    rollups_refresh()
    march = DemandRollup.objects.get(month=dt.date(2026, 3, 1), need_code="MED-PAIN")
    assert (march.searches, march.unmet, march.poor) == (11, 5, 2)
    assert DemandRollup.objects.get(month=dt.date(2026, 4, 1)).searches == 1


def test_refresh_redoes_only_the_months_that_received_signals(searched):
    searched("MED-PAIN", 3, day=dt.date(2026, 1, 5))
    searched("MED-PAIN", 3, day=dt.date(2026, 2, 5))
    assert rollups_refresh()["search"] == ["2026-01", "2026-02"]
    assert rollups_refresh()["search"] == []
    searched("MED-PAIN", 2, day=dt.date(2026, 2, 6))
    assert rollups_refresh()["search"] == ["2026-02"]
    assert DemandRollup.objects.get(month=dt.date(2026, 2, 1)).searches == 5
    assert DemandRollup.objects.get(month=dt.date(2026, 1, 1)).searches == 3
    # A rebuild gives the same rollups.
    before = sorted(DemandRollup.objects.values_list("month", "searches"))
    assert rollups_refresh(rebuild=True)["search"] == ["2026-01", "2026-02"]
    assert sorted(DemandRollup.objects.values_list("month", "searches")) == before


def test_unknown_codes_are_dropped_not_stored(world):
    from beoncosup.insights.services import search_signals_record  # noqa: PLC0415
    from beoncosup.insights.tests.conftest import search  # noqa: PLC0415

    day = dt.date(2026, 3, 10)
    written = search_signals_record(
        signals=[
            search("NOT-A-NEED", day=day),
            search("MED-PAIN", day=day, language="xx"),
            {**search("MED-PAIN", day=day), "arrondissement": "9000 Gent", "audience": "me"},
        ]
    )
    assert written == 1
    row = SearchSignal.objects.get()
    assert (row.arrondissement, row.province, row.audience) == ("", "", "")


@override_settings(BEONCOSUP_INSIGHTS_RETENTION_MONTHS=24)
def test_signals_are_deleted_by_whole_months_and_rollups_stay(searched):
    assert retention_cutoff(today=TODAY) == dt.date(2024, 12, 1)
    searched("MED-PAIN", 4, day=dt.date(2024, 11, 30))
    searched("MED-PAIN", 6, day=dt.date(2024, 12, 1))
    rollups_refresh()
    assert signals_purge(today=TODAY) == 4
    assert SearchSignal.objects.count() == 6
    assert DemandRollup.objects.get(month=dt.date(2024, 11, 1)).searches == 4
    # A rebuild recomputes only the months still held: November 2024 keeps its rollup.
    rollups_refresh(rebuild=True)
    assert DemandRollup.objects.get(month=dt.date(2024, 11, 1)).searches == 4


def _year_of_searches(searched: Any) -> None:
    """2025: each quarter, 30 searches in Gent (10 without a service) and 12 in Liège."""
    for month in (2, 5, 8, 11):
        day = dt.date(2025, month, 10)
        searched("MED-PAIN", 20, day=day, services=4)
        searched("MED-PAIN", 10, day=day, services=0)
        searched("MED-PAIN", 12, day=day, arrondissement="62000", province="BE-WLG")
        searched("PSY-FEAR-RECURRENCE", 3, day=day)


@override_settings(BEONCOSUP_INSIGHTS_K=10)
def test_published_cells_are_at_least_k_or_suppressed(searched):
    _year_of_searches(searched)
    insights_refresh(today=TODAY)
    demand = PublishedCell.objects.filter(cube="demand")
    assert demand.exists()
    assert not demand.filter(suppressed=False, count__lt=10).exists()
    total = demand.get(period="2025", need="*", area="BE", breakdown="*")
    assert (total.count, total.suppressed) == (4 * 45, False)
    # Three searches a quarter for a need are never shown.
    fear = demand.get(period="2025-Q1", need="PSY-FEAR-RECURRENCE", area="44000", breakdown="*")
    assert (fear.count, fear.suppressed) == (3, True)
    # Complete periods are frozen.
    assert total.frozen
    assert RefreshState.objects.get(name="published").refreshed_at is not None


@override_settings(BEONCOSUP_INSIGHTS_K=10)
def test_a_frozen_period_keeps_what_it_published(searched):
    _year_of_searches(searched)
    insights_refresh(today=TODAY)
    before = {
        (c.period, c.need, c.area, c.breakdown): (c.count, c.suppressed)
        for c in PublishedCell.objects.filter(cube="demand", period="2025")
    }
    # A late signal for 2025 changes the rollup, not what 2025 published.
    searched("MED-PAIN", 7, day=dt.date(2025, 12, 31))
    insights_refresh(today=TODAY)
    after = {
        (c.period, c.need, c.area, c.breakdown): (c.count, c.suppressed)
        for c in PublishedCell.objects.filter(cube="demand", period="2025")
    }
    assert after == before


def test_the_demo_flag_follows_the_signals(searched):
    from beoncosup.insights.services import search_signals_record  # noqa: PLC0415
    from beoncosup.insights.tests.conftest import search  # noqa: PLC0415

    searched("MED-PAIN", 3, day=dt.date(2026, 3, 1))
    publish(today=TODAY)
    insights_refresh(today=TODAY)
    assert not RefreshState.objects.get(name="published").has_demo
    search_signals_record(signals=[search("MED-PAIN", day=dt.date(2026, 3, 2))], is_demo=True)
    insights_refresh(today=TODAY)
    assert RefreshState.objects.get(name="published").has_demo


@override_settings(BEONCOSUP_INSIGHTS_K=10)
def test_a_cube_that_cannot_be_protected_publishes_nothing_new(searched, monkeypatch):
    from beoncosup.insights import disclosure  # noqa: PLC0415

    _year_of_searches(searched)
    for month in (2, 5, 8, 11):  # 2026, the running quarter included
        searched("MED-PAIN", 30, day=dt.date(2026, month, 20))
    insights_refresh(today=TODAY)

    def shown() -> set[tuple[str, ...]]:
        return set(
            PublishedCell.objects.filter(suppressed=False).values_list(
                "cube", "period", "need", "area", "breakdown"
            )
        )

    before = shown()
    assert any(key[1] == "2026-Q4" for key in before)

    def impossible(*args: Any, **kwargs: Any) -> set[Any]:
        raise ValueError("cannot protect")

    monkeypatch.setattr(disclosure, "protect", impossible)
    publish(today=TODAY)

    # Only what complete periods published before (frozen) is still shown; nothing new, and
    # nothing of the running quarter.
    after = shown()
    assert after
    assert after <= before
    assert not any(key[1] in ("2026-Q4", "2026") for key in after)
