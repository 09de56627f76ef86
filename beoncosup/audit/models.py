"""The audit trail: one append-only table written by services, never by views.

An event names its actor and organisation by id *and* by the label they had at the time, so the
trail stays readable after an account or organisation is renamed or removed. It never holds a
password, a token or what a person typed about their health: ``detail`` carries field names and
codes only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """An audit event was about to be changed or deleted outside the retention purge."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit events are never changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events are deleted only by the retention purge.")

    def purge(self) -> int:
        """Delete these events: for the retention task alone (audit.services)."""
        return int(self._raw_delete(self.db))


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("what"), max_length=60, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (at the time)"), max_length=255, blank=True)
    organisation_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    organisation_label = models.CharField(_("organisation"), max_length=255, blank=True)
    target_type = models.CharField(_("object type"), max_length=60, blank=True, db_index=True)
    target_id = models.CharField(_("object"), max_length=64, blank=True, db_index=True)
    target_label = models.CharField(_("object (at the time)"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit events are deleted only by the retention purge.")
