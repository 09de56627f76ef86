from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PATIENT = "patient", _("People with cancer")
    RELATIVE = "relative", _("Relatives and carers")


class Phase(models.TextChoices):
    DIAGNOSIS = "diagnosis", _("Diagnosis")
    TREATMENT = "treatment", _("Treatment")
    AFTER_TREATMENT = "after_treatment", _("After treatment")
    PALLIATIVE = "palliative", _("Palliative care")


class Basis(models.TextChoices):
    SOURCED = "sourced", _("Based on published sources")
    INFERRED = "inferred", _("Proposed by the editors")


class Language(models.TextChoices):
    NL = "nl", _("Dutch")
    FR = "fr", _("French")
    DE = "de", _("German")
    EN = "en", _("English")
