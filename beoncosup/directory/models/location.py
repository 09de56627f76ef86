from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.directory.enums import LocationType


class Location(ClusterableModel):
    """A place where services are delivered, or a virtual one (HSDS `location`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = I18nTextField(_("name"), max_length=255)
    description = I18nTextField(_("description"), multiline=True, max_length=4000)
    transportation = I18nTextField(_("how to get there"), multiline=True, max_length=2000)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Derived from the address postcode on save; drives region filters and area eligibility.
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        picked = pick(self.name, "nl")
        return picked.text if picked else str(self.id)


class Address(models.Model):
    """A postal address. Street, municipality and province have official names in several
    languages in Belgium (Rue Neuve / Nieuwstraat), so they are per-language texts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="addresses")
    # Position in the location's HSDS list, so an import exports again in the same order.
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    attention = models.CharField(_("for the attention of"), max_length=255, blank=True)
    address_1 = I18nTextField(_("street and number"), max_length=255, required=True)
    address_2 = I18nTextField(_("address line 2"), max_length=255)
    city = I18nTextField(_("municipality"), max_length=100, required=True)
    region = I18nTextField(_("region"), max_length=100)
    state_province = I18nTextField(_("province"), max_length=100, required=True)
    postal_code = models.CharField(_("postcode"), max_length=20)
    country = models.CharField(_("country"), max_length=2, default="BE")
    address_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        street, city = pick(self.address_1, "nl"), pick(self.city, "nl")
        return f"{street}, {self.postal_code} {city}"


class Accessibility(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    description = I18nTextField(_("description"), multiline=True, max_length=2000)
    details = models.CharField(_("details"), max_length=1000, blank=True)
    url = models.URLField(_("web page"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("accessibility")
        verbose_name_plural = _("accessibility")

    def __str__(self) -> str:
        return self.details or str(self.id)
