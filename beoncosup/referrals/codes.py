"""The codes of referrals: stored in the database, named in the JSON and FHIR APIs. Statuses are
FHIR R4 ``Task.status`` codes; outcomes and reasons follow findhelp's closed-loop vocabulary."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class ContactMethod(models.TextChoices):
    """How the person wants the service to reach them."""

    PHONE = "phone", pgettext_lazy("contact method", "By phone")
    EMAIL = "email", pgettext_lazy("contact method", "By e-mail")
    SMS = "sms", pgettext_lazy("contact method", "By text message (SMS)")
    SELF = "self", pgettext_lazy("contact method", "I will contact them myself")
    NONE = "none", pgettext_lazy("contact method", "Do not contact me")


# The methods that need a phone number or an e-mail address.
NEEDS_PHONE = {ContactMethod.PHONE, ContactMethod.SMS}
NEEDS_EMAIL = {ContactMethod.EMAIL}


class Urgency(models.TextChoices):
    ROUTINE = "routine", pgettext_lazy("urgency", "Routine")
    SOON = "soon", pgettext_lazy("urgency", "Within a week")
    URGENT = "urgent", pgettext_lazy("urgency", "Urgent")


class Status(models.TextChoices):
    """FHIR ``Task.status`` (the subset a referral goes through)."""

    REQUESTED = "requested", pgettext_lazy("referral status", "Sent")
    RECEIVED = "received", pgettext_lazy("referral status", "Seen by the service")
    ACCEPTED = "accepted", pgettext_lazy("referral status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("referral status", "Declined")
    IN_PROGRESS = "in-progress", pgettext_lazy("referral status", "Help under way")
    ON_HOLD = "on-hold", pgettext_lazy("referral status", "On hold")
    COMPLETED = "completed", pgettext_lazy("referral status", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("referral status", "Cancelled")


OPEN = {
    Status.REQUESTED,
    Status.RECEIVED,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.ON_HOLD,
}
CLOSED = {Status.REJECTED, Status.COMPLETED, Status.CANCELLED}
# Waiting for the service's first answer: what "stalls".
UNANSWERED = {Status.REQUESTED, Status.RECEIVED}

# Which status may follow which, and who may set it: the service ("performer") or the
# referrer, the care team and the person ("requester").
PERFORMER_MOVES: dict[str, set[str]] = {
    Status.REQUESTED: {Status.RECEIVED, Status.ACCEPTED, Status.REJECTED},
    Status.RECEIVED: {Status.ACCEPTED, Status.REJECTED},
    Status.ACCEPTED: {Status.IN_PROGRESS, Status.ON_HOLD, Status.COMPLETED},
    Status.IN_PROGRESS: {Status.ON_HOLD, Status.COMPLETED},
    Status.ON_HOLD: {Status.IN_PROGRESS, Status.COMPLETED},
}
REQUESTER_MOVES: dict[str, set[str]] = {status: {Status.CANCELLED} for status in OPEN}


class Reason(models.TextChoices):
    """Why a referral was declined, or how it ended."""

    GOT_HELP = "got_help", pgettext_lazy("referral outcome", "Got help")
    COULD_NOT_CONTACT = (
        "could_not_contact",
        pgettext_lazy("referral outcome", "Could not make contact"),
    )
    NOT_ELIGIBLE = "not_eligible", pgettext_lazy("referral outcome", "Not eligible")
    NO_CAPACITY = "no_capacity", pgettext_lazy("referral outcome", "No capacity")
    OUTSIDE_AREA = "outside_area", pgettext_lazy("referral outcome", "Outside the service's area")
    NO_LONGER_INTERESTED = (
        "no_longer_interested",
        pgettext_lazy("referral outcome", "No longer interested"),
    )
    REFERRED_ELSEWHERE = (
        "referred_elsewhere",
        pgettext_lazy("referral outcome", "Referred elsewhere"),
    )
    CONSENT_WITHDRAWN = "consent_withdrawn", pgettext_lazy("referral outcome", "Consent withdrawn")
    OTHER = "other", pgettext_lazy("referral outcome", "Other reason")


DECLINE_REASONS = [
    Reason.NOT_ELIGIBLE,
    Reason.NO_CAPACITY,
    Reason.OUTSIDE_AREA,
    Reason.REFERRED_ELSEWHERE,
    Reason.OTHER,
]
OUTCOMES = [
    Reason.GOT_HELP,
    Reason.COULD_NOT_CONTACT,
    Reason.NOT_ELIGIBLE,
    Reason.NO_CAPACITY,
    Reason.NO_LONGER_INTERESTED,
    Reason.REFERRED_ELSEWHERE,
    Reason.OTHER,
]
CANCEL_REASONS = [Reason.NO_LONGER_INTERESTED, Reason.REFERRED_ELSEWHERE, Reason.OTHER]
# The reason each move needs (None: no reason asked).
REASONS_FOR: dict[str, list[Reason] | None] = {
    Status.REJECTED: DECLINE_REASONS,
    Status.COMPLETED: OUTCOMES,
    Status.CANCELLED: CANCEL_REASONS,
}


class CareRole(models.TextChoices):
    """The professionals who may form a care team around one person."""

    ONCOCOACH = "oncocoach", pgettext_lazy("care role", "Oncocoach or oncology nurse")
    GP = "gp", pgettext_lazy("care role", "General practitioner")
    SOCIAL_WORKER = "social_worker", pgettext_lazy("care role", "Hospital social worker")
    OCCUPATIONAL_PHYSICIAN = (
        "occupational_physician",
        pgettext_lazy("care role", "Occupational physician"),
    )
    CAREER_COACH = "career_coach", pgettext_lazy("care role", "Career coach")
    MUTUALITY_COORDINATOR = (
        "mutuality_coordinator",
        pgettext_lazy("care role", "Return-to-work coordinator of the health insurance fund"),
    )
    PSYCHOLOGIST = "psychologist", pgettext_lazy("care role", "Psychologist")
    OTHER = "other", pgettext_lazy("care role", "Other professional")


class DataCategory(models.TextChoices):
    """What a consent lets be shared."""

    NEEDS = "needs", pgettext_lazy("shared data", "What I need help with, and why")
    CONTACT = "contact", pgettext_lazy("shared data", "My name and how to reach me")
    NOTES = "notes", pgettext_lazy("shared data", "Notes between my professionals")


class Purpose(models.TextChoices):
    REFERRAL = (
        "referral",
        pgettext_lazy(
            "consent purpose", "To refer me to the service and follow up whether I got help"
        ),
    )
    COORDINATION = (
        "coordination",
        pgettext_lazy(
            "consent purpose", "To coordinate my support between the professionals of my care team"
        ),
    )


class ConsentMethod(models.TextChoices):
    READ_ALOUD = (
        "read_aloud",
        pgettext_lazy(
            "consent method", "Read to the person by a professional, who recorded the answer"
        ),
    )
    OWN_DEVICE = (
        "own_device",
        pgettext_lazy("consent method", "Given by the person on their own device"),
    )


class Channel(models.TextChoices):
    """Where an action came from (the access log and the history say it)."""

    WEB = "web", pgettext_lazy("channel", "Website")
    API = "api", pgettext_lazy("channel", "API")
    FHIR = "fhir", pgettext_lazy("channel", "FHIR API")
    PERSON = "person", pgettext_lazy("channel", "The person's own page")
    SYSTEM = "system", pgettext_lazy("channel", "Automatic")


class NoticeKind(models.TextChoices):
    STALLED = "stalled", pgettext_lazy("notice", "No answer yet")
    STATUS = "status", pgettext_lazy("notice", "Status changed")
    CONSENT_WITHDRAWN = "consent_withdrawn", pgettext_lazy("notice", "Consent withdrawn")
