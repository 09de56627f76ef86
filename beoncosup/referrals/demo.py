"""Demo referrals for ``make run`` (development only; refused in production).

The demo professional (accounts.demo) refers a few invented people, their names visibly
marked "Demo", to services held by the demo provider organisation, in different statuses: one
waiting, one accepted, one completed ("got help") and one declined for lack of capacity. A
second run makes nothing new: a person is recognised by their name among the demo cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beoncosup.accounts.codes import OrganisationKind, OrgRole
from beoncosup.accounts.models import Membership, Organisation
from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.referrals import services
from beoncosup.referrals.codes import (
    CareRole,
    Channel,
    ConsentMethod,
    ContactMethod,
    DataCategory,
    Purpose,
    Reason,
    Status,
)
from beoncosup.referrals.models import Case, Referral
from beoncosup.taxonomy.models import Need

DEMO_PROFESSIONAL = f"demo-professional@{DEMO_EMAIL_DOMAIN}"
CONSENT_DAYS = 180


@dataclass(frozen=True)
class Plan:
    """One demo person and where their referral ends up: (status, reason) steps after it is
    made, by the service's staff."""

    name: str
    language: str
    contact_method: str
    steps: tuple[tuple[str, str], ...]
    decline_service: bool = False  # the last service of the provider, if it has more than one


PLANS = (
    Plan("Demo – An Peeters", "nl", ContactMethod.EMAIL, ()),
    Plan(
        "Demo – Marie Dubois",
        "fr",
        ContactMethod.PHONE,
        ((Status.RECEIVED, ""), (Status.ACCEPTED, "")),
    ),
    Plan(
        "Demo – Jan Janssens",
        "nl",
        ContactMethod.EMAIL,
        ((Status.ACCEPTED, ""), (Status.COMPLETED, Reason.GOT_HELP)),
    ),
    Plan(
        "Demo – Anna Schmitz",
        "de",
        ContactMethod.SELF,
        ((Status.REJECTED, Reason.NOT_ELIGIBLE),),
        decline_service=True,
    ),
)


@dataclass(frozen=True)
class DemoReferral:
    name: str
    service: str
    status: str
    link: str  # the person's private link (only known when the referral is made)


def _professional() -> tuple[Any, Organisation]:
    user = get_user_model().objects.filter(email=DEMO_PROFESSIONAL, is_active=True).first()
    membership = (
        Membership.objects.filter(user=user, role=OrgRole.PROFESSIONAL, organisation__is_demo=True)
        .select_related("organisation")
        .first()
        if user is not None
        else None
    )
    if user is None or membership is None:
        raise LookupError("No demo professional: run load_demo_accounts first.")
    return user, membership.organisation


def _provider_services() -> tuple[Any, list[Service]]:
    provider = Organisation.objects.filter(is_demo=True, kind=OrganisationKind.PROVIDER).first()
    found = (
        list(
            Service.objects.filter(
                organization__in=provider.listings.all(), status=ServiceStatus.ACTIVE
            )
            .select_related("organization")
            .order_by("id")
        )
        if provider is not None
        else []
    )
    staff = (
        Membership.objects.filter(organisation=provider, role=OrgRole.PROVIDER_STAFF)
        .select_related("user")
        .first()
        if provider is not None
        else None
    )
    if provider is None or not found:
        raise LookupError(
            "The demo provider holds no active service: run load_demo_directory and "
            "load_demo_accounts first."
        )
    return (staff.user if staff else None, provider), found


def _needs(service: Service) -> list[str]:
    codes = list(service.needs.order_by("code").values_list("code", flat=True)[:2])
    if not codes:
        codes = list(Need.objects.order_by("code").values_list("code", flat=True)[:1])
    if not codes:
        raise LookupError("No needs in the taxonomy: run load_taxonomy first.")
    return codes


def _existing_names(referrer: Any) -> set[str]:
    return {
        case.name
        for case in Case.objects.filter(is_demo=True, created_by=referrer, erased_at__isnull=True)
    }


def _terms(language: str) -> services.ConsentTerms:
    return services.ConsentTerms(
        categories=[DataCategory.NEEDS, DataCategory.CONTACT, DataCategory.NOTES],
        care_roles=[CareRole.ONCOCOACH, CareRole.GP],
        purposes=[Purpose.REFERRAL, Purpose.COORDINATION],
        valid_until=timezone.localdate() + dt.timedelta(days=CONSENT_DAYS),
        method=ConsentMethod.READ_ALOUD,
        statement_language=language,
    )


def _identity(plan: Plan) -> services.Identity:
    local = plan.name.removeprefix("Demo – ").lower().replace(" ", ".")
    return services.Identity(
        name=plan.name,
        contact_method=plan.contact_method,
        language=plan.language,
        email=f"{local}@{DEMO_EMAIL_DOMAIN}" if plan.contact_method == ContactMethod.EMAIL else "",
        phone="+32470000000" if plan.contact_method == ContactMethod.PHONE else "",
    )


@transaction.atomic
def demo_referrals_load() -> list[DemoReferral]:
    """Make the demo referrals that are not there yet; returns those made now, each with the
    person's private link. Refuses in production.

    Raises LookupError when the demo accounts, directory or taxonomy are missing. Side effects:
    what ``services.referral_create`` and ``services.referral_move`` do (cases, consents,
    history, notices, audit events, mails to demo addresses); declining for "no capacity"
    marks that service closed to new referrals."""
    if settings.PRODUCTION:
        raise PermissionError("Demo referrals are never created in production.")
    referrer, hospital = _professional()
    (staff, provider), held = _provider_services()
    existing = _existing_names(referrer)
    made = []
    for plan in PLANS:
        if plan.name in existing:
            continue
        service = held[-1] if plan.decline_service else held[0]
        referral, token = services.referral_create(
            service=service,
            needs=_needs(service),
            reason="Demo – invented for the demonstration site",
            language=plan.language,
            identity=_identity(plan),
            terms=_terms(plan.language),
            referrer=referrer,
            organisation=hospital,
            referrer_role=CareRole.ONCOCOACH,
        )
        for status, reason in plan.steps:
            services.referral_move(
                referral=referral,
                status=status,
                reason_code=reason,
                actor=staff,
                actor_label=str(provider.name),
                as_performer=True,
                channel=Channel.WEB,
            )
        case = referral.case
        assert case is not None  # noqa: S101 (a referral with consent has its case)
        Case.objects.filter(pk=case.pk).update(is_demo=True)
        Referral.objects.filter(pk=referral.pk).update(is_demo=True)
        made.append(
            DemoReferral(
                name=plan.name,
                service=referral.service_name,
                status=Referral.objects.get(pk=referral.pk).status,
                link=services.person_link(case, token),
            )
        )
    return made


def demo_referrals_ensure() -> int:
    """Make the demo referrals that are missing; returns how many were made (0 on a second
    run). Refuses in production (PermissionError)."""
    return len(demo_referrals_load())
