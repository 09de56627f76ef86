"""Training: the course catalogue, its editions and sessions, registrations with a waiting
list, attendance, the same-day evaluation, the trainers' follow-up and the certificates.

- A **course** (edited in Wagtail, four languages) runs as **editions**: one run with one
  registration list and one capacity. An edition has one **session** (a workshop) or several (a
  programme: attendance is taken per session and counts across them).
- A **session** is a dated meeting (place or online link). Other apps reuse it for their own
  meetings (the network's peer groups): then it has no edition.
- An **enrolment** is one person's registration for an edition: confirmed, waiting or
  cancelled. The person's name and e-mail are encrypted at rest; the enrolment's token is the
  participant's key (the link in their e-mails: cancel, QR code, certificate).
- An **evaluation** is one anonymous same-day answer for a session: scores, what the person
  will change, a comment. It holds no identifier of the person.
- A **follow-up** is the coordinator's record of what was done with the results ("taken into
  account"), shown on the course's history.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.core.i18n_text import I18nTextField
from beoncosup.situation.codes import Language
from beoncosup.training.codes import AttendanceMethod, CourseFormat, Registration


def token_new() -> str:
    """A URL-safe secret of 32 characters (192 bits)."""
    return secrets.token_urlsafe(24)


def code_new() -> str:
    """A certificate's verification code: 12 characters people can read out (no 0/O, 1/I)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Trainer(models.Model):
    """A trainer: public profile, and (when they have an account) their own results."""

    name = models.CharField(_("name"), max_length=200)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainer",
        help_text=_("The trainer's account: they see their own evaluation results."),
    )
    profession = models.CharField(_("profession"), max_length=200, blank=True)
    bio = I18nTextField(_("experience and qualifications"), max_length=1500, multiline=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    def __str__(self) -> str:
        return self.name


class Course(ClusterableModel):
    """A course in the catalogue (a Wagtail snippet, four languages in each text)."""

    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    title = I18nTextField(_("title"), max_length=200, required=True)
    summary = I18nTextField(_("summary"), max_length=1000, multiline=True, required=True)
    objectives = I18nTextField(
        _("learning objectives (one per line)"), max_length=2000, multiline=True
    )
    professions = models.JSONField(_("for which professions"), default=list, blank=True)
    needs = ParentalManyToManyField(
        "taxonomy.Need", verbose_name=_("needs it helps with"), blank=True, related_name="courses"
    )
    format = models.CharField(
        _("format"), max_length=20, choices=CourseFormat.choices, default=CourseFormat.WORKSHOP
    )
    duration_hours = models.DecimalField(
        _("duration in hours (all sessions)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(500)],
    )
    accreditation_points = models.DecimalField(
        _("accreditation points"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    accreditation_body = models.CharField(
        _("accredited by"),
        max_length=200,
        blank=True,
        help_text=_("For example: RIZIV-INAMI (accreditation of doctors)."),
    )
    evidence = I18nTextField(_("evidence base"), max_length=2000, multiline=True)
    trainers = ParentalManyToManyField(
        Trainer, verbose_name=_("trainers"), blank=True, related_name="courses"
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_courses",
        help_text=_("People who see the evaluations and record the follow-up."),
    )
    organiser = models.CharField(_("organised by"), max_length=200, blank=True)
    alert_threshold = models.DecimalField(
        _("alert below this average score"),
        max_digits=3,
        decimal_places=1,
        default=3.5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("A trainer's session average below this (on 1–5) raises a flag."),
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed for the certificate (%)"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return str(self.title.get("en") or next(iter(self.title.values()), self.slug))


class EvidenceSource(models.Model):
    """A source behind a course's evidence base (a study, a guideline)."""

    course = ParentalKey(Course, on_delete=models.CASCADE, related_name="sources")
    citation = models.CharField(_("reference"), max_length=500)
    url = models.URLField(_("link"), blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.citation


class Edition(ClusterableModel):
    """One run of a course with one registration list: a single session or a programme."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="editions")
    name = I18nTextField(_("name of this run"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    registration_deadline = models.DateTimeField(_("registration closes"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["course", "registration_deadline", "pk"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return f"{self.course} – {self.registration_deadline:%Y-%m-%d}"


class Session(models.Model):
    """A dated meeting: of an edition of a course, or (edition empty) another app's meeting."""

    edition = ParentalKey(
        Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="sessions"
    )
    title = I18nTextField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    trainers = models.ManyToManyField(
        Trainer, verbose_name=_("trainers"), blank=True, related_name="sessions"
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # The same-day evaluation's QR link and the participants' check-in are keyed by these.
    evaluation_token = models.CharField(max_length=40, unique=True, default=token_new)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="training_session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Enrolment(models.Model):
    """One person's registration for an edition (confirmed, waiting or cancelled)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    name = EncryptedTextField(_("name"))
    email = EncryptedTextField(_("e-mail"))
    # HMAC of the lower-cased e-mail: one active registration per person and edition.
    email_digest = models.CharField(max_length=64, db_index=True)
    profession = models.CharField(_("profession"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    status = models.CharField(max_length=10, choices=Registration.choices)
    token = models.CharField(max_length=40, unique=True, default=token_new)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["edition", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.edition_id}/{self.pk} ({self.status})"


class Attendance(models.Model):
    """A participant was there (one row per enrolment and session)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    method = models.CharField(max_length=10, choices=AttendanceMethod.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "session"], name="training_attendance_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}@{self.session_id}"


class Evaluation(models.Model):
    """One anonymous same-day answer: no account, no name, no time of day, no address."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="evaluations")
    language = models.CharField(max_length=2, choices=Language.choices)
    profession = models.CharField(max_length=20, blank=True)
    relevance = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    practice_change = models.TextField(blank=True)
    comment = models.TextField(blank=True)
    answered_on = models.DateField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"evaluation {self.pk}"


class TrainerScore(models.Model):
    """An evaluation's scores for one trainer of the session."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="scores")
    clarity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    didactics = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "trainer"], name="training_trainer_score_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluation_id}/{self.trainer_id}"


class FollowUp(models.Model):
    """What the coordinator did with the evaluation ("taken into account"), for the history."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="follow_ups")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    trainer = models.ForeignKey(
        Trainer, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    finding = models.TextField(_("what the evaluation showed"), max_length=2000)
    action = models.TextField(_("what changes for the next session"), max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"follow-up {self.pk}"


class Certificate(models.Model):
    """An attendance certificate, verifiable by its code on a public page."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=14, unique=True, default=code_new)
    hours = models.DecimalField(max_digits=5, decimal_places=1)
    points = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    issued_on = models.DateField()
    revoked = models.BooleanField(default=False)

    class Meta:
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.code
