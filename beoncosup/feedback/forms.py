"""The report form (short, for a phone) and the moderators' forms."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from beoncosup.feedback.codes import Category, Status
from beoncosup.feedback.models import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from beoncosup.feedback.services.reports import EMAIL_MAX_LENGTH
from beoncosup.feedback.services.retention import email_retention_days


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong.")},
    )
    text = forms.CharField(
        label=_("What should it say?"),
        help_text=_("For example: the right phone number. Please do not write about your health."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say in a few words what is wrong.")},
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Left empty by people (it is hidden); robots fill every field.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["maxlength"] = str(TEXT_MAX_LENGTH)
        days = email_retention_days()
        self.fields["contact_email"].help_text = ngettext(
            "Only to tell you what we did. We delete it %(days)d day after your report is closed.",
            "Only to tell you what we did. We delete it %(days)d days after your report is closed.",
            days,
        ) % {"days": days}
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", pgettext_lazy("feedback filter", "Any status")), *Status.choices],
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind of record"), required=False)

    def __init__(self, *args: Any, kinds: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["kind"])
        field.choices = [("", pgettext_lazy("feedback filter", "Any kind")), *kinds]


ACTIONS = ("take", "resolve", "reject")


class NoteForm(forms.Form):
    """The note of one action (the page holds one form per action, each with its prefix)."""

    note = forms.CharField(
        label=_("Note to the person who reported it"),
        help_text=_("They read it on their status page (and by e-mail if they left an address)."),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.prefix == "resolve":
            self.fields["note"].label = _("Note to the person who reported it (optional)")
        elif self.prefix == "reject":
            self.fields["note"].label = _(
                "Why nothing changes (the person who reported it reads this)"
            )
