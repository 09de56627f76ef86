"""Enqueue the retention of training registrations (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.training.tasks import training_registrations_purge


class Command(BaseCommand):
    help = (
        "Enqueue the deletion of training registrations: cancelled and waiting ones "
        "BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS after the edition's last session, confirmed "
        "ones (with attendance and certificate) BEONCOSUP_TRAINING_RETENTION_YEARS after it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = training_registrations_purge.enqueue()
        self.stdout.write(f"Enqueued the training registration purge: {result.id}")
