"""The referral form: what the professional (or the person themselves) fills in, then the
consent step that shows the statement to read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.core.phone import PhoneNumberField
from beoncosup.core.sms import sms_enabled
from beoncosup.referrals.codes import (
    NEEDS_EMAIL,
    NEEDS_PHONE,
    CareRole,
    ContactMethod,
    DataCategory,
    Purpose,
    Urgency,
)

SIGNING_SALT = "beoncosup.referrals.draft"
DRAFT_MAX_AGE = 3600  # seconds: the consent step must follow within the hour
CONSENT_MONTHS = ((3, 3), (6, 6), (12, 12), (24, 24))


def _months(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=round(count * 30.44))


class ReferralForm(forms.Form):
    """Step one. ``needs`` offers the service's needs (and those the page came with)."""

    needs = forms.MultipleChoiceField(
        label=_("What the referral is for"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one need.")},
    )
    reason = forms.CharField(
        label=_("A short reason for the service (optional)"),
        help_text=_("At most 500 characters. Write only what the service needs to know."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        initial=Urgency.ROUTINE,
        widget=forms.RadioSelect,
    )
    consent = forms.ChoiceField(
        label=_("Does the person agree that their data is shared?"),
        choices=[
            ("yes", _("Yes: the service receives the referral and can contact the person")),
            (
                "no",
                _(
                    "No: an anonymous referral. Nothing goes to the service; the person gets "
                    "its next steps and contacts it themselves"
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the person agrees to share their data.")},
    )
    name = forms.CharField(
        label=_("The person's name"),
        help_text=_("Only what the service needs to know whom to expect."),
        required=False,
        max_length=150,
    )
    contact_method = forms.ChoiceField(
        label=_("How does the person want to be contacted?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    phone = PhoneNumberField(label=_("Phone number (for a call or a text message)"), required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254)
    language = forms.ChoiceField(label=_("The person's language"), choices=settings.LANGUAGES)
    categories = forms.MultipleChoiceField(
        label=_("What the person agrees to share"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=[DataCategory.NEEDS, DataCategory.CONTACT],
    )
    care_roles = forms.MultipleChoiceField(
        label=_("Which professionals of their care team may see it"),
        choices=CareRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    purposes = forms.MultipleChoiceField(
        label=_("For what"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=[Purpose.REFERRAL],
    )
    months = forms.TypedChoiceField(
        label=_("For how long"),
        choices=[
            (m, pgettext_lazy("consent duration", "%(n)s months") % {"n": m})
            for m, _n in CONSENT_MONTHS
        ],
        coerce=int,
        initial=6,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, needs: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("needs").choices = needs
        if not sms_enabled():  # no SMS provider configured: do not offer what cannot be sent
            self._choices("contact_method").choices = [
                (code, label) for code, label in ContactMethod.choices if code != ContactMethod.SMS
            ]

    def _choices(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        return field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("consent") != "yes":
            return data
        method = data.get("contact_method")
        if not data.get("name", "").strip():
            self.add_error(
                "name", _("Give the person's name, so the service knows whom to expect.")
            )
        if not method:
            self.add_error("contact_method", _("Choose how the person wants to be contacted."))
        elif method in NEEDS_PHONE and not data.get("phone"):
            self.add_error(
                "phone", _("Give a phone number to be called or to receive text messages on.")
            )
        elif method in NEEDS_EMAIL and not data.get("email"):
            self.add_error("email", _("Give an e-mail address to be written to."))
        if not data.get("categories"):
            self.add_error("categories", _("Choose what the person agrees to share."))
        elif (
            method in (NEEDS_PHONE | NEEDS_EMAIL) and DataCategory.CONTACT not in data["categories"]
        ):
            self.add_error(
                "categories",
                _(
                    "To be called or written to, the person must agree to share their name and "
                    "contact details with the service."
                ),
            )
        if not data.get("purposes"):
            self.add_error("purposes", _("Choose at least one purpose."))
        return data

    @property
    def valid_until(self) -> dt.date:
        return _months(int(self.cleaned_data.get("months") or 6))


class ProfessionalReferralForm(ReferralForm):
    referrer_role = forms.ChoiceField(
        label=_("Your role in the person's care team"),
        choices=CareRole.choices,
        initial=CareRole.ONCOCOACH,
    )
    organisation = forms.TypedChoiceField(label=_("You refer on behalf of"), coerce=int)

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("organisation").choices = organisations
        if len(organisations) == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations[0][0]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        role = data.get("referrer_role")
        if data.get("consent") == "yes" and role and role not in (data.get("care_roles") or []):
            roles = list(data.get("care_roles") or [])
            data["care_roles"] = [*roles, role]  # the referrer follows up the referral
        return data


class SelfReferralForm(ReferralForm):
    """A person refers themselves: the consent is theirs, given on their own device."""

    website = forms.CharField(required=False, widget=forms.HiddenInput)  # a trap for robots

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _("May we send your request to the service?")
        self._choices("consent").choices = [
            ("yes", _("Yes: send my request, the service contacts me")),
            ("no", _("No: only show me how to contact the service myself")),
        ]
        self.fields["name"].label = _("Your name")
        self.fields["name"].help_text = _("So the service knows whom to expect.")
        self.fields["contact_method"].label = _("How do you want to be contacted?")
        self.fields["language"].label = _("Your language")
        self.fields["reason"].label = _("A short message for the service (optional)")
        self.fields["categories"].label = _("What you agree to share with the service")
        self._choices("categories").choices = [
            (c, label) for c, label in DataCategory.choices if c != DataCategory.NOTES
        ]
        del self.fields["care_roles"]
        self.fields["urgency"].label = _("How soon do you need help?")

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Please leave this field empty."))
        return ""


class ConsentForm(forms.Form):
    """Step two: the draft of step one (signed, so it comes back unchanged) and the answer."""

    draft = forms.CharField(widget=forms.HiddenInput)
    agreed = forms.BooleanField(
        label=_("The person heard this statement and agrees"),
        error_messages={"required": _("Tick the box once the person agrees, or go back.")},
    )

    def clean_draft(self) -> dict[str, Any]:
        try:
            loaded: dict[str, Any] = signing.loads(
                self.cleaned_data["draft"], salt=SIGNING_SALT, max_age=DRAFT_MAX_AGE
            )
        except signing.SignatureExpired:
            raise ValidationError(
                _("This form is more than an hour old: please start again.")
            ) from None
        except signing.BadSignature:
            raise ValidationError(
                _("This form was changed on the way: please start again.")
            ) from None
        return loaded


def draft_dump(data: dict[str, Any]) -> str:
    return signing.dumps(data, salt=SIGNING_SALT, compress=True)
