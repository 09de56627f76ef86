from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from beoncosup.insights.demo import demo_insights_load


class Command(BaseCommand):
    help = (
        "Generate three years of synthetic needs-insights signals up to today, all marked as "
        "demo, then roll them up and publish the tables (development only; safe to run again: "
        "nothing is made while demo signals exist unless --replace). Run after load_geo and "
        "load_taxonomy."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace", action="store_true", help="Delete the demo signals and make them anew."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo insights are for development only; refused in production.")
        try:
            result = demo_insights_load(replace=options["replace"])
        except LookupError as error:
            raise CommandError(str(error)) from None
        if result is None:
            self.stdout.write("Demo insights: demo signals already there, nothing new made.")
            return
        made, report = result
        months = sum(len(done) for done in report.months.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"DEMO INSIGHTS (synthetic, marked as demo): {made['searches']:,} search "
                f"signals, {made['self_checks']:,} self-checks ({made['self_check_needs']:,} "
                f"needs), {made['referrals']:,} referral signals over three years; "
                f"{months} month(s) rolled up, {report.purged:,} signal(s) past retention "
                f"deleted, {report.cells:,} cell(s) published of which {report.suppressed:,} "
                "suppressed."
            )
        )
