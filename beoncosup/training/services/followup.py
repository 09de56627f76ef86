"""Trainer monitoring: the coordinator's alert threshold and the follow-up record ("taken into
account": what the evaluation showed and what changes for the next session)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.training.models import Course, FollowUp, Session, Trainer

MAX_TEXT = 2000


@transaction.atomic
def threshold_set(
    *, course: Course, threshold: Decimal, by: Any, request: HttpRequest | None = None
) -> Course:
    """Sets the score under which a trainer's session average raises a flag (1 to 5, one
    decimal). Side effects: the course saved; one audit event ``training.threshold_set``."""
    value = Decimal(threshold).quantize(Decimal("0.1"))
    if not Decimal(1) <= value <= Decimal(5):
        raise ValidationError(_("Choose a threshold from 1 to 5."))
    before = course.alert_threshold
    course.alert_threshold = value
    course.save(update_fields=["alert_threshold", "updated_at"])
    event_record(
        action="training.threshold_set",
        actor=by,
        target=course,
        request=request,
        detail={"from": str(before), "to": str(value)},
    )
    return course


def _text(value: str, missing: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(missing)
    if "\x00" in value:
        raise ValidationError(_("The text contains a character that is not allowed."))
    if len(value) > MAX_TEXT:
        raise ValidationError(_("The text is too long."))
    return value


@transaction.atomic
def follow_up_record(
    *,
    course: Course,
    finding: str,
    action: str,
    session: Session | None = None,
    trainer: Trainer | None = None,
    by: Any,
    request: HttpRequest | None,
) -> FollowUp:
    """Records what the evaluation showed and what changes, for the course's history.
    ``session`` must be one of the course's, ``trainer`` one of its trainers (or of its
    sessions).

    Side effects: one FollowUp row; one audit event ``training.follow_up_recorded``."""
    if session is not None and (session.edition is None or session.edition.course_id != course.pk):
        raise ValidationError(_("This session is not one of the course's."))
    if trainer is not None and not (
        course.trainers.filter(pk=trainer.pk).exists()
        or trainer.sessions.filter(edition__course=course).exists()
    ):
        raise ValidationError(_("This trainer does not teach this course."))
    follow_up = FollowUp.objects.create(
        course=course,
        session=session,
        trainer=trainer,
        finding=_text(finding, _("Write what the evaluation showed.")),
        action=_text(action, _("Write what changes for the next session.")),
        recorded_by=by,
    )
    event_record(
        action="training.follow_up_recorded",
        actor=by,
        target=course,
        request=request,
        detail={
            "follow_up": follow_up.pk,
            "session": session.pk if session else None,
            "trainer": trainer.pk if trainer else None,
        },
    )
    return follow_up
