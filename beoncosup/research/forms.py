"""The research inventory's forms: the public filters, the proposal, the editor's decision and
the CSV upload. Every text refuses NUL characters (PostgreSQL stores none)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.core.i18n_text import LANGUAGE_NAMES, LANGUAGES, I18nFormField
from beoncosup.research.codes import Method, StudyKind, StudyStatus
from beoncosup.research.drafts import (
    StudyDraft,
    draft_problems,
    institutions_parse,
    publications_parse,
)
from beoncosup.research.selectors import StudyFilters, research_domains, research_needs
from beoncosup.taxonomy.models import Domain, Need

ANY: list[tuple[str, Any]] = [("", pgettext_lazy("filter", "Any"))]
NUL_MESSAGE = _("Remove the invisible control characters.")


def _no_nul(value: Any) -> None:
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError(NUL_MESSAGE)
    if isinstance(value, dict) and any("\x00" in str(text) for text in value.values()):
        raise ValidationError(NUL_MESSAGE)


class _CodeChoiceField(forms.ChoiceField):
    """Offers the codes some published study uses; accepts any code of the taxonomy (a link
    from a need page then finds nothing, which the page says, rather than an error)."""

    def __init__(self, *args: Any, model: type[models.Model], **kwargs: Any) -> None:
        self.model = model
        super().__init__(*args, **kwargs)

    def valid_value(self, value: Any) -> bool:
        found = self.model._default_manager.filter(code=value).exists()
        return bool(super().valid_value(value) or found)


class StudyFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        validators=[_no_nul],
        help_text=_("For example: fatigue, return to work, children."),
    )
    need = _CodeChoiceField(label=_("Need"), required=False, model=Need)
    domain = _CodeChoiceField(label=_("Domain"), required=False, model=Domain)
    status = forms.ChoiceField(
        label=pgettext_lazy("study", "Status"),
        required=False,
        choices=ANY + list(StudyStatus.choices),
    )
    language = forms.ChoiceField(
        label=_("Lay summary in"),
        required=False,
        choices=ANY + [(lang, LANGUAGE_NAMES[lang]) for lang in LANGUAGES],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        need = self.fields["need"]
        domain = self.fields["domain"]
        assert isinstance(need, forms.ChoiceField) and isinstance(domain, forms.ChoiceField)  # noqa: S101
        need.choices = ANY + research_needs()
        domain.choices = ANY + research_domains()

    def filters(self) -> StudyFilters:
        """The valid filters (a value with an error is left out)."""
        data = dict(getattr(self, "cleaned_data", None) or {})
        return StudyFilters(
            need=data.get("need") or "",
            domain=data.get("domain") or "",
            status=data.get("status") or "",
            language=data.get("language") or "",
            q=data.get("q") or "",
        )


def _date(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}), **kwargs
    )


class StudyProposalForm(forms.Form):
    """A study proposed by a researcher: what an editor needs to review and publish it."""

    title = I18nFormField(label=_("Title"), max_length=300, required=True)
    kind = forms.ChoiceField(
        label=_("Study or project"),
        choices=StudyKind.choices,
        initial=StudyKind.STUDY,
        widget=forms.RadioSelect,
    )
    status = forms.ChoiceField(label=pgettext_lazy("study", "Status"), choices=StudyStatus.choices)
    institutions = forms.CharField(
        label=_("Institutions"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, with the country code: KU Leuven (BE)."),
        validators=[_no_nul],
    )
    funding = forms.CharField(
        label=_("Funded by"), required=False, max_length=300, validators=[_no_nul]
    )
    starts_on = _date(_("Starts on"))
    ends_on = _date(_("Ends on"))
    needs = forms.MultipleChoiceField(
        label=_("Needs it is about"), required=False, widget=forms.CheckboxSelectMultiple
    )
    methods = forms.MultipleChoiceField(
        label=_("Methods"),
        required=False,
        choices=Method.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    lay_summary = I18nFormField(
        label=_("Lay summary"),
        multiline=True,
        max_length=3000,
        required=True,
        help_text=_(
            "For patients and relatives, in plain language: what the study asks, who takes "
            "part, what it could change. Short sentences, no jargon. In as many languages as "
            "you can."
        ),
    )
    results = I18nFormField(label=_("Results"), multiline=True, max_length=4000)
    eligibility = I18nFormField(
        label=_("Who may take part"),
        multiline=True,
        max_length=1500,
        help_text=_("Only for a study looking for participants."),
    )
    how_to_take_part = I18nFormField(label=_("How to take part"), multiline=True, max_length=1500)
    contact_url = forms.URLField(
        label=_("Web page to take part"), required=False, max_length=500, assume_scheme="https"
    )
    contact_email = forms.EmailField(label=_("E-mail to take part"), required=False)
    publications = forms.CharField(
        label=_("Publications"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the reference, a |, then the DOI (10.1234/abcd)."),
        validators=[_no_nul],
    )
    source_url = forms.URLField(
        label=_("Source"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Where these facts can be checked, such as the study's registration."),
    )
    checked_on = _date(_("Checked on"), help_text=_("The day you checked the source."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        needs = self.fields["needs"]
        assert isinstance(needs, forms.MultipleChoiceField)  # noqa: S101 (declared above)
        needs.choices = [
            (need.code, str(need.label)) for need in Need.objects.order_by("sort_order", "code")
        ]
        for name in ("title", "lay_summary", "results", "eligibility", "how_to_take_part"):
            self.fields[name].validators.append(_no_nul)

    def clean_institutions(self) -> Any:
        return institutions_parse(self.cleaned_data.get("institutions") or "")

    def clean_publications(self) -> Any:
        return publications_parse(self.cleaned_data.get("publications") or "")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if self.errors:
            return cleaned
        for name, message in draft_problems(self.draft()):
            self.add_error(name if name in self.fields else None, message)
        return cleaned

    def draft(self) -> StudyDraft:
        data = self.cleaned_data
        return StudyDraft(
            title=data.get("title") or {},
            kind=data.get("kind") or StudyKind.STUDY,
            status=data.get("status") or StudyStatus.PLANNED,
            institutions=data.get("institutions") or [],
            funding=data.get("funding") or "",
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
            need_codes=list(data.get("needs") or []),
            methods=list(data.get("methods") or []),
            lay_summary=data.get("lay_summary") or {},
            results=data.get("results") or {},
            eligibility=data.get("eligibility") or {},
            how_to_take_part=data.get("how_to_take_part") or {},
            contact_url=data.get("contact_url") or "",
            contact_email=data.get("contact_email") or "",
            source_url=data.get("source_url") or "",
            checked_on=data.get("checked_on"),
            publications=data.get("publications") or [],
        )


class PublishForm(forms.Form):
    lay_summary_reviewed = forms.BooleanField(
        label=_("I reviewed the lay summary: it is plain language a patient can read."),
        required=False,
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the proposer reads it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_no_nul],
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma-separated, with the columns of docs/research.md."),
    )
    check_only = forms.BooleanField(label=_("Only check the file, save nothing"), required=False)
