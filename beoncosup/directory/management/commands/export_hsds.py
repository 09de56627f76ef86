from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.directory.hsds.export import export_json
from beoncosup.directory.hsds.tabular import export_csv


class Command(BaseCommand):
    help = (
        "Export the whole directory as HSDS 3.0 into the folder OUT, one language at a time: "
        "services.<lang>.json (--format json) or <lang>/datapackage.json with CSV files "
        "(--format csv). import_hsds OUT reads either back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", type=Path)
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} exists and is not a folder.")
        counts = export_csv(out) if options["format"] == "csv" else export_json(out)
        summary = ", ".join(f"{lang}: {n}" for lang, n in counts.items()) or "no services"
        self.stdout.write(f"Exported to {out} ({summary}).")
