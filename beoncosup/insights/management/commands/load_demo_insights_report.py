from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.insights.report.demo import report_demo_load


class Command(BaseCommand):
    help = (
        "Create the archive of quarterly needs reports under the hub home of every language and "
        "a demo report (text marked as demo) for the last complete quarter, with figures taken "
        "from the public tables (development only; safe to run again). Run after "
        "load_hub_content and load_demo_insights."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo report is for development only; refused in production.")
        try:
            result = report_demo_load()
        except LookupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO REPORT {result.quarter}: {result.created} page(s) created (marked as demo)."
            )
        )
