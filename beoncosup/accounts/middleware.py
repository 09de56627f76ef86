"""Session rules for signed-in people.

- ``SessionGuardMiddleware``: signs a person out after BEONCOSUP_SESSION_IDLE_MINUTES without a
  request, and when their account was signed out everywhere (``AccountSecurity.session_epoch``).
- ``RequireMFAMiddleware``: a person whose role can see personal or unpublished data and who
  has no second factor yet is sent to set one up before anything else.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from beoncosup.accounts.rules import needs_mfa
from beoncosup.accounts.services import session_epoch

LAST_SEEN_KEY = "_beoncosup_last_seen"
EPOCH_KEY = "_beoncosup_epoch"


class SessionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            idle = settings.BEONCOSUP_SESSION_IDLE_MINUTES * 60
            last_seen = request.session.get(LAST_SEEN_KEY)
            epoch = session_epoch(user)
            stale = isinstance(last_seen, int) and now - last_seen > idle
            if stale or request.session.get(EPOCH_KEY, epoch) != epoch:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": settings.BEONCOSUP_SESSION_IDLE_MINUTES}
                    if stale
                    else _("You were signed out on this device."),
                )
            else:
                request.session[EPOCH_KEY] = epoch
                # Written at most once a minute, so sessions are not saved on every request.
                if not isinstance(last_seen, int) or now - last_seen >= 60:
                    request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def _has_second_factor(user: object) -> bool:
    from allauth.mfa.models import Authenticator  # noqa: PLC0415 (allauth's app registry)

    return bool(
        Authenticator.objects.filter(
            user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        ).exists()
    )


def _count_fresh_sign_in_as_reauthentication(request: HttpRequest) -> None:
    """allauth asks for the password again before a second factor is added. Someone sent here
    straight after typing it is not asked twice: a password sign-in of the last few minutes
    counts (allauth's own reauthentication window applies)."""
    records = request.session.get("account_authentication_methods") or []
    fresh = bool(records) and (
        time.time() - float(records[-1].get("at", 0)) < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
    )
    if fresh and records[-1].get("method") == "password":
        records[-1]["reauthenticated"] = True
        request.session["account_authentication_methods"] = records


class RequireMFAMiddleware:
    # Paths a person without MFA may still open: allauth's own pages (to set it up or sign out),
    # static files, the health check and the anonymous JSON API (which ignores sessions).
    ALLOWED = re.compile(r"^/(?:(?:nl|fr|de|en)/accounts/|static/|api/|healthz$)")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not self.ALLOWED.match(request.path)
            and needs_mfa(user)
            and not _has_second_factor(user)
        ):
            _count_fresh_sign_in_as_reauthentication(request)
            messages.warning(
                request,
                _(
                    "Your role gives access to personal or unpublished information: set up "
                    "a second step for signing in before you go on."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
