"""The research inventory: studies and projects about the supportive-care needs of people
with cancer, with a lay summary in four languages (docs/research.md).

- A **study** (a Wagtail snippet) is proposed (by a researcher with an account, or made by an
  editor or the CSV import), then **published** or **not published** (with a reason) by an
  editor. Only published studies are public.
- Its **lay summary** is plain language in up to four languages; an editor confirms it was
  reviewed for plain language (``lay_summary_reviewed_by``/``_on``) before it is published.
- Facts cite where they come from: ``source_url`` and the day someone ``checked_on`` it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from beoncosup.core.i18n_text import LANGUAGES, I18nTextField, clean_i18n
from beoncosup.research.codes import Method, Review, StudyKind, StudyStatus
from beoncosup.research.doi import doi_normalise, doi_url, doi_validate

country_validator = RegexValidator(
    r"^[A-Z]{2}$", _("Use the two-letter country code in capitals, e.g. BE.")
)


def _methods_validate(value: object) -> None:
    if not isinstance(value, list) or any(code not in Method.values for code in value):
        raise ValidationError(_("Choose methods from the list."), code="invalid_method")


def _empty_list() -> list[str]:
    return []


class Study(ClusterableModel):
    """A study or project of the inventory (a Wagtail snippet; four languages in each text)."""

    title = I18nTextField(_("title"), max_length=300, required=True)
    kind = models.CharField(
        _("study or project"), max_length=10, choices=StudyKind.choices, default=StudyKind.STUDY
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StudyStatus.choices, default=StudyStatus.PLANNED
    )
    funding = models.CharField(_("funded by"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    needs = ParentalManyToManyField(
        "taxonomy.Need", verbose_name=_("needs it is about"), blank=True, related_name="studies"
    )
    methods = models.JSONField(
        _("methods"), default=_empty_list, blank=True, validators=[_methods_validate]
    )
    lay_summary = I18nTextField(
        _("lay summary"),
        max_length=3000,
        multiline=True,
        help_text=_(
            "In plain language, for patients and relatives: what the study asks, who takes "
            "part, what it could change. Short sentences, no jargon."
        ),
    )
    lay_summary_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lay summary reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lay_summary_reviewed_on = models.DateField(_("lay summary reviewed on"), null=True, blank=True)
    results = I18nTextField(_("results"), max_length=4000, multiline=True)
    eligibility = I18nTextField(
        _("who may take part"),
        max_length=1500,
        multiline=True,
        help_text=_("For studies looking for participants."),
    )
    how_to_take_part = I18nTextField(_("how to take part"), max_length=1500, multiline=True)
    contact_url = models.URLField(_("web page to take part"), max_length=500, blank=True)
    contact_email = models.EmailField(_("e-mail to take part"), blank=True)
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("Where these facts come from.")
    )
    checked_on = models.DateField(
        _("checked on"), null=True, blank=True, help_text=_("When the source was last checked.")
    )
    review = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PROPOSED
    )
    rejection_reason = models.TextField(_("reason it is not published"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_studies",
    )
    # The language the proposer wrote in: their mails go out in it when they chose none.
    proposer_language = models.CharField(max_length=5, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="research_study_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=StudyStatus.values),
                name="research_study_status_known",
            ),
        ]
        indexes = [models.Index(fields=["review", "status"])]

    def __str__(self) -> str:
        title = clean_i18n(self.title or {})
        return title.get("en") or next(iter(title.values()), f"study {self.pk}")

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end date must be on or after the start date.")}
            )

    @property
    def lay_summary_languages(self) -> list[str]:
        """The languages the lay summary exists in, in the site's order."""
        summary = self.lay_summary or {}
        return [lang for lang in LANGUAGES if (summary.get(lang) or "").strip()]

    @property
    def lay_summary_reviewed(self) -> bool:
        return bool(self.lay_summary_reviewed_on and self.lay_summary_languages)

    @property
    def is_published(self) -> bool:
        return bool(self.review == Review.PUBLISHED)

    @property
    def is_recruiting(self) -> bool:
        return bool(self.status == StudyStatus.RECRUITING)


class Institution(models.Model):
    """An institution that runs the study (a university, a hospital, an association)."""

    study = ParentalKey(Study, on_delete=models.CASCADE, related_name="institutions")
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(
        _("country"), max_length=2, default="BE", validators=[country_validator]
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class Publication(models.Model):
    """A publication of the study's results: its reference and DOI (stored bare: 10.x/y)."""

    study = ParentalKey(Study, on_delete=models.CASCADE, related_name="publications")
    reference = models.CharField(_("reference"), max_length=500)
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[doi_validate],
        help_text=_("For example 10.1002/pon.1234 or https://doi.org/10.1002/pon.1234."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Stores the bare DOI whatever form it was given in."""
        if self.doi:
            self.doi = doi_normalise(self.doi)
        super().save(*args, **kwargs)

    @property
    def doi_url(self) -> str:
        return doi_url(self.doi) if self.doi else ""
