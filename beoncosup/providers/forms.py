"""Forms of the providers app. Each rejects NUL characters (PostgreSQL refuses them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from beoncosup.core.i18n_text import LANGUAGE_NAMES
from beoncosup.directory.enums import CapacityStatus, WaitingBand
from beoncosup.providers.changes import TEXT_LANGUAGES, hours_parse

NO_NUL = [ProhibitNullCharactersValidator()]


class ClaimForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("For my organisation"), coerce=int)
    listing = forms.UUIDField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message for the editors (optional)"),
        help_text=_("For example your role in the organisation, so editors can check the claim."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=NO_NUL,
    )

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [(o.pk, o.name) for o in organisations]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name of the organisation in the directory"),
        required=False,
        max_length=100,
        validators=NO_NUL,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Required when you reject: the requester reads it."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=NO_NUL,
    )
    overwrite = forms.BooleanField(
        label=_("Overwrite the values changed since the proposal was made"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason for the rejection."))
        return data


class ProposalForm(forms.Form):
    """The proposable fields, prefilled with the current values (``initial_from``)."""

    hours = forms.CharField(
        label=_("Opening hours"),
        help_text=_(
            "One line per opening, days as MO,TU,WE,TH,FR,SA,SU and the hours, "
            "e.g. “MO,TU,WE 09:00-17:00”. Leave empty when there are no fixed hours."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=NO_NUL,
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=50,
        validators=[
            *NO_NUL,
            RegexValidator(r"^\+?[0-9 ./()-]*$", _("Use digits, spaces and + . / ( ) - only.")),
        ],
    )
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    url = forms.URLField(label=_("Web page"), required=False, max_length=500, assume_scheme="https")
    minimum_age = forms.IntegerField(
        label=_("Minimum age"), required=False, min_value=0, max_value=120
    )
    maximum_age = forms.IntegerField(
        label=_("Maximum age"), required=False, min_value=0, max_value=120
    )
    languages = forms.CharField(
        label=_("Languages offered"),
        help_text=_("Two-letter language codes separated by commas, e.g. “nl, fr, en”."),
        required=False,
        max_length=200,
        validators=NO_NUL,
    )
    note = forms.CharField(
        label=_("Note for the editors (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=NO_NUL,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in TEXT_LANGUAGES:
            name = LANGUAGE_NAMES[language]
            self.fields[f"eligibility_{language}"] = forms.CharField(
                label=_("Who can use it (%(language)s)") % {"language": name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=NO_NUL,
            )
            self.fields[f"wait_time_{language}"] = forms.CharField(
                label=_("Waiting time (%(language)s)") % {"language": name},
                required=False,
                max_length=255,
                validators=NO_NUL,
            )

    def text_fields(self, prefix: str) -> list[Any]:
        return [self[f"{prefix}_{language}"] for language in TEXT_LANGUAGES]

    @staticmethod
    def initial_from(snapshot: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "hours": "\n".join(snapshot["hours"]),
            "phone": snapshot["phone"],
            "email": snapshot["email"],
            "url": snapshot["url"],
            "minimum_age": snapshot["minimum_age"],
            "maximum_age": snapshot["maximum_age"],
            "languages": ", ".join(snapshot["languages"]),
        }
        for language in TEXT_LANGUAGES:
            initial[f"eligibility_{language}"] = snapshot["eligibility_description"].get(
                language, ""
            )
            initial[f"wait_time_{language}"] = snapshot["wait_time"].get(language, "")
        return initial

    def clean_hours(self) -> list[str]:
        try:
            return hours_parse(self.cleaned_data.get("hours") or "")
        except ValueError as error:
            raise ValidationError(
                _("This line is not of the form “MO,TU 09:00-17:00”: %(line)s"),
                params={"line": str(error)},
            ) from None

    def clean_languages(self) -> list[str]:
        raw = self.cleaned_data.get("languages") or ""
        codes = [c.strip().lower() for c in raw.replace(";", ",").split(",") if c.strip()]
        wrong = [c for c in codes if len(c) != 2 or not c.isascii() or not c.isalpha()]
        if wrong:
            raise ValidationError(
                _("Not a two-letter language code: %(codes)s"), params={"codes": ", ".join(wrong)}
            )
        return sorted(set(codes))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("The maximum age is below the minimum age."))
        return data

    def values(self) -> dict[str, Any]:
        """The cleaned values, shaped as changes.service_snapshot shapes them."""
        data = self.cleaned_data
        return {
            "hours": data["hours"],
            "phone": data["phone"].strip(),
            "email": data["email"].strip(),
            "url": data["url"].strip(),
            "eligibility_description": {
                lang: text
                for lang in TEXT_LANGUAGES
                if (text := data[f"eligibility_{lang}"].strip())
            },
            "minimum_age": data["minimum_age"],
            "maximum_age": data["maximum_age"],
            "wait_time": {
                lang: text for lang in TEXT_LANGUAGES if (text := data[f"wait_time_{lang}"].strip())
            },
            "languages": data["languages"],
        }


class CapacityForm(forms.Form):
    """A service's capacity for new referrals (directory.services.capacity_set checks the
    rest: a band only with a waiting list, no date in the future)."""

    status = forms.ChoiceField(
        label=_("New referrals"),
        choices=CapacityStatus.choices,
        widget=forms.RadioSelect,
    )
    waiting_band = forms.ChoiceField(
        label=_("How long is the waiting list?"),
        help_text=_("Only for a waiting list."),
        choices=WaitingBand.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    as_of = forms.DateField(
        label=_("Since"),
        help_text=_("The date this is true from; today if you leave it as it is."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # A band left chosen after switching to "open" or "closed" means nothing: drop it.
        if cleaned.get("status") != CapacityStatus.WAITING_LIST:
            cleaned["waiting_band"] = ""
        return cleaned
