"""Writes for the directory that editors trigger from the admin (imports write through
``hsds.writer``), and the capacity provider staff state for their services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.directory.enums import CapacityStatus, WaitingBand
from beoncosup.directory.models import Service, ServiceCapacity


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


def _capacity_errors(
    status: str, waiting_band: str, as_of: dt.date, today: dt.date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if status not in CapacityStatus.values:
        errors["status"] = _("Choose whether the service is open, has a waiting list or is closed.")
    if waiting_band and waiting_band not in WaitingBand.values:
        errors["waiting_band"] = _("Choose how long the waiting list is.")
    elif status == CapacityStatus.WAITING_LIST and not waiting_band:
        errors["waiting_band"] = _("Say how long the waiting list is.")
    elif status != CapacityStatus.WAITING_LIST and waiting_band:
        errors["waiting_band"] = _("A waiting time only goes with a waiting list.")
    if as_of > today:
        errors["as_of"] = _("The date cannot be in the future.")
    return errors


@transaction.atomic
def capacity_set(
    *,
    service: Service,
    status: str,
    waiting_band: str = "",
    as_of: dt.date | None = None,
    actor: Any = None,
    request: HttpRequest | None = None,
) -> ServiceCapacity:
    """State whether the service takes new referrals: open, a waiting list (``waiting_band``
    required) or closed, as of ``as_of`` (today by default; never in the future).

    Raises ValidationError (messages per field: status, waiting_band, as_of) and changes
    nothing when the input is wrong. Side effects: creates or updates the service's one
    ServiceCapacity row (its post-save signal re-builds the service's match profile, so the
    finder ranks a closed service below open ones); records the audit event
    "directory.capacity_set" with the previous and new values."""
    today = timezone.localdate()
    as_of = as_of or today
    errors = _capacity_errors(status, waiting_band, as_of, today)
    if errors:
        raise ValidationError(errors)
    previous = ServiceCapacity.objects.select_for_update().filter(service=service).first()
    before = (
        {"status": previous.status, "waiting_band": previous.waiting_band}
        if previous is not None
        else None
    )
    capacity = previous or ServiceCapacity(service=service)
    capacity.status = status
    capacity.waiting_band = waiting_band
    capacity.as_of = as_of
    capacity.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    capacity.save()
    event_record(
        action="directory.capacity_set",
        actor=actor,
        target=service,
        request=request,
        detail={
            "status": status,
            "waiting_band": waiting_band,
            "as_of": as_of.isoformat(),
            "previous": before,
        },
    )
    return capacity
