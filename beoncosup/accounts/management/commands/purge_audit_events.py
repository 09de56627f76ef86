"""Delete audit events older than BEONCOSUP_AUDIT_RETENTION_DAYS. Run it daily (cron)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from beoncosup.audit.services import events_purge


class Command(BaseCommand):
    help = "Delete audit events older than BEONCOSUP_AUDIT_RETENTION_DAYS (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = events_purge()
        self.stdout.write(
            f"Deleted {deleted} audit events older than "
            f"{settings.BEONCOSUP_AUDIT_RETENTION_DAYS} days."
        )
