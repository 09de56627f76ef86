"""Sign-in rules shared by every login form (allauth's, which the admin uses too).

- ``SiteModelBackend``: Django's model backend, except that the development-only demo editor can
  never sign in, nor stay signed in, when production mode is on (even if a copied database
  still holds the account).
- ``client_ip``: the visitor's address as seen behind ``BEONCOSUP_PROXY_COUNT`` trusted reverse
  proxies, for login throttling (django-axes). Never logged with what people type.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from beoncosup.core.services import DEMO_EDITOR_USERNAME, DEMO_EMAIL_DOMAIN


def is_demo_account(user: Any) -> bool:
    """The development-only demo accounts (``make run``): the demo editor and every address at
    the demo domain."""
    email = str(getattr(user, "email", "") or "").lower()
    return user.get_username() == DEMO_EDITOR_USERNAME or email.endswith("@" + DEMO_EMAIL_DOMAIN)


class SiteModelBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        if settings.PRODUCTION and is_demo_account(user):
            return False
        return bool(super().user_can_authenticate(user))


class SiteAllauthBackend(AuthenticationBackend):
    """allauth's e-mail sign-in, with the same refusal of demo accounts in production."""

    def user_can_authenticate(self, user: Any) -> bool:
        if settings.PRODUCTION and is_demo_account(user):
            return False
        return bool(super().user_can_authenticate(user))


def login_identifier(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """What django-axes counts failures against: the e-mail (or username) tried, lowercased,
    whichever form sent it (allauth's ``login`` field, the credentials passed to authenticate)."""
    credentials = credentials or {}
    tried = credentials.get("email") or credentials.get("username") or ""
    if not tried and request is not None and request.method == "POST":
        tried = request.POST.get("login", "") or request.POST.get("username", "")
    return str(tried).strip().lower()[:255]


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR without a proxy, else the address the outermost of our
    trusted proxies saw (the n-th entry from the right of X-Forwarded-For). Entries further left
    are set by the client and could be forged, so they are never used."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies: int = settings.BEONCOSUP_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
