"""The jobs app's code lists: stored in the database and named in the API."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OfferKind(models.TextChoices):
    JOB = "job", pgettext_lazy("offer kind", "Job")
    # Proefstage / stage d'essai / Probepraktikum: a short unpaid or paid try-out at the employer.
    TRIAL = "trial", pgettext_lazy("offer kind", "Trial placement")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("offer status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("offer status", "Waiting for moderation")
    PUBLISHED = "published", pgettext_lazy("offer status", "Published")
    REJECTED = "rejected", pgettext_lazy("offer status", "Not accepted")
    EXPIRED = "expired", pgettext_lazy("offer status", "Expired")
    WITHDRAWN = "withdrawn", pgettext_lazy("offer status", "Withdrawn")


class Flexibility(models.TextChoices):
    PART_TIME = "part_time", _("Part-time possible")
    PROGRESSIVE_SCHEDULE = "progressive_schedule", _("Hours can build up step by step")
    REMOTE = "remote", _("Work from home possible")
    ADAPTED_TASKS = "adapted_tasks", _("Tasks can be adapted")


class ContractType(models.TextChoices):
    PERMANENT = "permanent", _("Permanent contract")
    FIXED_TERM = "fixed_term", _("Fixed-term contract")
    INTERIM = "interim", _("Temporary agency work")
    TRIAL = "trial", _("Trial placement (no employment contract)")
    SELF_EMPLOYED = "self_employed", _("Self-employed assignment")
    OTHER = "other", pgettext_lazy("contract type", "Other")


class Sector(models.TextChoices):
    CARE = "care", _("Health and care")
    EDUCATION = "education", _("Education")
    PUBLIC = "public", _("Public administration")
    RETAIL = "retail", _("Retail and wholesale")
    HOSPITALITY = "hospitality", _("Hotels, restaurants and catering")
    INDUSTRY = "industry", _("Industry and construction")
    LOGISTICS = "logistics", _("Transport and logistics")
    OFFICE = "office", _("Business and office services")
    IT = "it", _("IT and telecommunications")
    SOCIAL = "social", _("Social profit and associations")
    OTHER = "other", pgettext_lazy("sector", "Other")


class ContactChannel(models.TextChoices):
    EMPLOYER = "employer", _("Message to the employer")
    COACH = "coach", _("Link sent to a career coach")
