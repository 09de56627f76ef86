"""The forms of the person's private page: short, one choice at a time."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.referrals.codes import Reason

# The reasons a person gives to stop a referral (codes.CANCEL_REASONS), in their own words.
CANCEL_CHOICES = [
    (
        Reason.NO_LONGER_INTERESTED.value,
        pgettext_lazy("person cancel reason", "I do not need it any more"),
    ),
    (
        Reason.REFERRED_ELSEWHERE.value,
        pgettext_lazy("person cancel reason", "I get help somewhere else"),
    ),
    (Reason.OTHER.value, pgettext_lazy("person cancel reason", "Another reason")),
]


class CancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you want to stop this referral?"),
        choices=CANCEL_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one answer."),
            "invalid_choice": _("Choose one of the answers in the list."),
        },
    )
