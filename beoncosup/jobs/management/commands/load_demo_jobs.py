from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.jobs.demo import GeographyMissingError, demo_jobs_load


class Command(BaseCommand):
    help = (
        "Make demo jobs: two verified demo employers, demo occupations with shortage "
        "listings and twelve offers (published, expired, one waiting for moderation), all "
        "marked as demo (development only; safe to run again). Run after load_geo."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo jobs are for development only; refused in production.")
        try:
            made = demo_jobs_load()
        except GeographyMissingError as error:
            raise CommandError(f"Load the geography first (load_geo): missing {error}.") from None
        if made is None:
            self.stdout.write("Demo jobs: the demo employers are already there, nothing new made.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO JOBS (marked as demo): {made['employers']} employers, "
                f"{made['occupations']} occupations, {made['offers']} offers."
            )
        )
