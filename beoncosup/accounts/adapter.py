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

from beoncosup.core import crypto
from beoncosup.core.auth import is_demo_account
from beoncosup.core.mail import mail_queue


def _refused(user: Any) -> bool:
    return bool(settings.PRODUCTION and user is not None and is_demo_account(user))


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Anyone may create an account; it grants nothing until an organisation admits them.
        return bool(settings.BEONCOSUP_SIGNUP_OPEN)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's mails (verification, reset, security notices) go through the same queue as
        ours: rendered now, in the request's language, sent by the worker after commit."""
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = str(content)
        body = str(message.body) if message.content_subtype == "plain" else ""
        if message.content_subtype == "html":
            html = str(message.body)
        mail_queue(
            subject=str(message.subject),
            body=body,
            to=list(message.to),
            from_email=str(message.from_email),
            html=html,
        )

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
    """TOTP secrets and recovery-code seeds are encrypted at rest (core.crypto)."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
