"""The fixed vocabularies of feedback reports: what is wrong, and where a report stands."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    CONTACT = "contact", _("Contact details (phone, e-mail, address, website)")
    HOURS = "hours", _("Opening hours")
    ELIGIBILITY = "eligibility", _("Who it is for, or what it costs")
    GONE = "gone", _("It no longer exists")
    OUTDATED = "outdated", _("The content is outdated or wrong")
    OTHER = "other", pgettext_lazy("feedback category", "Something else")


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("feedback status", "Received")
    IN_PROGRESS = "in_progress", pgettext_lazy("feedback status", "Being checked")
    RESOLVED = "resolved", pgettext_lazy("feedback status", "Corrected")
    REJECTED = "rejected", pgettext_lazy("feedback status", "Not changed")


OPEN = (Status.NEW, Status.IN_PROGRESS)
CLOSED = (Status.RESOLVED, Status.REJECTED)
