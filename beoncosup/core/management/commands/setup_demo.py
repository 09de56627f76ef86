from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from beoncosup.core import services


class Command(BaseCommand):
    help = (
        "Prepare a development site: the four Wagtail locales, demo content and one demo "
        "account per role, whose fresh passwords and second factors are printed. Safe to run "
        "again. Refused in production."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("setup_demo is for development only; production has no demo data.")
        locales = services.locales_ensure()
        self.stdout.write(f"Locales: {', '.join(locale.language_code for locale in locales)}")
        call_command("load_geo", stdout=self.stdout, stderr=self.stderr)
        call_command("load_taxonomy", stdout=self.stdout, stderr=self.stderr)
        call_command("load_hub_content", stdout=self.stdout, stderr=self.stderr)
        # After the hub: measures link to its articles by slug.
        call_command("load_navigator_measures", stdout=self.stdout, stderr=self.stderr)
        call_command("load_instruments", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_directory", stdout=self.stdout, stderr=self.stderr)
        # Real reference data, not demo: the return-to-work services with their sources.
        call_command("load_work_services", stdout=self.stdout, stderr=self.stderr)
        # Imports index what they change; a database from before the index gets it here.
        call_command("rebuild_search_index", stdout=self.stdout, stderr=self.stderr)
        # One demo account per role, with its second factor (accounts app; printed there).
        call_command("load_demo_accounts", stdout=self.stdout, stderr=self.stderr)
        # After the accounts: the demo courses name their coordinator and a trainer.
        call_command("load_demo_network", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_training", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_research", stdout=self.stdout, stderr=self.stderr)
        # Consultations before participation: demo actions link to demo consultations.
        call_command("load_demo_consultations", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_participation", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_feedback", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_jobs", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_workplans", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_referrals", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_insights", stdout=self.stdout, stderr=self.stderr)
        # A quarterly report of the demo figures (after the hub pages and the insights).
        call_command("load_demo_insights_report", stdout=self.stdout, stderr=self.stderr)
