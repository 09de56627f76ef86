"""Forms of the receiving service's inbox: one form per next step of a referral, and the
service's referral settings. Text fields reject NUL characters (Django's CharField does;
PostgreSQL refuses them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from beoncosup.referrals.codes import PERFORMER_MOVES, REASONS_FOR, Status
from beoncosup.referrals.services.statuses import MAX_NOTE

# The steps the staff choose themselves ("received" is set when they open the referral), in
# the order the page offers them.
MOVES = (
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.ON_HOLD,
    Status.REJECTED,
    Status.COMPLETED,
)
# The steps that take a note.
WITH_NOTE = {Status.REJECTED, Status.ON_HOLD, Status.COMPLETED}
REASON_LABELS: dict[str, Any] = {
    Status.REJECTED: _("Why do you decline the referral?"),
    Status.COMPLETED: _("How did it end?"),
}
BUTTONS: dict[str, Any] = {
    Status.ACCEPTED: _("Accept the referral"),
    Status.IN_PROGRESS: _("Start: help is under way"),
    Status.ON_HOLD: _("Put on hold"),
    Status.REJECTED: _("Decline the referral"),
    Status.COMPLETED: _("Close the referral"),
}


def moves_from(status: str) -> list[str]:
    """The steps the service may take from ``status``, in the page's order."""
    allowed = PERFORMER_MOVES.get(status, set())
    return [move for move in MOVES if move in allowed]


class MoveForm(forms.Form):
    """One next step (``target``): a reason from the list when the step needs one, and a
    note for the steps that take one. Its fields are prefixed with the step, so several
    forms fit on one page."""

    reason_code = forms.ChoiceField(widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("The referrer can read it. Keep health details out of it."),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, target: str, **kwargs: Any) -> None:
        kwargs["prefix"] = target
        super().__init__(*args, **kwargs)
        self.target = target
        self.button = BUTTONS.get(target, "")
        reasons = REASONS_FOR.get(target)
        field = self.fields["reason_code"]
        if reasons is None:
            del self.fields["reason_code"]
        elif isinstance(field, forms.ChoiceField):
            field.label = REASON_LABELS.get(target, _("Reason"))
            field.choices = [(reason.value, reason.label) for reason in reasons]
            field.error_messages["required"] = _("Choose a reason from the list.")
        if target not in WITH_NOTE:
            del self.fields["note"]

    def values(self) -> dict[str, str]:
        return {
            "reason_code": self.cleaned_data.get("reason_code", ""),
            "note": self.cleaned_data.get("note", ""),
        }


class ServiceSettingsForm(forms.Form):
    stall_after_days = forms.IntegerField(
        label=_("Remind the referrer after this many working days without an answer"),
        help_text=_(
            "Working days are Monday to Friday, Belgian public holidays excluded. "
            "Choose between 1 and 30."
        ),
        min_value=1,
        max_value=30,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
