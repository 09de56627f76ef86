"""Sign-in and MFA events into the audit trail (allauth and Django send the signals)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import email_confirmed, password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from beoncosup.audit.services import event_record


@receiver(user_logged_in)
def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(action="auth.signed_in", actor=user, request=request)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        event_record(action="auth.signed_out", actor=user, request=request)


@receiver(user_login_failed)
def _sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # Only the identifier tried is kept (Django has already masked the password).
    tried = str(credentials.get("email") or credentials.get("username") or "")[:255]
    event_record(action="auth.sign_in_failed", actor_label=tried, request=request)


@receiver(password_changed)
def _password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(action="auth.password_changed", actor=user, request=request)


@receiver(password_reset)
def _password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(action="auth.password_reset", actor=user, request=request)


@receiver(email_confirmed)
def _email_confirmed(sender: Any, request: Any, email_address: Any, **kwargs: Any) -> None:
    event_record(action="auth.email_verified", actor=email_address.user, request=request)


@receiver(authenticator_added)
def _mfa_added(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.added", actor=user, request=request, detail={"type": authenticator.type}
    )


@receiver(authenticator_removed)
def _mfa_removed(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.removed", actor=user, request=request, detail={"type": authenticator.type}
    )


@receiver(authenticator_reset)
def _mfa_reset(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.reset", actor=user, request=request, detail={"type": authenticator.type}
    )
