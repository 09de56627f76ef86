"""The network's forms: a member's profile, the directory search, a group's meeting and
announcement. Each says clearly who will see what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.core.phone import PHONE_HINT, phone_normalise
from beoncosup.network.codes import Discipline, PublicField, Setting
from beoncosup.network.services import MeetingData, ProfileData, region_of_postcode
from beoncosup.situation.codes import Language
from beoncosup.taxonomy.models import Need
from beoncosup.taxonomy.widgets import NeedPicker

POSTCODE_HINT = _("Four digits, for example 9000.")


def _no_nul(value: Any) -> None:
    if "\x00" in str(value):
        raise ValidationError(_("This text contains a character that is not allowed."))


def _postcode(value: str) -> str:
    value = value.strip()
    if not (len(value) == 4 and value.isdigit()) or not region_of_postcode(value):
        raise ValidationError(_("Enter a Belgian postcode of four digits, for example 9000."))
    return value


class NeedCodesField(forms.MultipleChoiceField):
    """Need codes ticked in the grouped need picker (the choices are set per form)."""

    widget = NeedPicker(by="code")
    default_error_messages = {"invalid_choice": _("We do not know the need %(value)s.")}


def _need_choices() -> list[tuple[str, str]]:
    return [(code, code) for code in Need.objects.values_list("code", flat=True)]


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name as shown"), max_length=120, validators=[_no_nul]
    )
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    expertise = NeedCodesField(
        label=_("Expertise"),
        required=False,
        help_text=_("The needs of people with cancer you can help with."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    postcode = forms.CharField(
        label=_("Postcode of your practice"), max_length=4, help_text=POSTCODE_HINT
    )
    setting = forms.ChoiceField(label=_("Practice setting"), choices=Setting.choices)
    accepts_referrals = forms.BooleanField(label=_("I accept referrals"), required=False)
    about = forms.CharField(
        label=_("About your work"),
        max_length=800,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[_no_nul],
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False, max_length=254)
    contact_phone = forms.CharField(
        label=_("Contact phone"), required=False, max_length=40, help_text=PHONE_HINT
    )
    public_fields = forms.MultipleChoiceField(
        label=_("What the public may see"),
        choices=PublicField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick nothing to be seen by network members only. Whatever you tick is shown to "
            "everyone, with your name, in the public directory."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that BeONCOsup shows this profile to the members of the network, and "
            "the fields I ticked to everyone. I can change or remove it at any time."
        ),
        error_messages={"required": _("Tick this box to publish your profile.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["expertise"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 (declared above)
        field.choices = _need_choices()

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data["postcode"])

    def clean_contact_phone(self) -> str:
        text = self.cleaned_data.get("contact_phone", "").strip()
        return phone_normalise(text, mobile=False) if text else ""

    def data_out(self) -> ProfileData:
        data = self.cleaned_data
        return ProfileData(
            display_name=data["display_name"].strip(),
            discipline=data["discipline"],
            expertise=tuple(data["expertise"]),
            languages=tuple(data["languages"]),
            postcode=data["postcode"],
            setting=data["setting"],
            accepts_referrals=data["accepts_referrals"],
            about=data["about"].strip(),
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            public_fields=tuple(data["public_fields"]),
        )

    @classmethod
    def initial_from(cls, profile: Any) -> dict[str, Any]:
        return {
            "display_name": profile.display_name,
            "discipline": profile.discipline,
            "expertise": [need.code for need in profile.expertise.all()],
            "languages": profile.languages,
            "postcode": profile.postcode,
            "setting": profile.setting,
            "accepts_referrals": profile.accepts_referrals,
            "about": profile.about,
            "contact_email": profile.contact_email,
            "contact_phone": profile.contact_phone,
            "public_fields": profile.public_fields,
        }


class SearchForm(forms.Form):
    """The directory's GET form (the same parameters as the API)."""

    need = NeedCodesField(label=_("Expertise"), required=False)
    postcode = forms.CharField(
        label=_("Near postcode"), max_length=4, required=False, help_text=POSTCODE_HINT
    )
    max_km = forms.TypedChoiceField(
        label=_("Within"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", _("50 km (default)"))]
        + [(str(km), _("%(km)s km") % {"km": km}) for km in (5, 10, 25, 100, 200)],
    )
    discipline = forms.ChoiceField(
        label=_("Discipline"),
        required=False,
        choices=[("", pgettext_lazy("discipline", "Any discipline")), *Discipline.choices],
    )
    lang = forms.ChoiceField(
        label=_("Speaks"),
        required=False,
        choices=[("", pgettext_lazy("language", "Any language")), *Language.choices],
    )
    referrals = forms.BooleanField(label=_("Accepts referrals"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["need"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 (declared above)
        field.choices = _need_choices()

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "").strip()
        return _postcode(value) if value else ""


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False, validators=[_no_nul])
    address = forms.CharField(
        label=_("Address"), max_length=300, required=False, validators=[_no_nul]
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=4, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[_no_nul],
    )

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "").strip()
        return _postcode(value) if value else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if not (data.get("venue") or data.get("address") or data.get("online_url")):
            raise ValidationError(_("Give a place or an online link."))
        if data["ends"] <= data["starts"]:
            self.add_error("ends", _("The meeting must end after it starts."))
        elif self._at(data["starts"]) < timezone.now():
            self.add_error("date", _("The meeting must be in the future."))
        return data

    def _at(self, time: dt.time) -> dt.datetime:
        zone = timezone.get_current_timezone()
        return dt.datetime.combine(self.cleaned_data["date"], time, tzinfo=zone)

    def data_out(self) -> MeetingData:
        data = self.cleaned_data
        return MeetingData(
            starts_at=self._at(data["starts"]),
            ends_at=self._at(data["ends"]),
            venue=data["venue"],
            address=data["address"],
            postcode=data["postcode"],
            online_url=data["online_url"],
            agenda=data["agenda"],
        )


class AnnouncementForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200, validators=[_no_nul])
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        validators=[_no_nul],
    )
