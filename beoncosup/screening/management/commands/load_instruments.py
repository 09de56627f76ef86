from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.screening.services import (
    DEFAULT_HELP_LINES_PATH,
    DEFAULT_INSTRUMENTS_PATH,
    InstrumentFileError,
    help_lines_load,
    instruments_load,
)


class Command(BaseCommand):
    help = (
        "Load the self-check instruments and help lines from YAML (default: the app's data/ "
        "files). Idempotent: an instrument whose questions changed gets a new published "
        "version; older versions stay as they were. Writes nothing if a file has a problem. "
        "Needs the taxonomy (load_taxonomy) first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_INSTRUMENTS_PATH)
        parser.add_argument("--help-lines", type=Path, default=DEFAULT_HELP_LINES_PATH)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = instruments_load(path=options["path"])
            lines = help_lines_load(path=options["help_lines"])
        except InstrumentFileError as exc:
            for problem in exc.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{exc}; nothing was changed.") from None
        for label in report.created:
            self.stdout.write(f"instrument {label}: published")
        for label in report.unchanged:
            self.stdout.write(f"instrument {label}: unchanged")
        self.stdout.write(f"help lines: {lines}")
