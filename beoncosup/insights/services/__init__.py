"""Writes of needs insights: recording anonymous signals, rolling them up, publishing the
disclosure-controlled tables and deleting old signals (docs/insights.md)."""

from beoncosup.insights.services.pipeline import insights_refresh
from beoncosup.insights.services.publish import publish
from beoncosup.insights.services.refresh import rollups_rebuild, signals_purge
from beoncosup.insights.services.signals import (
    referral_signal_record,
    search_signals_record,
    self_check_signal_record,
)
from beoncosup.insights.services.supply import supply_refresh

__all__ = [
    "insights_refresh",
    "publish",
    "referral_signal_record",
    "rollups_rebuild",
    "search_signals_record",
    "self_check_signal_record",
    "signals_purge",
    "supply_refresh",
]
