"""Helpers for tests of any app: accounts with a second factor, TOTP codes, roles."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.text import slugify

from beoncosup.accounts import services
from beoncosup.accounts.models import Organisation

PASSWORD = "correct horse battery staple 42"  # noqa: S105 (test accounts only)


def user_create(email: str, *, password: str = PASSWORD, **extra: Any) -> Any:
    """An active account with a verified e-mail address."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=password, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def mfa_enable(user: Any) -> str:
    """Give the account a TOTP authenticator; returns its secret (for ``totp_code``)."""
    secret = str(generate_totp_secret())
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, offset: int = 0) -> str:
    import time  # noqa: PLC0415

    counter = int(time.time()) // 30 + offset
    return str(format_hotp_value(hotp_value(secret, counter)))


def signed_in(client: Client, user: Any, *, mfa: bool = True) -> Client:
    """The client signed in as ``user`` (with a second factor set up, as every role needs)."""
    if mfa:
        from allauth.mfa.models import Authenticator  # noqa: PLC0415

        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            mfa_enable(user)
    client.force_login(user, backend="beoncosup.core.auth.SiteModelBackend")
    return client


def organisation_with(
    *,
    name: str = "AZ Voorbeeld",
    kind: str = "hospital",
    members: dict[str, list[str]] | None = None,
) -> Organisation:
    """An organisation and its members: {email: [roles]} (accounts created as needed)."""
    organisation = Organisation.objects.create(name=name, kind=kind, slug=slugify(name)[:70])
    for email, roles in (members or {}).items():
        user = get_user_model().objects.filter(email=email).first() or user_create(email)
        for role in roles:
            services.membership_add(organisation=organisation, user=user, role=role)
    return organisation
