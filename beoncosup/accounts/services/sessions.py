"""Sessions: sign out everywhere."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from beoncosup.accounts.models import (
    AccountSecurity,
)
from beoncosup.audit.services import event_record


def session_epoch(user: Any) -> int:
    security = AccountSecurity.objects.filter(user=user).only("session_epoch").first()
    return security.session_epoch if security else 0


@transaction.atomic
def sign_out_everywhere(*, user: Any, request: Any = None) -> int:
    """End every session of this account, on every device (this one included). Returns the new
    epoch; each session signed in under an older one is signed out on its next request."""
    security, _created = AccountSecurity.objects.select_for_update().get_or_create(user=user)
    security.session_epoch += 1
    security.save(update_fields=["session_epoch"])
    event_record(action="auth.signed_out_everywhere", actor=user, request=request)
    return security.session_epoch
