from __future__ import annotations

from pathlib import Path
from typing import Any

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
            counts = hub_content_load(directory=options["directory"])
        except ContentError as error:
            raise CommandError(f"Nothing was loaded:\n{error}") from error
        self.stdout.write(
            f"Hub articles (language versions): {counts.created} created, {counts.updated} "
            f"updated, {counts.unchanged} unchanged."
        )
