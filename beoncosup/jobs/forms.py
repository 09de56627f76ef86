"""Forms of the jobs pages: the employer's account and offers, moderation, the search's
filters, and the two ways to express interest."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.core.i18n_text import I18nFormField, default_language
from beoncosup.core.phone import PhoneNumberField
from beoncosup.geo.models import PostalCode
from beoncosup.geo.selectors import POSTCODE_PATTERN
from beoncosup.jobs.codes import ContractType, Flexibility, OfferKind, Sector
from beoncosup.jobs.kbo import enterprise_number_normalise
from beoncosup.jobs.models import JobOffer, Occupation
from beoncosup.jobs.selectors import JobFilters, occupation_label
from beoncosup.jobs.services.offers import MAX_DAYS, default_expiry, latest_expiry
from beoncosup.situation.codes import EmploymentStatus, Language, Region

ANY = [("", pgettext_lazy("filter", "Any"))]


def no_nul(value: Any) -> None:
    if "\x00" in str(value):
        raise ValidationError(_("Remove the invisible control characters."))


def _clean_nul(data: dict[str, Any]) -> None:
    """Refuse NUL characters in any text, also inside the four-language fields."""
    for value in data.values():
        texts = value.values() if isinstance(value, dict) else [value]
        for text in texts:
            if isinstance(text, str) and "\x00" in text:
                raise ValidationError(_("Remove the invisible control characters."))


def _known_postcode(value: str) -> str:
    value = (value or "").strip()
    if not re.match(POSTCODE_PATTERN, value):
        raise ValidationError(_("Give a Belgian postcode of four digits, like 2000."))
    if not PostalCode.objects.filter(code=value).exists():
        raise ValidationError(_("This postcode does not exist in Belgium."))
    return value


class PostcodeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 4)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "postal-code", "size": "6"})
        return attrs

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        return _known_postcode(value) if value else ""


class EmployerSignupForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("As registered with the Crossroads Bank for Enterprises."),
        validators=[no_nul],
    )
    public_name = forms.CharField(
        label=_("Name shown with your offers"), max_length=200, validators=[no_nul]
    )
    enterprise_number = forms.CharField(
        label=_("Enterprise number (KBO/BCE)"),
        max_length=20,
        help_text=_("Ten digits, for example 0123.456.749."),
        validators=[no_nul],
    )
    postcode = PostcodeField(label=_("Postcode"))
    contact_email = forms.EmailField(
        label=_("Contact e-mail address"),
        help_text=_("Messages about your offers are sent here. It is never shown on the site."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)

    def clean_enterprise_number(self) -> str:
        return enterprise_number_normalise(self.cleaned_data["enterprise_number"])


class OfferForm(forms.Form):
    """An offer as the employer writes it."""

    kind = forms.ChoiceField(
        label=_("What do you offer?"), choices=OfferKind.choices, widget=forms.RadioSelect
    )
    title = I18nFormField(label=_("Title"), max_length=200, required=True)
    description = I18nFormField(
        label=_("Description"), max_length=5000, multiline=True, required=True
    )
    occupation = forms.ModelChoiceField(
        label=_("Occupation"), queryset=Occupation.objects.none(), required=False
    )
    postcode = PostcodeField(label=_("Postcode of the workplace"))
    hours_min = forms.IntegerField(label=_("Hours a week, at least"), min_value=1, max_value=60)
    hours_max = forms.IntegerField(label=_("Hours a week, at most"), min_value=1, max_value=60)
    flexibility = forms.MultipleChoiceField(
        label=_("Flexibility"),
        choices=Flexibility.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    adjustments = I18nFormField(
        label=_("Adjustments already in place"),
        max_length=2000,
        multiline=True,
        help_text=_("For example: a quiet room, an adjustable desk, flexible breaks."),
    )
    contract_type = forms.ChoiceField(label=_("Contract"), choices=ContractType.choices)
    progressive_resumption = forms.BooleanField(
        label=_("Open to a progressive return to work"),
        required=False,
        help_text=_(
            "Someone on sickness benefit may work here part-time with the permission of their "
            "mutuality's advising physician."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of work"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, validators=[no_nul])
    contact_email = forms.EmailField(
        label=_("Contact e-mail address"),
        help_text=_("Messages from candidates are relayed here; the address is never shown."),
    )
    contact_phone = PhoneNumberField(
        label=_("Contact phone (optional)"), mobile=False, required=False
    )
    expires_on = forms.DateField(
        label=_("Show the offer until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At most 90 days from today."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        occupation = self.fields["occupation"]
        assert isinstance(occupation, forms.ModelChoiceField)  # noqa: S101 (declared above)
        occupation.queryset = Occupation.objects.order_by("pk")
        language = default_language()
        occupation.label_from_instance = lambda obj: occupation_label(obj, language)  # type: ignore[method-assign]
        if not self.is_bound and "expires_on" not in self.initial:
            self.initial["expires_on"] = default_expiry()

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        _clean_nul(cleaned)
        low, high = cleaned.get("hours_min"), cleaned.get("hours_max")
        if low and high and low > high:
            self.add_error("hours_max", _("The most hours must be at least the fewest hours."))
        expires = cleaned.get("expires_on")
        today = timezone.localdate()
        if expires and expires <= today:
            self.add_error("expires_on", _("Choose a date after today."))
        elif expires and expires > latest_expiry(today):
            self.add_error(
                "expires_on",
                _("An offer is shown for at most %(days)s days: choose an earlier date.")
                % {"days": MAX_DAYS},
            )
        return cleaned

    @classmethod
    def initial_from(cls, offer: JobOffer) -> dict[str, Any]:
        return {
            name: getattr(offer, name)
            for name in (
                "kind",
                "title",
                "description",
                "occupation",
                "postcode",
                "hours_min",
                "hours_max",
                "flexibility",
                "adjustments",
                "contract_type",
                "progressive_resumption",
                "languages",
                "contact_name",
                "contact_email",
                "contact_phone",
                "expires_on",
            )
        }


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it not accepted?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The employer receives this by e-mail, in their language."),
        validators=[no_nul],
    )


class SearchForm(forms.Form):
    """The search's filters (GET: every value optional, every value checked)."""

    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        validators=[no_nul],
        help_text=_("For example: accountant, shop, warehouse."),
    )
    postcode = PostcodeField(label=_("Near postcode"), required=False)
    max_km = forms.IntegerField(label=_("Within (km)"), required=False, min_value=1, max_value=200)
    region = forms.ChoiceField(label=_("Region"), required=False)
    hours_max = forms.IntegerField(
        label=_("At most this many hours a week"), required=False, min_value=1, max_value=60
    )
    remote = forms.BooleanField(label=_("Work from home possible"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    occupation = forms.TypedChoiceField(
        label=_("Occupation"), required=False, coerce=int, empty_value=None
    )
    language = forms.ChoiceField(label=_("Language of work"), required=False)

    def __init__(self, *args: Any, occupations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("region", ANY + list(Region.choices))
        self._choices("kind", ANY + list(OfferKind.choices))
        self._choices("language", ANY + list(Language.choices))
        self._choices("occupation", ANY + [(str(pk), label) for pk, label in occupations])

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        field.choices = choices

    def filters(self) -> JobFilters:
        """The valid filters (a value with an error is left out)."""
        data = dict(getattr(self, "cleaned_data", None) or {})
        return JobFilters(
            postcode=data.get("postcode") or "",
            max_km=data.get("max_km"),
            region=data.get("region") or "",
            hours_max=data.get("hours_max"),
            remote=bool(data.get("remote")),
            kind=data.get("kind") or "",
            occupation=data.get("occupation"),
            language=data.get("language") or "",
            q=data.get("q") or "",
        )


class StatusForm(forms.Form):
    """'What this means for your benefits': the person's employment status (GET)."""

    status = forms.ChoiceField(
        label=_("Your work situation"), choices=[("", "—"), *EmploymentStatus.choices]
    )


class ContactForm(forms.Form):
    """What the person chooses to send: nothing more is asked, nothing more is sent."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[no_nul],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    reply_email = forms.EmailField(
        label=_("Your e-mail address (for the reply)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    reply_phone = PhoneNumberField(
        label=_("Or your phone number (for the reply)"), mobile=False, required=False
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        validators=[no_nul],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only what you write here is sent. You do not need to mention your health."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if (
            not cleaned.get("reply_email")
            and not cleaned.get("reply_phone")
            and not (self.errors.get("reply_email") or self.errors.get("reply_phone"))
        ):
            self.add_error(
                "reply_email", _("Give an e-mail address or a phone number for the reply.")
            )
        return cleaned


class CoachForm(forms.Form):
    coach_email = forms.EmailField(
        label=_("Your career coach's e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[no_nul],
        help_text=_("So your coach knows who sends the offer."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    note = forms.CharField(
        label=_("A note for your coach (optional)"),
        max_length=1000,
        required=False,
        validators=[no_nul],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
