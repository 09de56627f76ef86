"""Yearly verification reminders to the providers of services not verified for too long."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Invitation, Membership
from beoncosup.audit.services import event_record
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.selectors import services_overdue
from beoncosup.providers.models import ChangeProposal, ListingClaim, VerificationReminder
from beoncosup.providers.services.common import (
    REMINDER_INTERVAL,
    language_or_default,
    link,
    mail_to,
)


def _user_languages(user_ids: set[int]) -> dict[int, str]:
    """Each person's language: the one they last asked in, else the one they were invited in."""
    found: dict[int, str] = {}
    for model, field in ((ChangeProposal, "proposed_by_id"), (ListingClaim, "requested_by_id")):
        for user_id, language in (
            model.objects.filter(**{f"{field}__in": user_ids})
            .order_by("created_at")
            .values_list(field, "language")
        ):
            found.setdefault(user_id, language)
    for user_id, language in (
        Invitation.objects.filter(accepted_by__in=user_ids)
        .order_by("accepted_at")
        .values_list("accepted_by_id", "language")
    ):
        found.setdefault(user_id, language)
    return {user_id: language_or_default(found.get(user_id)) for user_id in user_ids}


def _listing_language(listing: Organization) -> str:
    for language, _name in settings.LANGUAGES:
        if (listing.name or {}).get(language):
            return str(language)
    return str(settings.LANGUAGE_CODE)


def services_due(*, today: dt.date | None = None) -> Any:
    """Active services unverified for BEONCOSUP_VERIFY_AFTER_DAYS (or never), not reminded
    in the last 30 days."""
    recent = VerificationReminder.objects.filter(
        sent_at__gte=timezone.now() - REMINDER_INTERVAL
    ).values("service_id")
    return (
        services_overdue(Service.objects.filter(status="active"), today=today)
        .exclude(pk__in=recent)
        .select_related("organization")
        .order_by("id")
    )


@transaction.atomic
def reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail the provider staff of the organisations holding each due service (one mail per
    person, listing their due services), or the listing's own e-mail when nobody holds it.

    Side effects: mails after commit; a VerificationReminder and an audit event per service
    reminded. Returns how many mails were sent."""
    due = list(services_due(today=today))
    if not due:
        return 0
    memberships = Membership.objects.filter(
        role=OrgRole.PROVIDER_STAFF,
        organisation__listings__in={s.organization_id for s in due},
        user__is_active=True,
    ).values_list("organisation__listings", "user_id", "user__email")
    staff_of_listing: dict[Any, set[tuple[int, str]]] = defaultdict(set)
    for listing_id, user_id, email in memberships:
        if email:
            staff_of_listing[listing_id].add((user_id, email))
    languages = _user_languages({user_id for s in staff_of_listing.values() for user_id, _e in s})

    # recipient (e-mail, language) → services
    mails: dict[tuple[str, str, bool], list[Service]] = defaultdict(list)
    counts: dict[Any, int] = defaultdict(int)
    for service in due:
        staff = staff_of_listing.get(service.organization_id, set())
        if staff:
            for user_id, email in staff:
                mails[(email, languages[user_id], True)].append(service)
                counts[service.pk] += 1
        elif service.organization.email:
            key = (service.organization.email, _listing_language(service.organization), False)
            mails[key].append(service)
            counts[service.pk] += 1
    for (email, language, has_account), services in mails.items():
        mail_to(
            to=[email],
            language=language,
            template="verification_reminder",
            context={
                "services": [
                    {
                        "service": s,
                        "url": link("directory:service", language, service_id=str(s.pk)),
                    }
                    for s in services
                ],
                "has_account": has_account,
                "url": link("providers:home", language),
                "days": settings.BEONCOSUP_VERIFY_AFTER_DAYS,
            },
        )
    for service in due:
        if counts[service.pk]:
            VerificationReminder.objects.create(service=service, sent_to_count=counts[service.pk])
            event_record(
                action="listing.reminder_sent",
                target=service,
                detail={"recipients": counts[service.pk]},
            )
    return len(mails)
