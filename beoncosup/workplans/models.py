"""Return-to-work plans (docs/workplans.md): a plan kept by a private edit link, the
professionals who keep it with the person, and the revocable links that share chosen parts of
it with the employer. Nothing about health belongs in a plan: it holds work arrangements."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.workplans.codes import (
    EMPLOYER_LANGUAGES,
    HELPER_ROLES,
    MAX_HOURS_PER_WEEK,
    ContactRole,
)

TOKEN_BYTES = 24  # secrets.token_urlsafe(24): 32 characters, 192 random bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class WorkPlan(models.Model):
    """A return-to-work plan. Whoever holds ``token`` (the person's private link) reads and
    edits it; professionals added as helpers edit it signed in. ``updated_at`` moves only when
    the person or a helper edits, and drives retention (an employer's view does not)."""

    token = models.CharField(_("private link key"), max_length=64, unique=True, default=new_token)
    title = models.CharField(_("title"), max_length=200)
    first_name = EncryptedTextField(_("first name"), blank=True)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    employer_language = models.CharField(
        _("employer's language"), max_length=2, choices=EMPLOYER_LANGUAGES, default="nl"
    )
    start_date = models.DateField(_("start date"))
    adjustments = models.JSONField(_("adjustments"), default=list, blank=True)
    adjustments_text = models.TextField(_("other adjustments"), max_length=2000, blank=True)
    notes = models.TextField(_("private notes"), max_length=4000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last edited"), default=timezone.now, db_index=True)
    last_viewed_by_employer_at = models.DateTimeField(
        _("last opened by the employer"), null=True, blank=True
    )
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("return-to-work plan")
        verbose_name_plural = _("return-to-work plans")

    def __str__(self) -> str:
        # Never the token (the key) nor the first name.
        return f"Work plan {self.pk}"


class WorkPlanPhase(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("name"), max_length=120)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS_PER_WEEK)],
    )
    days = models.JSONField(_("days"), default=list, blank=True)
    tasks = models.TextField(_("tasks and adjustments in this phase"), max_length=2000, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return f"{self.plan_id}: phase {self.starts_on}"


class WorkPlanContact(models.Model):
    """Someone the plan names as a contact. Name, e-mail and phone are encrypted at rest."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("role"), max_length=30, choices=ContactRole.choices)
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.plan_id}: contact {self.pk}"


class WorkPlanReview(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("review date")
        verbose_name_plural = _("review dates")

    def __str__(self) -> str:
        return f"{self.plan_id}: review {self.date}"


class WorkPlanHelper(models.Model):
    """A professional who keeps the plan with the person, with the person's consent (an
    invitation they sent, or the plan made together in a consultation); the person removes
    them from the plan's page."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="helpers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_plans_helped"
    )
    role = models.CharField(_("role"), max_length=30, choices=HELPER_ROLES)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="workplans_helper_unique")
        ]
        verbose_name = _("professional on a plan")
        verbose_name_plural = _("professionals on plans")

    def __str__(self) -> str:
        return f"{self.plan_id}: helper {self.user_id}"


class WorkPlanInvitation(models.Model):
    """A single-use link the person gives a professional to keep the plan with them."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    role = models.CharField(_("role"), max_length=30, choices=HELPER_ROLES)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("invitation to a plan")
        verbose_name_plural = _("invitations to plans")

    def __str__(self) -> str:
        return f"{self.plan_id}: invitation {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class WorkPlanShare(models.Model):
    """A link that shows the employer the parts of the plan the person chose, until it expires
    or is revoked. Its own token: revoking it never touches the person's private link."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="shares")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    label = models.CharField(_("for whom"), max_length=100, blank=True)
    include_name = models.BooleanField(_("my first name"), default=False)
    include_phases = models.BooleanField(_("phases and hours"), default=False)
    include_adjustments = models.BooleanField(_("adjustments"), default=False)
    include_reviews = models.BooleanField(_("review dates"), default=False)
    contacts = models.ManyToManyField(WorkPlanContact, blank=True, related_name="shares")
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)
    emails_sent = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("share with the employer")
        verbose_name_plural = _("shares with the employer")

    def __str__(self) -> str:
        return f"{self.plan_id}: share {self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired
