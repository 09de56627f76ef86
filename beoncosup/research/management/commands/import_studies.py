from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from beoncosup.research.services.csv_import import CsvRejected, studies_import

MAX_SHOWN = 200


class Command(BaseCommand):
    help = (
        "Import a list of studies from a CSV file (columns in docs/research.md). All or "
        "nothing: every row is checked and, if any has a problem, nothing is saved and every "
        "problem is listed with its row and column. Imported studies wait for an editor's "
        "review (research:review)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check only, save nothing")
        parser.add_argument(
            "--demo", action="store_true", help="mark the imported studies as demo data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        try:
            with translation.override("en"):
                report = studies_import(
                    data=data, dry_run=options["dry_run"], is_demo=options["demo"]
                )
        except CsvRejected as rejected:
            problems = rejected.report.problems
            for problem in problems[:MAX_SHOWN]:
                self.stderr.write(f"  {problem}")
            if len(problems) > MAX_SHOWN:
                self.stderr.write(f"  … and {len(problems) - MAX_SHOWN} more")
            raise CommandError(str(rejected)) from None
        if options["dry_run"]:
            self.stdout.write(f"Dry run: {report.rows} study row(s) valid; nothing saved.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(report.created)} studies; they wait for review (research:review)."
            )
        )
