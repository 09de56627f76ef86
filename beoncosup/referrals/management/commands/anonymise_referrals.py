"""Enqueue the retention of referrals: erase the people whose referrals all closed long ago."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.referrals.tasks import referrals_retention


class Command(BaseCommand):
    help = (
        "Enqueue the retention task: people whose referrals all closed more than "
        "BEONCOSUP_REFERRAL_RETENTION_DAYS ago are erased; their referrals stay as anonymous "
        "counts."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = referrals_retention.enqueue()
        self.stdout.write(f"Enqueued the referral retention: {result.id}")
