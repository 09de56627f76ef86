"""Support plans (a shareable list of chosen services) and the day's keys that count searched
needs once per visitor (the signals themselves are insights.SearchSignal)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 16  # secrets.token_urlsafe(16): 22 characters, 128 random bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=settings.BEONCOSUP_PLAN_DAYS)


class SupportPlan(models.Model):
    """A list of chosen services with notes, reached by a random token (a capability URL:
    whoever has the link may read and edit it until it expires). It holds no personal data
    unless somebody types it into a note."""

    token = models.CharField(_("token"), max_length=43, unique=True, default=new_token)
    language = models.CharField(_("language"), max_length=2)
    needs = models.JSONField(_("need codes"), default=list, blank=True)
    # The finder's query string (without "?"), to return to the search.
    query = models.CharField(_("finder search"), max_length=2000, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=default_expiry, db_index=True)

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")

    def __str__(self) -> str:
        # Never the token: it is the key to the plan.
        return f"Support plan {self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class SupportPlanItem(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="items")
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="plan_items"
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "service"], name="finder_plan_item_unique")
        ]
        verbose_name = _("service in a support plan")
        verbose_name_plural = _("services in support plans")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.service_id}"


class UnmetNeedCountSalt(models.Model):
    """The day's random HMAC key for counting searched needs once per visitor (docs/finder.md,
    "Counting searched needs"). Deleted once the day is over, so nobody, not even with the
    database and the secret key, can recompute which visitor a past key stood for. Internal
    bookkeeping, shown nowhere: no translated names."""

    date = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self) -> str:
        # Never the salt itself.
        return f"Counting salt {self.date}"


class UnmetNeedCountKey(models.Model):
    """A searched-need signal already counted today for one visitor: the HMAC (under the day's
    salt) of the visitor and the event's fields, never the visitor. The unique key is what
    makes a repeat or a burst write nothing more; keys go with their day's salt."""

    key = models.CharField(max_length=64, unique=True)
    date = models.DateField(db_index=True)

    def __str__(self) -> str:
        return f"Counted {self.date}"
