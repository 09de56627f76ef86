from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.finder.services import plans_expired_delete


class Command(BaseCommand):
    help = "Deletes support plans whose share link has expired (run daily from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = plans_expired_delete()
        self.stdout.write(f"Deleted {count} expired support plan(s).")
