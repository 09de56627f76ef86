"""Answering without an account: valid, invalid, closed, not yet open, NUL characters, too
long; the e-mail address goes to its own table."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.audit.models import AuditEvent
from beoncosup.consultations.models import TEXT_MAX, Answer, Consultation, Contact, Response
from beoncosup.consultations.services.answering import (
    ConsultationNotOpenError,
    Submission,
    response_submit,
)
from beoncosup.consultations.tests.factories import consultation_create

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"consultations:{name}", kwargs=kwargs or None)


def fields(consultation: Consultation, **extra: Any) -> dict[str, Any]:
    choice, scale, multiple, text = consultation.questions.all()
    data: dict[str, Any] = {
        f"q_{choice.pk}": "2",
        f"q_{scale.pk}": "4",
        f"q_{multiple.pk}": ["1", "3"],
        f"q_{text.pk}": "More evening hours",
        "open_text": "Thanks for asking",
        "audience": "relative",
        "region": "BE-WAL",
        "age_band": "65+",
        "email": "",
    }
    data.update(extra)
    return data


def test_detail_shows_the_form_with_required_and_optional_marks(client) -> None:
    consultation = consultation_create()

    page = client.get(url("detail", slug=consultation.slug)).content.decode()

    assert page.count("(required)") == 1
    assert "About you (optional)" in page
    assert "stored apart from your answers" in page


def test_valid_answer_is_stored_without_identifiers_and_thanks(client) -> None:
    consultation = consultation_create()

    response = client.post(url("detail", slug=consultation.slug), fields(consultation))

    assert response.status_code == 302
    assert response["Location"] == url("thanks", slug=consultation.slug)
    stored = Response.objects.get()
    assert (stored.audience, stored.region, stored.age_band) == ("relative", "BE-WAL", "65+")
    assert stored.submitted_on == timezone.localdate()
    assert stored.open_text == "Thanks for asking"
    assert sorted((a.question.kind, a.choices, a.scale, a.text) for a in stored.answers.all()) == [
        ("choice", ["2"], None, ""),
        ("multiple", ["1", "3"], None, ""),
        ("scale", [], 4, ""),
        ("text", [], None, "More evening hours"),
    ]
    assert Contact.objects.count() == 0
    assert AuditEvent.objects.filter(target_type__startswith="consultations").count() == 0


def test_profile_questions_are_optional(client) -> None:
    consultation = consultation_create()
    choice = consultation.questions.first()
    assert choice is not None

    response = client.post(url("detail", slug=consultation.slug), {f"q_{choice.pk}": "1"})

    assert response.status_code == 302
    stored = Response.objects.get()
    assert (stored.audience, stored.region, stored.age_band, stored.open_text) == ("", "", "", "")


def test_missing_required_answer_shows_the_form_again_and_stores_nothing(client) -> None:
    consultation = consultation_create()
    choice = consultation.questions.first()
    assert choice is not None

    response = client.post(
        url("detail", slug=consultation.slug), fields(consultation, **{f"q_{choice.pk}": ""})
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert Response.objects.count() == 0


@pytest.mark.parametrize(("index", "value"), [(0, "9"), (1, "6"), (1, "x"), (2, ["1", "7"])])
def test_invalid_answer_is_refused(client, index: int, value: Any) -> None:
    consultation = consultation_create()
    question = list(consultation.questions.all())[index]

    response = client.post(
        url("detail", slug=consultation.slug), fields(consultation, **{f"q_{question.pk}": value})
    )

    assert response.status_code == 400
    assert Response.objects.count() == 0


def test_invalid_profile_code_is_refused(client) -> None:
    consultation = consultation_create()

    response = client.post(
        url("detail", slug=consultation.slug), fields(consultation, region="BE-XX")
    )

    assert response.status_code == 400
    assert Response.objects.count() == 0


def test_too_long_text_is_refused(client) -> None:
    consultation = consultation_create()
    text = list(consultation.questions.all())[3]

    response = client.post(
        url("detail", slug=consultation.slug),
        fields(consultation, **{f"q_{text.pk}": "a" * (TEXT_MAX + 1)}),
    )

    assert response.status_code == 400
    assert f"at most {TEXT_MAX} characters" in response.content.decode()
    assert Response.objects.count() == 0


@pytest.mark.parametrize("field", ["text", "open_text", "email"])
def test_nul_character_is_refused_without_a_500(client, field: str) -> None:
    consultation = consultation_create()
    text = list(consultation.questions.all())[3]
    name = f"q_{text.pk}" if field == "text" else field

    response = client.post(
        url("detail", slug=consultation.slug), fields(consultation, **{name: "bad\x00text"})
    )

    assert response.status_code == 400
    assert Response.objects.count() == 0


def test_service_refuses_nul_and_long_text_itself() -> None:
    consultation = consultation_create()
    choice, _scale, _multiple, text = consultation.questions.all()

    for value in ("bad\x00", "a" * (TEXT_MAX + 1)):
        with pytest.raises(ValidationError) as error:
            response_submit(
                consultation=consultation,
                submission=Submission(answers={choice.pk: "1", text.pk: value}),
            )
        assert list(error.value.message_dict) == [f"q_{text.pk}"]
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (-10, -1, "This consultation is closed"),
        (2, 10, "This consultation is not open yet"),
    ],
)
def test_closed_or_upcoming_consultation_refuses_answers_clearly(
    client, opens: int, closes: int, message: str
) -> None:
    now = timezone.now()
    consultation = consultation_create(
        opens_at=now + dt.timedelta(days=opens), closes_at=now + dt.timedelta(days=closes)
    )

    shown = client.get(url("detail", slug=consultation.slug))
    posted = client.post(url("detail", slug=consultation.slug), fields(consultation))

    assert shown.status_code == 200
    assert message in shown.content.decode()
    assert "<form" not in shown.content.decode().split("main-content")[1].split("</main>")[0]
    assert posted.status_code == 400
    assert message in posted.content.decode()
    assert Response.objects.count() == 0


def test_service_refuses_two_options_for_a_single_choice() -> None:
    consultation = consultation_create()
    choice = consultation.questions.first()
    assert choice is not None

    with pytest.raises(ValidationError) as error:
        response_submit(
            consultation=consultation, submission=Submission(answers={choice.pk: ["1", "2"]})
        )

    assert error.value.message_dict == {f"q_{choice.pk}": ["Choose one option."]}
    assert Response.objects.count() == 0


def test_service_refuses_a_closed_consultation() -> None:
    consultation = consultation_create()
    choice = consultation.questions.first()
    assert choice is not None

    with pytest.raises(ConsultationNotOpenError):
        response_submit(
            consultation=consultation,
            submission=Submission(answers={choice.pk: "1"}),
            now=consultation.closes_at,
        )


def test_email_is_kept_apart_encrypted_and_once(client) -> None:
    consultation = consultation_create()

    for _ in range(2):
        client.post(
            url("detail", "fr", slug=consultation.slug),
            fields(consultation, email="Someone@Example.org "),
        )

    assert Response.objects.count() == 2
    contact = Contact.objects.get()
    assert contact.email == "Someone@Example.org"
    assert contact.language == "fr"
    assert contact.created_on == timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM consultations_contact WHERE id = %s", [contact.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("enc1:")
    assert "Someone" not in stored


def test_invalid_email_is_refused(client) -> None:
    consultation = consultation_create()

    response = client.post(
        url("detail", slug=consultation.slug), fields(consultation, email="not-an-address")
    )

    assert response.status_code == 400
    assert Response.objects.count() == 0
    assert Contact.objects.count() == 0


def test_thanks_page(client) -> None:
    consultation = consultation_create()

    page = client.get(url("thanks", slug=consultation.slug))

    assert page.status_code == 200
    assert "Thank you for your answers" in page.content.decode()


def test_unknown_consultation_is_404(client) -> None:
    assert client.get(url("detail", slug="nope")).status_code == 404
    assert Answer.objects.count() == 0
