"""The needs taxonomy. Codes are stable identifiers: saved plans, imports and other tools refer
to them, so a code never changes once created (labels may)."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from beoncosup.taxonomy.enums import Basis, Language

code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9]*([.-][A-Z0-9]+)*$",
    _("Use capital letters, digits, dots and hyphens, e.g. MED-PAIN."),
)


class Domain(models.Model):
    """One of the four domains of supportive care (MED, PSY, WORK, SOC)."""

    code = models.CharField(_("code"), max_length=20, unique=True, validators=[code_validator])
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return f"{self.code} – {self.label}"


class Category(models.Model):
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="categories", verbose_name=_("domain")
    )
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    label = models.CharField(_("label"), max_length=200)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.code} – {self.label}"

    @property
    def anchor(self) -> str:
        """The fragment id of this category on its domain page, e.g. ``work-study``."""
        return self.code.lower().replace(".", "-")


def _default_list() -> list[Any]:
    return []


class Need(ClusterableModel):
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="needs", verbose_name=_("category")
    )
    code = models.CharField(_("code"), max_length=60, unique=True, validators=[code_validator])
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("plain-language description"), blank=True)
    # Small fixed vocabularies (enums.Audience, enums.Phase), validated in forms and services.
    audiences = models.JSONField(_("audiences"), default=_default_list, blank=True)
    phases = models.JSONField(_("typical phases"), default=_default_list, blank=True)
    basis = models.CharField(
        _("basis"), max_length=20, choices=Basis.choices, default=Basis.SOURCED
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return f"{self.code} – {self.label}"


class NeedSynonym(models.Model):
    """A lay word or phrase people use for a need, in one language ("moe", "Perücke")."""

    need = ParentalKey(Need, on_delete=models.CASCADE, related_name="synonyms")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    text = models.CharField(_("word or phrase"), max_length=120)

    class Meta:
        ordering = ["language", "text"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "language", "text"], name="taxonomy_synonym_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.language})"
