"""Reading certificates: who may have one (attendance over a finished edition), what it
says (hours, points, dates, trainers), and the public verification by code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from beoncosup.core.i18n_text import PickedText, pick
from beoncosup.training.codes import Registration
from beoncosup.training.models import (
    Attendance,
    Certificate,
    Course,
    Enrolment,
    Session,
    Trainer,
)

# The verification code's alphabet (models.code_new): no 0/O, no 1/I.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
# Longer input is not a code: refused before any work (and before the database).
CODE_INPUT_MAX = 40


class Reason:
    """Why there is no certificate (yet)."""

    ELIGIBLE = ""
    NOT_CONFIRMED = "not_confirmed"
    EDITION_CANCELLED = "edition_cancelled"
    NO_SESSIONS = "no_sessions"
    NOT_FINISHED = "not_finished"
    ATTENDANCE = "attendance"


@dataclass(frozen=True)
class Eligibility:
    """Whether an enrolment earns a certificate, and the counts behind the answer."""

    reason: str
    held: int  # sessions of the edition that were not cancelled
    attended: int  # of those, the ones the participant attended
    needed_percent: int
    finishes_at: datetime | None = None  # when the last held session ends
    attended_sessions: list[Session] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return self.reason == Reason.ELIGIBLE

    @property
    def attended_percent(self) -> int:
        return int(self.attended * 100 // self.held) if self.held else 0


def certificate_eligibility(enrolment: Enrolment, *, now: datetime | None = None) -> Eligibility:
    """Whether ``enrolment`` earns a certificate: a confirmed place, an edition not cancelled
    whose sessions (the cancelled ones left out) are all over, and attendance at no fewer than
    the course's ``min_attendance_percent`` of those sessions."""
    now = now or timezone.now()
    edition = enrolment.edition
    course = edition.course
    needed = int(course.min_attendance_percent)
    sessions = list(
        Session.objects.filter(edition=edition, cancelled=False)
        .order_by("starts_at", "pk")
        .prefetch_related("trainers")
    )
    attended_ids = set(
        Attendance.objects.filter(enrolment=enrolment, session__in=sessions).values_list(
            "session_id", flat=True
        )
    )
    attended = [session for session in sessions if session.pk in attended_ids]
    finishes_at = max((session.ends_at for session in sessions), default=None)
    if enrolment.status != Registration.CONFIRMED:
        reason = Reason.NOT_CONFIRMED
    elif edition.cancelled:
        reason = Reason.EDITION_CANCELLED
    elif not sessions:
        reason = Reason.NO_SESSIONS
    elif finishes_at is not None and finishes_at > now:
        reason = Reason.NOT_FINISHED
    # Integer arithmetic: 3 of 4 is exactly 75 %, with no rounding at the edge.
    elif len(attended) * 100 < needed * len(sessions):
        reason = Reason.ATTENDANCE
    else:
        reason = Reason.ELIGIBLE
    return Eligibility(
        reason=reason,
        held=len(sessions),
        attended=len(attended),
        needed_percent=needed,
        finishes_at=finishes_at,
        attended_sessions=attended,
    )


def certificate_eligible(enrolment: Enrolment, *, now: datetime | None = None) -> bool:
    """Whether ``enrolment`` earns a certificate (see ``certificate_eligibility``)."""
    return certificate_eligibility(enrolment, now=now).eligible


def attended_hours(sessions: list[Session], *, cap: Decimal) -> Decimal:
    """The hours of ``sessions`` (from their start and end), to a tenth, at most ``cap``."""
    seconds = sum((session.ends_at - session.starts_at).total_seconds() for session in sessions)
    hours = (Decimal(int(seconds)) / Decimal(3600)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return min(hours, cap)


def trainers_of(sessions: list[Session], course_trainers: list[Trainer]) -> list[Trainer]:
    """The trainers of the attended sessions (prefetched), or the course's when none is set."""
    found: dict[int, Trainer] = {}
    for session in sessions:
        for trainer in session.trainers.all():
            found.setdefault(trainer.pk, trainer)
    chosen = list(found.values()) or course_trainers
    return sorted(chosen, key=lambda trainer: trainer.name)


def code_normalise(raw: str) -> str | None:
    """A typed code as stored ("ABCD-EFGH-JKLM"): case, spaces and dashes do not matter, and
    the look-alikes O→0… are not guessed. None when it cannot be a code."""
    if len(raw) > CODE_INPUT_MAX:
        return None
    letters = re.sub(r"[\s\-‐‑‒–—_.]", "", raw).upper()
    if len(letters) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in letters):
        return None
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def certificate_by_code(raw: str) -> Certificate | None:
    """The certificate whose code is ``raw`` (normalised), with its enrolment, edition and
    course; None for an unknown or malformed code."""
    code = code_normalise(raw)
    if code is None:
        return None
    return (
        Certificate.objects.select_related("enrolment__edition__course").filter(code=code).first()
    )


@dataclass(frozen=True)
class CertificateFacts:
    """What a certificate states, in one reader's language (the PDF, the verification page)."""

    certificate: Certificate
    name: str
    course: Course
    title: PickedText | None
    edition_name: PickedText | None
    dates: list[date]
    trainers: list[str]
    organiser: str
    is_demo: bool


def certificate_facts(certificate: Certificate, *, language: str) -> CertificateFacts:
    """The certificate's statements for a reader of ``language``: the attended sessions'
    dates (cancelled ones left out), their trainers, the course and the organiser."""
    enrolment = certificate.enrolment
    course = enrolment.edition.course
    sessions = list(
        Session.objects.filter(attendance__enrolment=enrolment, cancelled=False)
        .order_by("starts_at", "pk")
        .prefetch_related("trainers")
    )
    trainers = trainers_of(sessions, list(course.trainers.all()))
    return CertificateFacts(
        certificate=certificate,
        name=str(enrolment.name),
        course=course,
        title=pick(course.title, language),
        edition_name=pick(enrolment.edition.name, language),
        dates=sorted({timezone.localdate(session.starts_at) for session in sessions}),
        trainers=[trainer.name for trainer in trainers],
        organiser=course.organiser,
        is_demo=bool(enrolment.is_demo or course.is_demo),
    )
