"""Consultations' model rules: the dates, the status, the texts, and the admin's options."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from beoncosup.consultations.codes import ConsultationStatus, QuestionKind
from beoncosup.consultations.models import Consultation
from beoncosup.consultations.tests.factories import consultation_create, question_create
from beoncosup.consultations.wagtail_hooks import options_from_lines

pytestmark = pytest.mark.django_db


def test_consultation_must_close_after_it_opens() -> None:
    now = timezone.now()

    with pytest.raises(IntegrityError):
        consultation_create(opens_at=now, closes_at=now - dt.timedelta(hours=1), questions=False)


def test_consultation_status_follows_the_dates() -> None:
    now = timezone.now()
    consultation = consultation_create(
        opens_at=now, closes_at=now + dt.timedelta(days=2), questions=False
    )

    assert consultation.status_at(now - dt.timedelta(seconds=1)) == ConsultationStatus.UPCOMING
    assert consultation.status_at(now) == ConsultationStatus.OPEN
    assert consultation.status_at(now + dt.timedelta(days=2)) == ConsultationStatus.CLOSED


def test_consultation_title_is_required_in_one_language() -> None:
    consultation = Consultation(
        slug="no-title",
        title={},
        question={"en": "Why?"},
        opens_at=timezone.now(),
        closes_at=timezone.now() + dt.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as error:
        consultation.full_clean()

    assert "title" in error.value.message_dict


def test_consultation_text_refuses_an_unknown_language() -> None:
    consultation = consultation_create(questions=False)
    consultation.question = {"xx": "?"}

    with pytest.raises(ValidationError) as error:
        consultation.full_clean()

    assert "question" in error.value.message_dict


def test_scale_must_end_above_its_start() -> None:
    consultation = consultation_create(questions=False)

    with pytest.raises(IntegrityError):
        question_create(consultation, kind=QuestionKind.SCALE, scale_min=3, scale_max=3)


def test_options_from_lines_pairs_the_languages_line_by_line() -> None:
    options, problem = options_from_lines({"en": "Yes\nNo\n", "nl": "Ja\nNee"})

    assert problem == ""
    assert options == [
        {"value": "1", "label": {"en": "Yes", "nl": "Ja"}},
        {"value": "2", "label": {"en": "No", "nl": "Nee"}},
    ]


@pytest.mark.parametrize(
    "texts", [{"en": "Yes\nNo", "nl": "Ja"}, {"en": "Only one"}, {}, {"en": "\n".join("x" * 21)}]
)
def test_options_from_lines_refuses_uneven_too_few_or_too_many(texts) -> None:
    options, problem = options_from_lines(texts)

    assert options == []
    assert problem != ""
