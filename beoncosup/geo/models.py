"""Belgian geography, loaded from packaged open data (see geo.services.geo_load)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Community(models.TextChoices):
    """The language community whose services apply; Brussels is served by two."""

    FLEMISH = "nl", _("Flemish Community")
    FRENCH = "fr", _("French Community")
    GERMAN = "de", _("German-speaking Community")
    BRUSSELS = "nl-fr", _("Flemish and French Communities (Brussels)")


class AreaWithIsoCode(models.Model):
    """A region or province: an ISO 3166-2 code, a NIS code and its names."""

    code = models.CharField(_("ISO code"), max_length=6, unique=True)  # BE-VLG, BE-VAN, …
    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name_nl = models.CharField(max_length=100)
    name_fr = models.CharField(max_length=100)
    name_de = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.code)


class Region(AreaWithIsoCode):
    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Province(AreaWithIsoCode):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="provinces")

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class Municipality(models.Model):
    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="municipalities")
    # Brussels belongs to no province.
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="municipalities"
    )
    community = models.CharField(_("language community"), max_length=5, choices=Community.choices)
    name_nl = models.CharField(max_length=100)
    name_fr = models.CharField(max_length=100)
    name_de = models.CharField(max_length=100)
    # The centroid of the municipality's postcodes.
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["nis_code"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.nis_code} {self.name_nl}"


class PostalCode(models.Model):
    """A postcode in one municipality. A few postcodes (1040, 1050, 1804) span two."""

    code = models.CharField(_("postcode"), max_length=4, db_index=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="postal_codes"
    )
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    coordinates_from_centroid = models.BooleanField(
        default=False, help_text=_("True when the source had no coordinates for this postcode.")
    )

    class Meta:
        ordering = ["code", "municipality__nis_code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "municipality"], name="geo_postcode_unique")
        ]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return self.code
