"""Test data for consultations: plain functions, no surprises."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import user_create
from beoncosup.consultations.codes import QuestionKind
from beoncosup.consultations.models import Answer, Consultation, Question, Response

_numbers = itertools.count(1)

OPTIONS = [
    {"value": "1", "label": {"en": "Yes", "nl": "Ja", "fr": "Oui", "de": "Ja"}},
    {"value": "2", "label": {"en": "No", "nl": "Nee", "fr": "Non", "de": "Nein"}},
    {
        "value": "3",
        "label": {"en": "Not sure", "nl": "Weet niet", "fr": "Je ne sais pas", "de": "Weiß nicht"},
    },
]


def consultation_create(
    *, slug: str = "", questions: bool = True, open_answer: bool = True, **fields: Any
) -> Consultation:
    """A consultation open now (unless dates are given) with a required choice question, an
    optional scale, an optional multiple-choice and an optional short text."""
    now = timezone.now()
    values: dict[str, Any] = {
        "slug": slug or f"consultation-{next(_numbers)}",
        "title": {
            "en": "Support at home",
            "nl": "Steun thuis",
            "fr": "Soutien à domicile",
            "de": "Unterstützung zu Hause",
        },
        "question": {
            "en": "What support do you need at home?",
            "nl": "Welke steun heb je thuis nodig?",
            "fr": "De quel soutien avez-vous besoin à domicile ?",
            "de": "Welche Unterstützung brauchen Sie zu Hause?",
        },
        "audiences": ["patient", "relative"],
        "opens_at": now - dt.timedelta(days=1),
        "closes_at": now + dt.timedelta(days=10),
        "open_answer_prompt": {
            "en": "Anything else?",
            "nl": "Nog iets?",
            "fr": "Autre chose ?",
            "de": "Noch etwas?",
        }
        if open_answer
        else {},
    }
    values.update(fields)
    consultation: Consultation = Consultation.objects.create(**values)
    if questions:
        question_create(
            consultation,
            kind=QuestionKind.CHOICE,
            required=True,
            order=1,
            text={
                "en": "Do you get enough help?",
                "nl": "Krijg je genoeg hulp?",
                "fr": "Recevez-vous assez d'aide ?",
                "de": "Bekommen Sie genug Hilfe?",
            },
        )
        question_create(
            consultation,
            kind=QuestionKind.SCALE,
            order=2,
            text={
                "en": "How satisfied are you?",
                "nl": "Hoe tevreden ben je?",
                "fr": "Êtes-vous satisfait ?",
                "de": "Wie zufrieden sind Sie?",
            },
        )
        question_create(
            consultation,
            kind=QuestionKind.MULTIPLE,
            order=3,
            text={
                "en": "What do you use?",
                "nl": "Wat gebruik je?",
                "fr": "Qu'utilisez-vous ?",
                "de": "Was nutzen Sie?",
            },
        )
        question_create(
            consultation,
            kind=QuestionKind.TEXT,
            order=4,
            text={"en": "One tip?", "nl": "Eén tip?", "fr": "Un conseil ?", "de": "Ein Tipp?"},
        )
    return consultation


def question_create(
    consultation: Consultation, *, kind: str, order: int = 0, **fields: Any
) -> Question:
    values: dict[str, Any] = {"text": {"en": f"Question {order}"}, "required": False}
    if kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE):
        values["options"] = OPTIONS
    if kind == QuestionKind.SCALE:
        values.update(
            scale_min=1,
            scale_max=5,
            scale_min_label={"en": "not at all"},
            scale_max_label={"en": "very"},
        )
    values.update(fields)
    return Question.objects.create(consultation=consultation, kind=kind, sort_order=order, **values)


def response_create(
    consultation: Consultation,
    *,
    choice: str = "1",
    scale: int | None = 4,
    multiple: tuple[str, ...] = (),
    text: str = "",
    open_text: str = "",
    audience: str = "patient",
    region: str = "BE-VLG",
    age_band: str = "40-64",
) -> Response:
    """One response straight in the database (the answering service has its own tests)."""
    response = Response.objects.create(
        consultation=consultation,
        submitted_on=timezone.localdate(),
        audience=audience,
        region=region,
        age_band=age_band,
        open_text=open_text,
    )
    for question in consultation.questions.all():
        if question.kind == QuestionKind.CHOICE and choice:
            Answer.objects.create(response=response, question=question, choices=[choice])
        elif question.kind == QuestionKind.SCALE and scale is not None:
            Answer.objects.create(response=response, question=question, scale=scale)
        elif question.kind == QuestionKind.MULTIPLE and multiple:
            Answer.objects.create(response=response, question=question, choices=list(multiple))
        elif question.kind == QuestionKind.TEXT and text:
            Answer.objects.create(response=response, question=question, text=text)
    return response


def responses_create(consultation: Consultation, *, count: int, **fields: Any) -> list[Response]:
    return [response_create(consultation, **fields) for _ in range(count)]


def editor_create(email: str = "editor@example.org") -> Any:
    """An account with the editor platform role (granted by an admin)."""
    admin = user_create(f"admin-{next(_numbers)}@example.org")
    user = user_create(email)
    role_grant(user=user, role="editor", granted_by=admin)
    return get_user_model().objects.get(pk=user.pk)
