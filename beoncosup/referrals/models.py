"""A person referred to services, with their consent (docs/referrals.md, docs/privacy.md).

A ``Case`` is one person as the referrals know them: the minimum a service needs to reach them
(a name and one contact channel, encrypted at rest) and the hash of their private link. Their
``Consent`` says what may be shared, with whom, why and until when; each ``Referral`` sends them
to one service, whose staff move it through FHIR Task statuses (``ReferralEvent`` keeps the
history). The ``CareTeamMember`` professionals see what the consent grants their role. Every read
of personal data leaves a ``DataAccess`` row the person can see.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.referrals.codes import (
    CareRole,
    Channel,
    ConsentMethod,
    ContactMethod,
    NoticeKind,
    Status,
    Urgency,
)


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The person's private link: only its hash is kept (the link is shown or sent once).
    token_hash = models.CharField(max_length=64, unique=True)
    name = EncryptedTextField(_("name"), blank=True)
    contact_method = models.CharField(
        _("how to contact"), max_length=10, choices=ContactMethod.choices
    )
    phone = EncryptedTextField(_("phone"), blank=True)  # E.164
    email = EncryptedTextField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    is_self_referral = models.BooleanField(default=False)
    # Set when the person's data was erased (on their request) or anonymised (retention).
    erased_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"case {str(self.pk)[:8]}"

    @property
    def is_anonymous(self) -> bool:
        return not self.name


class Consent(models.Model):
    """What the person agreed may be shared, with whom, for what and until when. Never changed
    once given, except to record its withdrawal; a new consent replaces an older one."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    categories = models.JSONField(_("what is shared"), default=list)  # DataCategory codes
    care_roles = models.JSONField(_("care-team roles"), default=list)  # CareRole codes
    purposes = models.JSONField(_("purposes"), default=list)  # Purpose codes
    valid_until = models.DateField(_("valid until"))
    method = models.CharField(_("how it was given"), max_length=12, choices=ConsentMethod.choices)
    statement_language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    statement = models.TextField(_("statement read or shown"))
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    captured_by_label = models.CharField(max_length=255, blank=True)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_via = models.CharField(max_length=10, choices=Channel.choices, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]

    def __str__(self) -> str:
        return f"consent {self.pk} of {self.case}"

    def is_active(self, today: dt.date | None = None) -> bool:
        """Not withdrawn, and still valid ``today``."""
        return self.withdrawn_at is None and self.valid_until >= (today or timezone.localdate())


class Referral(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals"
    )
    consent = models.ForeignKey(
        Consent, on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals"
    )
    service = models.ForeignKey(
        "directory.Service", on_delete=models.SET_NULL, null=True, related_name="referrals"
    )
    service_name = models.CharField(max_length=255)  # as it was, should the service go
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referrer_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_made",
    )
    needs = models.JSONField(_("needs"), default=list)  # taxonomy codes
    reason = EncryptedTextField(_("reason"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # False: made without consent, so nothing went to the service (anonymous, counted only).
    delivered = models.BooleanField(default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    reason_code = models.CharField(_("outcome"), max_length=30, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)
    stall_notified_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["service", "delivered", "status", "-created_at"]),
            models.Index(fields=["status", "updated_at"]),
            models.Index(fields=["referrer", "-updated_at"]),
        ]

    def __str__(self) -> str:
        return f"referral {str(self.pk)[:8]} to {self.service_name}"

    @property
    def is_open(self) -> bool:
        return self.status not in (Status.REJECTED, Status.COMPLETED, Status.CANCELLED)


class ReferralEvent(models.Model):
    """One step of a referral's history: who moved it to which status, and why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=12, choices=Status.choices)
    reason_code = models.CharField(max_length=30, blank=True)
    note = EncryptedTextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The organisation that acted (the service's provider, the referrer's), as it was named.
    actor_label = models.CharField(max_length=255, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.status} at {self.at:%Y-%m-%d %H:%M}"


class CareTeamMember(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="care_team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_teams"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("role"), max_length=30, choices=CareRole.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"],
                condition=models.Q(removed_at__isnull=True),
                name="referrals_careteam_active_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} on {self.case}"


class CoordinationNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_role = models.CharField(max_length=30, choices=CareRole.choices)
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.case}"


class DataAccess(models.Model):
    """One read of a person's data: who, when, what, through which channel. The person sees
    these rows on their private page; they go with the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="accesses")
    referral = models.ForeignKey(
        Referral, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=255, blank=True)
    organisation_label = models.CharField(max_length=255, blank=True)
    what = models.CharField(max_length=40)  # see selectors.ACCESS_LABELS
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"{self.what} by {self.actor_label} at {self.at:%Y-%m-%d %H:%M}"


class ServiceReferralSettings(models.Model):
    """A service's own referral settings, kept by its provider staff."""

    service = models.OneToOneField(
        "directory.Service", on_delete=models.CASCADE, related_name="referral_settings"
    )
    stall_after_days = models.PositiveSmallIntegerField(
        _("remind the referrer after this many working days without an answer"), default=5
    )

    def __str__(self) -> str:
        return f"referral settings of {self.service_id}"


class Notice(models.Model):
    """An in-app notice for a professional about a referral (the e-mail says the same)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referral_notices"
    )
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"
