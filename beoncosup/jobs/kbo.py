"""The Belgian enterprise number (KBO/BCE ondernemingsnummer / numéro d'entreprise): ten
digits, the first 0 or 1, the last two a mod-97 check of the first eight (97 minus the first
eight digits modulo 97). People write it as "0123.456.749", "BE 0123 456 749" or without the
leading zero (the older nine-digit VAT form); it is stored as ten digits."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID = _(
    "Enter the enterprise number of the Crossroads Bank for Enterprises (KBO/BCE): ten digits "
    "starting with 0 or 1, for example 0123.456.749."
)
CHECK_FAILED = _(
    "This enterprise number does not exist: check its digits (the last two are a check)."
)


def enterprise_number_normalise(text: str) -> str:
    """The number as ten digits; raises ValidationError (a translated message)."""
    cleaned = re.sub(r"[\s.\-/]", "", str(text or "")).upper()
    if cleaned.startswith("BE"):
        cleaned = cleaned[2:]
    if len(cleaned) == 9 and cleaned.isdigit():
        cleaned = "0" + cleaned
    if len(cleaned) != 10 or not cleaned.isdigit() or cleaned[0] not in "01":
        raise ValidationError(INVALID, code="invalid")
    if 97 - int(cleaned[:8]) % 97 != int(cleaned[8:]):
        raise ValidationError(CHECK_FAILED, code="check")
    return cleaned


def enterprise_number_display(number: str) -> str:
    """``0123456749`` as ``0123.456.749``."""
    if len(number) != 10:
        return number
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"
