"""The same-day evaluation: one anonymous answer per participant, on the session's day only.

An answer holds no identifier of the person: no account, no address, no time of day (only
the date), and no audit event (its time would tie the answer to a moment)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from beoncosup.situation.codes import Language
from beoncosup.training.codes import Profession
from beoncosup.training.models import Evaluation, Session, TrainerScore
from beoncosup.training.services.attendance import session_day

MAX_PRACTICE_CHANGE = 500
MAX_COMMENT = 2000


def evaluation_open(session: Session, today: dt.date) -> bool:
    """The form is open on the session's own day (Belgian date), unless it was cancelled."""
    return not session.cancelled and today == session_day(session)


def _score(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(_("Choose a score from 1 to 5."), code="score")
    return value


def _text(value: str, limit: int) -> str:
    value = value.strip()
    if "\x00" in value:
        raise ValidationError(_("The text contains a character that is not allowed."))
    if len(value) > limit:
        raise ValidationError(_("The text is too long."), code="too_long")
    return value


@transaction.atomic
def evaluation_submit(
    *,
    session: Session,
    language: str,
    relevance: int,
    trainer_scores: Mapping[int, tuple[int, int]],
    practice_change: str,
    comment: str,
    profession: str,
    today: dt.date,
) -> Evaluation:
    """Stores one answer: ``trainer_scores`` maps each trainer's id of the session to
    (clarity, didactics); every trainer of the session is scored.

    Raises ValidationError when the form is closed (not the session's day), a score is
    outside 1 to 5, a trainer is missing or not of this session, or a text is bad.
    Side effects: one Evaluation row and one TrainerScore row per trainer; nothing else."""
    if not evaluation_open(session, today):
        raise ValidationError(_("The evaluation is open on the day of the session only."))
    if language not in Language.values:
        raise ValidationError(_("Unknown language."))
    if profession and profession not in Profession.values:
        raise ValidationError(_("Unknown profession."))
    trainer_ids = set(session.trainers.values_list("pk", flat=True))
    if set(trainer_scores) != trainer_ids:
        raise ValidationError(_("Score every trainer of the session."), code="trainers")
    evaluation = Evaluation.objects.create(
        session=session,
        language=language,
        profession=profession,
        relevance=_score(relevance),
        practice_change=_text(practice_change, MAX_PRACTICE_CHANGE),
        comment=_text(comment, MAX_COMMENT),
        answered_on=today,
    )
    TrainerScore.objects.bulk_create(
        TrainerScore(
            evaluation=evaluation,
            trainer_id=trainer_id,
            clarity=_score(clarity),
            didactics=_score(didactics),
        )
        for trainer_id, (clarity, didactics) in sorted(trainer_scores.items())
    )
    return evaluation
