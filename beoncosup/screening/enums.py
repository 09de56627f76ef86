from django.db import models
from django.utils.translation import gettext_lazy as _

# An instrument is for patients or for relatives: the kernel's audiences, those two only.
from beoncosup.situation.codes import PERSON_AUDIENCES, Audience

__all__ = ["PERSON_AUDIENCES", "Audience", "Role", "Scale", "Status"]


class Scale(models.TextChoices):
    RANGE = "range", _("Number on a scale")
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("One of a list")


class Role(models.TextChoices):
    """What an answer means to the evaluation (docs/selfcheck.md, "Scoring")."""

    PROBLEM = "problem", _("Problem: a 'yes' points to the mapped needs")
    DISTRESS = "distress", _("Distress score (0-10)")
    CONTACT = "contact", _("Would like to talk to someone (per domain)")
    SAFETY = "safety", _("Safety: a 'yes' shows the help lines at once")
    CONTEXT = "context", _("Context: only decides which questions follow")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
