"""``manage.py rebuild_search_index``: rebuild the whole search index from the database."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from beoncosup.search.services import search_index_rebuild
from beoncosup.search.vocabulary import clear_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search index (needs and services, four languages) in one transaction."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        counts = search_index_rebuild()
        clear_vocabulary()
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {counts.needs} need documents and {counts.services} services "
                f"({counts.documents} documents) in {time.perf_counter() - started:.1f} s."
            )
        )
