"""Editors maintain the research inventory in the Wagtail admin (Snippets → Research): a
study's texts in four languages, institutions, publications (DOIs checked), needs, methods,
participation, source.

The review state is not edited here: publishing and not publishing go through the review page
(``research:review_study``), which records who reviewed the lay summary, the audit event and
the proposer's e-mail. Changing the lay summary of a published study needs the editor to
confirm again that it is plain language (``lay_summary_confirm``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import clean_i18n
from beoncosup.research.codes import Method, Review
from beoncosup.research.doi import doi_normalise
from beoncosup.research.models import Study
from beoncosup.taxonomy.widgets import NeedPicker

TEXT_SEARCH = [f"title__{lang}" for lang in ("nl", "fr", "de", "en")]


class StudyForm(WagtailAdminModelForm):
    """Methods as checkboxes of codes; the plain-language confirmation of the lay summary."""

    methods = forms.TypedMultipleChoiceField(
        label=_("Methods"),
        choices=Method.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lay_summary_confirm = forms.BooleanField(
        label=_("I reviewed the lay summary: it is plain language a patient can read."),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        changed = clean_i18n(cleaned.get("lay_summary") or {}) != clean_i18n(
            self.initial.get("lay_summary") or {}
        )
        self._summary_changed = changed and bool(self.instance.pk)
        if (
            self._summary_changed
            and self.instance.review == Review.PUBLISHED
            and not cleaned.get("lay_summary_confirm")
        ):
            self.add_error(
                "lay_summary_confirm",
                _("The study is published: confirm that the new lay summary is plain language."),
            )
        publications = self.formsets.get("publications")
        for form in publications.forms if publications is not None else []:
            form.is_valid()
            doi = (getattr(form, "cleaned_data", None) or {}).get("doi")
            if doi:
                try:
                    form.cleaned_data["doi"] = doi_normalise(doi)
                    form.instance.doi = form.cleaned_data["doi"]
                except forms.ValidationError as error:
                    form.add_error("doi", error)
        return cleaned

    def save(self, commit: bool = True) -> Any:
        study: Study = self.instance
        if self.cleaned_data.get("lay_summary_confirm"):
            study.lay_summary_reviewed_by = getattr(self, "for_user", None)
            study.lay_summary_reviewed_on = timezone.localdate()
        elif getattr(self, "_summary_changed", False):
            study.lay_summary_reviewed_by = None
            study.lay_summary_reviewed_on = None
        return super().save(commit=commit)


class StudyViewSet(SnippetViewSet):
    model = Study
    icon = "doc-full"
    menu_label = _("Studies")
    list_display = ["__str__", "status", "review", "is_demo", "updated_at"]
    list_filter = ["review", "status", "kind", "is_demo"]
    search_fields = TEXT_SEARCH
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    InlinePanel(
                        "institutions",
                        heading=_("Institutions"),
                        label=_("Institution"),
                        panels=[FieldRowPanel([FieldPanel("name"), FieldPanel("country")])],
                    ),
                    FieldPanel("funding"),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldPanel("methods"),
                    FieldPanel("needs", widget=NeedPicker()),
                    FieldPanel("is_demo"),
                ],
                heading=_("Study"),
            ),
            ObjectList(
                [FieldPanel("lay_summary"), FieldPanel("lay_summary_confirm")],
                heading=_("Lay summary"),
            ),
            ObjectList(
                [
                    FieldPanel("eligibility"),
                    FieldPanel("how_to_take_part"),
                    FieldRowPanel([FieldPanel("contact_url"), FieldPanel("contact_email")]),
                ],
                heading=_("Taking part"),
            ),
            ObjectList(
                [
                    FieldPanel("results"),
                    InlinePanel(
                        "publications",
                        heading=_("Publications"),
                        label=_("Publication"),
                        panels=[FieldPanel("reference"), FieldPanel("doi")],
                    ),
                    FieldRowPanel([FieldPanel("source_url"), FieldPanel("checked_on")]),
                ],
                heading=_("Results and source"),
            ),
        ],
        base_form_class=StudyForm,
    )


class ResearchGroup(SnippetViewSetGroup):
    menu_label = _("Research")
    menu_icon = "group"
    menu_order = 265
    items = (StudyViewSet,)


register_snippet(ResearchGroup)


@hooks.register("after_edit_snippet")  # type: ignore[untyped-decorator]
def study_edited(request: HttpRequest, instance: Any) -> None:
    """An editor's edit in the admin is in the audit log like every other change."""
    if isinstance(instance, Study):
        event_record(
            action="research.study_edited",
            actor=request.user,
            target=instance,
            request=request,
            detail={"review": instance.review, "languages": instance.lay_summary_languages},
        )


@hooks.register("after_create_snippet")  # type: ignore[untyped-decorator]
def study_created(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, Study):
        event_record(
            action="research.study_created",
            actor=request.user,
            target=instance,
            request=request,
            detail={"review": instance.review},
        )
