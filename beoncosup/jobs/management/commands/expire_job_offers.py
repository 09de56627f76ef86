"""Enqueue the daily expiry of job offers (run daily from cron; ``manage.py db_worker`` runs it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.jobs.tasks import job_offers_expire


class Command(BaseCommand):
    help = (
        "Enqueue the expiry of published job offers whose end date has passed (they already "
        "left the search on that day) and the purge of contact-log rows older than 30 days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = job_offers_expire.enqueue()
        self.stdout.write(f"Enqueued the expiry of job offers: {result.id}")
