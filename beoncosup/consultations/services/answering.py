"""Answering a consultation: anyone, without an account, while it is open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.consultations.codes import AUDIENCE_CODES, ConsultationStatus, QuestionKind
from beoncosup.consultations.models import TEXT_MAX, Answer, Consultation, Question, Response
from beoncosup.consultations.services.contacts import contact_add
from beoncosup.situation.codes import AgeBand, Language, Region

# One question's answer as the form cleans it: an option value (choice), option values
# (multiple), a number (scale), text (text); None or empty when not answered.
AnswerValue = str | list[str] | int | None


@dataclass(frozen=True)
class Submission:
    answers: Mapping[int, AnswerValue]
    audience: str = ""
    region: str = ""
    age_band: str = ""
    open_text: str = ""
    email: str = ""
    language: str = "nl"


class ConsultationNotOpenError(ValidationError):
    """The consultation does not take answers now (not open yet, or closed)."""


def not_open_message(consultation: Consultation, *, now: dt.datetime | None = None) -> str:
    if consultation.status_at(now or timezone.now()) == ConsultationStatus.UPCOMING:
        return _("This consultation is not open yet: it takes answers from %(date)s.") % {
            "date": timezone.localtime(consultation.opens_at).strftime("%d/%m/%Y %H:%M")
        }
    return _("This consultation is closed: it no longer takes answers.")


def _text_clean(value: object, *, label: str) -> str:
    text = str(value or "").strip()
    if "\x00" in text:
        raise ValidationError(
            _("%(label)s contains a character that is not allowed.") % {"label": label}
        )
    if len(text) > TEXT_MAX:
        raise ValidationError(
            _("%(label)s is too long: at most %(max)d characters.")
            % {"label": label, "max": TEXT_MAX}
        )
    return text


def _answer_build(question: Question, value: AnswerValue) -> Answer | None:
    """The answer to store, None when there is none; ValidationError when it is not valid."""
    if question.kind == QuestionKind.TEXT:
        text = _text_clean(value, label=_("Your answer"))
        return Answer(question=question, text=text) if text else None
    if question.kind == QuestionKind.SCALE:
        if value in (None, ""):
            return None
        try:
            number = int(str(value))
        except ValueError:
            raise ValidationError(_("Choose a value on the scale.")) from None
        if number not in question.scale_values:
            raise ValidationError(_("Choose a value on the scale."))
        return Answer(question=question, scale=number)
    chosen = (
        [value] if isinstance(value, str) else list(value or []) if isinstance(value, list) else []
    )
    chosen = [str(item) for item in chosen if item not in (None, "")]
    if not chosen:
        return None
    allowed = question.option_values
    if any(item not in allowed for item in chosen) or len(set(chosen)) != len(chosen):
        raise ValidationError(_("Choose among the options given."))
    if question.kind == QuestionKind.CHOICE and len(chosen) > 1:
        raise ValidationError(_("Choose one option."))
    return Answer(question=question, choices=[item for item in allowed if item in chosen])


def _profile_check(submission: Submission) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, allowed in (
        ("audience", AUDIENCE_CODES),
        ("region", Region.values),
        ("age_band", AgeBand.values),
    ):
        value = getattr(submission, name)
        if value and value not in allowed:
            errors[name] = [_("Choose among the options given.")]
    if submission.email.strip():
        try:
            validate_email(submission.email.strip())
        except ValidationError:
            errors["email"] = [_("Enter a valid e-mail address, like name@example.be.")]
    if submission.language not in Language.values:
        errors["language"] = [_("Choose among the options given.")]
    return errors


@transaction.atomic
def response_submit(
    *,
    consultation: Consultation,
    submission: Submission,
    now: dt.datetime | None = None,
) -> Response:
    """Store one anonymous response with its answers, and (apart, unlinked) the e-mail address
    if one was given.

    Raises ConsultationNotOpenError when the consultation does not take answers now, and
    ValidationError (``error_dict`` keyed ``q_<question id>``, ``audience``, ``region``,
    ``age_band``, ``open_text``) when an answer is missing or not valid; nothing is stored then.

    Side effects: one ``Response`` with its ``Answer`` rows, dated by the day only; one
    ``Contact`` when an e-mail address was given (services.contacts.contact_add). No audit
    event, no log line: either would put a time and perhaps an address beside the answer."""
    now = now or timezone.now()
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if locked.status_at(now) != ConsultationStatus.OPEN:
        raise ConsultationNotOpenError(not_open_message(locked, now=now))
    errors = _profile_check(submission)
    answers: list[Answer] = []
    for question in locked.questions.all():
        key = f"q_{question.pk}"
        try:
            answer = _answer_build(question, submission.answers.get(question.pk))
        except ValidationError as error:
            errors[key] = list(error.messages)
            continue
        if answer is None:
            if question.required:
                errors[key] = [_("This question needs an answer.")]
            continue
        answers.append(answer)
    open_text = ""
    if locked.has_open_answer:
        try:
            open_text = _text_clean(submission.open_text, label=_("Your answer"))
        except ValidationError as error:
            errors["open_text"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    response = Response.objects.create(
        consultation=locked,
        submitted_on=timezone.localdate(now),
        audience=submission.audience,
        region=submission.region,
        age_band=submission.age_band,
        open_text=open_text,
    )
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    if submission.email.strip():
        contact_add(consultation=locked, email=submission.email, language=submission.language)
    return response
