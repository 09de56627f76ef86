"""Background work of the needs insights, enqueued daily from cron by ``refresh_insights``
(docs/insights.md; ``manage.py db_worker`` runs it)."""

from __future__ import annotations

from django_tasks import task

from beoncosup.insights import services


@task()
def insights_refresh() -> dict[str, object]:
    """Roll up the day's signals, delete expired ones, refresh supply, republish the tables."""
    report = services.insights_refresh()
    return {
        "months": report.months,
        "purged": report.purged,
        "cells": report.cells,
        "suppressed": report.suppressed,
    }
