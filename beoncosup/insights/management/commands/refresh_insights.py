"""Refresh the needs insights: now (``--now``, printing what was done) or through the queue."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from beoncosup.insights import services
from beoncosup.insights.tasks import insights_refresh


class Command(BaseCommand):
    help = (
        "Enqueue the daily refresh of the needs insights: roll up new anonymous signals, "
        "delete those older than BEONCOSUP_INSIGHTS_RETENTION_MONTHS, recompute supply and "
        "republish the disclosure-controlled tables. --now runs it here and prints figures; "
        "--rebuild recomputes every month that still has signals."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run now instead of enqueueing.")
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Recompute every month still held (implies --now).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (options["now"] or options["rebuild"]):
            result = insights_refresh.enqueue()
            self.stdout.write(f"Enqueued the insights refresh: {result.id}")
            return
        report = services.insights_refresh(rebuild=options["rebuild"])
        months = sum(len(done) for done in report.months.values())
        self.stdout.write(
            f"Insights refreshed: {months} month(s) rolled up, {report.purged} expired signal(s) "
            f"deleted, {report.cells} cell(s) published of which {report.suppressed} suppressed."
        )
