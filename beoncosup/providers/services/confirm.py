""" "Still correct" in one click: the verification date of a service."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from beoncosup.accounts.models import Organisation
from beoncosup.audit.services import event_record
from beoncosup.directory.models import Service
from beoncosup.directory.services import service_verify
from beoncosup.providers.services.common import (
    require_holder,
)


@transaction.atomic
def service_confirm(
    *, service: Service, organisation: Organisation, user: Any, request: Any = None
) -> Service:
    """Provider staff confirm the service is still correct: today becomes its "last verified
    on" date, their e-mail its verifier. Side effects: those fields saved; an audit event."""
    require_holder(user, organisation, service)
    verified = service_verify(service=service, by=user.email)
    event_record(
        action="listing.confirmed",
        actor=user,
        organisation=organisation,
        target=verified,
        request=request,
    )
    return verified
