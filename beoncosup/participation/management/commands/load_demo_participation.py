from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.participation.demo import demo_participation_load


class Command(BaseCommand):
    help = (
        "Make demo participation content: three working groups with past sessions (minutes "
        "and outcomes) and one to come, demo registrations, and an action in each status "
        "linked to the demo sessions and the demo consultations, all marked as demo "
        "(development only; safe to run again: nothing is made while the demo groups exist "
        "unless --replace). Run after load_taxonomy and load_demo_consultations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the demo participation content and make it anew (dates move).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo participation is for development only; refused in production.")
        made = demo_participation_load(replace=options["replace"])
        if made is None:
            self.stdout.write("Demo participation: the demo groups are already there.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO PARTICIPATION (marked as demo): {made['groups']} working groups, "
                f"{made['sessions']} sessions, {made['registrations']} registrations, "
                f"{made['actions']} actions ({made['consultations']} demo consultations linked)."
            )
        )
