"""Code lists of the hub. Audience and employment-status codes are the directory's (and so the
finder's and the navigator's): an article and a service that fit the same person share codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.directory.enums import EmploymentStatus

__all__ = ["Audience", "EmploymentStatus", "Region", "Topic"]


class Audience(models.TextChoices):
    PATIENT = "patient", _("People with cancer")
    RELATIVE = "relative", _("Relatives and carers")
    CHILD = "child", _("Children and teenagers")
    PROFESSIONAL = "professional", _("Professionals")
    EMPLOYER = "employer", _("Employers and colleagues")


class Region(models.TextChoices):
    """Where a rule applies: ISO 3166-2 codes of the regions, and BE-DG for the German-speaking
    Community (its own employment service, ADG)."""

    FLANDERS = "BE-VLG", _("Flanders")
    WALLONIA = "BE-WAL", _("Wallonia")
    BRUSSELS = "BE-BRU", _("Brussels")
    GERMAN_SPEAKING = "BE-DG", _("German-speaking Community")


class Topic(models.TextChoices):
    """The ten topics of the hub; the code is the topic page's stable slug in every language."""

    WORK_INCOME = "work-and-income", _("Work and income")
    MONEY_INSURANCE = "money-and-insurance", _("Money and insurance")
    BODY_HEALTH = "body-and-health", _("Body and health")
    EMOTIONS = "emotions", _("Emotions")
    RELATIONSHIPS = "relationships-and-children", _("Relationships and children")
    PRACTICAL = "practical-help", _("Practical help")
    RIGHTS = "rights-and-procedures", _("Rights and procedures")
    RELATIVES = "for-relatives", _("For relatives")
    EMPLOYERS = "for-employers", _("For employers")
    PROFESSIONALS = "for-professionals", _("For professionals")
