"""The consultations' own small code lists (the shared ones live in situation.codes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import Audience, subset

# Who a consultation asks, and what a respondent may say they are.
AUDIENCES = subset(Audience, (Audience.PATIENT, Audience.RELATIVE, Audience.PROFESSIONAL))
AUDIENCE_CODES = [code for code, _label in AUDIENCES]


class QuestionKind(models.TextChoices):
    CHOICE = "choice", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Short text")


CHOICE_KINDS = (QuestionKind.CHOICE, QuestionKind.MULTIPLE)


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
