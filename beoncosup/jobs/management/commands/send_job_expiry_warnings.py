"""Enqueue the warnings to employers whose offers end within a week (daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.jobs.tasks import job_expiry_warnings_send


class Command(BaseCommand):
    help = "Enqueue the e-mails to employers whose published offers end within 7 days (once each)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = job_expiry_warnings_send.enqueue()
        self.stdout.write(f"Enqueued the job expiry warnings: {result.id}")
