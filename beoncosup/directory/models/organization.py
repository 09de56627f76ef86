from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin

from beoncosup.core.i18n_text import I18nTextField, pick


class Organization(RevisionMixin, models.Model):
    """An organisation that delivers services (HSDS `organization`). The id is the HSDS id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = I18nTextField(_("name"), max_length=255, required=True)
    alternate_name = I18nTextField(_("other name"), max_length=255)
    description = I18nTextField(_("description"), multiline=True, max_length=4000, required=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True, max_length=500)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Set by services and imports (an import keeps the source's value, so exports round-trip).
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        picked = pick(self.name, "nl")
        return picked.text if picked else str(self.id)
