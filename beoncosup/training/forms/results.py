"""Forms of the results pages: the course's alert threshold and the coordinator's follow-up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from beoncosup.training.models import Session, Trainer
from beoncosup.training.services.followup import MAX_TEXT


class ThresholdForm(forms.Form):
    threshold = forms.DecimalField(
        label=_("Alert below this average score"),
        help_text=_("From 1 to 5. A trainer's session average below it raises a flag."),
        min_value=Decimal(1),
        max_value=Decimal(5),
        max_digits=2,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )


class SessionChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        session: Session = obj
        label = date_format(timezone.localtime(session.starts_at), "SHORT_DATETIME_FORMAT")
        return f"{label} – {session.venue}" if session.venue else label


class FollowUpForm(forms.Form):
    finding = forms.CharField(
        label=_("What the evaluation showed"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action = forms.CharField(
        label=_("What changes for the next session"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    session = SessionChoice(
        label=_("About the session (optional)"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("The course as a whole"),
    )
    trainer = forms.ModelChoiceField(
        label=_("About the trainer (optional)"),
        queryset=Trainer.objects.none(),
        required=False,
        empty_label=_("No trainer in particular"),
    )

    def __init__(
        self, *args: Any, sessions: list[Session], trainers: list[Trainer], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        session_field: Any = self.fields["session"]
        session_field.queryset = Session.objects.filter(pk__in=[s.pk for s in sessions])
        trainer_field: Any = self.fields["trainer"]
        trainer_field.queryset = Trainer.objects.filter(pk__in=[t.pk for t in trainers])


REASON_MAX = 200


class RevokeForm(forms.Form):
    """Why a certificate is revoked (kept in the audit log, not shown publicly)."""

    reason = forms.CharField(
        label=_("Why is this certificate revoked?"),
        help_text=_("For the record: for example, attendance was recorded by mistake."),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "aria-describedby": "id_reason-hint"}),
    )
