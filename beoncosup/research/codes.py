"""The research inventory's code lists (stored codes never change; labels may)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StudyKind(models.TextChoices):
    STUDY = "study", pgettext_lazy("research kind", "Study")
    PROJECT = "project", pgettext_lazy("research kind", "Project")


class StudyStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("study status", "Planned")
    RECRUITING = "recruiting", pgettext_lazy("study status", "Looking for participants")
    RUNNING = "running", pgettext_lazy("study status", "Running")
    FINISHED = "finished", pgettext_lazy("study status", "Finished")


class Method(models.TextChoices):
    SURVEY = "survey", _("Survey (questionnaire)")
    INTERVIEWS = "interviews", _("Interviews or focus groups")
    TRIAL = "trial", _("Trial (an intervention tested against another)")
    COHORT = "cohort", _("Cohort (people followed over time)")
    MIXED = "mixed", _("Mixed methods")
    REVIEW = "review", _("Review of existing studies")
    OTHER = "other", pgettext_lazy("research method", "Other")


class Review(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("review state", "Proposed, waiting for review")
    PUBLISHED = "published", pgettext_lazy("review state", "Published")
    REJECTED = "rejected", pgettext_lazy("review state", "Not published")
