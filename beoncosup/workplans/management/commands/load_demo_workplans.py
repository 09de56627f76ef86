"""Make the demo return-to-work plan (development only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from beoncosup.workplans.demo import demo_workplans_load


class Command(BaseCommand):
    help = (
        "Make one demo return-to-work plan with phases, adjustments, contacts, review dates "
        "and a share link for the employer, marked as demo, and print its links (development "
        "only; safe to run again: nothing new is made while the demo plan exists)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo plans are for development only; refused in production.")
        plan, share, made = demo_workplans_load()
        with translation.override(plan.employer_language):
            shared = reverse("workplans:shared", kwargs={"token": share.token})
        with translation.override("en"):
            private = reverse("workplans:plan", kwargs={"token": plan.token})
        if made:
            self.stdout.write(self.style.SUCCESS("DEMO WORK PLAN (marked as demo) made."))
        else:
            self.stdout.write("Demo work plan: already there, nothing new made.")
        self.stdout.write(f"The person's private link: {private}")
        self.stdout.write(f"The employer's link: {shared}")
