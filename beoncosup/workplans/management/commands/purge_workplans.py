"""Enqueue the retention of return-to-work plans (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.workplans.services.retention import retention_days
from beoncosup.workplans.tasks import workplans_purge


class Command(BaseCommand):
    help = (
        "Enqueue the deletion of return-to-work plans (with their share links) nobody has "
        "edited for BEONCOSUP_WORKPLAN_RETENTION_DAYS days (default 730)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = workplans_purge.enqueue()
        self.stdout.write(
            f"Enqueued the purge of plans not edited for {retention_days()} days: {result.id}"
        )
