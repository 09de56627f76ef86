"""Small, explicit training test data: courses, editions, sessions, trainers, registrations.

Every function takes keyword arguments only; anything not given gets a plain default. Other
helpers append their own functions at the end of this file (never change the existing ones).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from beoncosup.training.codes import Registration
from beoncosup.training.models import Course, Edition, Enrolment, Session, Trainer

_counter = itertools.count(1)


def email_digest(email: str) -> str:
    """An HMAC of the lower-cased e-mail (pass ``email_digest=`` to use the service's own)."""
    key = str(settings.SECRET_KEY).encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def four(text: str) -> dict[str, str]:
    """The same text in the four languages, marked with the language ("Title (nl)")."""
    return {lang: f"{text} ({lang})" for lang in ("nl", "fr", "de", "en")}


def course_create(**overrides: Any) -> Course:
    """A published course with four-language title and summary (M2M: pass ``needs=[…]`` or
    ``trainers=[…]``; they are set after saving)."""
    n = next(_counter)
    needs = overrides.pop("needs", None)
    trainers = overrides.pop("trainers", None)
    coordinators = overrides.pop("coordinators", None)
    fields: dict[str, Any] = {
        "slug": f"course-{n}",
        "title": four(f"Course {n}"),
        "summary": four(f"Summary of course {n}"),
        "objectives": four(f"Objective of course {n}"),
        "professions": ["nurse"],
        "duration_hours": Decimal("3.0"),
        "published": True,
    }
    fields.update(overrides)
    course: Course = Course.objects.create(**fields)
    if needs is not None or trainers is not None:
        # Parental many-to-many fields are written when the course is saved.
        if needs is not None:
            course.needs.set(needs)
        if trainers is not None:
            course.trainers.set(trainers)
        course.save()
    if coordinators is not None:
        course.coordinators.set(coordinators)
    return course


def edition_create(
    *,
    course: Course | None = None,
    capacity: int = 10,
    deadline: datetime | None = None,
    language: str = "nl",
    **overrides: Any,
) -> Edition:
    """An edition of ``course`` (a new course if none) whose registration closes in a week."""
    edition: Edition = Edition.objects.create(
        course=course or course_create(),
        capacity=capacity,
        registration_deadline=deadline or timezone.now() + timedelta(days=7),
        language=language,
        **overrides,
    )
    return edition


def session_create(
    *,
    edition: Edition | None = None,
    starts_at: datetime | None = None,
    hours: float = 3,
    postcode: str = "9000",
    venue: str = "Zaal 1",
    trainers: list[Trainer] | None = None,
    **overrides: Any,
) -> Session:
    """A session of ``edition`` (None: a session without edition, as the network's meetings),
    starting in 14 days unless ``starts_at`` is given."""
    start = starts_at or timezone.now() + timedelta(days=14)
    session = Session.objects.create(
        edition=edition,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        postcode=postcode,
        venue=venue,
        **overrides,
    )
    if trainers:
        session.trainers.set(trainers)
    return session


def trainer_create(*, user: Any = None, name: str = "", **overrides: Any) -> Trainer:
    """A trainer (linked to ``user``'s account when given)."""
    n = next(_counter)
    return Trainer.objects.create(
        user=user,
        name=name or f"Trainer {n}",
        bio=overrides.pop("bio", four(f"Bio of trainer {n}")),
        **overrides,
    )


def enrolment_create(
    *,
    edition: Edition,
    status: str = Registration.CONFIRMED,
    email: str = "",
    name: str = "",
    language: str = "nl",
    **overrides: Any,
) -> Enrolment:
    """A registration for ``edition`` (confirmed unless ``status`` says otherwise)."""
    n = next(_counter)
    email = email or f"participant{n}@example.org"
    now = timezone.now()
    fields: dict[str, Any] = {
        "edition": edition,
        "name": name or f"Participant {n}",
        "email": email,
        "email_digest": email_digest(email),
        "language": language,
        "status": status,
        "confirmed_at": now if status == Registration.CONFIRMED else None,
        "cancelled_at": now if status == Registration.CANCELLED else None,
    }
    fields.update(overrides)
    return Enrolment.objects.create(**fields)
