"""Code lists of the hub: its topics. Audience, employment-status and region codes are the
situation kernel's (shared with the finder, navigator and directory): an article and a service
that fit the same person share codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import SERVICE_STATUSES, Audience, Region

# An article names the statuses a rule is for with the service profile's codes (contract staff
# in the public sector fall under the employee rules).
EmploymentStatus = SERVICE_STATUSES

__all__ = ["Audience", "EmploymentStatus", "Region", "Topic"]


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
