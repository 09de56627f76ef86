"""The codes of needs insights: stored in the signal and rollup tables and named in the open-data
API. Other apps map their own codes onto these when they record a signal (insights sits below
them and knows none of their vocabularies)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class Coverage(models.TextChoices):
    """How well a searched need was covered within the person's reach."""

    NONE = "none", pgettext_lazy("coverage", "No service within reach")
    POOR = "poor", pgettext_lazy("coverage", "One or two services within reach")
    COVERED = "covered", pgettext_lazy("coverage", "Three or more services within reach")


# "Poorly covered": one or two services within reach (the person has hardly any choice, and
# one closed waiting list leaves them with none).
POOR_COVERAGE_MAX = 2


class Band(models.TextChoices):
    """The self-check's distress score band (the instrument version's own thresholds)."""

    LOW = "low", pgettext_lazy("score band", "Below the threshold")
    RAISED = "raised", pgettext_lazy("score band", "At or above the threshold")
    HIGH = "high", pgettext_lazy("score band", "At the safety threshold, or a safety answer")
    NO_SCORE = "no_score", pgettext_lazy("score band", "No distress score given")


class Outcome(models.TextChoices):
    """How a referral ended, in the few classes government needs."""

    GOT_HELP = "got_help", pgettext_lazy("referral outcome", "Got help")
    NO_CAPACITY = "no_capacity", pgettext_lazy("referral outcome", "Declined: no capacity")
    NOT_ELIGIBLE = "not_eligible", pgettext_lazy("referral outcome", "Declined: not eligible")
    DECLINED_OTHER = "declined_other", pgettext_lazy("referral outcome", "Declined: other reason")
    NOT_REACHED = "not_reached", pgettext_lazy("referral outcome", "Person could not be reached")
    STOPPED = "stopped", pgettext_lazy("referral outcome", "Stopped by the person or referrer")
    OTHER = "other", pgettext_lazy("referral outcome", "Closed for another reason")


class Wait(models.TextChoices):
    """The service's capacity when the referral was sent (directory.ServiceCapacity)."""

    OPEN = "open", pgettext_lazy("waiting band", "Open")
    UNDER_1_MONTH = "under_1_month", pgettext_lazy("waiting band", "Waiting list < 1 month")
    ONE_TO_THREE_MONTHS = (
        "one_to_three_months",
        pgettext_lazy("waiting band", "Waiting list 1–3 months"),
    )
    OVER_3_MONTHS = "over_3_months", pgettext_lazy("waiting band", "Waiting list > 3 months")
    CLOSED = "closed", pgettext_lazy("waiting band", "Closed to new referrals")
    UNKNOWN = "unknown", pgettext_lazy("waiting band", "Not stated")
