"""Editors manage the self-check in the Wagtail admin: instruments, versions with their
questions, and the help lines. A published version is read-only (stored answers refer to it);
to change an instrument, add a new version (it starts as a copy of the current one), edit it,
and tick "Publish" to make it current."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.screening import services
from beoncosup.screening.models import HelpLine, Instrument, InstrumentVersion


class VersionForm(WagtailAdminModelForm):
    """Drafts are editable; published versions are not. New versions copy the current one."""

    publish = forms.BooleanField(
        label=_("Publish this version and make it current"),
        required=False,
        help_text=_("After publishing, this version can no longer change."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_published:
            for field in self.fields.values():
                field.disabled = True

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        if (
            self.instance.pk
            and InstrumentVersion.objects.filter(pk=self.instance.pk, status="published").exists()
        ):
            raise ValidationError(
                _(
                    "A published version cannot change: answers given under it refer to "
                    "it. Add a new version instead."
                )
            )
        return cleaned

    def save(self, commit: bool = True) -> Any:
        creating = self.instance.pk is None
        if creating:
            self.instance.number = services.version_number_next(
                instrument=self.cleaned_data["instrument"]
            )
        version = super().save(commit=commit)
        if commit and creating and not version.items.exists():
            services.version_copy_current(version=version)
        if commit and self.cleaned_data.get("publish"):
            services.version_publish(version=version)
        return version


class InstrumentViewSet(SnippetViewSet):
    model = Instrument
    icon = "clipboard-list"
    menu_label = _("Instruments")
    list_display = ["__str__", "audience"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("audience"), FieldPanel("sort_order")]),
        FieldPanel("title"),
    ]


class VersionViewSet(SnippetViewSet):
    model = InstrumentVersion
    icon = "history"
    menu_label = _("Versions and questions")
    list_display = ["__str__", "status", "is_current", "published_on"]
    list_filter = ["instrument", "status"]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("instrument"), FieldPanel("threshold"), FieldPanel("safety_threshold")]
            ),
            FieldPanel("publish"),
            InlinePanel("items", heading=_("Questions"), label=_("Question")),
        ],
        base_form_class=VersionForm,
    )


class HelpLineViewSet(SnippetViewSet):
    model = HelpLine
    icon = "warning"
    menu_label = _("Help lines")
    list_display = ["__str__", "checked_on", "source_url"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("number"), FieldPanel("tel")]),
        FieldPanel("name"),
        FieldPanel("availability"),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("source_url"), FieldPanel("checked_on")]),
    ]


class SelfCheckGroup(SnippetViewSetGroup):
    menu_label = _("Self-check")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (InstrumentViewSet, VersionViewSet, HelpLineViewSet)


register_snippet(SelfCheckGroup)
