from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.directory.hsds.importer import export_files, hsds_import
from beoncosup.directory.hsds.problems import ImportRejected
from beoncosup.directory.hsds.profile import RECORD_TAXONOMY

WORK_DIR = Path(__file__).resolve().parents[2] / "data" / "work"


def reference_problems(path: Path) -> list[str]:
    """What keeps a file from being reference data: every service must name its source and
    the date it was checked, and none may be flagged as demo data (docs/back-to-work.md)."""
    problems = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        terms = [
            (attribute.get("taxonomy_term") or {}, attribute.get("value"))
            for attribute in record.get("attributes", [])
        ]
        flags = {
            term.get("code"): value
            for term, value in terms
            if term.get("taxonomy") == RECORD_TAXONOMY
        }
        where = f"{path.name}: record {record.get('id', '?')}"
        if not str(flags.get("source") or "").strip():
            problems.append(f"{where}: no source (a beoncosup-record 'source' attribute)")
        if not record.get("assured_date"):
            problems.append(f"{where}: no assured_date (the date it was checked)")
        if "demo" in flags:
            problems.append(f"{where}: flagged as demo data")
    return problems


class Command(BaseCommand):
    help = (
        "Load the return-to-work services (regional employment services, the health insurance "
        "funds' return-to-work coordinators, career cheques, employer platforms) from "
        "beoncosup/directory/data/work/services.<lang>.json. Real reference data with sources, "
        "allowed in production; safe to repeat (the files win over edits made since)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        sources = export_files(WORK_DIR)
        if not sources:
            raise CommandError(f"{WORK_DIR}: no services.<lang>.json files.")
        problems = [problem for path, _lang in sources for problem in reference_problems(path)]
        if problems:
            for problem in problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{len(problems)} problem(s); nothing was imported.")
        try:
            report = hsds_import(sources=sources, dry_run=options["dry_run"])
        except ImportRejected as rejected:
            for item in rejected.report.problems[:50]:
                self.stderr.write(f"  {item}")
            raise CommandError(str(rejected)) from None
        if options["dry_run"]:
            self.stdout.write(
                f"Dry run: {report.unchanged} service record(s) valid ({len(sources)} languages)."
            )
            return
        self.stdout.write(
            f"Return-to-work services: created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}."
        )
