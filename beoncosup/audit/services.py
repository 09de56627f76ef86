"""Writing the audit trail. Every state change worth auditing calls ``event_record``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.core.auth import client_ip

# Keys a detail may never carry, whatever a caller passes: the trail is read by admins and
# exported, so a secret that slipped in would leak further.
_SECRET_KEYS = frozenset({"password", "password1", "password2", "token", "secret", "code", "key"})


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # The same address the login throttling uses (behind BEONCOSUP_PROXY_COUNT proxies).
    address = client_ip(request)
    return address or None


def event_record(
    *,
    action: str,
    actor: Any = None,
    actor_label: str = "",
    organisation: Any = None,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    target_label: str = "",
    request: HttpRequest | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``actor`` is a user (or None for the system or an anonymous visitor),
    ``organisation`` anything with ``pk`` and ``name``, ``target`` the model instance acted on.

    Side effects: one row in ``audit_auditevent``. Keys that look like secrets are dropped from
    ``detail``."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if actor is not None and not actor_label:
        actor_label = str(getattr(actor, "email", "") or actor.get_username())
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(target.pk)
        target_label = target_label or str(target)[:255]
    clean = {k: v for k, v in (detail or {}).items() if k.lower() not in _SECRET_KEYS}
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label[:255],
        organisation_id=getattr(organisation, "pk", None),
        organisation_label=str(getattr(organisation, "name", ""))[:255],
        target_type=target_type,
        target_id=target_id[:64],
        target_label=target_label[:255],
        ip_address=_client_ip(request),
        detail=clean,
    )


@transaction.atomic
def events_purge(*, now: Any = None) -> int:
    """Delete events older than BEONCOSUP_AUDIT_RETENTION_DAYS (the retention task). Returns
    how many were deleted; the purge itself is recorded."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.BEONCOSUP_AUDIT_RETENTION_DAYS)
    deleted = AuditEvent.objects.filter(at__lt=cutoff).purge()
    if deleted:
        event_record(action="audit.purged", detail={"deleted": deleted, "before": str(cutoff)})
    return deleted
