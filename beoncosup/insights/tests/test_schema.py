"""No signal table can hold free text or an identifier: every field is a short code, a day, a
small number or a flag (issue #16, "Done when")."""

from __future__ import annotations

import pytest
from django.db import models

from beoncosup.insights.models import (
    ReferralSignal,
    SearchSignal,
    SelfCheckSignal,
    SelfCheckSignalNeed,
)

SIGNALS = [SearchSignal, SelfCheckSignal, SelfCheckSignalNeed, ReferralSignal]
ALLOWED = (
    models.BigAutoField,
    models.DateField,
    models.BooleanField,
    models.PositiveSmallIntegerField,
    models.CharField,
    models.ForeignKey,
)
IDENTIFYING = (
    "name", "email", "phone", "postcode", "postal", "address", "street", "ip", "session",
    "token", "user", "person", "case", "text", "note", "comment", "query", "words", "birth",
    "service", "referral", "organisation", "key",
)  # fmt: skip


@pytest.mark.parametrize("model", SIGNALS, ids=lambda m: m.__name__)
def test_signal_fields_are_codes_days_numbers_or_flags(model):
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # the reverse side of SelfCheckSignalNeed.signal
        assert isinstance(field, ALLOWED), f"{model.__name__}.{field.name}: {type(field).__name__}"
        assert not isinstance(field, models.DateTimeField), "a time of day narrows a person down"
        if isinstance(field, models.CharField):
            assert field.max_length is not None and field.max_length <= 60, (
                f"{model.__name__}.{field.name} could hold text"
            )
        if isinstance(field, models.ForeignKey):
            assert field.related_model is SelfCheckSignal, "a signal points to no person or object"
        words = set(field.name.split("_"))
        assert not words & set(IDENTIFYING), f"{model.__name__}.{field.name}"


def test_the_areas_are_no_finer_than_an_arrondissement():
    for model in (SearchSignal, SelfCheckSignal, ReferralSignal):
        names = {field.name for field in model._meta.get_fields()}
        assert {"arrondissement", "province"} <= names
        assert model._meta.get_field("arrondissement").max_length == 5  # NIS code, 5 digits
