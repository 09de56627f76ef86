from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.directory.hsds.importer import export_files, hsds_import
from beoncosup.directory.hsds.problems import ImportRejected


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 services whose texts are in --language: a JSON file (an array of "
        "services, a page object with 'contents', or one service) or a CSV data package folder "
        "(datapackage.json + CSV files); or a folder written by export_hsds (every language). "
        "All or nothing: any problem and nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--language", choices=["nl", "fr", "de", "en"], help="language of the file's texts"
        )
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if path.is_dir() and not (path / "datapackage.json").exists():
            sources = export_files(path)
            if not sources:
                raise CommandError(
                    f"{path}: neither a data package (datapackage.json) nor an export folder "
                    "(services.<lang>.json or <lang>/datapackage.json)."
                )
        else:
            if options["language"] is None:
                raise CommandError(
                    "--language is required for a single file or package (nl, fr, de, en)."
                )
            sources = [(path, options["language"])]
        try:
            report = hsds_import(
                sources=sources, dry_run=options["dry_run"], progress=self._progress
            )
        except ImportRejected as rejected:
            for problem in rejected.report.problems[:200]:
                self.stderr.write(f"  {problem}")
            if len(rejected.report.problems) > 200:
                self.stderr.write(f"  … and {len(rejected.report.problems) - 200} more")
            raise CommandError(str(rejected)) from None
        if options["dry_run"]:
            self.stdout.write(
                f"Dry run: {report.unchanged} service record(s) valid; nothing written."
            )
            return
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
            f"rejected {report.rejected}"
        )

    def _progress(self, done: int, total: int) -> None:
        """A bar on a terminal; in logs, a line at every tenth (large imports only)."""
        if total < 2000:
            return
        if sys.stderr.isatty():
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
            return
        tenth = 10 * done // total
        if tenth != getattr(self, "_last_tenth", 0):
            self._last_tenth = tenth
            self.stderr.write(f"imported {done} of {total} service records")
