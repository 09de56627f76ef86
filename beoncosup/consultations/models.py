"""Consultations: a question to patients, relatives and/or professionals, answered without an
account (docs/consultations.md).

- A **consultation** (edited in Wagtail, four languages) has structured **questions** (one
  choice, several choices, a scale, a short text) and an optional open answer. Editors publish
  its results with a summary; the public sees the counts under disclosure control.
- A **response** is one anonymous answer to a consultation with its **answers**: a date (no
  time), optional profile codes (audience, region, age band), nothing that identifies a person.
  Their keys are random UUIDs, so not even the order of insertion is kept in a number.
- A **contact** is an e-mail address someone left to hear what was done with the answers. It
  lives in its own table with no link to any response (``tests/test_schema.py`` holds that).
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from beoncosup.consultations.codes import AUDIENCES, ConsultationStatus, QuestionKind
from beoncosup.core.crypto import EncryptedTextField
from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.situation.codes import AgeBand, Language, Region

TEXT_MAX = 1000  # characters in a short-text answer and in the open answer


def token_new() -> str:
    """A URL-safe secret of 32 characters (192 bits): a contact's unsubscribe key."""
    return secrets.token_urlsafe(24)


def _empty_list() -> list[Any]:
    return []


class Consultation(ClusterableModel):
    """A consultation (a Wagtail snippet; four languages in each text)."""

    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    title = I18nTextField(_("title"), max_length=200, required=True)
    question = I18nTextField(
        _("the question put to people"), max_length=500, multiline=True, required=True
    )
    context = I18nTextField(
        _("context: why we ask, and what we will do with the answers"),
        max_length=3000,
        multiline=True,
    )
    audiences = models.JSONField(
        _("who is asked"),
        default=_empty_list,
        blank=True,
        help_text=_("Codes: patient, relative, professional."),
    )
    domain = models.ForeignKey(
        "taxonomy.Domain",
        to_field="code",
        verbose_name=_("domain of supportive care"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    needs = ParentalManyToManyField(
        "taxonomy.Need", verbose_name=_("needs it is about"), blank=True, related_name="+"
    )
    opens_at = models.DateTimeField(_("open from"))
    closes_at = models.DateTimeField(_("open until"))
    open_answer_prompt = I18nTextField(
        _("open answer (optional): what to ask"),
        max_length=300,
        help_text=_("Leave empty for no open answer. Open answers are never published."),
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    results_summary = I18nTextField(_("summary of the results"), max_length=5000, multiline=True)
    # The protected tables frozen when the results were published (services.results): counts
    # per answer and group, suppressed ones as null; never a free-text answer.
    results = models.JSONField(default=dict, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opens_at", "slug"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="consultations_closes_after_opens",
            ),
        ]

    def __str__(self) -> str:
        picked = pick(self.title, "en")
        return picked.text if picked else self.slug

    def status_at(self, moment: Any = None) -> ConsultationStatus:
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return ConsultationStatus.UPCOMING
        if moment >= self.closes_at:
            return ConsultationStatus.CLOSED
        return ConsultationStatus.OPEN

    @property
    def status(self) -> ConsultationStatus:
        return self.status_at()

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN

    @property
    def has_published_results(self) -> bool:
        return self.results_published_at is not None

    @property
    def has_open_answer(self) -> bool:
        return any((text or "").strip() for text in (self.open_answer_prompt or {}).values())


class Question(models.Model):
    """One structured question of a consultation, in the consultation's order."""

    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)
    sort_order_field = "sort_order"  # the admin's inline panel orders the questions
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.CHOICE
    )
    text = I18nTextField(_("question"), max_length=500, required=True)
    # [{"value": "1", "label": {"nl": …, "fr": …}}, …] for the choice kinds; [] otherwise.
    options = models.JSONField(_("options"), default=_empty_list, blank=True)
    scale_min = models.PositiveSmallIntegerField(
        _("scale from"), default=1, validators=[MaxValueValidator(10)]
    )
    scale_max = models.PositiveSmallIntegerField(
        _("scale to"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    scale_min_label = I18nTextField(_("label of the lowest value"), max_length=80)
    scale_max_label = I18nTextField(_("label of the highest value"), max_length=80)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="consultations_scale_max_above_min",
            ),
        ]

    def __str__(self) -> str:
        picked = pick(self.text, "en")
        return picked.text if picked else f"question {self.pk}"

    @property
    def option_values(self) -> list[str]:
        return [str(option["value"]) for option in self.options or []]

    @property
    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class Response(models.Model):
    """One anonymous answer to a consultation. Nothing here identifies a person: no account,
    no address, no session, no time finer than the day, and a random key (``tests/test_schema``
    holds it)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    submitted_on = models.DateField()
    audience = models.CharField(max_length=20, blank=True, choices=AUDIENCES)
    region = models.CharField(max_length=10, blank=True, choices=Region.choices)
    age_band = models.CharField(max_length=10, blank=True, choices=AgeBand.choices)
    open_text = models.TextField(blank=True, validators=[MaxLengthValidator(TEXT_MAX)])
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["submitted_on"]
        indexes = [models.Index(fields=["consultation", "submitted_on"])]

    def __str__(self) -> str:
        return f"response to {self.consultation_id} on {self.submitted_on}"


class Answer(models.Model):
    """A response's answer to one question (random key, like the response's)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # The chosen option values (one for a choice question, one or more for a multiple one).
    choices = models.JSONField(default=_empty_list, blank=True)
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, validators=[MaxLengthValidator(TEXT_MAX)])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="consultations_answer_once"
            ),
        ]

    def __str__(self) -> str:
        return f"answer to {self.question_id}"


class Contact(models.Model):
    """An e-mail address left to hear what is done with the answers: apart from the answers,
    with no link to any response; deleted some time after the consultation closes."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="contacts"
    )
    email = EncryptedTextField(_("e-mail address"))
    # HMAC of the lower-cased address (services.contacts.email_digest): one contact per address
    # and consultation, found without decrypting.
    email_digest = models.CharField(max_length=64)
    language = models.CharField(max_length=2, choices=Language.choices)
    token = models.CharField(max_length=64, unique=True, default=token_new, editable=False)
    # The day only, like the responses' date: the time of day would help pair the two tables.
    created_on = models.DateField(default=timezone.localdate)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "email_digest"], name="consultations_contact_once"
            ),
        ]

    def __str__(self) -> str:
        return f"contact for {self.consultation_id}"
