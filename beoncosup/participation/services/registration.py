"""Registration for a working-group session (the training registration is the model): one
list per session, a capacity that is never exceeded (the session row is locked while a place
is given), a waiting list that moves up by itself when a place frees, and cancellation by the
participant's link. No account: name and e-mail are encrypted at rest, with an HMAC digest of
the e-mail to refuse a second active registration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import LANGUAGES
from beoncosup.participation.codes import (
    ROLES_WITH_ORGANISATION,
    ParticipantRole,
    RegistrationStatus,
)
from beoncosup.participation.models import GroupSession, Registration
from beoncosup.participation.selectors import groups as selectors
from beoncosup.participation.services.mails import participant_mail
from beoncosup.training.services.registration import email_digest

NAME_MAX = 200
EMAIL_MAX = 254
ORGANISATION_MAX = 200
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


@dataclass(frozen=True)
class RegistrationData:
    name: str
    email: str
    role: str
    organisation: str
    language: str
    notify_actions: bool


def _clean(data: RegistrationData) -> RegistrationData:
    """The data stripped, or a ValidationError naming each field that is wrong."""
    errors: dict[str, str] = {}
    name = data.name.strip()
    email = data.email.strip()
    organisation = data.organisation.strip()
    if not name:
        errors["name"] = _("Enter your name.")
    elif len(name) > NAME_MAX or "\x00" in name:
        errors["name"] = _("Enter your name in at most 200 characters.")
    try:
        if len(email) > EMAIL_MAX or "\x00" in email:
            raise ValidationError("invalid")
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter an e-mail address like name@example.be.")
    if data.role not in ParticipantRole.values:
        errors["role"] = _("Choose how you take part.")
    if len(organisation) > ORGANISATION_MAX or "\x00" in organisation:
        errors["organisation"] = _("Enter the organisation's name in at most 200 characters.")
    if data.language not in LANGUAGES:
        errors["language"] = _("Choose a language from the list.")
    if errors:
        raise ValidationError(errors)
    if data.role not in ROLES_WITH_ORGANISATION:
        organisation = ""  # patients and relatives take part as themselves
    return RegistrationData(
        name=name,
        email=email,
        role=data.role,
        organisation=organisation,
        language=data.language,
        notify_actions=bool(data.notify_actions),
    )


def _locked(group_session: GroupSession) -> GroupSession:
    """The session again, its row locked until the transaction ends: registrations,
    promotions and cancellations of one session run one after another."""
    locked: GroupSession = (
        GroupSession.objects.select_for_update()
        .select_related("group", "session")
        .get(pk=group_session.pk)
    )
    return locked


@transaction.atomic
def registration_create(
    *,
    group_session: GroupSession,
    data: RegistrationData,
    request: HttpRequest | None = None,
) -> Registration:
    """Register a person for a session: a confirmed place while places are left, else a place
    on the waiting list. Raises ValidationError (translated) for bad input, a closed session
    or a second active registration with the same e-mail address.

    Side effects: locks the session row; one Registration; one audit event
    ``participation.registration.create`` (no personal data); an e-mail to the person
    (confirmed: with the calendar file; waiting: their place in the list)."""
    clean = _clean(data)
    group_session = _locked(group_session)
    now = timezone.now()
    if not selectors.registration_open(group_session, now=now):
        raise ValidationError(_("Registration for this session is closed."), code="closed")
    digest = email_digest(clean.email)
    if Registration.objects.filter(
        session=group_session, email_digest=digest, status__in=ACTIVE
    ).exists():
        raise ValidationError(
            _(
                "This e-mail address is already registered for this session. The e-mail we "
                "sent you has the link to your registration."
            ),
            code="duplicate",
        )
    _promote(group_session, request=request, now=now)
    has_place = selectors.places_left(group_session) > 0
    registration = Registration.objects.create(
        session=group_session,
        name=clean.name,
        email=clean.email,
        email_digest=digest,
        role=clean.role,
        organisation=clean.organisation,
        language=clean.language,
        notify_actions=clean.notify_actions,
        status=RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITING,
        is_demo=group_session.is_demo,
    )
    event_record(
        action="participation.registration.create",
        target=registration,
        request=request,
        detail={
            "session": group_session.pk,
            "status": registration.status,
            "role": registration.role,
        },
    )
    if has_place:
        participant_mail(registration, "confirmed", with_calendar=True)
    else:
        participant_mail(
            registration,
            "waiting",
            context={"position": selectors.waiting_position(registration)},
        )
    return registration


def _promote(
    group_session: GroupSession, *, request: HttpRequest | None, now: datetime
) -> list[Registration]:
    """Move the first waiting people into the free places (the session must be locked)."""
    if group_session.session.cancelled or group_session.session.starts_at <= now:
        return []
    free = selectors.places_left(group_session)
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(session=group_session, status=RegistrationStatus.WAITING)
        .order_by("created_at", "pk")[:free]
    )
    for registration in promoted:
        registration.session = group_session
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        event_record(
            action="participation.registration.promote",
            target=registration,
            request=request,
            detail={"session": group_session.pk},
        )
        participant_mail(registration, "promoted", with_calendar=True)
    return promoted


@transaction.atomic
def waiting_promote(
    *, group_session: GroupSession, request: HttpRequest | None = None
) -> list[Registration]:
    """Fill every free place from the waiting list, first come first served, until the
    session starts (a raised capacity, a cancellation).

    Side effects: locks the session row; each promoted Registration becomes confirmed; one
    audit event ``participation.registration.promote`` and one e-mail (with the calendar file)
    per person."""
    return _promote(_locked(group_session), request=request, now=timezone.now())


@transaction.atomic
def registration_cancel(
    *, registration: Registration, request: HttpRequest | None = None
) -> Registration:
    """Cancel a registration (again: nothing happens). A confirmed place that frees before the
    session goes to the first person waiting.

    Side effects: locks the session row; the Registration becomes cancelled (and stops the
    action e-mails); one audit event ``participation.registration.cancel``; an e-mail to the
    person; the promotions of ``waiting_promote``."""
    group_session = _locked(registration.session)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        return current
    was = current.status
    now = timezone.now()
    current.session = group_session
    current.status = RegistrationStatus.CANCELLED
    current.cancelled_at = now
    current.notify_actions = False
    current.save(update_fields=["status", "cancelled_at", "notify_actions"])
    event_record(
        action="participation.registration.cancel",
        target=current,
        request=request,
        detail={"session": group_session.pk, "was": was},
    )
    participant_mail(current, "cancelled")
    if was == RegistrationStatus.CONFIRMED:
        _promote(group_session, request=request, now=now)
    return current


@transaction.atomic
def registration_notify_set(
    *, registration: Registration, notify: bool, request: HttpRequest | None = None
) -> Registration:
    """Turn the e-mails about this session's actions on or off (the stop link of those
    e-mails turns them off).

    Side effects: the Registration's ``notify_actions``; one audit event
    ``participation.registration.notify`` when it changed."""
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    notify = notify and current.status != RegistrationStatus.CANCELLED
    if current.notify_actions != notify:
        current.notify_actions = notify
        current.save(update_fields=["notify_actions"])
        event_record(
            action="participation.registration.notify",
            target=current,
            request=request,
            detail={"notify_actions": notify},
        )
    return current
