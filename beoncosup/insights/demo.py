"""Demo needs insights for ``make run`` (development only; refused in production): three years
of synthetic signals up to today, every row marked as demo, rolled up and published, so the
dashboards show real patterns and many published cells. Setup takes about a minute or two.

A second run makes nothing new while demo signals exist; ``replace=True`` deletes the demo
signals and makes them afresh.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from beoncosup.insights import services
from beoncosup.insights.models import ReferralSignal, SearchSignal, SelfCheckSignal
from beoncosup.insights.services.refresh import RefreshReport
from beoncosup.insights.synthetic import signals_generate

# A volume like a national service's first years (the benchmark's 10 million over three years
# is the target scale): at a tenth of this, most cells are small and protecting them takes
# minutes and shows little.
SEARCHES = 1_500_000
SELF_CHECKS = 30_000
REFERRALS = 10_000
YEARS = 3
SIGNAL_MODELS = (SearchSignal, SelfCheckSignal, ReferralSignal)


def demo_signals_exist() -> bool:
    """Whether the synthetic history is there: its search signals (the demo referrals made just
    before give demo referral signals of their own, which do not count)."""
    return SearchSignal.objects.filter(is_demo=True).exists()


@transaction.atomic
def demo_insights_load(
    *, replace: bool = False, today: dt.date | None = None
) -> tuple[dict[str, int], RefreshReport] | None:
    """Generate the demo signals and refresh the insights (rollups rebuilt, supply, publish).
    Returns the rows made per table and the refresh report, or None when demo signals exist
    and ``replace`` is false. LookupError without the geo tables or the taxonomy.

    Side effects: demo signal rows (replaced when ``replace``), rollups, Supply and
    PublishedCell rows; signals past the retention period deleted."""
    if demo_signals_exist():
        if not replace:
            return None
        for model in SIGNAL_MODELS:
            model.objects.filter(is_demo=True).delete()
    today = today or timezone.localdate()
    start = today.replace(year=today.year - YEARS, day=1)
    made = signals_generate(
        searches=SEARCHES,
        self_checks=SELF_CHECKS,
        referrals=REFERRALS,
        start=start,
        end=today + dt.timedelta(days=1),
        is_demo=True,
    )
    report = services.insights_refresh(today=today, rebuild=True)
    return made, report
