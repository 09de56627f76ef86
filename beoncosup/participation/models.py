"""Participation: thematic working groups and "you said, we did" (docs/participation.md).

- A **working group** (a Wagtail snippet, four languages) works on one domain of supportive
  care and meets in **sessions**. A session's dates and place are a ``training.Session`` (the
  same calendar files and venue fields as the courses and the network's meetings); the
  session adds a capacity, a registration deadline, and the minutes and outcomes the editors
  publish afterwards.
- A **registration** is one person's place in a session (confirmed, waiting or cancelled),
  without an account. Name and e-mail are encrypted at rest; the token is the person's key
  (the link in their e-mails). Deleted ``BEONCOSUP_WORKING_GROUP_DATA_DAYS`` after the session.
- An **action** is what was done with the input of consultations and sessions ("you said, we
  did"): a change to the needs list, an article, a policy recommendation… with its status and
  the history of its status changes.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.core.i18n_text import I18nTextField
from beoncosup.participation.codes import (
    ActionKind,
    ActionStatus,
    ParticipantRole,
    RegistrationStatus,
)
from beoncosup.situation.codes import Language


def token_new() -> str:
    """A URL-safe secret of 32 characters (192 bits)."""
    return secrets.token_urlsafe(24)


def _title(value: dict[str, str], fallback: str) -> str:
    return str(value.get("en") or next(iter(value.values()), fallback))


class WorkingGroup(ClusterableModel):
    """A thematic working group (a Wagtail snippet)."""

    title = I18nTextField(_("title"), max_length=200, required=True)
    description = I18nTextField(_("description"), max_length=3000, multiline=True)
    domain = models.ForeignKey(
        "taxonomy.Domain",
        to_field="code",
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="working_groups",
    )
    needs = ParentalManyToManyField(
        "taxonomy.Need", verbose_name=_("needs it works on"), blank=True, related_name="+"
    )
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain__sort_order", "pk"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return _title(self.title, str(self.pk))


class GroupSession(models.Model):
    """A meeting of a working group: its dates and place are the training session's."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="sessions")
    session = models.OneToOneField(
        "training.Session", on_delete=models.CASCADE, related_name="working_group_session"
    )
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    registration_deadline = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the session starts."),
    )
    minutes = I18nTextField(_("minutes"), max_length=20000, multiline=True)
    outcomes = I18nTextField(_("outcomes"), max_length=10000, multiline=True)
    published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["session__starts_at", "pk"]
        verbose_name = _("working-group session")
        verbose_name_plural = _("working-group sessions")

    def __str__(self) -> str:
        return f"{self.group} – {self.session.starts_at:%Y-%m-%d}"


class Registration(models.Model):
    """One person's registration for a session (no account)."""

    session = models.ForeignKey(
        GroupSession, on_delete=models.CASCADE, related_name="registrations"
    )
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("e-mail"))
    # HMAC of the lower-cased e-mail (training.services.registration.email_digest): one active
    # registration per person and session, without the address in clear.
    email_digest = models.CharField(max_length=64, db_index=True)
    role = models.CharField(_("taking part as"), max_length=20, choices=ParticipantRole.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    token = models.CharField(max_length=40, unique=True, default=token_new)
    status = models.CharField(max_length=10, choices=RegistrationStatus.choices)
    notify_actions = models.BooleanField(
        _("e-mail me when actions from this session change status"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.pk} ({self.status})"


class Action(ClusterableModel):
    """What was done with the input of consultations and working-group sessions. Its status
    changes only through ``services.actions.action_status_change`` (history and e-mails)."""

    title = I18nTextField(_("title"), max_length=200, required=True)
    description = I18nTextField(_("what was done, or will be"), max_length=5000, multiline=True)
    kind = models.CharField(_("kind"), max_length=30, choices=ActionKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    status_date = models.DateField(_("status date"))
    rejection_reason = I18nTextField(_("why it is not done"), max_length=3000, multiline=True)
    domain = models.ForeignKey(
        "taxonomy.Domain",
        to_field="code",
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="participation_actions",
    )
    needs = ParentalManyToManyField(
        "taxonomy.Need", verbose_name=_("needs"), blank=True, related_name="participation_actions"
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("The changed need, the new article, the recommendation document…"),
    )
    consultations = ParentalManyToManyField(
        "consultations.Consultation",
        verbose_name=_("from the consultations"),
        blank=True,
        related_name="participation_actions",
    )
    sessions = ParentalManyToManyField(
        GroupSession,
        verbose_name=_("from the working-group sessions"),
        blank=True,
        related_name="actions",
    )
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-status_date", "-pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["published", "status"])]

    def __str__(self) -> str:
        return _title(self.title, str(self.pk))


class ActionStatusChange(models.Model):
    """One step of an action's history: its status from ``date`` on, and who recorded it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    date = models.DateField()
    reason = I18nTextField(max_length=3000, multiline=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    notified = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["date", "recorded_at", "pk"]
        verbose_name = _("status change")

    def __str__(self) -> str:
        return f"{self.action_id}: {self.status} ({self.date})"
