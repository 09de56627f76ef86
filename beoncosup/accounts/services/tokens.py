"""API tokens for hospital systems: organisation-scoped, hashed at rest, shown once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.accounts.models import (
    ApiToken,
    Organisation,
)
from beoncosup.accounts.services.common import (
    TOKEN_PREFIX,
    token_hash,
)
from beoncosup.audit.services import event_record


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once, never stored


@transaction.atomic
def api_token_create(
    *, organisation: Organisation, name: str, created_by: Any, days: int
) -> IssuedToken:
    if not 1 <= days <= settings.BEONCOSUP_API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("A token is valid for 1 to %(days)s days.")
            % {"days": settings.BEONCOSUP_API_TOKEN_MAX_DAYS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        token_hash=token_hash(secret),
        created_by=created_by,
        expires_at=timezone.now() + timedelta(days=days),
    )
    event_record(
        action="api_token.created",
        actor=created_by,
        organisation=organisation,
        target=token,
        detail={"days": days},
    )
    return IssuedToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: Any) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        event_record(
            action="api_token.revoked",
            actor=revoked_by,
            organisation=token.organisation,
            target=token,
        )


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The active token with this secret, or None. Marks it used (at most once a minute)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("organisation")
        .filter(token_hash=token_hash(secret))
        .first()
    )
    if token is None or not token.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
