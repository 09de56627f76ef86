from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.research.demo import demo_research_load


class Command(BaseCommand):
    help = (
        "Make the demo research inventory: ten invented studies across the four domains and "
        "statuses (nine published, one waiting for review), lay summaries in up to four "
        "languages, all marked as demo (development only; safe to run again: nothing is made "
        "while demo studies exist unless --replace). Run after load_taxonomy."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace", action="store_true", help="Delete the demo studies and make them anew."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo research is for development only; refused in production.")
        made = demo_research_load(replace=options["replace"])
        if made is None:
            self.stdout.write("Demo research: the demo studies are already there, nothing made.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO RESEARCH (marked as demo): {made['published']} published studies, "
                f"{made['proposed']} waiting for review."
            )
        )
