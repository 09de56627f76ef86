"""Small, explicit data for the providers tests: a directory listing with one service, and a
provider organisation with staff."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from beoncosup.accounts.models import Organisation
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.directory.models import Organization, Phone, Schedule, Service, ServiceLanguage


def listing_with_service(
    name: str = "Steunpunt Gent",
    *,
    service_name: str = "Praatgroep",
    assured_days_ago: int | None = 30,
    email: str = "",
) -> Service:
    listing = Organization.objects.create(
        name={"nl": name}, description={"nl": "Een organisatie"}, email=email
    )
    service = Service.objects.create(
        organization=listing,
        name={"nl": service_name},
        description={"nl": "Samen praten"},
        email="info@steunpunt.example",
        url="https://steunpunt.example/praatgroep",
        wait_time={"nl": "2 weken"},
        eligibility_description={"nl": "Voor mensen met kanker"},
        minimum_age=18,
        assured_date=(
            timezone.localdate() - dt.timedelta(days=assured_days_ago)
            if assured_days_ago is not None
            else None
        ),
    )
    Phone.objects.create(service=service, number="09 123 45 67")
    Schedule.objects.create(
        service=service,
        byday="MO,TU,WE",
        opens_at=dt.time(9),
        closes_at=dt.time(17),
    )
    ServiceLanguage.objects.create(service=service, code="nl")
    return service  # type: ignore[no-any-return]


def provider(
    email: str = "staff@provider.example", *, name: str = "Steunpunt vzw", holds: Any = None
) -> Organisation:
    """A provider organisation with one staff member; ``holds`` a listing (directory org)."""
    organisation = organisation_with(
        name=name, kind="provider", members={email: ["provider_staff"]}
    )
    if holds is not None:
        organisation.listings.add(holds)
    return organisation


def editor(email: str = "editor@beoncosup.example") -> Any:
    user = user_create(email)
    role_grant(user=user, role="editor", granted_by=None)
    return user
