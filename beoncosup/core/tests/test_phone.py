from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise

from beoncosup.core.phone import PhoneNumberField, is_e164, phone_display, phone_normalise


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("0470/12.34.56", "+32470123456"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+49 151 23456789", "+4915123456789"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_numbers_are_stored_in_e164(text, e164):
    assert phone_normalise(text) == e164


def test_a_number_without_country_code_is_read_in_the_region_given():
    assert phone_normalise("06 12 34 56 78", region="FR") == "+33612345678"


@pytest.mark.parametrize(
    "text", ["", "12", "0470 12 34", "hello", "+99 123 456 789", "0" * 41, "0470\x00123456"]
)
def test_an_invalid_number_is_refused_with_an_example(text):
    with pytest.raises(ValidationError) as error:
        phone_normalise(text)
    assert error.value.code == "invalid"
    assert "0470 12 34 56" in error.value.messages[0]


@pytest.mark.parametrize("text", ["09 264 12 34", "02 511 12 34", "0800 12345"])
def test_a_number_that_cannot_receive_texts_is_refused(text):
    with pytest.raises(ValidationError) as error:
        phone_normalise(text)
    assert error.value.code == "not_mobile"
    assert phone_normalise(text, mobile=False).startswith("+32")


def test_the_messages_are_translatable():
    with pytest.raises(ValidationError) as error:
        phone_normalise("12")
    assert isinstance(error.value.message, Promise)  # gettext_lazy: in the page's language


def test_display_uses_the_international_format():
    assert phone_display("+32470123456") == "+32 470 12 34 56"
    assert phone_display("+33612345678") == "+33 6 12 34 56 78"
    assert phone_display("not a number") == "not a number"


def test_is_e164():
    assert is_e164("+32470123456")
    assert not is_e164("0470123456")
    assert not is_e164("+32 470 12 34 56")
    assert not is_e164("+3247")


class ContactForm(forms.Form):
    phone = PhoneNumberField(label="Mobile number")
    other = PhoneNumberField(label="Other number", required=False, mobile=False)


def test_the_form_field_cleans_to_e164():
    form = ContactForm({"phone": "0470 12 34 56", "other": "09 264 12 34"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"phone": "+32470123456", "other": "+3292641234"}


def test_the_form_field_explains_what_is_wrong():
    form = ContactForm({"phone": "09 264 12 34", "other": "12"})

    with translation.override("en"):
        assert not form.is_valid()
        assert str(form.errors["phone"][0]).startswith("This number cannot receive text messages.")
        assert str(form.errors["other"][0]).startswith("Enter a phone number as you would dial it")
    with translation.override("nl"):
        assert str(ContactForm({"phone": "09 264 12 34"}).errors["phone"][0]).startswith(
            "Dit nummer kan geen sms'en ontvangen."
        )


def test_an_empty_optional_field_is_empty():
    form = ContactForm({"phone": "+32470123456", "other": ""})

    assert form.is_valid()
    assert form.cleaned_data["other"] == ""


def test_the_field_is_a_tel_input_with_a_hint():
    html = str(ContactForm()["phone"])

    assert 'type="tel"' in html
    assert 'autocomplete="tel"' in html
    assert "0470 12 34 56" in str(ContactForm.base_fields["phone"].help_text)
