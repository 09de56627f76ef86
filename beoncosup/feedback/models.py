"""A visitor's report that something is wrong on a listing or an article (docs/feedback.md).

A report names its record by ``kind`` (a code of the target registry, targets.py) and
``object_id`` (the record's id as text). It keeps the minimum: what is wrong, an optional
contact address (encrypted, only to say what came of it, removed 30 days after it is closed)
and the language to write in. No IP address and no account: the reporter follows it by the
``token`` in their status link.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.feedback.codes import CLOSED, OPEN, Category, Status

TEXT_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 1000


def token_new() -> str:
    return secrets.token_urlsafe(24)


class Report(models.Model):
    kind = models.CharField(_("kind of record"), max_length=20)
    object_id = models.CharField(_("record"), max_length=64)
    # The record's name when it was reported: the queue can still name a record deleted since.
    target_title = models.CharField(_("record's name"), max_length=300, blank=True)
    category = models.CharField(_("what is wrong"), max_length=20, choices=Category.choices)
    text = models.TextField(_("details"), max_length=TEXT_MAX_LENGTH)
    # HMAC of the record and the normalised text: refuses the same report sent twice in a day
    # without keeping who sent it (see services/reports.py).
    digest = models.CharField(max_length=64, editable=False, db_index=True)
    contact_email = EncryptedTextField(_("contact e-mail"), blank=True, default="")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=token_new, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    resolution_note = models.TextField(
        _("note to the reporter"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    resolved_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, help_text=_("When it was resolved or rejected.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback report")
        verbose_name_plural = _("feedback reports")
        indexes = [models.Index(fields=["kind", "object_id", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in CLOSED], resolved_at__isnull=False)
                | models.Q(status__in=[s.value for s in OPEN], resolved_at__isnull=True),
                name="feedback_report_closed_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN
