"""Encryption at rest (Fernet from ``cryptography``): TOTP secrets and recovery-code seeds, which
would let anyone who reads the database pass the second step, and the fields of referrals that
identify a person (``EncryptedTextField``).

The key comes from BEONCOSUP_FIELD_KEY (or _FILE) — a Fernet key — or, when unset, is derived
from the SECRET_KEY. Rotating: put the new key first in BEONCOSUP_FIELD_KEY, old keys after it,
separated by commas; values encrypted with any listed key still decrypt.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

MARK = "enc1:"


@cache
def _fernet() -> MultiFernet:
    keys = [k.strip() for k in (settings.BEONCOSUP_FIELD_KEY or "").split(",") if k.strip()]
    if not keys:
        digest = hashlib.sha256(b"beoncosup-field-key:" + settings.SECRET_KEY.encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(text: str) -> str:
    return MARK + _fernet().encrypt(text.encode()).decode()


def decrypt(value: str) -> str:
    """Decrypt a value written by ``encrypt``; a value from before encryption passes through."""
    if not value.startswith(MARK):
        return value
    try:
        return _fernet().decrypt(value[len(MARK) :].encode()).decode()
    except InvalidToken:
        raise ValueError("A secret could not be decrypted: check BEONCOSUP_FIELD_KEY.") from None


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text stored encrypted (``enc1:`` + Fernet token) and read back in clear. It cannot be
    searched or ordered by in the database: that is the point. An empty value is stored empty,
    so "not given" stays visible without a key."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(MARK):
            return decrypt(value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "" or str(value).startswith(MARK):
            return value
        return encrypt(str(value))


def reencrypt(value: str) -> str:
    """The value encrypted again with the first key (for key rotation)."""
    if not value.startswith(MARK):
        return value
    return MARK + _fernet().rotate(value[len(MARK) :].encode()).decode()
