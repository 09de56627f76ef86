"""Who may do what in training (django-rules), checked on the server by every view and API
operation (``accounts.rules.require``).

- **Public**: the catalogue, registering, the participant's own registration by its token,
  the same-day evaluation by its QR token (on the day), certificate verification.
- **Coordinator** of a course (``Course.coordinators``), editors and platform administrators:
  the registrations, attendance, every result of the course and its trainers, the follow-up.
- **Trainer** (``Trainer.user``): attendance of their sessions, their own results.
"""

from __future__ import annotations

from typing import Any, cast

import rules

from beoncosup.accounts.rules import is_editor, is_platform_admin, is_signed_in
from beoncosup.training.models import Course, Edition, Session, Trainer


def _course_of(target: Any) -> Course | None:
    if isinstance(target, Course):
        return target
    if isinstance(target, Edition):
        return cast(Course, target.course)
    if isinstance(target, Session) and target.edition is not None:
        return cast(Course, target.edition.course)
    return None


@rules.predicate
def is_coordinator_of(user: Any, target: Any) -> bool:
    course = _course_of(target)
    if course is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(course.coordinators.filter(pk=user.pk).exists())


@rules.predicate
def is_any_coordinator(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.coordinated_courses.exists())


@rules.predicate
def is_trainer_of(user: Any, target: Any) -> bool:
    """The user is the trainer ``target`` (a Trainer) or teaches the session ``target``."""
    if not getattr(user, "is_authenticated", False):
        return False
    if isinstance(target, Trainer):
        return bool(target.user_id == user.pk)
    if isinstance(target, Session):
        return bool(target.trainers.filter(user=user).exists())
    return False


@rules.predicate
def coordinates_trainer(user: Any, target: Any) -> bool:
    """The user coordinates a course the trainer ``target`` teaches."""
    if not isinstance(target, Trainer) or not getattr(user, "is_authenticated", False):
        return False
    return bool(target.courses.filter(coordinators=user).exists())


@rules.predicate
def is_any_trainer(user: Any) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and Trainer.objects.filter(user=user).exists()
    )


staff = is_editor | is_platform_admin

rules.add_perm("training.coordinate", is_signed_in & (is_any_coordinator | staff))
rules.add_perm("training.manage_course", is_signed_in & (is_coordinator_of | staff))
rules.add_perm(
    "training.take_attendance", is_signed_in & (is_trainer_of | is_coordinator_of | staff)
)
rules.add_perm(
    "training.view_trainer_results",
    is_signed_in & (is_trainer_of | coordinates_trainer | staff),
)
rules.add_perm("training.teach", is_signed_in & (is_any_trainer | is_any_coordinator | staff))
