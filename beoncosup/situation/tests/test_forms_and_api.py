"""The shared questions as a form and as an API schema: same parsing, same messages."""

from __future__ import annotations

from typing import ClassVar

import pytest
from django import forms
from django.utils import translation
from pydantic import ValidationError

from beoncosup.geo.tests.factories import make_geo
from beoncosup.situation.api import SituationQuery
from beoncosup.situation.codes import Audience, subset
from beoncosup.situation.forms import SituationForm
from beoncosup.situation.values import Situation


class JourneyForm(SituationForm):
    situation_fields = ("postcode", "audience", "status")
    situation_labels: ClassVar = {"audience": "Who are you?"}
    situation_choices: ClassVar = {
        "audience": subset(Audience, (Audience.PATIENT, Audience.EMPLOYER))
    }
    situation_required = ("audience",)

    note = forms.CharField(required=False)


@pytest.fixture
def geo(db):
    make_geo()


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_form_asks_only_its_questions_in_order_then_its_own():
    form = JourneyForm()

    assert list(form.fields) == ["postcode", "audience", "status", "note"]
    assert form.fields["audience"].label == "Who are you?"
    audience = form.fields["audience"]
    assert isinstance(audience, forms.ChoiceField)
    assert [code for code, _label in audience.choices] == ["patient", "employer"]  # type: ignore[misc,union-attr]
    assert form.fields["audience"].required
    assert not form.fields["postcode"].required


def test_valid_form_gives_the_situation_with_its_place(geo):
    form = JourneyForm({"postcode": "Gent", "audience": "employer", "status": "employee"})

    assert form.is_valid(), form.errors
    assert form.situation() == Situation(postcode="9000", audience="employer", status="employee")
    assert form.situation().place is not None
    assert form.cleaned_data["postcode"] == "9000"


def test_form_errors_are_the_kernels_messages(geo):
    form = JourneyForm({"postcode": "9999", "audience": "relative", "status": "boss"})

    assert not form.is_valid()
    assert form.errors["postcode"] == ["9999 is not a Belgian postcode. Check the number."]
    assert form.errors["audience"] == ["This answer is not one of the choices here."]
    assert form.errors["status"] == ["Choose a work status from the list."]


def test_required_question_missing(geo):
    form = JourneyForm({"postcode": "9000"})

    assert not form.is_valid()
    assert list(form.errors) == ["audience"]


def test_api_schema_gives_the_same_situation(geo):
    query = SituationQuery.model_validate(
        {"postcode": "9000", "languages": "fr,nl,fr", "audience": "relative", "age": 30}
    )

    assert query.situation() == Situation(
        postcode="9000", languages=("fr", "nl"), audience="relative", age=30
    )
    assert query.languages == "fr,nl"


def test_api_schema_refuses_unknown_postcode_with_the_kernels_message(geo):
    with pytest.raises(ValidationError) as caught:
        SituationQuery.model_validate({"postcode": "9999"})

    assert caught.value.errors()[0]["msg"] == "9999 is not a Belgian postcode. Check the number."
    assert caught.value.errors()[0]["loc"] == ("postcode",)


def test_api_schema_lists_the_kernels_codes():
    schema = SituationQuery.model_json_schema()

    assert schema["$defs"]["Audience"]["enum"] == [
        "patient",
        "relative",
        "child",
        "professional",
        "employer",
    ]
    assert "contractual_public" in schema["$defs"]["EmploymentStatus"]["enum"]
