"""The person's consent: the terms, the statement read to them, and recording it (a new consent
replaces an older one). Withdrawal is in ``person``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.referrals.codes import (
    NEEDS_EMAIL,
    NEEDS_PHONE,
    CareRole,
    Channel,
    ConsentMethod,
    DataCategory,
    Purpose,
)
from beoncosup.referrals.models import Case, Consent
from beoncosup.referrals.services.common import person_label

MAX_CONSENT_DAYS = 730


@dataclass(frozen=True)
class ConsentTerms:
    categories: list[str]
    care_roles: list[str]
    purposes: list[str]
    valid_until: dt.date
    method: str
    statement_language: str
    care_roles_named: list[str] = field(default_factory=list)


def consent_statement(*, terms: ConsentTerms, service_names: list[str]) -> str:
    """The statement the professional reads to the person (or the person reads), in the
    statement's language; it is stored with the consent as it was read."""
    with translation.override(terms.statement_language):
        return render_to_string(
            "referrals/consent_statement.txt",
            {
                "services": service_names,
                "categories": [DataCategory(c).label for c in terms.categories],
                "care_roles": [CareRole(r).label for r in terms.care_roles],
                "purposes": [Purpose(p).label for p in terms.purposes],
                "valid_until": terms.valid_until,
            },
        ).strip()


def check_terms(terms: ConsentTerms, contact_method: str) -> None:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not set(terms.categories) <= set(DataCategory.values) or not terms.categories:
        errors["categories"] = _("Choose what the person agrees to share.")
    elif DataCategory.CONTACT not in terms.categories and contact_method in (
        NEEDS_PHONE | NEEDS_EMAIL
    ):
        errors["categories"] = _(
            "To be called or written to, the person must agree to share their name and "
            "contact details with the service."
        )
    if not set(terms.care_roles) <= set(CareRole.values):
        errors["care_roles"] = _("Choose among the care-team roles listed.")
    if not terms.purposes or not set(terms.purposes) <= set(Purpose.values):
        errors["purposes"] = _("Choose at least one purpose.")
    if terms.valid_until <= today:
        errors["valid_until"] = _("The consent must last until a date after today.")
    elif terms.valid_until > today + dt.timedelta(days=MAX_CONSENT_DAYS):
        errors["valid_until"] = _("A consent lasts at most two years; choose an earlier date.")
    if terms.method not in ConsentMethod.values:
        errors["method"] = _("Say how the consent was given.")
    if terms.statement_language not in dict(settings.LANGUAGES):
        errors["statement_language"] = _("Choose one of the four languages.")
    if errors:
        raise ValidationError(errors)


def consent_record(
    *, case: Case, terms: ConsentTerms, service_names: list[str], captured_by: Any = None
) -> Consent:
    """Record the person's consent (it replaces an earlier active one, which stays in the
    history as replaced)."""
    statement = consent_statement(terms=terms, service_names=service_names)
    now = timezone.now()
    Consent.objects.filter(case=case, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_via=Channel.SYSTEM
    )
    signed_in = getattr(captured_by, "is_authenticated", False)
    consent = Consent.objects.create(
        case=case,
        categories=sorted(set(terms.categories)),
        care_roles=sorted(set(terms.care_roles)),
        purposes=sorted(set(terms.purposes)),
        valid_until=terms.valid_until,
        method=terms.method,
        statement_language=terms.statement_language,
        statement=statement,
        captured_by=captured_by if signed_in else None,
        captured_by_label=person_label(captured_by) if signed_in else "",
        given_at=now,
    )
    event_record(
        action="referrals.consent_given",
        actor=captured_by,
        target=case,
        detail={"consent": consent.pk, "method": terms.method},
    )
    return consent


def active_consent(case: Case) -> Consent | None:
    today = timezone.localdate()
    for consent in case.consents.all():
        if consent.is_active(today):
            return consent
    return None
