"""The needs index is cached in memory; any change to needs or synonyms clears it."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.models import Need, NeedSynonym


@receiver([post_save, post_delete], sender=Need)
@receiver([post_save, post_delete], sender=NeedSynonym)
def needs_changed(sender: Any, **kwargs: Any) -> None:
    clear_cache()
