"""Forms of the follow-up pages. Each rejects NUL characters (PostgreSQL refuses them)."""

from __future__ import annotations

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from beoncosup.referrals.codes import CANCEL_REASONS

NO_NUL = [ProhibitNullCharactersValidator()]


class CancelForm(forms.Form):
    reason_code = forms.ChoiceField(
        label=_("Why is the referral cancelled?"),
        choices=[(reason.value, reason.label) for reason in CANCEL_REASONS],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the service (optional)"),
        help_text=_("Do not write health details here."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=NO_NUL,
    )
