"""Editors make consultations in the Wagtail admin: texts, who is asked, the questions with
their options one per line in each language."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.consultations.models import Consultation
from beoncosup.consultations.tests.factories import (
    consultation_create,
    editor_create,
    response_create,
)

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/consultations/consultation/add/"
LANGS = ("nl", "fr", "de", "en")


@pytest.fixture
def editor(client: Client) -> Client:
    user = editor_create()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    signed_in(client, user)
    return client


def i18n(name: str, **texts: str) -> dict[str, str]:
    return {f"{name}_{lang}": texts.get(lang, "") for lang in LANGS}


def question_row(kind: str, **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "kind": kind,
        "required": "on",
        **i18n("text", en="Do you get help?", nl="Krijg je hulp?"),
        **i18n("options_text", en="Yes\nNo", nl="Ja\nNee"),
        "scale_min": "1",
        "scale_max": "5",
        **i18n("scale_min_label"),
        **i18n("scale_max_label"),
    }
    row.update(changes)
    return row


def consultation_form(rows: list[dict[str, Any]], *, initial: int = 0, **changes: Any) -> Any:
    now = timezone.localtime()
    data: dict[str, Any] = {
        **i18n("title", en="Help at home"),
        "slug": "help-at-home",
        **i18n("question", en="What help do you need?"),
        **i18n("context"),
        "opens_at": now.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (now + dt.timedelta(days=10)).strftime("%Y-%m-%d %H:%M"),
        "audiences": ("patient", "relative"),
        "domain": "",
        "needs": (),
        **i18n("open_answer_prompt"),
        "questions": inline_formset(rows, initial=initial),
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_creates_a_consultation_with_questions(editor: Client) -> None:
    rows = [question_row("choice"), question_row("scale", **i18n("options_text"))]

    response = editor.post(ADD, consultation_form(rows))

    assert response.status_code == 302, response.content.decode()[:3000]
    consultation = Consultation.objects.get(slug="help-at-home")
    assert consultation.audiences == ["patient", "relative"]
    choice, scale = consultation.questions.all()
    assert choice.options == [
        {"value": "1", "label": {"nl": "Ja", "en": "Yes"}},
        {"value": "2", "label": {"nl": "Nee", "en": "No"}},
    ]
    assert scale.options == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"options_text_nl": "Ja"}, "same number of options"),
        ({"options_text_en": "", "options_text_nl": ""}, "at least two options"),
        ({"kind": "scale", "scale_min": "4", "scale_max": "2"}, "end above where it starts"),
    ],
)
def test_question_problems_are_shown(editor: Client, changes: dict[str, str], message: str) -> None:
    response = editor.post(ADD, consultation_form([{**question_row("choice"), **changes}]))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Consultation.objects.exists()


def test_dates_in_the_wrong_order_are_refused(editor: Client) -> None:
    now = timezone.localtime()
    form = consultation_form(
        [question_row("choice")], closes_at=(now - dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    )

    response = editor.post(ADD, form)

    assert response.status_code == 200
    assert "must close after it opens" in response.content.decode()


def test_answered_question_keeps_its_number_of_options(editor: Client) -> None:
    consultation = consultation_create(slug="answered", questions=True)
    response_create(consultation)
    questions = list(consultation.questions.all())
    rows = []
    for question in questions:
        rows.append(
            {
                "id": str(question.pk),
                "kind": question.kind,
                "required": "on" if question.required else "",
                **i18n("text", **question.text),
                **i18n(
                    "options_text",
                    en="\n".join(o["label"]["en"] for o in question.options),
                ),
                "scale_min": str(question.scale_min),
                "scale_max": str(question.scale_max),
                **i18n("scale_min_label"),
                **i18n("scale_max_label"),
            }
        )
    rows[0]["options_text_en"] = "Yes\nNo"  # was three options
    form = consultation_form(rows, initial=len(rows), slug="answered")

    response = editor.post(
        f"/admin/snippets/consultations/consultation/edit/{consultation.pk}/", form
    )

    assert response.status_code == 200
    assert "keep 3 options" in response.content.decode()


def test_someone_without_a_role_cannot_open_the_admin(client: Client) -> None:
    signed_in(client, user_create("nurse@example.org"))

    assert client.get(ADD).status_code in {302, 403}
