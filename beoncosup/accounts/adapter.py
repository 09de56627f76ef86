"""allauth adapters: who may sign up and sign in, and where people go afterwards.

Demo accounts (``make run``) never sign in in production, whichever way they try (password or
passkey): allauth would otherwise sign in an active account whose backend refused it.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from beoncosup.accounts import crypto
from beoncosup.core.auth import is_demo_account


def _refused(user: Any) -> bool:
    return bool(settings.PRODUCTION and user is not None and is_demo_account(user))


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Anyone may create an account; it grants nothing until an organisation admits them.
        return bool(settings.BEONCOSUP_SIGNUP_OPEN)

    def authenticate(self, request: HttpRequest, **credentials: Any) -> Any:
        user = super().authenticate(request, **credentials)
        if _refused(user):
            self.authentication_failed(request, **credentials)
            return None
        return user

    def pre_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse | None:
        if _refused(user):
            return self.respond_user_inactive(request, user)  # type: ignore[no-any-return]
        return super().pre_login(request, user, **kwargs)  # type: ignore[no-any-return]


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are encrypted at rest (accounts.crypto)."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
