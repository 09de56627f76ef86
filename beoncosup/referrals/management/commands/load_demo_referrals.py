from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.referrals.demo import demo_referrals_load


class Command(BaseCommand):
    help = (
        "Create a few demo referrals from the demo professional to the demo provider's "
        "services, in different statuses, and print the people's private links (development "
        "only; safe to run again: nothing is made twice). Run after load_demo_accounts."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo referrals are for development only; refused in production.")
        try:
            made = demo_referrals_load()
        except LookupError as error:
            raise CommandError(str(error)) from None
        if not made:
            self.stdout.write("Demo referrals: already there, nothing new made.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"\nDEMO REFERRALS (development only): {len(made)} made. Each person's private "
                "link is shown only now (only its hash is kept)."
            )
        )
        for referral in made:
            self.stdout.write(
                f"\n  {referral.name} → {referral.service} ({referral.status})\n"
                f"    private link: {referral.link}\n"
            )
