from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin

from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.directory.enums import (
    SERVICE_AUDIENCES,
    Access,
    CancerType,
    Cost,
    Delivery,
    EmploymentStatus,
    ServiceStatus,
)
from beoncosup.directory.fields import CodeListField
from beoncosup.situation.codes import Phase

AREA_CODE_PATTERN = (
    r"^(BE|BE-(VLG|WAL|BRU|DG|VAN|VBR|VLI|VOV|VWV|WBR|WHT|WLG|WLX|WNA)|nis-[0-9]{5})$"
)


class Service(RevisionMixin, ClusterableModel):
    """A supportive-care service (HSDS `service`) with the Belgian profile's structured fields.

    Empty code lists mean "no restriction": no employment statuses = open to every status,
    no cancer types = every cancer type.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organisation"),
    )
    name = I18nTextField(_("name"), max_length=255, required=True)
    alternate_name = I18nTextField(_("other name"), max_length=255)
    description = I18nTextField(_("description"), multiline=True, max_length=4000)
    url = models.URLField(_("web page"), blank=True, max_length=500)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    application_process = I18nTextField(_("how to get in"), multiline=True, max_length=2000)
    fees_description = I18nTextField(_("costs"), multiline=True, max_length=2000)
    wait_time = I18nTextField(_("waiting time"), max_length=255)
    eligibility_description = I18nTextField(_("who can use it"), multiline=True, max_length=2000)
    alert = I18nTextField(_("notice"), multiline=True, max_length=1000)
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    needs = models.ManyToManyField(
        "taxonomy.Need", related_name="services", blank=True, verbose_name=_("needs addressed")
    )
    audiences = CodeListField(_("for whom"), code_choices=SERVICE_AUDIENCES)
    employment_statuses = CodeListField(
        _("employment statuses (none ticked = everyone)"), code_choices=EmploymentStatus
    )
    phases = CodeListField(_("treatment phases"), code_choices=Phase)
    delivery_modes = CodeListField(_("how it is delivered"), code_choices=Delivery)
    access_routes = CodeListField(_("how to access"), code_choices=Access)
    costs = CodeListField(_("cost"), code_choices=Cost)
    cancer_types = CodeListField(_("cancer types (none ticked = all)"), code_choices=CancerType)
    assured_date = models.DateField(_("last verified on"), null=True, blank=True, db_index=True)
    assurer_email = models.CharField(_("verified by"), max_length=255, blank=True)
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where this information comes from, e.g. the organisation's website."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Set by services and imports (an import keeps the source's value, so exports round-trip).
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="directory_service_age_range",
            )
        ]

    def __str__(self) -> str:
        picked = pick(self.name, "nl")
        return picked.text if picked else str(self.id)


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(
        "directory.Location",
        on_delete=models.CASCADE,
        related_name="service_at_locations",
        verbose_name=_("location"),
    )
    description = I18nTextField(_("description"), multiline=True, max_length=2000)
    # Position in the service's HSDS list, so an import exports again in the same order.
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class ServiceChild(models.Model):
    """Rows edited inline on a service and exported nested in it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return str(self.id)


class Phone(ServiceChild):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=50)
    extension = models.PositiveIntegerField(_("extension"), null=True, blank=True)
    type = models.CharField(_("type"), max_length=10, default="voice")
    description = I18nTextField(_("description"), max_length=500)

    class Meta(ServiceChild.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")


class Schedule(ServiceChild):
    """Opening hours, as a weekly iCal-style rule (HSDS `schedule`)."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    freq = models.CharField(_("frequency"), max_length=10, default="WEEKLY")
    byday = models.CharField(
        _("days"),
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^((MO|TU|WE|TH|FR|SA|SU),)*(MO|TU|WE|TH|FR|SA|SU)?$")],
        help_text=_("Comma-separated: MO,TU,WE,TH,FR,SA,SU"),
    )
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    description = I18nTextField(_("description"), multiline=True, max_length=1000)

    class Meta(ServiceChild.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")


class ServiceArea(ServiceChild):
    """Where the service's users must live. ``code`` is the profile's area code (BE, BE-VLG,
    nis-44021…) taken from a ``urn:beoncosup:area:`` URI; other directories' URIs are kept in
    ``uri`` with an empty code and play no part in eligibility."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    code = models.CharField(
        _("area code"),
        max_length=9,
        blank=True,
        validators=[RegexValidator(AREA_CODE_PATTERN, _("Unknown area code."))],
        db_index=True,
        help_text=_("BE, BE-VLG, BE-WAL, BE-BRU, BE-DG, a province such as BE-VAN, or nis-44021"),
    )
    uri = models.CharField(_("other directory's area URI"), max_length=500, blank=True)
    radius_km = models.PositiveSmallIntegerField(
        _("radius around its locations (km)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("Instead of an area code: serves people living within this distance."),
    )
    name = I18nTextField(_("name"), max_length=255)
    description = I18nTextField(_("description"), max_length=1000)

    class Meta(ServiceChild.Meta):
        verbose_name = _("area served")
        verbose_name_plural = _("areas served")


class ServiceLanguage(ServiceChild):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(
        _("language code"),
        max_length=2,
        validators=[RegexValidator(r"^[a-z]{2}$", _("Use a two-letter ISO 639-1 code."))],
        db_index=True,
    )
    name = I18nTextField(_("name"), max_length=100)
    note = I18nTextField(_("note"), max_length=500)

    class Meta(ServiceChild.Meta):
        verbose_name = _("language offered")
        verbose_name_plural = _("languages offered")


class CostOption(ServiceChild):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = I18nTextField(_("option"), max_length=255)
    amount = models.DecimalField(
        _("amount"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    amount_description = I18nTextField(_("about the amount"), max_length=500)

    class Meta(ServiceChild.Meta):
        verbose_name = _("price")
        verbose_name_plural = _("prices")


class RequiredDocument(ServiceChild):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="required_documents")
    document = I18nTextField(_("document"), max_length=500, required=True)
    uri = models.URLField(_("link"), blank=True, max_length=500)

    class Meta(ServiceChild.Meta):
        verbose_name = _("document to bring")
        verbose_name_plural = _("documents to bring")


class Contact(ServiceChild):
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=255, blank=True)
    title = I18nTextField(_("role"), max_length=255)
    department = models.CharField(_("department"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta(ServiceChild.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
