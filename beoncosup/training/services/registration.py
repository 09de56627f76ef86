"""Registration for an edition (pretix is the model): one list per edition, a capacity that is
never exceeded (the edition row is locked while a place is given), a waiting list that moves up
by itself when a place frees, cancellation by the participant's link, reminders the day before,
and the deletion of registrations once they are no longer needed (docs/privacy.md).

Every e-mail is rendered in the participant's language from ``training/email/<name>_subject.txt``
and ``_message.txt`` and leaves once the transaction commits (core.mail)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import LANGUAGES
from beoncosup.training.codes import Profession, Registration
from beoncosup.training.models import Edition, Enrolment
from beoncosup.training.selectors import registration as selectors
from beoncosup.training.services.mails import (
    SessionLine,
    course_title,
    enrolment_ical,
    enrolment_link,
    participant_mail,
    session_lines,
)

__all__ = [  # the e-mail helpers the pages use, from services.mails
    "SessionLine",
    "course_title",
    "enrolment_ical",
    "enrolment_link",
    "session_lines",
]

NAME_MAX = 200
EMAIL_MAX = 254
ACTIVE = (Registration.CONFIRMED, Registration.WAITING)


def email_digest(email: str) -> str:
    """HMAC-SHA256 of the lower-cased e-mail under the site's secret: finds a person's active
    registration without storing the address in clear (``Enrolment.email`` is encrypted)."""
    key = str(settings.SECRET_KEY).encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


# --- Registering ----------------------------------------------------------------------------


def _clean(*, name: str, email: str, profession: str, language: str) -> tuple[str, str]:
    """The stripped name and e-mail, or a ValidationError naming each field that is wrong."""
    errors: dict[str, str] = {}
    name = name.strip()
    email = email.strip()
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
    if profession and profession not in Profession.values:
        errors["profession"] = _("Choose a profession from the list.")
    if language not in LANGUAGES:
        errors["language"] = _("Choose a language from the list.")
    if errors:
        raise ValidationError(errors)
    return name, email


def _locked(edition: Edition) -> Edition:
    """The edition again, its row locked until the transaction ends: registrations, promotions
    and cancellations of one edition run one after another (on PostgreSQL; SQLite runs every
    write transaction one after another anyway)."""
    locked: Edition = (
        Edition.objects.select_for_update().select_related("course").get(pk=edition.pk)
    )
    return locked


@transaction.atomic
def enrolment_register(
    *,
    edition: Edition,
    name: str,
    email: str,
    profession: str,
    language: str,
    user: Any = None,
    request: HttpRequest | None = None,
) -> Enrolment:
    """Register a person for ``edition``: a confirmed place while places are left, else a place
    on the waiting list. Raises ValidationError (translated) for bad input, a closed edition or
    a second active registration with the same e-mail address.

    Side effects: locks the edition row; one Enrolment; one audit event
    ``training.enrolment.register``; an e-mail to the person (confirmed: with the sessions as an
    iCalendar attachment; waiting: their place in the list)."""
    name, email = _clean(name=name, email=email, profession=profession, language=language)
    edition = _locked(edition)
    now = timezone.now()
    if not selectors.registration_open(edition, now=now):
        raise ValidationError(_("Registration for this course is closed."), code="closed")
    digest = email_digest(email)
    if Enrolment.objects.filter(edition=edition, email_digest=digest, status__in=ACTIVE).exists():
        raise ValidationError(
            _(
                "This e-mail address is already registered for this course. The e-mail we sent "
                "you has the link to your registration."
            ),
            code="duplicate",
        )
    # Whoever already waits goes first: fill what a raised capacity freed before counting.
    _promote(edition, request=request, now=now)
    has_place = selectors.places_left(edition) > 0
    enrolment = Enrolment.objects.create(
        edition=edition,
        user=user if getattr(user, "is_authenticated", False) else None,
        name=name,
        email=email,
        email_digest=digest,
        profession=profession,
        language=language,
        status=Registration.CONFIRMED if has_place else Registration.WAITING,
        confirmed_at=now if has_place else None,
        is_demo=edition.is_demo,
    )
    event_record(
        action="training.enrolment.register",
        actor=user,
        target=enrolment,
        request=request,
        detail={"edition": edition.pk, "status": enrolment.status},
    )
    if has_place:
        participant_mail(enrolment, "confirmed", with_calendar=True)
    else:
        participant_mail(
            enrolment,
            "waiting",
            context={"position": selectors.waiting_position(enrolment)},
        )
    return enrolment


# --- Waiting list and cancellation ----------------------------------------------------------


def _promote(edition: Edition, *, request: HttpRequest | None, now: datetime) -> list[Enrolment]:
    """Move the first waiting people (first come, first served) into the free places; the
    edition must be locked by the caller."""
    if edition.cancelled or not selectors.before_first_session(edition, now=now):
        return []
    free = selectors.places_left(edition)
    if free <= 0:
        return []
    promoted = list(
        Enrolment.objects.select_for_update()
        .filter(edition=edition, status=Registration.WAITING)
        .order_by("created_at", "pk")[:free]
    )
    sessions = selectors.edition_sessions(edition)
    for enrolment in promoted:
        enrolment.edition = edition
        enrolment.status = Registration.CONFIRMED
        enrolment.confirmed_at = now
        enrolment.promoted_at = now
        enrolment.save(update_fields=["status", "confirmed_at", "promoted_at"])
        event_record(
            action="training.enrolment.promote",
            target=enrolment,
            request=request,
            detail={"edition": edition.pk},
        )
        participant_mail(enrolment, "promoted", sessions=sessions, with_calendar=True)
    return promoted


@transaction.atomic
def waiting_promote(*, edition: Edition, request: HttpRequest | None = None) -> list[Enrolment]:
    """Fill every free place of ``edition`` from its waiting list, first come first served,
    as long as its first session has not started and it is not cancelled. Call it whenever
    places may have freed up (a cancellation, a raised capacity).

    Side effects: locks the edition row; each promoted Enrolment becomes confirmed; one audit
    event ``training.enrolment.promote`` and one e-mail (with the calendar file) per person."""
    return _promote(_locked(edition), request=request, now=timezone.now())


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, request: HttpRequest | None = None) -> Enrolment:
    """Cancel a registration (again: nothing happens). A confirmed place that frees before the
    first session goes to the first person waiting.

    Side effects: locks the edition row; the Enrolment becomes cancelled; one audit event
    ``training.enrolment.cancel``; an e-mail to the person; the promotions of
    ``waiting_promote`` (their e-mails and events)."""
    edition = _locked(enrolment.edition)
    current = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if current.status == Registration.CANCELLED:
        return current
    was = current.status
    now = timezone.now()
    current.edition = edition
    current.status = Registration.CANCELLED
    current.cancelled_at = now
    current.save(update_fields=["status", "cancelled_at"])
    event_record(
        action="training.enrolment.cancel",
        actor=getattr(request, "user", None),
        target=current,
        request=request,
        detail={"edition": edition.pk, "was": was},
    )
    participant_mail(current, "cancelled")
    if was == Registration.CONFIRMED:
        _promote(edition, request=request, now=now)
    return current
