"""The taxonomy's own code list (basis); audiences, phases and languages are the kernel's."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import PERSON_AUDIENCES, Language, Phase

# A need is for patients and/or relatives.
Audience = PERSON_AUDIENCES

__all__ = ["Audience", "Basis", "Language", "Phase"]


class Basis(models.TextChoices):
    SOURCED = "sourced", _("Based on published sources")
    INFERRED = "inferred", _("Proposed by the editors")
