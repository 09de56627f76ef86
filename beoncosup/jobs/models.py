"""Employers, occupations with their shortage listings, job offers and the contact log.

An employer is an ``accounts.Organisation`` of kind "employer" with an ``EmployerProfile``;
its people hold the role "employer_staff" (or "org_admin"). Offers go draft → submitted →
published or rejected; published ones expire (``expires_on``) or are withdrawn. Only what the
public may see is read by the search and the API: a published offer whose ``expires_on`` has
not passed, of a verified employer (selectors.offers_public).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.directory.fields import CodeListField
from beoncosup.jobs.codes import (
    ContactChannel,
    ContractType,
    Flexibility,
    OfferKind,
    OfferStatus,
    Sector,
)
from beoncosup.situation.codes import Language, Region

postcode_validator = RegexValidator(r"^[1-9][0-9]{3}$", _("Give a Belgian postcode, like 2000."))


class EmployerProfile(models.Model):
    """What the platform knows of an employer: its public name, enterprise number and the
    address offers' contact messages are relayed to. Verified by an editor before any offer
    of it is published."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="employer_profile"
    )
    public_name = models.CharField(_("public name"), max_length=200)
    enterprise_number = models.CharField(_("enterprise number"), max_length=10, unique=True)
    postcode = models.CharField(_("postcode"), max_length=4, validators=[postcode_validator])
    contact_email = models.EmailField(_("contact e-mail address"))
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    # The language the employer's mails are written in (the page's when they signed up).
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["public_name"]

    def __str__(self) -> str:
        return self.public_name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Occupation(ClusterableModel):
    """An occupation offers name, with the regional shortage lists it appears on."""

    name = I18nTextField(_("name"), max_length=200, required=True)
    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_("Optional: a code of an occupation list (ISCO, the Competent code, …)."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["pk"]

    def __str__(self) -> str:
        name = pick(self.name, "en")
        return str(name) if name else self.code or f"#{self.pk}"


class ShortageListing(Orderable):
    """The occupation appears on a region's list of shortage occupations (knelpuntberoepen,
    métiers en pénurie, Mangelberufe) as published by its employment service."""

    occupation = ParentalKey(Occupation, on_delete=models.CASCADE, related_name="shortages")
    region = models.CharField(_("region"), max_length=6, choices=Region.choices)
    source_name = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Who publishes the list: VDAB, Forem, Actiris, ADG."),
    )
    source_url = models.URLField(_("link to the list"), max_length=500)
    year = models.PositiveSmallIntegerField(
        _("year of the list"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    published_on = models.DateField(_("date of the list"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("shortage listing")
        verbose_name_plural = _("shortage listings")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "region", "year"], name="jobs_shortage_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}"


class JobOffer(models.Model):
    """A job or trial placement of an employer. The contact details are never shown: people
    write through the platform's contact form, which relays their message to ``contact_email``."""

    employer = models.ForeignKey(EmployerProfile, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("kind"), max_length=10, choices=OfferKind.choices)
    title = I18nTextField(_("title"), max_length=200, required=True)
    description = I18nTextField(_("description"), max_length=5000, multiline=True, required=True)
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("occupation"),
    )
    postcode = models.CharField(_("postcode"), max_length=4, validators=[postcode_validator])
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=6, choices=Region.choices, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    hours_min = models.PositiveSmallIntegerField(
        _("hours a week, at least"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    hours_max = models.PositiveSmallIntegerField(
        _("hours a week, at most"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    flexibility = CodeListField(_("flexibility"), code_choices=Flexibility)
    adjustments = I18nTextField(_("adjustments already in place"), max_length=2000, multiline=True)
    contract_type = models.CharField(_("contract"), max_length=20, choices=ContractType.choices)
    progressive_resumption = models.BooleanField(
        _("open to a progressive return to work"),
        default=False,
        help_text=_(
            "Someone on sickness benefit can work here part-time with the permission of their "
            "mutuality's advising physician."
        ),
    )
    languages = CodeListField(_("languages of work"), code_choices=Language)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail address"))
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    rejection_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"))
    expiry_warned_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("job offer")
        verbose_name_plural = _("job offers")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_on"], name="jobs_offer_public")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_min__lte=models.F("hours_max")),
                name="jobs_offer_hours_range",
            )
        ]

    def __str__(self) -> str:
        title = pick(self.title, "en")
        return str(title) if title else f"#{self.pk}"

    @property
    def is_remote(self) -> bool:
        return Flexibility.REMOTE in (self.flexibility or [])

    @property
    def flexibility_labels(self) -> list[str]:
        labels = dict(Flexibility.choices)
        return [str(labels[code]) for code in self.flexibility or [] if code in labels]

    @property
    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels[code]) for code in self.languages or [] if code in labels]


class ContactLog(models.Model):
    """That someone wrote about an offer, and when: nothing of what they wrote, nor who they are."""

    offer = models.ForeignKey(JobOffer, on_delete=models.CASCADE, related_name="contacts")
    channel = models.CharField(max_length=10, choices=ContactChannel.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.offer_id} {self.channel} {self.created_at:%Y-%m-%d}"
