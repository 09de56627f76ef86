"""Making referrals: a person's case, their consent, each referral to a service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.services.common import preferred_language
from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import pick
from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.referrals.codes import (
    NEEDS_EMAIL,
    NEEDS_PHONE,
    CareRole,
    Channel,
    ContactMethod,
    Status,
    Urgency,
)
from beoncosup.referrals.models import CareTeamMember, Case, Consent, Referral
from beoncosup.referrals.services.common import (
    absolute_url,
    event_add,
    mail_send,
    token_new,
)
from beoncosup.referrals.services.consent import (
    ConsentTerms,
    active_consent,
    check_terms,
    consent_record,
)
from beoncosup.referrals.services.sharing import sms_link
from beoncosup.taxonomy.models import Need

MAX_REASON = 500
MAX_NAME = 150


@dataclass(frozen=True)
class Identity:
    """The minimum a service needs to reach the person. ``phone`` is E.164 (already checked
    by the form or the API schema); only the channel the person chose is kept."""

    name: str
    contact_method: str
    language: str
    phone: str = ""
    email: str = ""


def service_name(service: Service, language: str) -> str:
    picked = pick(service.name, language)
    return picked.text if picked else str(service)


def _check_identity(identity: Identity) -> None:
    errors: dict[str, str] = {}
    name = identity.name.strip()
    if not name:
        errors["name"] = _("Give the person's name, so the service knows whom to expect.")
    elif len(name) > MAX_NAME:
        errors["name"] = _("The name is too long (at most 150 characters).")
    if identity.contact_method not in ContactMethod.values:
        errors["contact_method"] = _("Choose how the person wants to be contacted.")
    elif identity.contact_method in NEEDS_PHONE and not identity.phone:
        errors["phone"] = _("Give a phone number to be called or to receive text messages on.")
    elif identity.contact_method in NEEDS_EMAIL and not identity.email:
        errors["email"] = _("Give an e-mail address to be written to.")
    if identity.language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose one of the four languages.")
    if errors:
        raise ValidationError(errors)


def _check_referral(*, service: Service, needs: list[str], reason: str, urgency: str) -> None:
    errors: dict[str, str] = {}
    if service.status != ServiceStatus.ACTIVE:
        errors["service"] = _("This service is not active: it cannot take referrals.")
    if not needs:
        errors["needs"] = _("Choose at least one need the referral is for.")
    else:
        known = set(Need.objects.filter(code__in=needs).values_list("code", flat=True))
        unknown = [code for code in needs if code not in known]
        if unknown:
            errors["needs"] = _("Unknown need: %(codes)s.") % {"codes": ", ".join(unknown)}
    if len(reason) > MAX_REASON:
        errors["reason"] = _("Keep the reason short: at most 500 characters.")
    if urgency not in Urgency.values:
        errors["urgency"] = _("Choose how urgent it is.")
    if errors:
        raise ValidationError(errors)


def _service_staff(service: Service) -> list[Any]:
    """The provider staff of the organisations holding the service's listing."""
    memberships = (
        Membership.objects.filter(
            role=OrgRole.PROVIDER_STAFF,
            organisation__listings=service.organization_id,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    )
    seen: dict[int, Any] = {}
    for membership in memberships:
        seen.setdefault(membership.user_id, membership.user)
    return list(seen.values())


def _tell_service(referral: Referral) -> None:
    if referral.service is None or not referral.delivered:
        return
    path_by_language: dict[str, str] = {}
    for user in _service_staff(referral.service):
        language = preferred_language(user)
        if language not in path_by_language:
            with translation.override(language):
                path_by_language[language] = reverse(
                    "referrals:inbox_detail", kwargs={"referral_id": referral.pk}
                )
        mail_send(
            to=user.email,
            language=language,
            template="new_referral",
            context={
                "service": referral.service_name,
                "urgency": Urgency(referral.urgency).label,
                "link": absolute_url(path_by_language[language]),
            },
        )


def person_link(case: Case, token: str) -> str:
    with translation.override(case.language):
        return absolute_url(reverse("referrals:person", kwargs={"token": token}))


def person_link_send(*, case: Case, token: str) -> None:
    """Send the person their private link on the channel they chose (e-mail or SMS)."""
    link = person_link(case, token)
    if case.contact_method == ContactMethod.EMAIL and case.email:
        mail_send(
            to=case.email, language=case.language, template="person_link", context={"link": link}
        )
    elif case.contact_method == ContactMethod.SMS and case.phone:
        sms_link(case=case, link=link)


def _case_open(
    *,
    identity: Identity | None,
    language: str,
    actor: Any,
    organisation: Any,
    is_self_referral: bool,
    is_demo: bool,
) -> tuple[Case, str]:
    token, hashed = token_new()
    case = Case.objects.create(
        token_hash=hashed,
        name=identity.name.strip() if identity else "",
        contact_method=identity.contact_method if identity else ContactMethod.NONE,
        phone=identity.phone if identity and identity.contact_method in NEEDS_PHONE else "",
        email=identity.email if identity and identity.contact_method in NEEDS_EMAIL else "",
        language=identity.language if identity else language,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation,
        is_self_referral=is_self_referral,
        is_demo=is_demo,
    )
    return case, token


@transaction.atomic
def referral_create(
    *,
    service: Service,
    needs: list[str],
    reason: str = "",
    urgency: str = Urgency.ROUTINE,
    language: str,
    identity: Identity | None,
    terms: ConsentTerms | None,
    referrer: Any = None,
    organisation: Any = None,
    referrer_role: str = "",
    channel: str = Channel.WEB,
    is_self_referral: bool = False,
) -> tuple[Referral, str]:
    """Refer a person to a service; returns the referral and the person's private-link token
    (shown once; only its hash is kept).

    With ``terms`` (the person's consent) the referral goes to the service's inbox with what the
    consent shares; without, it is anonymous: no identity is kept, nothing goes to the service,
    and the person gets the service's next steps on their link.

    Raises ValidationError (with a message per field) and changes nothing on bad input.
    Side effects: a case, a consent, the referral and its first history step; the referrer joins
    the care team in ``referrer_role``; mails to the service's staff (new referral) and to the
    person (their link, on e-mail or SMS); an audit event."""
    needs = list(dict.fromkeys(needs))
    _check_referral(service=service, needs=needs, reason=reason, urgency=urgency)
    if terms is not None:
        if identity is None:
            raise ValidationError({"name": _("A referral with consent needs the person's name.")})
        _check_identity(identity)
        check_terms(terms, identity.contact_method)
    elif language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the four languages.")})
    if referrer_role and referrer_role not in CareRole.values:
        raise ValidationError({"referrer_role": _("Choose your role in the care team.")})
    is_demo = bool(getattr(service, "is_demo", False))
    case, token = _case_open(
        identity=identity if terms is not None else None,
        language=identity.language if identity and terms else language,
        actor=referrer,
        organisation=organisation,
        is_self_referral=is_self_referral,
        is_demo=is_demo,
    )
    consent = (
        consent_record(
            case=case,
            terms=terms,
            service_names=[service_name(service, terms.statement_language)],
            captured_by=referrer,
        )
        if terms is not None
        else None
    )
    referral = _referral_new(
        case=case,
        consent=consent,
        service=service,
        needs=needs,
        reason=reason.strip() if consent else "",
        urgency=urgency,
        referrer=referrer,
        organisation=organisation,
        channel=channel,
        is_demo=is_demo,
    )
    if referrer_role and getattr(referrer, "is_authenticated", False) and consent is not None:
        CareTeamMember.objects.create(
            case=case,
            user=referrer,
            organisation=organisation,
            role=referrer_role,
            added_by=referrer,
        )
    if consent is not None:
        person_link_send(case=case, token=token)
    return referral, token


def _referral_new(
    *,
    case: Case,
    consent: Consent | None,
    service: Service,
    needs: list[str],
    reason: str,
    urgency: str,
    referrer: Any,
    organisation: Any,
    channel: str,
    is_demo: bool,
) -> Referral:
    now = timezone.now()
    signed_in = getattr(referrer, "is_authenticated", False)
    referral = Referral.objects.create(
        case=case,
        consent=consent,
        service=service,
        service_name=str(service)[:255],
        referrer=referrer if signed_in else None,
        referrer_organisation=organisation,
        needs=needs,
        reason=reason,
        urgency=urgency,
        language=case.language,
        delivered=consent is not None,
        status=Status.REQUESTED,
        created_at=now,
        updated_at=now,
        is_demo=is_demo,
    )
    event_add(
        referral=referral,
        status=Status.REQUESTED,
        channel=channel,
        actor=referrer,
        actor_label=organisation.name if organisation is not None else "",
    )
    event_record(
        action="referrals.referral_created",
        actor=referrer,
        organisation=organisation,
        target=referral,
        detail={"service": str(service.pk), "delivered": referral.delivered, "channel": channel},
    )
    _tell_service(referral)
    return referral


@transaction.atomic
def referral_add(
    *,
    case: Case,
    service: Service,
    needs: list[str],
    reason: str = "",
    urgency: str = Urgency.ROUTINE,
    referrer: Any,
    organisation: Any = None,
    channel: str = Channel.WEB,
) -> Referral:
    """Refer the same person to one more service, under their current consent (without an
    active consent the referral is anonymous).

    Raises ValidationError on bad input. Side effects as ``referral_create``."""
    needs = list(dict.fromkeys(needs))
    _check_referral(service=service, needs=needs, reason=reason, urgency=urgency)
    if case.erased_at is not None:
        raise ValidationError(_("This person's data was erased: start a new referral."))
    consent = active_consent(case)
    return _referral_new(
        case=case,
        consent=consent,
        service=service,
        needs=needs,
        reason=reason.strip() if consent else "",
        urgency=urgency,
        referrer=referrer,
        organisation=organisation,
        channel=channel,
        is_demo=case.is_demo,
    )


@transaction.atomic
def person_link_renew(*, case: Case, actor: Any = None) -> str:
    """A new private link for the person (the old one stops working); sent on their channel.

    Side effects: the case's token hash; a mail or SMS to the person; an audit event."""
    if case.erased_at is not None:
        raise ValidationError(_("This person's data was erased."))
    token, hashed = token_new()
    case.token_hash = hashed
    case.save(update_fields=["token_hash"])
    event_record(action="referrals.link_renewed", actor=actor, target=case)
    person_link_send(case=case, token=token)
    return token
