"""Enqueue the retention of working-group registrations (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.participation.tasks import participation_registrations_purge


class Command(BaseCommand):
    help = (
        "Enqueue the deletion of working-group registrations (names and e-mail addresses) "
        "BEONCOSUP_WORKING_GROUP_DATA_DAYS (default 365) days after their session ended."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = participation_registrations_purge.enqueue()
        self.stdout.write(f"Enqueued the working-group registration purge: {result.id}")
