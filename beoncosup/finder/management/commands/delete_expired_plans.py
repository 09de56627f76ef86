from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.finder.services import delete_expired_plans


class Command(BaseCommand):
    help = "Deletes support plans whose share link has expired (run daily from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = delete_expired_plans()
        self.stdout.write(f"Deleted {count} expired support plan(s).")
