"""The registration form: four short fields, on a phone."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import Language
from beoncosup.training.codes import Profession
from beoncosup.training.services.registration import EMAIL_MAX, NAME_MAX


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        help_text=_("As it should appear on your certificate."),
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
    profession = forms.ChoiceField(
        label=_("Your profession"),
        choices=[("", _("Choose…")), *Profession.choices],
        error_messages={
            "required": _("Choose your profession."),
            "invalid_choice": _("Choose a profession from the list."),
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
