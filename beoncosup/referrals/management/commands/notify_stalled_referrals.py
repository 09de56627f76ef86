"""Enqueue the notices of referrals with no answer yet (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.referrals.tasks import stalled_referrals_notify


class Command(BaseCommand):
    help = (
        "Enqueue the notices (in-app and e-mail) to referrers whose referral has had no answer "
        "after its service's number of working days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = stalled_referrals_notify.enqueue()
        self.stdout.write(f"Enqueued the stalled-referral notices: {result.id}")
