from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.taxonomy.services import DEFAULT_TAXONOMY_PATH, TaxonomyFileError, taxonomy_load


class Command(BaseCommand):
    help = (
        "Load or update the needs taxonomy from a YAML file (default: the project's copy of the "
        "reference taxonomy). Idempotent; matches entries by code; writes nothing if the file "
        "has any problem."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_TAXONOMY_PATH)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = taxonomy_load(path=options["path"])
        except TaxonomyFileError as exc:
            for problem in exc.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{exc}; nothing was changed.") from None
        for kind in ("domain", "category", "need"):
            self.stdout.write(
                f"{kind}: {report.created[kind]} created, {report.updated[kind]} updated, "
                f"{report.unchanged[kind]} unchanged"
            )
        if report.not_in_file:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(report.not_in_file)} need(s) that are not in the file: "
                    + ", ".join(report.not_in_file)
                )
            )
