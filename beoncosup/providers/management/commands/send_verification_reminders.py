"""Enqueue the verification reminders (run daily from cron; ``manage.py db_worker`` sends)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.providers.tasks import verification_reminders_send


class Command(BaseCommand):
    help = "Enqueue the e-mails to providers whose services are overdue for verification."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verification_reminders_send.enqueue()
        self.stdout.write(f"Enqueued verification reminders: {result.id}")
