"""Loading the demo training content for ``make run`` (development only; refused in
production): the four kinds of course the institute runs, with trainers, past editions
(attendance, same-day evaluations, a follow-up, certificates) and coming ones (one full, with a
waiting list).

Every row is marked as demo, and every course says so in its summary. People and places are
made up; the sources cited are real publications. A second run makes nothing new while the
demo courses exist; ``replace=True`` deletes the demo training rows and makes them afresh
(dates move with today).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.taxonomy.models import Need
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.demo.courses import COURSES, SLUGS
from beoncosup.training.demo.specs import (
    CHANGES,
    COMMENTS,
    COORDINATOR_EMAILS,
    FIRST_NAMES,
    LAST_NAMES,
    TRAINER_EMAILS,
    TRAINERS,
    CourseSpec,
    Run,
)
from beoncosup.training.demo.workshops import NURSES
from beoncosup.training.models import (
    Attendance,
    Course,
    Edition,
    Enrolment,
    Evaluation,
    EvidenceSource,
    FollowUp,
    Session,
    Trainer,
    TrainerScore,
)
from beoncosup.training.selectors.certificates import certificate_eligible
from beoncosup.training.services.certificates import certificate_issue
from beoncosup.training.services.registration import email_digest


def demo_training_exists() -> bool:
    return bool(Course.objects.filter(slug__in=SLUGS, is_demo=True).exists())


def demo_training_delete() -> int:
    """Delete the demo courses (with their editions, sessions, registrations, evaluations,
    follow-ups and certificates) and the demo trainers. Returns the courses deleted."""
    courses = Course.objects.filter(is_demo=True)
    count: int = courses.count()
    courses.delete()
    Trainer.objects.filter(is_demo=True).delete()
    return count


def _user(emails: tuple[str, ...]) -> Any:
    users = get_user_model().objects
    for email in emails:
        user = users.filter(email=email).first()
        if user is not None:
            return user
    return None


def _moment(today: date, days: int, start: time) -> datetime:
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), start))


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.7))))


@transaction.atomic
def demo_training_load(
    *, replace: bool = False, today: date | None = None, seed: int = 17
) -> dict[str, int] | None:
    """Make the demo training content. Returns the rows made per kind, or None when the demo
    courses exist and ``replace`` is false. Refuses in production.

    Side effects: demo trainers, courses, editions, sessions, registrations, attendance,
    evaluations, one follow-up and a few certificates (with their audit events); the demo
    coordinator and trainer accounts (when they exist) linked to them."""
    if settings.PRODUCTION:
        raise PermissionError("Demo training content is never made in production.")
    if demo_training_exists():
        if not replace:
            return None
        demo_training_delete()
    today = today or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 - made-up demo scores, not secrets
    made = dict.fromkeys(
        ["courses", "editions", "sessions", "enrolments", "evaluations", "certificates"], 0
    )
    coordinator = _user(COORDINATOR_EMAILS)
    trainer_user = _user(TRAINER_EMAILS)
    trainers = {
        key: Trainer.objects.create(
            name=spec["name"], profession=spec["profession"], bio=spec["bio"], is_demo=True
        )
        for key, spec in TRAINERS.items()
    }
    if trainer_user is not None and not Trainer.objects.filter(user=trainer_user).exists():
        # The trainer whose scores were flagged: the demo shows their results and follow-up.
        trainers["psychologist"].user = trainer_user
        trainers["psychologist"].save(update_fields=["user"])
    people = (f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES)
    for spec in COURSES:
        course = _course(spec, trainers, coordinator)
        made["courses"] += 1
        for run in spec.runs:
            edition, sessions = _edition(spec, run, course, trainers, today)
            made["editions"] += 1
            made["sessions"] += len(sessions)
            enrolments = _enrolments(run, edition, people, today)
            made["enrolments"] += len(enrolments)
            confirmed = [e for e in enrolments if e.status == Registration.CONFIRMED]
            now = timezone.now()
            for session in sessions:
                if session.ends_at > now:
                    continue
                present = [e for e in confirmed if rng.random() < run.attendance]
                Attendance.objects.bulk_create(
                    Attendance(enrolment=e, session=session, method=AttendanceMethod.LIST)
                    for e in present
                )
                made["evaluations"] += _evaluations(rng, run, session, trainers, len(present))
            made["certificates"] += _certificates(confirmed, today)
    _follow_up(trainers, coordinator)
    return made


def _course(spec: CourseSpec, trainers: dict[str, Trainer], coordinator: Any) -> Course:
    course = Course(
        slug=spec.slug,
        title=spec.title,
        summary=spec.summary,
        objectives=spec.objectives,
        professions=[str(profession) for profession in spec.professions],
        format=spec.format,
        duration_hours=spec.duration_hours,
        accreditation_points=spec.accreditation_points,
        accreditation_body=spec.accreditation_body,
        evidence=spec.evidence,
        organiser=spec.organiser,
        min_attendance_percent=spec.min_attendance_percent,
        alert_threshold=Decimal("3.5"),
        published=True,
        is_demo=True,
    )
    course.needs.set(list(Need.objects.filter(code__in=spec.needs)))
    course.trainers.set([trainers[key] for key in spec.trainers])
    course.save()  # saves the parental many-to-many relations too
    for order, (citation, year) in enumerate(spec.sources):
        EvidenceSource.objects.create(course=course, citation=citation, year=year, sort_order=order)
    if coordinator is not None:
        course.coordinators.add(coordinator)
    return course


def _edition(
    spec: CourseSpec,
    run: Run,
    course: Course,
    trainers: dict[str, Trainer],
    today: date,
) -> tuple[Edition, list[Session]]:
    first = _moment(today, run.days[0], run.start)
    deadline = first - timedelta(days=7 if run.days[0] < 0 else 3)
    edition = Edition.objects.create(
        course=course,
        name=run.name,
        language=run.language,
        capacity=run.capacity,
        registration_deadline=deadline,
        is_demo=True,
    )
    sessions = []
    for index, days in enumerate(run.days):
        starts_at = _moment(today, days, run.start)
        session = Session.objects.create(
            edition=edition,
            title=spec.session_titles[index] if index < len(spec.session_titles) else {},
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=run.hours),
            venue=run.venue,
            address=run.address,
            postcode=run.postcode,
            is_demo=True,
        )
        session.trainers.set([trainers[key] for key in spec.trainers])
        sessions.append(session)
    return edition, sessions


def _enrolments(run: Run, edition: Edition, people: Any, today: date) -> list[Enrolment]:
    made = []
    registered_at = timezone.make_aware(
        datetime.combine(min(today, edition.registration_deadline.date()), time(8, 0))
    ) - timedelta(days=20)
    statuses = [Registration.CONFIRMED] * run.confirmed + [Registration.WAITING] * run.waiting
    for status in statuses:
        name = next(people)
        email = f"demo-{name.lower().replace(' ', '.')}@{DEMO_EMAIL_DOMAIN}"
        enrolment = Enrolment.objects.create(
            edition=edition,
            name=name,
            email=email,
            email_digest=email_digest(email),
            profession=edition.course.professions[0] if edition.course.professions else "",
            language=run.language,
            status=status,
            confirmed_at=registered_at if status == Registration.CONFIRMED else None,
            is_demo=True,
        )
        made.append(enrolment)
    return made


def _evaluations(
    rng: random.Random, run: Run, session: Session, trainers: dict[str, Trainer], present: int
) -> int:
    if not run.scores:
        return 0
    answers = max(1, round(present * 0.75))
    language = run.language
    for _n in range(answers):
        evaluation = Evaluation.objects.create(
            session=session,
            language=language,
            profession=session.edition.course.professions[0] if session.edition else "",
            relevance=_score(rng, max(run.scores.values())),
            practice_change=rng.choice(CHANGES[language]) if rng.random() < 0.6 else "",
            comment=rng.choice(COMMENTS[language]) if rng.random() < 0.4 else "",
            answered_on=timezone.localdate(session.starts_at),
        )
        TrainerScore.objects.bulk_create(
            TrainerScore(
                evaluation=evaluation,
                trainer=trainers[key],
                clarity=_score(rng, mean),
                didactics=_score(rng, mean - 0.2),
            )
            for key, mean in run.scores.items()
        )
    return answers


def _certificates(confirmed: list[Enrolment], today: date) -> int:
    """Two certificates per finished edition (the first participants who earn one)."""
    issued = 0
    for enrolment in confirmed:
        if issued == 2:
            break
        if certificate_eligible(enrolment):
            certificate_issue(enrolment=enrolment, today=today)
            issued += 1
    return issued


def _follow_up(trainers: dict[str, Trainer], coordinator: Any) -> None:
    course = Course.objects.get(slug=NURSES.slug)
    session = Session.objects.filter(edition__course=course).order_by("starts_at").first()
    FollowUp.objects.create(
        course=course,
        session=session,
        trainer=trainers["psychologist"],
        finding=(
            "Demo: the psychologist's clarity and didactics averaged below 3.5; participants "
            "found the theory part too long and too fast."
        ),
        action=(
            "Demo: theory cut to 20 minutes with a one-page handout; one extra role play; "
            "the psychologist co-prepared the session with the nurse trainer."
        ),
        recorded_by=coordinator,
    )
