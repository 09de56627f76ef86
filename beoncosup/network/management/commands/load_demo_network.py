from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.network.demo import demo_network_load


class Command(BaseCommand):
    help = (
        "Make the demo caregiver network: twelve fictitious profiles, three groups with "
        "members, a meeting and an announcement, all marked as demo (development only; safe "
        "to run again). Run after load_geo and load_taxonomy."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo network is for development only; refused in production.")
        try:
            made = demo_network_load()
        except LookupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO NETWORK (fictitious, marked as demo): {made.profiles} profile(s), "
                f"{made.groups} group(s), {made.memberships} membership(s), {made.meetings} "
                f"meeting(s), {made.announcements} announcement(s) made."
            )
        )
