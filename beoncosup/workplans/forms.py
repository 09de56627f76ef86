"""The forms of return-to-work plans: short, one section at a time, a clear message per field.

Text fields refuse NUL characters (Django's CharField does), dates are ISO (``<input
type=date>``, which browsers without it let people type as 2027-01-31)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beoncosup.core.phone import PhoneNumberField
from beoncosup.workplans.codes import (
    EMPLOYER_LANGUAGES,
    HELPER_ROLES,
    MAX_HOURS_PER_DAY,
    MAX_HOURS_PER_WEEK,
    Adjustment,
    ContactRole,
    Weekday,
)
from beoncosup.workplans.models import WorkPlan, WorkPlanContact, WorkPlanPhase

DATE_HINT = _("For example 2027-03-01.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date(label: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=DATE_HINT,
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter a date such as 2027-03-01."),
        },
    )


class PlanDetailsForm(forms.Form):
    """The plan's title, start, employer and the employer's language."""

    title = forms.CharField(
        label=_("Title of the plan"),
        max_length=200,
        initial=_("My return to work"),
        error_messages={"required": _("Give the plan a title.")},
    )
    start_date = _date(_("First day back at work"))
    employer_name = forms.CharField(label=_("Employer (optional)"), max_length=200, required=False)
    employer_language = forms.ChoiceField(
        label=_("Language of the employer"),
        choices=EMPLOYER_LANGUAGES,
        help_text=_("What you share with the employer and its PDF are in this language."),
    )
    first_name = forms.CharField(
        label=_("Your first name (optional)"),
        max_length=100,
        required=False,
        help_text=_("Only shared with the employer if you choose so."),
    )

    def __init__(self, *args: Any, plan: WorkPlan | None = None, **kwargs: Any) -> None:
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_start_date(self) -> dt.date:
        start: dt.date = self.cleaned_data["start_date"]
        if self.plan is not None:
            first = min((phase.starts_on for phase in self.plan.phases.all()), default=None)
            if first is not None and start > first:
                raise forms.ValidationError(
                    _("The first phase starts on %(date)s: the start date cannot be later."),
                    params={"date": first.isoformat()},
                )
            first_review = min((review.date for review in self.plan.reviews.all()), default=None)
            if first_review is not None and start > first_review:
                raise forms.ValidationError(
                    _("A review date is on %(date)s: the start date cannot be later."),
                    params={"date": first_review.isoformat()},
                )
        return start


class PlanStartForm(PlanDetailsForm):
    """A new plan; a professional also says in what role they keep it."""

    helper_role = forms.ChoiceField(label=_("You keep this plan as"), choices=HELPER_ROLES)

    def __init__(self, *args: Any, professional: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not professional:
            del self.fields["helper_role"]


class AdjustmentsForm(forms.Form):
    adjustments = forms.MultipleChoiceField(
        label=_("Adjustments at work"),
        choices=Adjustment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    adjustments_text = forms.CharField(
        label=_("Other adjustments or details"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Work arrangements only: nothing about your health."),
    )


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Private notes"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For you and the professionals on this plan. Never shared with the employer."),
    )


class PhaseForm(forms.Form):
    """One phase; dates after the plan's start, in order and not overlapping another phase,
    sensible hours."""

    name = forms.CharField(
        label=_("Name of the phase"),
        max_length=120,
        help_text=_("For example: weeks 1 to 4."),
        error_messages={"required": _("Give the phase a name.")},
    )
    starts_on = _date(_("From"))
    ends_on = _date(_("To"))
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"),
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        max_digits=4,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        help_text=_("Between 0 and 60."),
        error_messages={
            "required": _("Enter the hours per week, for example 16."),
            "invalid": _("Enter a number of hours, for example 16 or 19.5."),
            "min_value": _("The hours per week cannot be below 0."),
            "max_value": _("The hours per week cannot be more than 60."),
            "max_decimal_places": _("Use at most one decimal, for example 19.5."),
            "max_digits": _("Enter a number of hours between 0 and 60."),
        },
    )
    days = forms.MultipleChoiceField(
        label=_("Days at work (optional)"),
        choices=Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tasks = forms.CharField(
        label=_("Tasks and adjustments in this phase (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args: Any, plan: WorkPlan, phase: WorkPlanPhase | None = None, **kwargs: Any
    ) -> None:
        self.plan = plan
        self.phase = phase
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts: dt.date | None = data.get("starts_on")
        ends: dt.date | None = data.get("ends_on")
        if starts is not None and starts < self.plan.start_date:
            self.add_error(
                "starts_on",
                forms.ValidationError(
                    _("A phase starts on or after the plan's start date (%(date)s)."),
                    params={"date": self.plan.start_date.isoformat()},
                ),
            )
        if starts is not None and ends is not None:
            if ends < starts:
                self.add_error("ends_on", _("The end date is before the start date."))
            else:
                self._check_overlap(starts, ends)
        hours: Decimal | None = data.get("hours_per_week")
        days = data.get("days") or []
        if hours is not None and days and hours / len(days) > MAX_HOURS_PER_DAY:
            self.add_error(
                "hours_per_week",
                forms.ValidationError(
                    _("That is more than %(max)s hours a day: add days or lower the hours."),
                    params={"max": MAX_HOURS_PER_DAY},
                ),
            )
        return data

    def _check_overlap(self, starts: dt.date, ends: dt.date) -> None:
        for other in self.plan.phases.all():
            if self.phase is not None and other.pk == self.phase.pk:
                continue
            if starts <= other.ends_on and other.starts_on <= ends:
                self.add_error(
                    "starts_on",
                    forms.ValidationError(
                        _(
                            "This phase overlaps the phase “%(name)s” (%(start)s to %(end)s): "
                            "phases follow each other."
                        ),
                        params={
                            "name": other.name,
                            "start": other.starts_on.isoformat(),
                            "end": other.ends_on.isoformat(),
                        },
                    ),
                )
                return


class ContactForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ContactRole.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        error_messages={"required": _("Enter the contact's name.")},
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an e-mail address such as name@example.org.")},
    )
    phone = PhoneNumberField(label=_("Phone (optional)"), mobile=False, required=False)


class ReviewForm(forms.Form):
    date = _date(_("Date"))
    note = forms.CharField(
        label=_("What to look at (optional)"),
        max_length=500,
        required=False,
        help_text=_("For example: a short talk with the manager about the hours."),
    )

    def __init__(self, *args: Any, plan: WorkPlan, **kwargs: Any) -> None:
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_date(self) -> dt.date:
        date: dt.date = self.cleaned_data["date"]
        if date < self.plan.start_date:
            raise forms.ValidationError(
                _("A review date is on or after the plan's start date (%(date)s)."),
                params={"date": self.plan.start_date.isoformat()},
            )
        return date


class ContactChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.get_role_display()})"


class ShareForm(forms.Form):
    """What the employer sees through one link. The notes are never among the choices."""

    label = forms.CharField(
        label=_("For whom is this link? (optional)"),
        max_length=100,
        required=False,
        help_text=_("For example: HR, or my manager. Only you see this."),
    )
    include_name = forms.BooleanField(label=_("My first name"), required=False)
    include_phases = forms.BooleanField(label=_("Phases and hours"), required=False)
    include_adjustments = forms.BooleanField(label=_("Adjustments"), required=False)
    include_reviews = forms.BooleanField(label=_("Review dates"), required=False)
    contacts = ContactChoiceField(
        label=_("Contacts"),
        queryset=WorkPlanContact.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    expires_on = _date(_("Link works until (optional)"), required=False)

    def __init__(self, *args: Any, plan: WorkPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        field = cast(ContactChoiceField, self.fields["contacts"])
        field.queryset = plan.contacts.all()
        self.fields["expires_on"].help_text = _(
            "Leave empty to keep the link until you revoke it. For example 2027-03-01."
        )

    def clean_expires_on(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("expires_on")
        if value is not None and value < timezone.localdate():
            raise forms.ValidationError(_("The date has passed: choose today or a later day."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = ("include_name", "include_phases", "include_adjustments", "include_reviews")
        if not any(data.get(part) for part in parts) and not data.get("contacts"):
            raise forms.ValidationError(_("Choose at least one part of the plan to share."))
        return data


class ShareSendForm(forms.Form):
    email = forms.EmailField(
        label=_("The employer's e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter an e-mail address."),
            "invalid": _("Enter an e-mail address such as name@example.org."),
        },
    )


class InviteForm(forms.Form):
    role = forms.ChoiceField(label=_("Their role"), choices=HELPER_ROLES)
