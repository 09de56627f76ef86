"""No answer row can identify a person, or lead to one (issue #18: "no answer row holds an
identifier"): the fields of Response and Answer are exactly these, with no link to an account,
a contact or anything else, no time finer than a day, and random keys."""

from __future__ import annotations

import pytest
from django.db import models

from beoncosup.consultations.models import Answer, Contact, Response

pytestmark = pytest.mark.django_db

RESPONSE_FIELDS = {
    "id",
    "consultation",
    "submitted_on",
    "audience",
    "region",
    "age_band",
    "open_text",
    "is_demo",
    "answers",
}
ANSWER_FIELDS = {"id", "response", "question", "choices", "scale", "text"}
IDENTIFYING_WORDS = (
    "user",
    "email",
    "mail",
    "ip",
    "session",
    "token",
    "name",
    "phone",
    "address",
    "contact",
    "cookie",
    "agent",
    "device",
    "created_at",
)


def names(model: type[models.Model]) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


@pytest.mark.parametrize(
    ("model", "expected"), [(Response, RESPONSE_FIELDS), (Answer, ANSWER_FIELDS)]
)
def test_answer_tables_hold_exactly_the_listed_fields(model, expected) -> None:
    assert names(model) == expected


@pytest.mark.parametrize("model", [Response, Answer])
def test_answer_tables_relate_only_to_the_consultation_and_each_other(model) -> None:
    related = {
        field.related_model._meta.label
        for field in model._meta.get_fields()
        if field.is_relation and field.related_model is not None
    }

    assert related <= {
        "consultations.Consultation",
        "consultations.Question",
        "consultations.Response",
        "consultations.Answer",
    }


@pytest.mark.parametrize("model", [Response, Answer])
def test_answer_tables_have_no_identifying_field_name(model) -> None:
    found = [
        name
        for name in names(model)
        for word in IDENTIFYING_WORDS
        if word == name or name.startswith(f"{word}_") or name.endswith(f"_{word}")
    ]

    assert found == []


@pytest.mark.parametrize("model", [Response, Answer])
def test_answer_tables_keep_no_time_finer_than_a_day_and_no_ordered_key(model) -> None:
    timed = [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)]

    assert timed == []
    assert isinstance(model._meta.pk, models.UUIDField)


def test_contacts_point_to_no_response_and_no_response_points_to_them() -> None:
    contact_links = {
        f.related_model._meta.label  # type: ignore[union-attr]
        for f in Contact._meta.get_fields()
        if f.is_relation
    }

    assert contact_links == {"consultations.Consultation"}
    for model in (Response, Answer):
        assert Contact not in {f.related_model for f in model._meta.get_fields() if f.is_relation}
