"""The network's codes: stored in the database and named in the API (keep them stable)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class Discipline(models.TextChoices):
    NURSE = "nurse", pgettext_lazy("discipline", "Nurse")
    ONCOLOGY_NURSE = "oncology_nurse", pgettext_lazy("discipline", "Oncology nurse or coach")
    PHYSICIAN = "physician", pgettext_lazy("discipline", "Doctor or specialist")
    GP = "gp", pgettext_lazy("discipline", "General practitioner")
    SOCIAL_WORKER = "social_worker", pgettext_lazy("discipline", "Social worker")
    PSYCHOLOGIST = "psychologist", pgettext_lazy("discipline", "Psychologist")
    PHYSIOTHERAPIST = "physiotherapist", pgettext_lazy("discipline", "Physiotherapist")
    DIETITIAN = "dietitian", pgettext_lazy("discipline", "Dietitian")
    SEXOLOGIST = "sexologist", pgettext_lazy("discipline", "Sexologist")
    SPIRITUAL = "spiritual", pgettext_lazy("discipline", "Spiritual or pastoral carer")
    OTHER = "other", pgettext_lazy("discipline", "Other discipline")


class Setting(models.TextChoices):
    """Where a member practises."""

    HOSPITAL = "hospital", pgettext_lazy("practice setting", "Hospital")
    PRIVATE = "private", pgettext_lazy("practice setting", "Private practice")
    GP_PRACTICE = "gp_practice", pgettext_lazy("practice setting", "GP practice")
    HOME_CARE = "home_care", pgettext_lazy("practice setting", "Home care")
    COMMUNITY = "community", pgettext_lazy("practice setting", "Community or patient organisation")
    MUTUALITY = "mutuality", pgettext_lazy("practice setting", "Health insurance fund")
    OTHER = "other", pgettext_lazy("practice setting", "Other setting")


class PublicField(models.TextChoices):
    """The profile fields a member may choose to show to the public (name is always among
    them when the profile is public at all)."""

    DISCIPLINE = "discipline", pgettext_lazy("profile field", "Discipline")
    EXPERTISE = "expertise", pgettext_lazy("profile field", "Expertise")
    LANGUAGES = "languages", pgettext_lazy("profile field", "Languages")
    REGION = "region", pgettext_lazy("profile field", "Region")
    SETTING = "setting", pgettext_lazy("profile field", "Practice setting")
    REFERRALS = "referrals", pgettext_lazy("profile field", "Accepts referrals")
    CONTACT = "contact", pgettext_lazy("profile field", "Contact details")


class GroupKind(models.TextChoices):
    PEER = "peer", pgettext_lazy("group kind", "Peer group")
    INTERVISION = "intervision", pgettext_lazy("group kind", "Intervision group")


class GroupRole(models.TextChoices):
    MEMBER = "member", pgettext_lazy("group role", "Member")
    FACILITATOR = "facilitator", pgettext_lazy("group role", "Facilitator")
