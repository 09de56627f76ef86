from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.directory.hsds.export import export_json


class Command(BaseCommand):
    help = (
        "Export the whole directory as HSDS 3.0 into the folder OUT: services.<lang>.json, one "
        "file per language (import the folder again with import_hsds OUT)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", type=Path)
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["format"] == "csv":
            raise CommandError("The HSDS CSV data package export is not available yet; use json.")
        out: Path = options["out"]
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} exists and is not a folder.")
        counts = export_json(out)
        summary = ", ".join(f"{lang}: {n}" for lang, n in counts.items()) or "no services"
        self.stdout.write(f"Exported to {out} ({summary}).")
