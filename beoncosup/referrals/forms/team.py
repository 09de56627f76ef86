"""Forms of the care-team pages. Each rejects NUL characters (PostgreSQL refuses them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from beoncosup.referrals.codes import CareRole, Urgency

NO_NUL = [ProhibitNullCharactersValidator()]


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the professional"),
        help_text=_("Their account here, as a professional of an organisation."),
        max_length=254,
        validators=NO_NUL,
    )
    role = forms.ChoiceField(label=_("Role in the care team"), choices=CareRole.choices)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note for the care team"),
        help_text=_("Short and factual: the person can ask to read it. At most 2,000 characters."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=NO_NUL,
    )


class ServiceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name of the service"),
        required=False,
        max_length=100,
        validators=NO_NUL,
    )


class CaseReferForm(forms.Form):
    service = forms.UUIDField(widget=forms.HiddenInput)
    needs = forms.MultipleChoiceField(
        label=_("What the referral is for"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one need the referral is for.")},
    )
    reason = forms.CharField(
        label=_("Short reason (optional)"),
        help_text=_("What the service should know first. At most 500 characters."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=NO_NUL,
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        initial=Urgency.ROUTINE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, need_codes: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["needs"]
        if isinstance(field, forms.MultipleChoiceField):
            field.choices = [(code, code) for code in need_codes]
