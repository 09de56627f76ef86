"""Navigator rules as data: a measure (a right, benefit or service route) with the conditions
under which it applies, its validity dates and its sources.

Every condition is a list of codes where an empty list means "any". Editors maintain measures
in the Wagtail admin (wagtail_hooks.py); the seed comes from data/measures.yaml
(``load_navigator_measures``).
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from beoncosup.core.i18n_text import I18nTextField, pick
from beoncosup.directory.fields import CodeListField
from beoncosup.navigator.enums import (
    NAVIGATOR_AUDIENCES,
    Contact,
    Duration,
    Region,
    Situation,
    Status,
)

code_validator = RegexValidator(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    _("Use small letters, digits and hyphens, e.g. guaranteed-wage."),
)


class Measure(ClusterableModel):
    code = models.CharField(
        _("code"),
        max_length=60,
        unique=True,
        validators=[code_validator],
        help_text=_("A stable identifier used by the API and the seed file; never change it."),
    )
    title = I18nTextField(_("title"), max_length=200, required=True)
    summary = I18nTextField(_("summary"), multiline=True, max_length=2000, required=True)
    next_steps = I18nTextField(_("next steps"), multiline=True, max_length=2000)
    contact = I18nTextField(
        _("who to contact (details)"),
        multiline=True,
        max_length=1000,
        help_text=_("Who to contact and how, in plain words."),
    )
    contacts = CodeListField(_("who to contact"), code_choices=Contact)
    audiences = CodeListField(
        _("audiences"), code_choices=NAVIGATOR_AUDIENCES, help_text=_("None ticked: everyone.")
    )
    statuses = CodeListField(
        _("employment statuses"), code_choices=Status, help_text=_("None ticked: every status.")
    )
    regions = CodeListField(
        _("regions"),
        code_choices=Region,
        help_text=_(
            "Where the person lives. None ticked: all of Belgium. The German-speaking Community "
            "is separate from the rest of Wallonia: tick both for a Walloon measure that also "
            "applies there."
        ),
    )
    situations = CodeListField(
        _("situations"), code_choices=Situation, help_text=_("None ticked: every situation.")
    )
    durations = CodeListField(
        _("durations"),
        code_choices=Duration,
        help_text=_("How long the person has been ill. None ticked: any duration."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: no end date known.")
    )
    rules_as_of = models.DateField(
        _("rules as of"), help_text=_("The date on which the rules described here were checked.")
    )
    change_note = I18nTextField(
        _("changing or disputed"),
        multiline=True,
        max_length=1000,
        help_text=_(
            "Shown to the public: what changed recently or is about to change, in plain words. "
            "Doubts about our own sources go in the editors' note."
        ),
    )
    # Editorial doubts ("not checked in an official source") stay in the admin: the public
    # sees the rules-as-of date and the sources, never our to-do list.
    editor_note = models.TextField(
        _("editors' note"),
        blank=True,
        max_length=2000,
        help_text=_(
            "For editors only, never shown on the site or in the API: what is still to be "
            "checked, and where sources disagree."
        ),
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("article"),
    )
    need_codes = models.JSONField(
        _("related needs"),
        default=list,
        blank=True,
        help_text=_("Need codes from the taxonomy, for the link to the finder."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower numbers come first in the checklist.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    last_modified = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        ordering = ["priority", "code"]
        verbose_name = _("navigator measure")
        verbose_name_plural = _("navigator measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_until__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_until")),
                name="navigator_measure_valid_range",
            )
        ]

    def __str__(self) -> str:
        title = pick(self.title, "en")
        return f"{self.code} – {title}" if title else self.code


class MeasureSource(Orderable):
    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    consulted_on = models.DateField(_("date consulted"))

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return str(self.title)
