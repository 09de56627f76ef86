"""Enqueue the retention of the consultations' contacts and written answers (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from beoncosup.consultations.services.retention import consultation_contacts_purge, retention_days
from beoncosup.consultations.tasks import consultation_contacts_purge as purge_task


class Command(BaseCommand):
    help = (
        "Delete the e-mail addresses left on consultations, and empty their written answers, "
        "BEONCOSUP_CONSULTATION_CONTACT_DAYS (default 730) days after each consultation closed. "
        "Enqueues the task; --now runs it at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run now instead of enqueueing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            purged = consultation_contacts_purge()
            self.stdout.write(
                f"Consultations, {retention_days()} days after closing: {purged.contacts} "
                f"contacts deleted, {purged.texts} written answers emptied."
            )
            return
        result = purge_task.enqueue()
        self.stdout.write(f"Enqueued the consultations' contact purge: {result.id}")
