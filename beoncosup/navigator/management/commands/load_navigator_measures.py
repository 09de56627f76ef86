from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.navigator.services import DEFAULT_MEASURES_PATH, MeasureFileError, measures_load


class Command(BaseCommand):
    help = (
        "Create or update the navigator's measures from YAML (default: the app's "
        "data/measures.yaml), matched by code. Checks the whole file first and writes nothing "
        "when anything is wrong. Measures not in the file and article links are left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_MEASURES_PATH)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = measures_load(path=options["path"])
        except MeasureFileError as exc:
            for problem in exc.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{exc}; nothing was changed.") from None
        self.stdout.write(
            f"Navigator measures: {len(report.created)} created, {len(report.updated)} "
            f"updated, {len(report.unchanged)} unchanged."
        )
        if report.articles_linked:
            self.stdout.write(f"  Linked to their hub articles: {len(report.articles_linked)}.")
        if report.articles_missing:
            missing = ", ".join(sorted(set(report.articles_missing)))
            self.stdout.write(f"  Hub articles not found (load the hub first): {missing}")
        if not report.needs_checked:
            self.stdout.write("  Need codes not checked: the taxonomy is not loaded.")
