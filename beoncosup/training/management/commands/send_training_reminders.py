"""Enqueue the training reminders (run daily from cron; ``manage.py db_worker`` sends)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.training.tasks import training_reminders_send


class Command(BaseCommand):
    help = (
        "Enqueue the reminder e-mails to the confirmed participants of the training sessions "
        "that start in 24 to 48 hours (each session once)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = training_reminders_send.enqueue()
        self.stdout.write(f"Enqueued the training reminders: {result.id}")
