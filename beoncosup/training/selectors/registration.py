"""Reads for registration: places left, whether an edition is open, a participant's place in
the waiting list, and what the participant's page shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from beoncosup.training.codes import Registration
from beoncosup.training.models import Certificate, Edition, Enrolment, Session

# A token as models.token_new makes them: anything else cannot be one of ours.
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,40}")


def edition_sessions(edition: Edition) -> list[Session]:
    """The edition's sessions in time order (cancelled ones too: calendars then drop them)."""
    return list(Session.objects.filter(edition=edition).order_by("starts_at", "pk"))


def places_left(edition: Edition) -> int:
    """Capacity minus confirmed registrations (never negative)."""
    confirmed = Enrolment.objects.filter(edition=edition, status=Registration.CONFIRMED).count()
    return max(int(edition.capacity) - confirmed, 0)


def registration_open(edition: Edition, *, now: datetime | None = None) -> bool:
    """Not cancelled, its course published, and before the registration deadline."""
    now = now or timezone.now()
    return (
        not edition.cancelled and edition.course.published and now < edition.registration_deadline
    )


def before_first_session(edition: Edition, *, now: datetime | None = None) -> bool:
    """No session of the edition has started yet (cancelled sessions do not count)."""
    now = now or timezone.now()
    return not Session.objects.filter(edition=edition, cancelled=False, starts_at__lte=now).exists()


def waiting_position(enrolment: Enrolment) -> int | None:
    """1 for the first person waiting, and so on; None when not waiting."""
    if enrolment.status != Registration.WAITING:
        return None
    ahead = (
        Enrolment.objects.filter(edition_id=enrolment.edition_id, status=Registration.WAITING)
        .filter(created_at__lte=enrolment.created_at)
        .exclude(created_at=enrolment.created_at, pk__gte=enrolment.pk)
        .count()
    )
    return ahead + 1


def enrolment_for_token(token: str) -> Enrolment | None:
    """The registration behind a participant's link, with its edition and course."""
    if not TOKEN.fullmatch(token):
        return None
    return (
        Enrolment.objects.select_related("edition__course")
        .annotate(
            has_certificate=Exists(
                Certificate.objects.filter(enrolment=OuterRef("pk"), revoked=False)
            )
        )
        .filter(token=token)
        .first()
    )


@dataclass(frozen=True)
class EnrolmentPage:
    """What the participant's page shows besides the registration itself."""

    sessions: list[Session]
    position: int | None
    confirmed: bool
    over: bool
    today: list[Session]
    certificate: bool


def enrolment_page(enrolment: Enrolment, *, now: datetime | None = None) -> EnrolmentPage:
    """Sessions, waiting-list place, and which links apply: the evaluation of a session held
    today, the certificate once it exists or the edition is over (confirmed people only)."""
    now = now or timezone.now()
    sessions = edition_sessions(enrolment.edition)
    held = [session for session in sessions if not session.cancelled]
    confirmed = enrolment.status == Registration.CONFIRMED
    over = bool(held) and all(session.ends_at <= now for session in held)
    today_date = timezone.localdate(now)
    today = [s for s in held if timezone.localdate(s.starts_at) == today_date] if confirmed else []
    has_certificate = bool(getattr(enrolment, "has_certificate", False))
    return EnrolmentPage(
        sessions=sessions,
        position=waiting_position(enrolment),
        confirmed=confirmed,
        over=over,
        today=today,
        certificate=confirmed and (has_certificate or over),
    )
