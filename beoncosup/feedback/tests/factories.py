"""Small, explicit data for the feedback tests: a listing held by a provider, its staff, an
editor, reports in each state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from beoncosup.accounts.models import Organisation
from beoncosup.directory.models import Service
from beoncosup.feedback.codes import Category, Status
from beoncosup.feedback.models import Report
from beoncosup.feedback.services.reports import report_digest
from beoncosup.providers.tests.factories import listing_with_service, provider


@dataclass
class Held:
    service: Service
    organisation: Organisation
    staff: Any


def held_service(
    name: str = "Steunpunt Gent",
    *,
    service_name: str = "Praatgroep",
    staff_email: str = "staff@provider.example",
    provider_name: str = "Steunpunt vzw",
) -> Held:
    """A listing with one service, held by a provider organisation with one staff member."""
    service = listing_with_service(name, service_name=service_name)
    organisation = provider(staff_email, name=provider_name, holds=service.organization)
    return Held(service, organisation, organisation.memberships.get().user)


def report_make(
    *,
    kind: str = "service",
    object_id: Any,
    status: str = Status.NEW,
    text: str = "Het telefoonnummer klopt niet.",
    email: str = "",
    language: str = "nl",
    is_demo: bool = False,
    title: str = "Praatgroep",
) -> Report:
    closed = status in (Status.RESOLVED, Status.REJECTED)
    return Report.objects.create(
        kind=kind,
        object_id=str(object_id),
        target_title=title,
        category=Category.CONTACT,
        text=text,
        digest=report_digest(
            kind=kind, object_id=str(object_id), category=Category.CONTACT, text=text
        ),
        contact_email=email,
        language=language,
        status=status,
        resolved_at=timezone.now() if closed else None,
        is_demo=is_demo,
    )
