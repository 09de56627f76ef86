"""Forms of the account pages. Each parses input only: the views call the services to act."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.accounts.codes import OrganisationKind, OrgRole, PlatformRole
from beoncosup.accounts.models import Organisation
from beoncosup.directory.models import Organization as Listing

JOINABLE_ROLES = [
    (OrgRole.PROFESSIONAL.value, OrgRole.PROFESSIONAL.label),
    (OrgRole.PROVIDER_STAFF.value, OrgRole.PROVIDER_STAFF.label),
]


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find an organisation"),
        max_length=100,
        required=False,
        help_text=_("A part of its name, for example “AZ” or “Kom op tegen Kanker”."),
    )


class JoinRequestForm(forms.Form):
    role = forms.ChoiceField(label=_("As"), choices=JOINABLE_ROLES, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message to the administrators (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example your department. Do not write anything about patients."),
    )


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    listings = forms.ModelMultipleChoiceField(
        label=_("Its listings in the directory (optional)"),
        queryset=Listing.objects.none(),
        required=False,
        help_text=_("Its provider staff keep these listings right."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelMultipleChoiceField[Listing]", self.fields["listings"])
        field.queryset = Listing.objects.order_by("id")


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=OrgRole.choices)


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", pgettext_lazy("decision", "Approve")),
            ("reject", pgettext_lazy("decision", "Reject")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason (needed to reject)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not str(data.get("reason", "")).strip():
            self.add_error("reason", _("Say why the request is rejected: the person will read it."))
        return data


class MemberRemoveForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Every role")), *OrgRole.choices],
        required=False,
    )


class RoleGrantForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of an existing account"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=PlatformRole.choices)


class RoleRevokeForm(forms.Form):
    user = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    role = forms.ChoiceField(choices=PlatformRole.choices, widget=forms.HiddenInput)


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label=_("Action starts with"),
        max_length=60,
        required=False,
        help_text=_("For example “auth.” for every sign-in event, or “role.”."),
    )
    actor = forms.CharField(label=_("Who (a part of the e-mail)"), max_length=100, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All organisations"),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, all_organisations: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if all_organisations:
            field = cast("forms.ModelChoiceField[Organisation]", self.fields["organisation"])
            field.queryset = Organisation.objects.order_by("name")
        else:
            del self.fields["organisation"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return data


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which system uses it, for example “Hospital referral system”."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, initial=90)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.IntegerField, self.fields["days"])
        field.max_value = settings.BEONCOSUP_API_TOKEN_MAX_DAYS
        field.validators.append(MaxValueValidator(settings.BEONCOSUP_API_TOKEN_MAX_DAYS))
        field.widget.attrs["max"] = str(settings.BEONCOSUP_API_TOKEN_MAX_DAYS)
        field.help_text = _("At most %(days)s days.") % {
            "days": settings.BEONCOSUP_API_TOKEN_MAX_DAYS
        }
