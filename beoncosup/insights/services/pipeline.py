"""The scheduled refresh, end to end."""

from __future__ import annotations

import datetime as dt

from beoncosup.insights.services.publish import publish
from beoncosup.insights.services.refresh import RefreshReport, rollups_refresh, signals_purge
from beoncosup.insights.services.supply import supply_refresh


def insights_refresh(*, today: dt.date | None = None, rebuild: bool = False) -> RefreshReport:
    """Roll up new signals (every month still held when ``rebuild``), delete expired signals,
    recompute supply from the directory and republish the disclosure-controlled tables.

    Side effects: rollups, Supply and PublishedCell rows replaced; old signals deleted."""
    report = RefreshReport(months=rollups_refresh(rebuild=rebuild))
    report.purged = signals_purge(today=today)
    supply_refresh()
    published = publish(today=today)
    report.cells, report.suppressed = published.cells, published.suppressed
    return report
