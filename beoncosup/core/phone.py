"""Phone numbers as people type them, stored in E.164 (``+32470123456``) and shown in the
international format. Belgian numbers may be typed without the country code."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberFormat, PhoneNumberType

MAX_LENGTH = 40  # generous for spaces, dots and brackets
E164 = re.compile(r"\+[1-9]\d{6,14}")

# Numbers that can be told not to receive text messages.
NOT_MOBILE = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
        PhoneNumberType.PAGER,
    }
)

PHONE_HINT = _("For example 0470 12 34 56, or +33 6 12 34 56 78 for a number abroad.")
INVALID = _(
    "Enter a phone number as you would dial it, for example 0470 12 34 56, or with the "
    "country code, for example +33 6 12 34 56 78."
)
NOT_A_MOBILE = _(
    "This number cannot receive text messages. Enter a mobile number, for example 0470 12 34 56."
)


def phone_normalise(text: str, *, region: str = "BE", mobile: bool = True) -> str:
    """The number in E.164. ``region`` is the country of a number typed without ``+`` or
    ``00``. Raises ``ValidationError`` (a translated message, never quoting the number) for a
    number that is not valid and, with ``mobile``, for one that cannot receive text messages
    (a landline, a free or premium number) where the number's plan tells."""
    text = str(text).strip()
    if not text or len(text) > MAX_LENGTH or "\x00" in text:
        raise ValidationError(INVALID, code="invalid")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID, code="invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID, code="invalid")
    if mobile and phonenumbers.number_type(number) in NOT_MOBILE:
        raise ValidationError(NOT_A_MOBILE, code="not_mobile")
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def is_e164(value: str) -> bool:
    """Whether ``value`` is a valid number written in E.164."""
    if not isinstance(value, str) or not E164.fullmatch(value):
        return False
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def phone_display(e164: str) -> str:
    """``+32470123456`` as ``+32 470 12 34 56``; anything unparsable comes back as given."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))


class TelInput(forms.TextInput):
    input_type = "tel"


class PhoneNumberField(forms.CharField):
    """A phone number field that cleans to E.164 ("" when left empty and not required).
    ``mobile`` (default true) refuses numbers that cannot receive text messages."""

    widget = TelInput
    default_error_messages = {"invalid": INVALID, "not_mobile": NOT_A_MOBILE}

    def __init__(self, *, region: str = "BE", mobile: bool = True, **kwargs: Any) -> None:
        self.region = region
        self.mobile = mobile
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault("help_text", PHONE_HINT)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.setdefault("autocomplete", "tel")
        return attrs

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value))
        if text in self.empty_values:
            return ""
        try:
            return phone_normalise(text, region=self.region, mobile=self.mobile)
        except ValidationError as error:
            code = error.code or "invalid"
            raise ValidationError(self.error_messages[code], code=code) from None
