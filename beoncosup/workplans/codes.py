"""The fixed choices of a return-to-work plan."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.referrals.codes import CareRole

# The languages a plan can be shared in (the site's four).
EMPLOYER_LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("en", "English"),
]
LANGUAGE_CODES = [code for code, _label in EMPLOYER_LANGUAGES]


class Adjustment(models.TextChoices):
    """Adjustments an employer can make (the employer toolkit's reasonable adjustments)."""

    ADAPTED_HOURS = "adapted_hours", pgettext_lazy("work adjustment", "Adapted working hours")
    ADAPTED_TASKS = "adapted_tasks", pgettext_lazy("work adjustment", "Adapted tasks")
    REMOTE_WORK = "remote_work", pgettext_lazy("work adjustment", "Working from home")
    BREAKS = "breaks", pgettext_lazy("work adjustment", "Extra breaks")
    WORKPLACE = "workplace", pgettext_lazy("work adjustment", "Changes to the workplace")
    AIDS = "aids", pgettext_lazy("work adjustment", "Aids or equipment")
    MENTOR = "mentor", pgettext_lazy("work adjustment", "A colleague as mentor")


class ContactRole(models.TextChoices):
    COACH = "coach", pgettext_lazy("work plan contact", "Career coach")
    OCCUPATIONAL_PHYSICIAN = (
        "occupational_physician",
        pgettext_lazy("work plan contact", "Occupational physician"),
    )
    HR = "hr", pgettext_lazy("work plan contact", "Human resources")
    MANAGER = "manager", pgettext_lazy("work plan contact", "Manager")
    ONCOCOACH = "oncocoach", pgettext_lazy("work plan contact", "Oncocoach")
    OTHER = "other", pgettext_lazy("work plan contact", "Other")


class Weekday(models.TextChoices):
    MON = "mon", _("Monday")
    TUE = "tue", _("Tuesday")
    WED = "wed", _("Wednesday")
    THU = "thu", _("Thursday")
    FRI = "fri", _("Friday")
    SAT = "sat", _("Saturday")
    SUN = "sun", _("Sunday")


# The professionals who may keep a plan with the person (the care team's roles that help
# with work).
HELPER_ROLES = [
    (role.value, role.label)
    for role in (
        CareRole.CAREER_COACH,
        CareRole.OCCUPATIONAL_PHYSICIAN,
        CareRole.ONCOCOACH,
        CareRole.MUTUALITY_COORDINATOR,
        CareRole.OTHER,
    )
]

MAX_HOURS_PER_WEEK = 60
MAX_HOURS_PER_DAY = 12
INVITATION_DAYS = 14
