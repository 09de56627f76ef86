from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.hub.content import DATA_DIR, ContentError
from beoncosup.hub.services import hub_content_load


class Command(BaseCommand):
    help = (
        "Create or update the information hub's pages (four languages) from the YAML files in "
        "beoncosup/hub/data/, and the editorial groups and review workflow. Safe to run again: "
        "pages are matched by translation key and only rewritten when their YAML changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", type=Path, default=DATA_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            # Production never receives invented articles (marked is_demo in the YAML).
            counts = hub_content_load(
                directory=options["directory"], include_demo=not settings.PRODUCTION
            )
        except ContentError as error:
            raise CommandError(f"Nothing was loaded:\n{error}") from error
        self.stdout.write(
            f"Hub articles (language versions): {counts.created} created, {counts.updated} "
            f"updated, {counts.unchanged} unchanged."
        )
        if counts.refused_demo:
            self.stdout.write(
                f"Production mode: {counts.refused_demo} demo article(s) refused, not loaded."
            )
