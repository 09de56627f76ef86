"""Make the demo consultations (development only; safe to run twice)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.consultations.demo import demo_consultations_load


class Command(BaseCommand):
    help = (
        "Make three demo consultations, all marked as demo: one open now, one closed with "
        "results published from made-up responses (most groups above k, a few suppressed), one "
        "opening later. Development only; safe to run again: nothing is made while they exist "
        "unless --replace. Run after load_taxonomy."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the demo consultations and make them anew (dates move with today).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "Demo consultations are for development only; refused in production."
            )
        made = demo_consultations_load(replace=options["replace"])
        if made is None:
            self.stdout.write("Demo consultations: already there, nothing new made.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO CONSULTATIONS (marked as demo): {made['consultations']} consultations, "
                f"{made['responses']} responses."
            )
        )
