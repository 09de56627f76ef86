"""Rolling signals up into monthly rollups, incrementally, and deleting old signals.

Each signal table has a RefreshState holding the last signal id rolled up. A refresh finds the
months of the signals added since, and recomputes those months whole from the signals with one
``INSERT … SELECT … GROUP BY`` each (so a refresh run twice, or after a crash, gives the same
rollups). Signals are deleted by whole months once older than the retention period, so a month
is either complete in the signal table or gone from it, and a rebuild never recomputes a month
from part of its signals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from beoncosup.insights.codes import POOR_COVERAGE_MAX
from beoncosup.insights.models import (
    DemandRollup,
    ReferralRollup,
    ReferralSignal,
    RefreshState,
    SearchSignal,
    SelfCheckRollup,
    SelfCheckSignal,
    SelfCheckSignalNeed,
)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_after(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _demand_month(month: dt.date) -> None:
    DemandRollup.objects.filter(month=month).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {_table(DemandRollup)}
            (month, need_code, arrondissement, province, language, audience, status,
             searches, unmet, poor)
            SELECT %s, need_code, arrondissement, province, language, audience, status,
                   COUNT(*),
                   SUM(CASE WHEN services = 0 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN services BETWEEN 1 AND %s THEN 1 ELSE 0 END)
            FROM {_table(SearchSignal)}
            WHERE date >= %s AND date < %s
            GROUP BY need_code, arrondissement, province, language, audience, status""",  # noqa: S608 - names from _meta, values as parameters
            [month, POOR_COVERAGE_MAX, month, month_after(month)],
        )


def _self_check_month(month: dt.date) -> None:
    SelfCheckRollup.objects.filter(month=month).delete()
    signals, needs = _table(SelfCheckSignal), _table(SelfCheckSignalNeed)
    dims = "instrument, band, arrondissement, province, language, audience"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {_table(SelfCheckRollup)}
            (month, {dims}, need_code, count)
            SELECT %s, {dims}, '', COUNT(*) FROM {signals}
            WHERE date >= %s AND date < %s GROUP BY {dims}""",  # noqa: S608 - names from _meta, values as parameters
            [month, month, month_after(month)],
        )
        prefixed = ", ".join(f"s.{name.strip()}" for name in dims.split(","))
        cursor.execute(
            f"""INSERT INTO {_table(SelfCheckRollup)}
            (month, {dims}, need_code, count)
            SELECT %s, {prefixed}, n.need_code, COUNT(*)
            FROM {signals} s JOIN {needs} n ON n.signal_id = s.id
            WHERE s.date >= %s AND s.date < %s GROUP BY {prefixed}, n.need_code""",  # noqa: S608 - names from _meta, values as parameters
            [month, month, month_after(month)],
        )


def _referral_month(month: dt.date) -> None:
    ReferralRollup.objects.filter(month=month).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {_table(ReferralRollup)}
            (month, need_code, arrondissement, province, outcome, wait,
             count, answered, response_days)
            SELECT %s, need_code, arrondissement, province, outcome, wait,
                   COUNT(*), COUNT(days_to_response), COALESCE(SUM(days_to_response), 0)
            FROM {_table(ReferralSignal)}
            WHERE date >= %s AND date < %s
            GROUP BY need_code, arrondissement, province, outcome, wait""",  # noqa: S608 - names from _meta, values as parameters
            [month, month, month_after(month)],
        )


ROLLUPS = {
    "search": (SearchSignal, _demand_month),
    "self_check": (SelfCheckSignal, _self_check_month),
    "referral": (ReferralSignal, _referral_month),
}


@dataclass
class RefreshReport:
    months: dict[str, list[str]] = field(default_factory=dict)  # signal table -> months redone
    purged: int = 0
    cells: int = 0
    suppressed: int = 0

    @property
    def changed(self) -> bool:
        return any(self.months.values())


def _months_of(model: type[models.Model], *, after_id: int, up_to_id: int) -> list[dt.date]:
    days = (
        model.objects.filter(id__gt=after_id, id__lte=up_to_id)  # type: ignore[attr-defined]
        .values_list("date", flat=True)
        .distinct()
    )
    return sorted({month_start(day) for day in days})


@transaction.atomic
def rollups_refresh(*, rebuild: bool = False) -> dict[str, list[str]]:
    """Recompute the months that received signals since the last refresh (every month that
    still has signals when ``rebuild``); returns the months redone per signal table.

    Side effects: rollup rows replaced, RefreshState rows updated."""
    done: dict[str, list[str]] = {}
    for name, (model, recompute) in ROLLUPS.items():
        state, _created = RefreshState.objects.select_for_update().get_or_create(name=name)
        top = model.objects.aggregate(top=Max("id"))["top"] or 0  # type: ignore[attr-defined]
        after = 0 if rebuild else state.last_id
        months = _months_of(model, after_id=after, up_to_id=top) if top > after else []
        for month in months:
            recompute(month)
        if months or rebuild:
            state.has_demo = model.objects.filter(is_demo=True).exists()  # type: ignore[attr-defined]
        state.last_id = max(state.last_id, top)
        state.save()
        done[name] = [f"{month:%Y-%m}" for month in months]
    return done


def retention_cutoff(*, today: dt.date | None = None) -> dt.date:
    """The first day of the oldest month whose signals are kept."""
    month = month_start(today or timezone.localdate())
    for _ in range(settings.BEONCOSUP_INSIGHTS_RETENTION_MONTHS):
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return month


@transaction.atomic
def signals_purge(*, today: dt.date | None = None) -> int:
    """Delete signals of the months older than the retention period (whole months only; their
    rollups stay). Returns the signal rows deleted.

    Side effects: signal rows deleted."""
    cutoff = retention_cutoff(today=today)
    deleted = 0
    for model, _recompute in ROLLUPS.values():
        count, _by_model = model.objects.filter(date__lt=cutoff).delete()  # type: ignore[attr-defined]
        deleted += count
    return deleted


def rollups_rebuild() -> dict[str, list[str]]:
    """Recompute every month that still has signals (after a change in how rollups count)."""
    return rollups_refresh(rebuild=True)
