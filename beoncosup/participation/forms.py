"""Participation forms: registration (a phone's five short fields), the editors' session,
minutes, action and status forms, and the public filter of "you said, we did"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from beoncosup.consultations.models import Consultation
from beoncosup.core.i18n_text import I18nFormField, default_language, pick
from beoncosup.geo.models import PostalCode
from beoncosup.participation.codes import (
    ActionKind,
    ActionSource,
    ActionStatus,
    ParticipantRole,
)
from beoncosup.participation.models import GroupSession
from beoncosup.participation.services.actions import ActionData
from beoncosup.participation.services.registration import (
    EMAIL_MAX,
    NAME_MAX,
    ORGANISATION_MAX,
    RegistrationData,
)
from beoncosup.participation.services.sessions import SessionData
from beoncosup.situation.codes import Language
from beoncosup.taxonomy.models import Domain, Need
from beoncosup.taxonomy.widgets import NeedPicker

NUL_MESSAGE = _("This text contains a character that is not allowed.")


def _choices_set(form: forms.Form, name: str, choices: list[tuple[Any, Any]]) -> None:
    field = form.fields[name]
    if isinstance(field, forms.ChoiceField):
        field.choices = choices


def _no_nul(value: Any) -> None:
    if "\x00" in str(value):
        raise ValidationError(NUL_MESSAGE)


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Enter your name in at most 200 characters."),
            "null_characters_not_allowed": _("Enter your name without special characters."),
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=EMAIL_MAX,
        help_text=_("We send the confirmation and your personal link here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.be."),
            "max_length": _("Enter an e-mail address like name@example.be."),
            "null_characters_not_allowed": _("Enter an e-mail address like name@example.be."),
        },
    )
    role = forms.ChoiceField(
        label=_("You take part as"),
        choices=ParticipantRole.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you take part."),
            "invalid_choice": _("Choose how you take part."),
        },
    )
    organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        help_text=_("Only for professionals and representatives of an organisation."),
        max_length=ORGANISATION_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={
            "max_length": _("Enter the organisation's name in at most 200 characters."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    language = forms.ChoiceField(
        label=_("Language of our e-mails"),
        choices=Language.choices,
        error_messages={
            "required": _("Choose a language from the list."),
            "invalid_choice": _("Choose a language from the list."),
        },
    )
    notify_actions = forms.BooleanField(
        label=_("E-mail me when what comes out of this session changes status (optional)"),
        help_text=_("You can stop these e-mails at any time with the link in each of them."),
        required=False,
    )

    def data_out(self) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            name=data["name"],
            email=data["email"],
            role=data["role"],
            organisation=data["organisation"],
            language=data["language"],
            notify_actions=data["notify_actions"],
        )


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SessionForm(forms.Form):
    """A session's date, place and places; its dates and place become a training session."""

    title = I18nFormField(label=_("Theme of this session (optional)"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=_datetime_widget())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=_datetime_widget())
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False, validators=[_no_nul])
    address = forms.CharField(
        label=_("Address"), max_length=300, required=False, validators=[_no_nul]
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=4, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", max_length=200
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    registration_deadline = forms.DateTimeField(
        label=_("Registration closes (optional)"),
        help_text=_("Empty: registration stays open until the session starts."),
        required=False,
        widget=_datetime_widget(),
    )
    cancelled = forms.BooleanField(
        label=_("Cancelled (the participants get an e-mail)"), required=False
    )

    def clean_postcode(self) -> str:
        value = str(self.cleaned_data.get("postcode", "")).strip()
        if not value:
            return ""
        if not (len(value) == 4 and value.isdigit()):
            raise ValidationError(_("Give a Belgian postcode of four digits, like 9000."))
        if not PostalCode.objects.filter(code=value).exists():
            raise ValidationError(_("This postcode does not exist in Belgium."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The session must end after it starts."))
        deadline = data.get("registration_deadline")
        if start and deadline and deadline > start:
            self.add_error(
                "registration_deadline", _("Registration must close before the session.")
            )
        if "venue" in data and not data["venue"].strip() and not data.get("online_url"):
            self.add_error("venue", _("Give a venue, an online link, or both."))
        return data

    def data_out(self) -> SessionData:
        data = self.cleaned_data
        return SessionData(
            title=data["title"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            venue=data["venue"],
            address=data["address"],
            postcode=data["postcode"],
            online_url=data["online_url"],
            capacity=data["capacity"],
            registration_deadline=data["registration_deadline"],
            cancelled=data["cancelled"],
        )

    @staticmethod
    def initial_for(group_session: GroupSession) -> dict[str, Any]:
        session = group_session.session
        return {
            "title": session.title,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "venue": session.venue,
            "address": session.address,
            "postcode": session.postcode,
            "online_url": session.online_url,
            "capacity": group_session.capacity,
            "registration_deadline": group_session.registration_deadline,
            "cancelled": session.cancelled,
        }


class MinutesForm(forms.Form):
    minutes = I18nFormField(label=_("Minutes"), multiline=True, max_length=20000)
    outcomes = I18nFormField(
        label=_("Outcomes: what the session identified or decided"),
        multiline=True,
        max_length=10000,
    )
    publish = forms.BooleanField(label=_("Published on the session's page"), required=False)


def _consultation_label(consultation: Consultation) -> str:
    picked = pick(consultation.title, default_language())
    return picked.text if picked else consultation.slug


def _session_label(group_session: GroupSession) -> str:
    picked = pick(group_session.group.title, default_language())
    title = picked.text if picked else str(group_session.group_id)
    return f"{title} – {group_session.session.starts_at:%d/%m/%Y}"


class ActionForm(forms.Form):
    """An action's texts, topic, link, sources and publication (the status apart)."""

    title = I18nFormField(label=_("Title"), max_length=200, required=True)
    description = I18nFormField(
        label=_("What was done, or will be"), multiline=True, max_length=5000
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices)
    domain = forms.ChoiceField(label=_("Domain"))
    needs = forms.MultipleChoiceField(
        label=_("Needs (optional)"), required=False, widget=NeedPicker(by="code")
    )
    link = forms.URLField(
        label=_("Link (optional)"),
        help_text=_("The changed need, the new article, the recommendation document…"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    consultations = forms.TypedMultipleChoiceField(
        label=_("From the consultations"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sessions = forms.TypedMultipleChoiceField(
        label=_("From the working-group sessions"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    published = forms.BooleanField(label=_("Published"), required=False)

    def __init__(
        self,
        *args: Any,
        consultations: list[Consultation],
        sessions: list[GroupSession],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices_set(
            self, "domain", [(d.code, f"{d.code} – {d.label}") for d in Domain.objects.all()]
        )
        _choices_set(
            self, "needs", [(code, code) for code in Need.objects.values_list("code", flat=True)]
        )
        _choices_set(self, "consultations", [(c.pk, _consultation_label(c)) for c in consultations])
        _choices_set(self, "sessions", [(s.pk, _session_label(s)) for s in sessions])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("consultations") and not data.get("sessions") and not self.errors:
            raise ValidationError(_("Tick the consultation or the session this action came from."))
        return data

    def data_out(self) -> ActionData:
        data = self.cleaned_data
        return ActionData(
            title=data["title"],
            description=data["description"],
            kind=data["kind"],
            domain=data["domain"],
            needs=tuple(data["needs"]),
            link=data["link"],
            consultations=tuple(data["consultations"]),
            sessions=tuple(data["sessions"]),
            published=data["published"],
        )


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    date = forms.DateField(
        label=_("Since"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = I18nFormField(
        label=_("Why it is not done (needed for “Not done”)"), multiline=True, max_length=3000
    )

    def clean_date(self) -> dt.date:
        value: dt.date = self.cleaned_data["date"]
        if value.year < 2000 or value > dt.date.today() + dt.timedelta(days=366):
            raise ValidationError(_("Give a date between 2000 and next year."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == ActionStatus.REJECTED and not data.get("reason"):
            self.add_error(
                "reason",
                _("Say why this is not done: the people who gave their input read it."),
            )
        return data


class ActionFilterForm(forms.Form):
    """The public page's filter (GET): a domain, a need, a status, a source."""

    domain = forms.ChoiceField(label=_("Domain"), required=False)
    need = forms.ChoiceField(label=_("Need"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *ActionStatus.choices],
    )
    source = forms.ChoiceField(
        label=_("Came from"),
        required=False,
        choices=[("", _("Consultations and sessions")), *ActionSource.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices_set(
            self,
            "domain",
            [
                ("", _("All domains")),
                *[(d.code, d.label) for d in Domain.objects.all()],
            ],
        )
        _choices_set(
            self,
            "need",
            [("", _("All needs")), *[(n.code, n.label) for n in Need.objects.order_by("label")]],
        )
