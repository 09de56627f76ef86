"""Employer accounts: asking for one, and an editor verifying it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrganisationKind, OrgRole
from beoncosup.accounts.services import membership_add, organisation_create
from beoncosup.audit.services import event_record
from beoncosup.jobs.kbo import enterprise_number_normalise
from beoncosup.jobs.models import EmployerProfile
from beoncosup.jobs.services.mails import mail_render


@transaction.atomic
def employer_signup(
    *,
    user: Any,
    organisation_name: str,
    public_name: str,
    enterprise_number: str,
    postcode: str,
    contact_email: str,
    sector: str,
    language: str,
    request: HttpRequest | None = None,
    is_demo: bool = False,
) -> EmployerProfile:
    """Make an employer organisation with its (unverified) profile; the person who asked
    becomes its employer staff. Raises ValidationError when the enterprise number is invalid
    or already registered.

    Side effects: an organisation, a membership, audit events "organisation.created",
    "role.granted" and "jobs.employer_requested"."""
    number = enterprise_number_normalise(enterprise_number)
    if EmployerProfile.objects.filter(enterprise_number=number).exists():
        raise ValidationError(
            {
                "enterprise_number": _(
                    "An employer with this enterprise number already has an account: ask its "
                    "people to add you."
                )
            }
        )
    organisation = organisation_create(
        name=organisation_name,
        kind=OrganisationKind.EMPLOYER,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        is_demo=is_demo,
    )
    employer = EmployerProfile.objects.create(
        organisation=organisation,
        public_name=public_name.strip(),
        enterprise_number=number,
        postcode=postcode,
        contact_email=contact_email,
        sector=sector,
        language=language,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        is_demo=is_demo,
    )
    if user is not None:
        membership_add(
            organisation=organisation, user=user, role=OrgRole.EMPLOYER_STAFF, added_by=user
        )
    event_record(
        action="jobs.employer_requested",
        actor=user,
        organisation=organisation,
        target=employer,
        request=request,
        detail={"sector": sector},
    )
    return employer


@transaction.atomic
def employer_verify(
    *, employer: EmployerProfile, verified_by: Any, request: HttpRequest | None = None
) -> EmployerProfile:
    """Mark the employer verified (an editor checked it exists and the person speaks for it);
    idempotent.

    Side effects: an audit event "jobs.employer_verified"; an e-mail to its contact address."""
    employer = EmployerProfile.objects.select_for_update().get(pk=employer.pk)
    if employer.verified_at is not None:
        return employer
    employer.verified_at = timezone.now()
    employer.verified_by = verified_by
    employer.save(update_fields=["verified_at", "verified_by"])
    event_record(
        action="jobs.employer_verified",
        actor=verified_by,
        organisation=employer.organisation,
        target=employer,
        request=request,
    )
    mail_render(
        to=employer.contact_email,
        language=employer.language,
        template="employer_verified",
        context={"employer": employer},
    )
    return employer
