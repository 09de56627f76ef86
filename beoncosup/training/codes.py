"""The training app's codes: stored in the database and named in the API (keep them stable)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class Profession(models.TextChoices):
    """Who a course is for (and who took part: the evaluation's profession question)."""

    NURSE = "nurse", pgettext_lazy("profession", "Nurses")
    PHYSICIAN = "physician", pgettext_lazy("profession", "Doctors and specialists")
    GP = "gp", pgettext_lazy("profession", "General practitioners")
    SOCIAL_WORKER = "social_worker", pgettext_lazy("profession", "Social workers")
    PSYCHOLOGIST = "psychologist", pgettext_lazy("profession", "Psychologists")
    PHYSIOTHERAPIST = "physiotherapist", pgettext_lazy("profession", "Physiotherapists")
    DIETITIAN = "dietitian", pgettext_lazy("profession", "Dietitians")
    PHARMACIST = "pharmacist", pgettext_lazy("profession", "Pharmacists")
    SPIRITUAL = "spiritual", pgettext_lazy("profession", "Spiritual and pastoral carers")
    VOLUNTEER = "volunteer", pgettext_lazy("profession", "Volunteers")
    OTHER = "other", pgettext_lazy("profession", "Other professions")


class CourseFormat(models.TextChoices):
    WORKSHOP = "workshop", pgettext_lazy("course format", "Workshop")
    COURSE = "course", pgettext_lazy("course format", "Course")
    PROGRAMME = "programme", pgettext_lazy("course format", "Programme over several sessions")
    WEBINAR = "webinar", pgettext_lazy("course format", "Webinar")
    E_LEARNING = "e_learning", pgettext_lazy("course format", "E-learning with live sessions")


class Registration(models.TextChoices):
    """Where a registration stands (the model is ``Enrolment``)."""

    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Place confirmed")
    WAITING = "waiting", pgettext_lazy("registration status", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


class AttendanceMethod(models.TextChoices):
    LIST = "list", pgettext_lazy("attendance method", "Ticked on the trainer's list")
    QR = "qr", pgettext_lazy("attendance method", "Participant's QR code scanned")


class Score(models.IntegerChoices):
    """The evaluation's five-point scale."""

    ONE = 1, pgettext_lazy("evaluation score", "1 – not at all")
    TWO = 2, pgettext_lazy("evaluation score", "2")
    THREE = 3, pgettext_lazy("evaluation score", "3")
    FOUR = 4, pgettext_lazy("evaluation score", "4")
    FIVE = 5, pgettext_lazy("evaluation score", "5 – very much")


class Criterion(models.TextChoices):
    """What the same-day evaluation scores (the trainer monitoring's measures)."""

    RELEVANCE = "relevance", pgettext_lazy("evaluation criterion", "Relevance for my practice")
    CLARITY = "clarity", pgettext_lazy("evaluation criterion", "Trainer's clarity")
    DIDACTICS = "didactics", pgettext_lazy("evaluation criterion", "Trainer's didactic skills")


# The criteria scored per trainer (relevance is scored once per session).
TRAINER_CRITERIA = (Criterion.CLARITY, Criterion.DIDACTICS)
