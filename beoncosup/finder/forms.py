"""The finder's GET form: the same parameters and values as ``GET /api/v1/finder`` (need, q,
postcode, languages, audience, status, phase, age, max_km, delivery, reach, cancer_type,
free_only, self_referral_only, page)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.core.phone import PhoneNumberField
from beoncosup.directory.enums import Delivery
from beoncosup.finder.rendering import FastWidgetRenderer
from beoncosup.search.matching.criteria import Criteria, CriteriaError
from beoncosup.situation.codes import Audience
from beoncosup.situation.forms import SituationForm, with_blank

TRUE_VALUES = {"1", "true", "on", "yes"}
FALSE_VALUES = {"", "0", "false", "off", "no"}


FAST_RENDERER = FastWidgetRenderer()


class FlagCheckbox(forms.CheckboxInput):
    """Checked for the API's true spellings only (the default would check "false")."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, check_test=lambda value: str(value).lower() in TRUE_VALUES)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        # The raw text, so FlagField can refuse nonsense instead of reading it as "on".
        return data.get(name)


class FlagField(forms.BooleanField):
    """A checkbox that also reads the API's spellings (true/false, 1/0) and refuses others."""

    widget = FlagCheckbox

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        raise forms.ValidationError(_("Choose yes or no."), code="invalid")


def for_employers(criteria: Criteria, *, asked: bool) -> Criteria:
    """The search for services *for* employers and colleagues (the services' ``employer``
    audience) when asked; otherwise the criteria as the kernel projects them (an employer looks
    for the employee's services)."""
    return replace(criteria, audience=str(Audience.EMPLOYER)) if asked else criteria


class FinderForm(SituationForm):
    """The needs, the shared questions about the person (the situation kernel's fields, with the
    finder's wording where it differs) and the finder's own filters."""

    # Django's widget markup, written without a template per option (rendering.py).
    default_renderer = FAST_RENDERER

    q = forms.CharField(
        label=_("Describe the need in your own words"),
        help_text=_("For example: “always tired”, “back to work part-time”. In any language."),
        max_length=300,
        required=False,
    )
    need = forms.MultipleChoiceField(
        label=_("Needs"),
        required=False,
        error_messages={"invalid_choice": _("We do not know the need %(value)s.")},
    )
    max_km = forms.IntegerField(
        label=_("Maximum distance (km)"),
        help_text=_("For services met in person. 50 km when empty."),
        min_value=1,
        max_value=300,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    delivery = forms.ChoiceField(
        label=pgettext_lazy("delivery mode", "How the help is given"),
        choices=with_blank(Delivery.choices, _("Any way")),
        required=False,
    )
    # Services for the workplace itself (issue #12): an employer or colleague asks for advice
    # for themselves, not on behalf of the employee (``audience`` keeps that v1 meaning).
    for_employers = FlagField(
        label=_("Services for employers and colleagues"),
        help_text=_(
            "Advice for the workplace itself, instead of services for the person with cancer."
        ),
    )
    free_only = FlagField(label=_("Free services only"))
    self_referral_only = FlagField(label=_("No referral needed"))
    page = forms.IntegerField(min_value=1, max_value=1000, required=False, widget=forms.HiddenInput)

    situation_fields = (
        "postcode",
        "audience",
        "age",
        "languages",
        "status",
        "phase",
        "cancer_type",
        "reach",
    )
    situation_choices: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        "reach": [
            ("travel", _("Can travel to a service")),
            ("home", _("Needs a home visit")),
            ("remote", _("By phone or online only")),
        ]
    }
    # Errors are summarised in the page's order.
    field_order = [
        "q",
        "need",
        "postcode",
        "languages",
        "audience",
        "for_employers",
        "age",
        "status",
        "phase",
        "cancer_type",
        "reach",
        "max_km",
        "delivery",
        "free_only",
        "self_referral_only",
        "page",
    ]

    def __init__(self, *args: Any, need_codes: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        need_field = self.fields["need"]
        if isinstance(need_field, forms.MultipleChoiceField):
            need_field.choices = [(code, code) for code in need_codes]
        self.fields["postcode"].widget.attrs.update(
            {"autocomplete": "postal-code", "list": "postcode-options"}
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.is_bound and not self.errors and not self.has_needs():
            self.add_error(
                "q",
                forms.ValidationError(
                    _("Tick at least one need, or describe the need in your own words."),
                    code="required",
                ),
            )
        return cleaned

    def has_needs(self) -> bool:
        return bool(self.cleaned_data.get("need") or str(self.cleaned_data.get("q", "")).strip())

    def add_engine_error(self, error: CriteriaError) -> None:
        """The engine refused a criterion ("postcode: …"): show it at that field."""
        field, _sep, message = str(error).partition(": ")
        name = field if field in self.fields and message else None
        self.add_error(name, message or str(error))

    def criteria(self, language: str) -> Criteria:
        """The search, for a valid form (``page`` defaults to 1)."""
        data = self.cleaned_data
        return for_employers(
            Criteria.for_situation(
                self.situation(),
                needs=tuple(data.get("need") or ()),
                q=data.get("q") or "",
                lang=language,
                max_km=data.get("max_km"),
                delivery=data.get("delivery") or None,
                free_only=bool(data.get("free_only")),
                self_referral_only=bool(data.get("self_referral_only")),
                page=data.get("page") or 1,
            ),
            asked=bool(data.get("for_employers")),
        )

    def mark_errors(self) -> None:
        """aria-invalid and aria-describedby (the error message's id) on fields with errors."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"id_{name}_error"]
                if self.fields[name].help_text:
                    described.append(f"id_{name}_helptext")
                attrs["aria-describedby"] = " ".join(described)


class NotesForm(forms.Form):
    """The plan page's notes: ``note`` and ``note-<item id>`` per service, and an action."""

    note = forms.CharField(
        label=_("General note"), max_length=2000, required=False, widget=forms.Textarea
    )
    action = forms.RegexField(regex=r"^(save|remove|up|down)(:[0-9a-f-]{36})?$", required=False)

    def item_notes(self, data: Any, item_ids: Iterable[int]) -> dict[int, str]:
        """Notes for the items whose field was sent (a missing field leaves the note as it is)."""
        return {pk: str(data[f"note-{pk}"])[:2000] for pk in item_ids if f"note-{pk}" in data}


class PlanSendForm(forms.Form):
    """Where to send a plan's link: one e-mail address or one mobile number (offered only
    when this server can send text messages), and the message's language. Used once, never
    stored."""

    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = PhoneNumberField(label=_("Mobile number"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the message"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Choose one of the languages in the list.")},
    )

    def __init__(self, *args: Any, sms: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not sms:
            del self.fields["phone"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        email, phone = cleaned.get("email", ""), cleaned.get("phone", "")
        sms = "phone" in self.fields
        if email and phone:
            raise forms.ValidationError(
                _("Enter an e-mail address or a mobile number, not both."), code="both"
            )
        if not email and not phone:
            raise forms.ValidationError(
                _("Enter an e-mail address or a mobile number.")
                if sms
                else _("Enter an e-mail address."),
                code="empty",
            )
        return cleaned
