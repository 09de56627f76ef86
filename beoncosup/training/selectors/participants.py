"""Attendance across the sessions of an edition (a programme): for the participant (their own
page: per session whether they were there, the running total against the certificate's
minimum) and for the coordinator (a grid of participants by sessions with the certificates).

Counting follows ``selectors.certificates.certificate_eligibility``: cancelled sessions do not
count, and the minimum is a whole number of sessions (75 % of 4 is 3; of 6 it is 5)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from django.utils import timezone

from beoncosup.training.codes import Registration
from beoncosup.training.models import (
    Attendance,
    Certificate,
    Course,
    Edition,
    Enrolment,
    Session,
)


class Presence:
    """A participant at one session, as far as anyone can tell yet."""

    PRESENT = "present"
    ABSENT = "absent"  # the session is over and nobody marked them present
    COMING = "coming"  # not over yet (and not marked present)
    CANCELLED = "cancelled"


class Standing:
    """Where the participant stands with the certificate's minimum attendance."""

    REACHED = "reached"
    POSSIBLE = "possible"
    OUT_OF_REACH = "out_of_reach"


@dataclass(frozen=True)
class Progress:
    held: int  # sessions not cancelled
    past: int  # of those, the ones that have ended
    attended: int  # of those held, the ones attended
    needed_percent: int

    @property
    def needed(self) -> int:
        """The fewest sessions that make ``needed_percent`` (rounded up)."""
        return -(-self.needed_percent * self.held // 100)

    @property
    def left(self) -> int:
        return self.held - self.past

    @property
    def more(self) -> int:
        """How many more sessions the certificate needs."""
        return max(self.needed - self.attended, 0)

    @property
    def standing(self) -> str:
        if self.held and self.attended >= self.needed:
            return Standing.REACHED
        if self.attended + self.left >= self.needed:
            return Standing.POSSIBLE
        return Standing.OUT_OF_REACH


def presence(session: Session, attended: set[int], now: datetime) -> str:
    if session.cancelled:
        return Presence.CANCELLED
    if session.pk in attended:
        return Presence.PRESENT
    return Presence.ABSENT if session.ends_at <= now else Presence.COMING


def progress(
    sessions: list[Session], attended: set[int], *, needed_percent: int, now: datetime
) -> Progress:
    held = [session for session in sessions if not session.cancelled]
    return Progress(
        held=len(held),
        past=sum(1 for session in held if session.ends_at <= now),
        attended=sum(1 for session in held if session.pk in attended),
        needed_percent=needed_percent,
    )


@dataclass(frozen=True)
class OwnAttendance:
    """The participant's own page: presence per session (by session id) and the total."""

    presence: dict[int, str]
    progress: Progress


def own_attendance(
    enrolment: Enrolment, sessions: list[Session], *, now: datetime | None = None
) -> OwnAttendance:
    """One query: the sessions ``enrolment`` attended among ``sessions`` (its edition's)."""
    now = now or timezone.now()
    attended = set(
        Attendance.objects.filter(enrolment=enrolment, session__in=sessions).values_list(
            "session_id", flat=True
        )
    )
    return OwnAttendance(
        presence={session.pk: presence(session, attended, now) for session in sessions},
        progress=progress(
            sessions,
            attended,
            needed_percent=int(enrolment.edition.course.min_attendance_percent),
            now=now,
        ),
    )


@dataclass(frozen=True)
class GridRow:
    enrolment: Enrolment
    cells: list[str]  # a Presence per session, in the grid's order
    progress: Progress
    certificate: Certificate | None


@dataclass(frozen=True)
class EditionGrid:
    edition: Edition
    sessions: list[Session]
    rows: list[GridRow]


def attendance_grids(
    course: Course, sessions: list[Session], *, now: datetime | None = None
) -> list[EditionGrid]:
    """One grid per programme (an edition with more than one session, not cancelled) among
    ``sessions`` (the course's, oldest first, each with its edition): its confirmed
    participants by name, their presence per session and their certificate. Two queries,
    whatever the number of editions, sessions and participants."""
    now = now or timezone.now()
    by_edition: dict[int, list[Session]] = defaultdict(list)
    for session in sessions:
        edition = session.edition
        if edition is not None and not edition.cancelled:
            by_edition[edition.pk].append(session)
    programmes = {pk: rows for pk, rows in by_edition.items() if len(rows) > 1}
    if not programmes:
        return []
    enrolments: dict[int, list[Enrolment]] = defaultdict(list)
    for enrolment in Enrolment.objects.filter(
        edition_id__in=list(programmes), status=Registration.CONFIRMED
    ).select_related("certificate"):
        enrolments[enrolment.edition_id].append(enrolment)
    attended: dict[int, set[int]] = defaultdict(set)
    session_ids = [session.pk for rows in programmes.values() for session in rows]
    for enrolment_id, session_id in Attendance.objects.filter(
        session_id__in=session_ids
    ).values_list("enrolment_id", "session_id"):
        attended[enrolment_id].add(session_id)
    needed = int(course.min_attendance_percent)
    grids = []
    for edition_id, edition_sessions in programmes.items():
        people = sorted(enrolments[edition_id], key=lambda e: (str(e.name).casefold(), e.pk))
        rows = [
            GridRow(
                enrolment=enrolment,
                cells=[presence(s, attended[enrolment.pk], now) for s in edition_sessions],
                progress=progress(
                    edition_sessions, attended[enrolment.pk], needed_percent=needed, now=now
                ),
                certificate=getattr(enrolment, "certificate", None),
            )
            for enrolment in people
        ]
        programme_edition = cast(Edition, edition_sessions[0].edition)
        grids.append(EditionGrid(edition=programme_edition, sessions=edition_sessions, rows=rows))
    return grids


def course_certificates(course: Course) -> list[Certificate]:
    """Every certificate of the course's editions (newest first), with its enrolment and
    edition: one query."""
    return list(
        Certificate.objects.filter(enrolment__edition__course=course)
        .select_related("enrolment__edition")
        .order_by("-issued_on", "-pk")
    )
