from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from beoncosup.core.i18n_text import pick
from beoncosup.screening.enums import Audience, Scale
from beoncosup.screening.models import Item
from beoncosup.situation.forms import SituationForm


class StartForm(SituationForm):
    """Who fills it in, and what eligibility needs (issue #12): the kernel's questions, so the
    postcode, work status and languages parse and read as in the finder and the navigator.
    Only the audience must be answered."""

    situation_fields = ("audience", "postcode", "status", "languages")
    situation_labels: ClassVar[dict[str, Any]] = {
        "audience": _("Who is filling this in?"),
        "postcode": _("Your postcode or municipality (optional)"),
        "status": _("Your work status (optional)"),
        "languages": _("Languages you would like help in (optional)"),
    }
    situation_choices: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        "audience": [
            (Audience.PATIENT, _("I have cancer")),
            (Audience.RELATIVE, _("Someone close to me has cancer (relative or carer)")),
        ],
    }
    situation_required = ("audience",)

    professional = forms.BooleanField(
        label=_("I'm a care professional filling this in with a patient"), required=False
    )
    consent = forms.BooleanField(
        label=_("Yes, you may keep my answers anonymously for needs statistics"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].error_messages["required"] = _("Choose who is filling this in.")
        self.fields["consent"].widget.attrs["aria-describedby"] = "consent-hint"
        self.fields["postcode"].help_text = _(
            "So we show help near you and rules for your region, e.g. 4000 or Liège."
        )
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"


def item_choices(item: Item, language: str) -> list[tuple[str, str]]:
    if item.scale == Scale.RANGE:
        low, high = item.min_value or 0, item.max_value or 0
        return [(str(value), str(value)) for value in range(low, high + 1)]
    if item.scale == Scale.YES_NO:
        return [("yes", str(_("Yes"))), ("no", str(_("No")))]
    return [
        (str(choice.get("value")), str(pick(choice.get("label", {}), language) or ""))
        for choice in item.choices
    ]


OWN_WORDS_MAX_LENGTH = 300


class StepForm(forms.Form):
    """One screen of questions; every question may be left open. The last screen also asks
    "Anything else?" in the person's own words (``own_words``)."""

    def __init__(
        self, *args: Any, items: list[Item], language: str, own_words: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[item.key] = forms.ChoiceField(
                label=str(pick(item.text, language) or item.key),
                choices=item_choices(item, language),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the answers.")},
            )
        if own_words:
            self.fields["own_words"] = forms.CharField(
                label=_("Anything else? Tell us in your own words (optional)"),
                help_text=_("We don't keep what you type; we only use it to find needs."),
                max_length=OWN_WORDS_MAX_LENGTH,
                required=False,
                error_messages={
                    "max_length": _(
                        "Please keep it to %(limit_value)d characters or fewer "
                        "(you wrote %(show_value)d)."
                    )
                },
            )


class OwnNeedsForm(forms.Form):
    """The needs the matcher was not sure about, offered unticked: the person adds those that
    fit. Only the offered codes are accepted."""

    need = forms.MultipleChoiceField(
        label=_("Did you mean one of these?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one need to add it, or leave these as they are."),
            "invalid_choice": _("Choose one of the needs shown."),
        },
    )

    def __init__(self, *args: Any, offered: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = offered  # type: ignore[attr-defined]


class PostcodeForm(SituationForm):
    """Where to look for services: the kernel's postcode question (same parsing and messages as
    the finder and the navigator)."""

    situation_fields = ("postcode",)
    situation_labels: ClassVar[dict[str, Any]] = {"postcode": _("Your postcode (optional)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postcode"].help_text = ""
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
