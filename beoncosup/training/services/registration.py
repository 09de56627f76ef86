"""Registration for an edition (pretix is the model): one list per edition, a capacity that is
never exceeded (the edition row is locked while a place is given), a waiting list that moves up
by itself when a place frees, cancellation by the participant's link, reminders the day before,
and the deletion of registrations once they are no longer needed (docs/privacy.md).

Every e-mail is rendered in the participant's language from ``training/email/<name>_subject.txt``
and ``_message.txt`` and leaves once the transaction commits (core.mail)."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from beoncosup.accounts.services import absolute_url
from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import LANGUAGES, pick
from beoncosup.core.mail import mail_queue
from beoncosup.training.calendar import sessions_ical
from beoncosup.training.codes import Profession, Registration
from beoncosup.training.models import Edition, Enrolment, Session
from beoncosup.training.selectors import registration as selectors

NAME_MAX = 200
EMAIL_MAX = 254
ACTIVE = (Registration.CONFIRMED, Registration.WAITING)
# Reminders go out for sessions that start between one and two days from now (run daily).
REMINDER_FROM = timedelta(hours=24)
REMINDER_UNTIL = timedelta(hours=48)


def email_digest(email: str) -> str:
    """HMAC-SHA256 of the lower-cased e-mail under the site's secret: finds a person's active
    registration without storing the address in clear (``Enrolment.email`` is encrypted)."""
    key = str(settings.SECRET_KEY).encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


# --- E-mail ---------------------------------------------------------------------------------


def enrolment_link(enrolment: Enrolment, name: str = "training:enrolment") -> str:
    """The absolute link to the participant's page (or its ``name``d sibling), in their language."""
    with translation.override(enrolment.language):
        return absolute_url(reverse(name, kwargs={"token": enrolment.token}))


def course_title(edition: Edition, language: str) -> str:
    picked = pick(edition.course.title, language)
    return picked.text if picked else edition.course.slug


def enrolment_ical(enrolment: Enrolment, sessions: list[Session] | None = None) -> bytes:
    """The calendar file of the edition's sessions, as the participant sees them."""
    edition = enrolment.edition
    language = enrolment.language
    with translation.override(language):
        return sessions_ical(
            sessions if sessions is not None else selectors.edition_sessions(edition),
            summary=course_title(edition, language),
            language=language,
            url=enrolment_link(enrolment),
            description=_("Your registration: {link}").format(link=enrolment_link(enrolment)),
        )


@dataclass(frozen=True)
class SessionLine:
    """A session as one e-mail shows it: when, where (or the link for confirmed people)."""

    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online_url: str
    cancelled: bool
    presence: str = ""  # the participant's page: a selectors.participants.Presence


def session_lines(sessions: list[Session], language: str) -> list[SessionLine]:
    lines = []
    for session in sessions:
        title = pick(session.title, language)
        place = ", ".join(
            part for part in (session.venue, session.address, session.postcode) if part
        )
        lines.append(
            SessionLine(
                title=title.text if title else "",
                starts_at=timezone.localtime(session.starts_at),
                ends_at=timezone.localtime(session.ends_at),
                place=place,
                online_url=session.online_url,
                cancelled=session.cancelled,
            )
        )
    return lines


def _mail(
    enrolment: Enrolment,
    template: str,
    *,
    context: dict[str, Any] | None = None,
    sessions: list[Session] | None = None,
    with_calendar: bool = False,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue one e-mail to the participant, in their language; ``with_calendar`` attaches the
    sessions as ``training.ics``; ``attachments`` are more files (name, text, MIME type)."""
    edition = enrolment.edition
    language = enrolment.language if enrolment.language in LANGUAGES else settings.LANGUAGE_CODE
    sessions = sessions if sessions is not None else selectors.edition_sessions(edition)
    with translation.override(language):
        data = {
            "name": enrolment.name,
            "course": course_title(edition, language),
            "sessions": session_lines(sessions, language),
            "link": enrolment_link(enrolment),
            "confirmed": enrolment.status == Registration.CONFIRMED,
            **(context or {}),
        }
        subject = render_to_string(f"training/email/{template}_subject.txt", data)
        body = render_to_string(f"training/email/{template}_message.txt", data)
    attachments = list(attachments or [])
    if with_calendar:
        ical = enrolment_ical(enrolment, sessions).decode()
        attachments.append(("training.ics", ical, "text/calendar"))
    mail_queue(
        subject=" ".join(subject.split()),
        body=body,
        to=[enrolment.email],
        attachments=attachments,
    )


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
        _mail(enrolment, "confirmed", with_calendar=True)
    else:
        _mail(
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
        _mail(enrolment, "promoted", sessions=sessions, with_calendar=True)
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
    _mail(current, "cancelled")
    if was == Registration.CONFIRMED:
        _promote(edition, request=request, now=now)
    return current


# --- Reminders ------------------------------------------------------------------------------


def sessions_to_remind(now: datetime) -> QuerySet[Session]:
    return Session.objects.filter(
        edition__isnull=False,
        edition__cancelled=False,
        cancelled=False,
        reminder_sent_at__isnull=True,
        starts_at__gte=now + REMINDER_FROM,
        starts_at__lt=now + REMINDER_UNTIL,
    ).order_by("starts_at", "pk")


def session_reminders_send(*, now: datetime | None = None) -> int:
    """E-mail every confirmed participant of the sessions that start in one to two days (not
    cancelled, not reminded yet), each session in its own transaction. Returns the number of
    e-mails. Running it twice sends nothing more.

    Side effects: ``Session.reminder_sent_at``; e-mails with the calendar file."""
    now = now or timezone.now()
    sent = 0
    for session_id in sessions_to_remind(now).values_list("pk", flat=True):
        sent += _session_remind(session_id, now=now)
    return sent


@transaction.atomic
def _session_remind(session_id: int, *, now: datetime) -> int:
    session = (
        Session.objects.select_for_update()
        .filter(pk=session_id, reminder_sent_at__isnull=True)
        .first()
    )
    if session is None:  # another run sent it meanwhile
        return 0
    edition = Edition.objects.select_related("course").get(pk=session.edition_id)
    sessions = selectors.edition_sessions(edition)
    participants = Enrolment.objects.filter(edition=edition, status=Registration.CONFIRMED)
    count = 0
    for enrolment in participants:
        enrolment.edition = edition
        _mail(
            enrolment,
            "reminder",
            context={"session": session_lines([session], enrolment.language)[0]},
            sessions=sessions,
            with_calendar=True,
        )
        count += 1
    session.reminder_sent_at = now
    session.save(update_fields=["reminder_sent_at"])
    return count


# --- Retention ------------------------------------------------------------------------------


def _years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


@transaction.atomic
def enrolments_expired_delete(*, now: datetime | None = None) -> dict[str, int]:
    """Delete the registrations no longer needed, counted from the edition's last session
    (its registration deadline when it has none): cancelled and waiting ones after
    BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS, confirmed ones (with their attendance and
    certificate) after BEONCOSUP_TRAINING_RETENTION_YEARS. Returns the counts.

    Side effects: deletes Enrolment, Attendance and Certificate rows; one audit event
    ``training.enrolment.purge`` with the counts when something was deleted."""
    now = now or timezone.now()
    editions = Edition.objects.annotate(
        last=Coalesce(Max("sessions__ends_at"), "registration_deadline")
    )
    unused_before = now - timedelta(days=settings.BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS)
    used_before = _years_before(now, settings.BEONCOSUP_TRAINING_RETENTION_YEARS)
    unused = Enrolment.objects.filter(
        status__in=(Registration.CANCELLED, Registration.WAITING),
        edition__in=editions.filter(last__lt=unused_before).values("pk"),
    )
    used = Enrolment.objects.filter(
        status=Registration.CONFIRMED,
        edition__in=editions.filter(last__lt=used_before).values("pk"),
    )
    counts = {"unused": unused.delete()[1].get(Enrolment._meta.label, 0)}
    deleted, per_model = used.delete()
    counts["used"] = per_model.get(Enrolment._meta.label, 0)
    counts["attendance_and_certificates"] = deleted - counts["used"]
    if counts["unused"] or counts["used"]:
        event_record(action="training.enrolment.purge", detail=counts)
    return counts
