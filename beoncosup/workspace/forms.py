"""The workspace's forms. Texts are bounded and NUL characters refused (Django's CharField)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import Language
from beoncosup.situation.forms import situation_fields
from beoncosup.workspace import selectors
from beoncosup.workspace.finder_query import search_query_clean
from beoncosup.workspace.models import NAME_MAX, NOTE_MAX, QUERY_MAX

NOTE_HINT = _(
    "A short reminder for yourself or your colleagues, such as “call first”. "
    "Never write anything about a patient here."
)


class _OrganisationMixin(forms.Form):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=None,
        help_text=_("Sharing shows it, read-only, to the members of this organisation."),
    )
    shared = forms.BooleanField(label=_("Share with my organisation"), required=False)

    def _organisations(self, user: Any) -> None:
        field = self.fields["organisation"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = selectors.organisations_for_workspace(user=user)


class SearchSaveForm(_OrganisationMixin):
    query = forms.CharField(max_length=QUERY_MAX, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Left empty, the search is named after its needs and postcode."),
    )
    remember_default = forms.BooleanField(
        label=_("Remember this postcode and these languages as my defaults"), required=False
    )
    field_order = ["query", "name", "organisation", "shared", "remember_default"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organisations(user)

    def clean_query(self) -> str:
        return search_query_clean(str(self.cleaned_data.get("query", "")))


class SearchEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    shared = forms.BooleanField(label=_("Share with my organisation"), required=False)


class ListCreateForm(_OrganisationMixin):
    name = forms.CharField(label=_("Name of the list"), max_length=NAME_MAX)
    field_order = ["name", "organisation", "shared"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organisations(user)


class ListEditForm(forms.Form):
    name = forms.CharField(label=_("Name of the list"), max_length=NAME_MAX)
    shared = forms.BooleanField(label=_("Share with my organisation"), required=False)


class ItemAddForm(forms.Form):
    service = forms.UUIDField(widget=forms.HiddenInput)
    service_list: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Add to the list"),
        queryset=None,
        required=False,
        empty_label=_("A new list (name it below)"),
    )
    new_list_name = forms.CharField(
        label=_("Name of the new list"), max_length=NAME_MAX, required=False
    )
    note = forms.CharField(
        label=_("Note (optional)"), max_length=NOTE_MAX, required=False, help_text=NOTE_HINT
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["service_list"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = selectors.lists_owned(user=user)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        new_name = str(cleaned.get("new_list_name") or "").strip()
        if not self.errors and not cleaned.get("service_list") and not new_name:
            self.add_error(
                "new_list_name",
                ValidationError(_("Choose a list, or name a new one."), code="required"),
            )
        return cleaned


class SettingsForm(forms.Form):
    """The finder's questions as the finder asks them (same parsers, same messages)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared = situation_fields()
        self.fields["postcode"] = shared["postcode"]
        self.fields["postcode"].label = _("Default postcode or municipality")
        self.fields["postcode"].help_text = _(
            "The finder starts with it after you sign in, e.g. 9000 or Gent."
        )
        self.fields["languages"] = shared["languages"]
        self.fields["languages"].label = _("Default languages")
        languages = self.fields["languages"]
        if isinstance(languages, forms.ChoiceField):
            languages.choices = Language.choices

    def clean_postcode(self) -> str:
        place = self.cleaned_data.get("postcode")
        return str(getattr(place, "postcode", "") or "")
