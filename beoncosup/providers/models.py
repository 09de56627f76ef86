"""Providers keep their listings right: claims of directory organisations, proposed changes to
services, and the reminders sent when a service has gone unverified too long."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beoncosup.accounts.codes import RequestStatus


class Decision(models.Model):
    """What claims and proposals share: a status an editor decides, with a reason."""

    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    reason = models.CharField(_("reason"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The interface language of the person who asked: their decision mail is written in it.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    @property
    def is_pending(self) -> bool:
        return self.status == RequestStatus.PENDING


class ListingClaim(Decision):
    """Provider staff asking that their organisation keep a directory organisation's listing
    right. An editor approves (the listing joins ``organisation.listings``) or rejects."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="listing_claims"
    )
    listing = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="claims"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.CharField(_("message"), max_length=1000, blank=True)

    class Meta(Decision.Meta):
        verbose_name = _("listing claim")
        verbose_name_plural = _("listing claims")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "listing"],
                condition=models.Q(status="pending"),
                name="providers_listingclaim_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.listing_id} ({self.status})"


class ChangeProposal(Decision):
    """Changes to one service proposed by provider staff. ``changes`` holds, per field, the value
    when proposed and the proposed one: ``{"wait_time": {"old": {...}, "new": {...}}}``."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="change_proposals"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="change_proposals"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changes = models.JSONField(default=dict)
    note = models.CharField(_("note"), max_length=1000, blank=True)

    class Meta(Decision.Meta):
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")

    def __str__(self) -> str:
        return f"{self.service_id} ({self.status})"


class VerificationReminder(models.Model):
    """One reminder round for one service: limits reminders to one per 30 days."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="verification_reminders"
    )
    sent_to_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("verification reminder")
        verbose_name_plural = _("verification reminders")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.sent_at:%Y-%m-%d}"
