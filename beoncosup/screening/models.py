"""Self-check instruments as versioned data.

An instrument (``patient``, ``relative``) has numbered versions; a version holds the items. A
published version never changes: answers stored with consent point to the version they were
given under, so they can always be read with the questions that were asked. Editors change an
instrument by making a new draft version and publishing it (docs/selfcheck.md).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.screening.enums import PERSON_AUDIENCES, Role, Scale, Status
from beoncosup.taxonomy.models import Domain, Need

key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]*$", _("Use small letters, digits and underscores, e.g. med_pain.")
)


def _default_list() -> list[Any]:
    return []


class Instrument(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[key_validator])
    title = I18nTextField(_("title"), max_length=200, required=True)
    audience = models.CharField(_("audience"), max_length=20, choices=PERSON_AUDIENCES.choices)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("self-check instrument")
        verbose_name_plural = _("self-check instruments")

    def __str__(self) -> str:
        title = pick(self.title, "en")
        return f"{self.code} – {title}" if title else self.code


class InstrumentVersion(ClusterableModel):
    """One numbered, immutable-once-published set of items with its thresholds."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="versions", verbose_name=_("instrument")
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    is_current = models.BooleanField(_("current version"), default=False)
    threshold = models.PositiveSmallIntegerField(
        _("talk-to-your-care-team threshold"),
        default=4,
        help_text=_(
            "From this distress score on, the result encourages a talk with the care team."
        ),
    )
    safety_threshold = models.PositiveSmallIntegerField(
        _("severe distress threshold"),
        default=9,
        help_text=_("From this distress score on, the help lines are shown at once."),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["instrument", "-number"]
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="screening_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["instrument"],
                condition=Q(is_current=True),
                name="screening_one_current_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument.code} v{self.number} ({self.get_status_display()})"

    @property
    def is_published(self) -> bool:
        return bool(self.status == Status.PUBLISHED)


class Item(ClusterableModel):
    """A question. ``key`` is its stable id within the instrument (the API's ``id``)."""

    version = ParentalKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(_("item id"), max_length=40, validators=[key_validator])
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PROBLEM)
    domain = models.ForeignKey(
        Domain,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("domain"),
    )
    text = I18nTextField(_("question"), max_length=300, required=True, multiline=True)
    scale = models.CharField(_("answer scale"), max_length=20, choices=Scale.choices)
    min_value = models.SmallIntegerField(_("lowest value"), null=True, blank=True)
    max_value = models.SmallIntegerField(_("highest value"), null=True, blank=True)
    min_label = I18nTextField(_("meaning of the lowest value"), max_length=100)
    max_label = I18nTextField(_("meaning of the highest value"), max_length=100)
    # [{"value": "often", "label": {lang: text}, "triggers": true}, …]; "triggers" choices point
    # to the mapped needs.
    choices = models.JSONField(_("choices"), default=_default_list, blank=True)
    page = models.PositiveSmallIntegerField(_("screen"), default=1)
    page_title = I18nTextField(
        _("screen title"),
        max_length=200,
        help_text=_("Shown above the screen's questions; the first item of a screen sets it."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    show_if_item = models.CharField(
        _("show only if item"), max_length=40, blank=True, validators=[key_validator]
    )
    show_if_value = models.CharField(
        _("has the value"), max_length=40, blank=True, help_text=_("yes, no, a number or a choice")
    )
    needs = ParentalManyToManyField(Need, blank=True, related_name="+", verbose_name=_("needs"))

    class Meta:
        ordering = ["page", "sort_order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="screening_item_key_unique")
        ]

    def __str__(self) -> str:
        return str(self.key)


class HelpLine(models.Model):
    """A 24/7 line shown when answers point to severe distress or self-harm, with its source."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[key_validator])
    name = I18nTextField(_("name"), max_length=200, required=True)
    number = models.CharField(_("number as written"), max_length=30)
    tel = models.CharField(_("number to dial"), max_length=30)
    availability = I18nTextField(_("when and how"), max_length=300)
    languages = models.JSONField(
        _("shown on pages in"), default=_default_list, help_text=_('e.g. ["nl", "en"]')
    )
    source_url = models.URLField(_("source"), max_length=500)
    checked_on = models.DateField(_("checked on"))
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")

    def __str__(self) -> str:
        return f"{self.code} {self.number}"


class SelfCheckResponse(models.Model):
    """Answers kept only with the person's consent, for anonymous needs statistics.

    Nothing identifying: no postcode, no IP address, no session key, and a date without time.
    """

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    answers = models.JSONField(_("answers"))
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=2)
    audience = models.CharField(_("audience"), max_length=20, choices=PERSON_AUDIENCES.choices)

    class Meta:
        verbose_name = _("self-check response")
        verbose_name_plural = _("self-check responses")

    def __str__(self) -> str:
        return f"{self.version} {self.date}"
