"""Editors' writes about working-group sessions: planning a session (its dates and place are
a ``training.Session``, like the network's meetings), changing or cancelling it, and
publishing its minutes and outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beoncosup.audit.services import event_record
from beoncosup.participation.codes import RegistrationStatus
from beoncosup.participation.models import GroupSession, Registration, WorkingGroup
from beoncosup.participation.services.mails import participant_mail
from beoncosup.participation.services.registration import waiting_promote
from beoncosup.training.models import Session


@dataclass(frozen=True)
class SessionData:
    title: dict[str, str]
    starts_at: datetime
    ends_at: datetime
    venue: str
    address: str
    postcode: str
    online_url: str
    capacity: int
    registration_deadline: datetime | None
    cancelled: bool


def _check(data: SessionData, *, confirmed: int) -> None:
    """A ValidationError naming each field that is wrong (the form checks the same first)."""
    errors: dict[str, str] = {}
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    if not data.venue.strip() and not data.online_url:
        errors["venue"] = _("Give a venue, an online link, or both.")
    if data.registration_deadline and data.registration_deadline > data.starts_at:
        errors["registration_deadline"] = _("Registration must close before the session.")
    if data.capacity < confirmed:
        errors["capacity"] = ngettext(
            "%(count)d person already has a confirmed place: the capacity cannot be lower.",
            "%(count)d people already have a confirmed place: the capacity cannot be lower.",
            confirmed,
        ) % {"count": confirmed}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_save(
    *,
    group: WorkingGroup,
    data: SessionData,
    group_session: GroupSession | None = None,
    actor: Any = None,
    request: HttpRequest | None = None,
) -> GroupSession:
    """Plan a session of ``group`` (``group_session`` None) or change it. Raises
    ValidationError for dates in the wrong order, no place, or a capacity below the confirmed
    registrations.

    Side effects: a training Session and a GroupSession (the session row locked on a change);
    one audit event ``participation.session.create``/``.update``; a raised capacity moves
    people up from the waiting list (their e-mails); a newly cancelled session e-mails its
    confirmed and waiting participants."""
    confirmed = 0
    was_cancelled = False
    if group_session is not None:
        group_session = GroupSession.objects.select_for_update().get(pk=group_session.pk)
        confirmed = group_session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        was_cancelled = group_session.session.cancelled
    _check(data, confirmed=confirmed)
    session = group_session.session if group_session is not None else Session(is_demo=group.is_demo)
    session.title = data.title
    session.starts_at = data.starts_at
    session.ends_at = data.ends_at
    session.venue = data.venue.strip()
    session.address = data.address.strip()
    session.postcode = data.postcode.strip()
    session.online_url = data.online_url
    session.cancelled = data.cancelled
    session.save()
    created = group_session is None
    if group_session is None:
        group_session = GroupSession(group=group, session=session, is_demo=group.is_demo)
    group_session.capacity = data.capacity
    group_session.registration_deadline = data.registration_deadline
    group_session.save()
    event_record(
        action="participation.session.create" if created else "participation.session.update",
        actor=actor,
        target=group_session,
        request=request,
        detail={"group": group.pk, "cancelled": data.cancelled},
    )
    if data.cancelled and not was_cancelled and not created:
        for registration in Registration.objects.filter(
            session=group_session, status__in=(RegistrationStatus.CONFIRMED, "waiting")
        ).select_related("session__group", "session__session"):
            participant_mail(registration, "session_cancelled")
    elif not data.cancelled:
        waiting_promote(group_session=group_session, request=request)
    return group_session


@transaction.atomic
def session_minutes_save(
    *,
    group_session: GroupSession,
    minutes: dict[str, str],
    outcomes: dict[str, str],
    publish: bool,
    actor: Any = None,
    request: HttpRequest | None = None,
) -> GroupSession:
    """Save the session's minutes and outcomes; ``publish`` shows them on the public pages
    (published_at keeps the first publication's time), unpublishing hides them again.
    Publishing needs minutes or outcomes in at least one language.

    Side effects: the GroupSession; one audit event ``participation.session.minutes`` with
    whether they are published."""
    if publish and not (minutes or outcomes):
        raise ValidationError(
            {"minutes": _("Write the minutes or the outcomes before publishing them.")}
        )
    current = GroupSession.objects.select_for_update().get(pk=group_session.pk)
    current.minutes = minutes
    current.outcomes = outcomes
    if publish and current.published_at is None:
        current.published_at = timezone.now()
    elif not publish:
        current.published_at = None
    current.save(update_fields=["minutes", "outcomes", "published_at"])
    event_record(
        action="participation.session.minutes",
        actor=actor,
        target=current,
        request=request,
        detail={"published": current.published_at is not None},
    )
    return current


def registrations_viewed(
    *, group_session: GroupSession, actor: Any, count: int, request: HttpRequest | None = None
) -> None:
    """Record that an editor read the session's list of participants (personal data).

    Side effects: one audit event ``participation.registrations.view``."""
    event_record(
        action="participation.registrations.view",
        actor=actor,
        target=group_session,
        request=request,
        detail={"count": count},
    )
