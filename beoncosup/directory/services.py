"""Writes for the directory that editors trigger from the admin (imports write through
``hsds.writer``)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from beoncosup.directory.models import Service


def service_verify(*, service: Service, by: str, on: dt.date | None = None) -> Service:
    """Record that an editor checked the service today: its "last verified on" date, who
    verified it, and its last modification.

    Side effects: saves those three fields of the service (its post-save signal refreshes the
    search index, whose ranking says "verified this month"). ``on`` defaults to today.
    """
    with transaction.atomic():
        locked: Service = Service.objects.select_for_update().get(pk=service.pk)
        locked.assured_date = on or timezone.localdate()
        locked.assurer_email = by[:255]
        locked.last_modified = timezone.now()
        locked.save(update_fields=["assured_date", "assurer_email", "last_modified"])
    return locked
