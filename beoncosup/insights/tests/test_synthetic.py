"""The synthetic signal generator and the demo command (issue #16): exact counts, every row
marked as demo, dates and areas in range, skewed demand, refused in production, idempotent."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from beoncosup.geo.models import Municipality, PostalCode, Province, Region
from beoncosup.geo.services import geo_load
from beoncosup.insights import demo, services
from beoncosup.insights.codes import Band, Outcome, Wait
from beoncosup.insights.models import (
    DemandRollup,
    ReferralSignal,
    SearchSignal,
    SelfCheckSignal,
    SelfCheckSignalNeed,
)
from beoncosup.insights.services.refresh import RefreshReport, rollups_refresh
from beoncosup.insights.synthetic import areas, signals_generate
from beoncosup.situation.codes import Audience, EmploymentStatus, Language, Phase
from beoncosup.taxonomy.models import Category, Domain, Need
from beoncosup.taxonomy.services import taxonomy_load

START, END = dt.date(2024, 1, 1), dt.date(2025, 1, 1)


@pytest.fixture(scope="module")
def reference(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The geo tables and the taxonomy, loaded once for the module and removed afterwards."""
    with django_db_blocker.unblock():
        geo_load()
        taxonomy_load()
        yield
        Need.objects.all().delete()
        Category.objects.all().delete()
        Domain.objects.all().delete()
        PostalCode.objects.all().delete()
        Municipality.objects.all().delete()
        Province.objects.all().delete()
        Region.objects.all().delete()


def _arrondissements() -> set[str]:
    return {f"{nis[:2]}000" for nis in Municipality.objects.values_list("nis_code", flat=True)}


@pytest.mark.django_db
def test_counts_are_exact_and_every_row_is_demo(reference: None) -> None:
    made = signals_generate(searches=3_001, self_checks=257, referrals=99, start=START, end=END)

    assert made["searches"] == SearchSignal.objects.count() == 3_001
    assert made["self_checks"] == SelfCheckSignal.objects.count() == 257
    assert made["self_check_needs"] == SelfCheckSignalNeed.objects.count()
    assert made["referrals"] == ReferralSignal.objects.count() == 99
    for model in (SearchSignal, SelfCheckSignal, ReferralSignal):
        assert not model.objects.filter(is_demo=False).exists()


@pytest.mark.django_db
def test_not_demo_when_asked(reference: None) -> None:
    signals_generate(searches=50, self_checks=5, referrals=5, start=START, end=END, is_demo=False)

    assert not SearchSignal.objects.filter(is_demo=True).exists()
    assert not SelfCheckSignal.objects.filter(is_demo=True).exists()


@pytest.mark.django_db
def test_dates_areas_and_codes_are_in_range(reference: None) -> None:
    signals_generate(searches=4_000, self_checks=300, referrals=200, start=START, end=END)
    known = _arrondissements()
    needs = set(Need.objects.values_list("code", flat=True))

    for model in (SearchSignal, SelfCheckSignal, ReferralSignal):
        rows = model.objects.values_list("date", "arrondissement", "province", "language")
        for day, arrondissement, province, language in rows:
            assert START <= day < END
            assert arrondissement in known or arrondissement == ""
            assert (arrondissement == "") == (province == "")
            assert language in Language.values
    searches = list(SearchSignal.objects.values("need_code", "audience", "status", "phase"))
    assert {row["need_code"] for row in searches} <= needs
    assert {row["audience"] for row in searches} <= set(Audience.values)
    assert {row["status"] for row in searches} <= {"", *EmploymentStatus.values}
    assert {row["phase"] for row in searches} <= {"", *Phase.values}
    assert set(SelfCheckSignal.objects.values_list("band", flat=True)) <= set(Band.values)
    assert set(SelfCheckSignalNeed.objects.values_list("need_code", flat=True)) <= needs
    assert set(ReferralSignal.objects.values_list("outcome", flat=True)) <= set(Outcome.values)
    assert set(ReferralSignal.objects.values_list("wait", flat=True)) <= set(Wait.values)
    # Some searches give no postcode (about 15 %), most do.
    blank = SearchSignal.objects.filter(arrondissement="").count()
    assert 0.08 * 4_000 < blank < 0.25 * 4_000
    # Some referrals were never answered.
    assert ReferralSignal.objects.filter(days_to_response=None).exists()


@pytest.mark.django_db
def test_demand_is_skewed_and_some_needs_are_unmet_somewhere(reference: None) -> None:
    signals_generate(searches=20_000, self_checks=0, referrals=0, start=START, end=END)
    counts = sorted(Counter(SearchSignal.objects.values_list("need_code", flat=True)).values())

    assert counts[-1] > 10 * counts[len(counts) // 2]  # the most asked need vs the median one
    assert SearchSignal.objects.filter(services=0).exclude(arrondissement="").exists()
    assert SearchSignal.objects.filter(services__gte=3).exists()
    # German is asked mostly in the Verviers arrondissement (the German-speaking municipalities).
    german = Counter(SearchSignal.objects.filter(language="de").values_list("arrondissement"))
    assert german.most_common(1)[0][0] == ("63000",)


@pytest.mark.django_db
def test_same_seed_same_rows(reference: None) -> None:
    signals_generate(searches=300, self_checks=0, referrals=0, start=START, end=END, seed=3)
    first = list(SearchSignal.objects.order_by("id").values_list("need_code", "arrondissement"))
    SearchSignal.objects.all().delete()
    signals_generate(searches=300, self_checks=0, referrals=0, start=START, end=END, seed=3)
    again = list(SearchSignal.objects.order_by("id").values_list("need_code", "arrondissement"))

    assert first == again


@pytest.mark.django_db
def test_areas_weigh_every_arrondissement(reference: None) -> None:
    found = areas()

    assert {area.code for area in found} == _arrondissements()
    assert all(area.weight > 0 for area in found)
    assert any(area.languages == "de" for area in found)


@pytest.mark.django_db
def test_the_generator_needs_the_reference_data(reference: None) -> None:
    Need.objects.all().delete()  # rolled back with the test's transaction

    with pytest.raises(LookupError):
        signals_generate(searches=1, self_checks=0, referrals=0, start=START, end=END)


@pytest.fixture
def small_demo(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """A small demo, refreshed by the rollup step only (publishing has tests of its own and
    takes its time with a sparse cube); returns the arguments each refresh was called with."""
    monkeypatch.setattr(demo, "SEARCHES", 2_000)
    monkeypatch.setattr(demo, "SELF_CHECKS", 100)
    monkeypatch.setattr(demo, "REFERRALS", 50)
    calls: list[dict[str, Any]] = []

    def refresh(**kwargs: Any) -> RefreshReport:
        calls.append(kwargs)
        return RefreshReport(months=rollups_refresh(rebuild=kwargs["rebuild"]))

    monkeypatch.setattr(services, "insights_refresh", refresh)
    return calls


@pytest.mark.django_db
@override_settings(PRODUCTION=True)
def test_the_command_is_refused_in_production(
    reference: None, small_demo: list[dict[str, Any]]
) -> None:
    with pytest.raises(CommandError):
        call_command("load_demo_insights", stdout=io.StringIO())

    assert not SearchSignal.objects.exists()
    assert not small_demo


@pytest.mark.django_db
def test_the_command_is_idempotent(reference: None, small_demo: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    call_command("load_demo_insights", stdout=out)
    first = SearchSignal.objects.count()
    assert first == 2_000
    assert DemandRollup.objects.exists()
    assert small_demo == [{"today": small_demo[0]["today"], "rebuild": True}]
    days = SearchSignal.objects.dates("date", "month")
    assert len(days) >= 36
    assert "2,000 search signals" in out.getvalue()

    again = io.StringIO()
    call_command("load_demo_insights", stdout=again)

    assert SearchSignal.objects.count() == first
    assert "nothing new" in again.getvalue()
    assert len(small_demo) == 1

    call_command("load_demo_insights", "--replace", stdout=io.StringIO())

    assert SearchSignal.objects.count() == first


@pytest.mark.django_db
def test_demo_referral_signals_do_not_stop_the_demo_history(
    reference: None, small_demo: list[dict[str, Any]]
) -> None:
    # setup_demo makes demo referrals first; the closed ones give demo referral signals.
    ReferralSignal.objects.create(
        date=START, need_code=Need.objects.first().code, language="nl", outcome="got_help",
        wait="open", is_demo=True,
    )  # fmt: skip

    call_command("load_demo_insights", stdout=io.StringIO())

    assert SearchSignal.objects.filter(is_demo=True).count() == 2_000
    assert len(small_demo) == 1
