from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.training.demo import demo_training_load


class Command(BaseCommand):
    help = (
        "Make demo training content: four courses (social workers, nurses, doctors, the "
        "two-year programme) with trainers, past and coming editions, attendance, evaluations, "
        "a follow-up and certificates, all marked as demo (development only; safe to run "
        "again: nothing is made while the demo courses exist unless --replace). Run after "
        "load_taxonomy and load_demo_accounts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the demo training content and make it anew (dates move with today).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo training is for development only; refused in production.")
        made = demo_training_load(replace=options["replace"])
        if made is None:
            self.stdout.write(
                "Demo training: the demo courses are already there, nothing new made."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO TRAINING (marked as demo): {made['courses']} courses, "
                f"{made['editions']} editions, {made['sessions']} sessions, "
                f"{made['enrolments']} registrations, {made['evaluations']} evaluations, "
                f"{made['certificates']} certificates."
            )
        )
