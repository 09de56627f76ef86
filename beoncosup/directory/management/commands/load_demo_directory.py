from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.hsds.problems import ImportRejected

DEMO_DIR = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = (
        "Load the invented demo directory (every record marked as demo) from "
        "beoncosup/directory/data/demo-directory.<lang>.json. Development only; safe to repeat."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo data is never loaded in production.")
        sources = [
            (DEMO_DIR / f"demo-directory.{lang}.json", lang)
            for lang in ("nl", "fr", "de", "en")
            if (DEMO_DIR / f"demo-directory.{lang}.json").exists()
        ]
        try:
            report = hsds_import(sources=sources)
        except ImportRejected as rejected:
            for problem in rejected.report.problems[:20]:
                self.stderr.write(f"  {problem}")
            raise CommandError(str(rejected)) from None
        self.stdout.write(
            f"Demo directory: created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged} services."
        )
