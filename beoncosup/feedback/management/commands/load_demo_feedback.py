from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.feedback.demo import demo_feedback_load


class Command(BaseCommand):
    help = (
        "Make a few demo feedback reports (new, being checked, resolved, rejected) on the demo "
        "services and articles, all marked as demo (development only; safe to run again). "
        "Run after load_demo_directory and load_hub_content."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo feedback is for development only; refused in production.")
        made = demo_feedback_load()
        if made is None:
            self.stdout.write("Demo feedback: the demo reports are already there, nothing made.")
            return
        self.stdout.write(self.style.SUCCESS(f"DEMO FEEDBACK (marked as demo): {made} reports."))
