from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from beoncosup.feedback.services.retention import (
    email_retention_days,
    reports_purge,
    retention_days,
)
from beoncosup.feedback.tasks import feedback_purge


class Command(BaseCommand):
    help = (
        "Remove the contact e-mail of feedback reports closed for more than "
        "BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS (30) days, and delete the reports closed for "
        "more than BEONCOSUP_FEEDBACK_RETENTION_DAYS (730) days. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the task for the worker instead."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            feedback_purge.enqueue()
            self.stdout.write("Feedback purge queued.")
            return
        counts = reports_purge()
        self.stdout.write(
            f"Feedback: {counts['emails_removed']} contact e-mails removed (closed > "
            f"{email_retention_days()} days), {counts['reports_deleted']} reports deleted "
            f"(closed > {retention_days()} days)."
        )
