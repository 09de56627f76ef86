"""The shared questions as Django form fields. Every journey's form subclasses ``SituationForm``
and names the questions it asks (``situation_fields``); the fields parse with the kernel's
parsers (values.py), so the finder, navigator and self-check validate an answer the same way
and say the same thing when it is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import (
    PERSON_AUDIENCES,
    CancerType,
    EmploymentStatus,
    Language,
    Phase,
    Reach,
)
from beoncosup.situation.places import Place
from beoncosup.situation.values import (
    FIELDS,
    MAX_AGE,
    FieldProblem,
    Situation,
    parse_age,
    parse_audience,
    parse_cancer_type,
    parse_languages,
    parse_phase,
    parse_place,
    parse_reach,
    parse_status,
)


def with_blank(choices: Iterable[tuple[str, Any]], label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class ParsedField(forms.Field):
    """A field whose value is parsed by a kernel parser; its message is the kernel's."""

    parser: Callable[[str], Any]

    def to_python(self, value: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        try:
            return self.parser(text)
        except FieldProblem as problem:
            raise forms.ValidationError(problem.error.message, code=problem.error.code) from None

    def validate(self, value: Any) -> None:
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class ParsedChoiceField(ParsedField, forms.ChoiceField):
    def __init__(self, *, parser: Callable[[str], Any], **kwargs: Any) -> None:
        self.parser = parser
        super().__init__(**kwargs)

    def valid_value(self, value: Any) -> bool:
        choices: Iterable[tuple[Any, Any]] = self.choices  # type: ignore[assignment]
        return any(str(value) == str(key) for key, _label in choices)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not self.valid_value(value):
            raise forms.ValidationError(
                _("This answer is not one of the choices here."), code="invalid"
            )


class PostcodeField(ParsedField, forms.CharField):
    """A postcode or municipality; cleans to the ``Place`` (its ``postcode`` is the code)."""

    max_chars = 100

    def __init__(self, **kwargs: Any) -> None:
        self.parser = parse_place
        super().__init__(**kwargs)
        self.widget.attrs["maxlength"] = str(self.max_chars)

    def to_python(self, value: Any) -> Any:
        if value is not None and len(str(value)) > self.max_chars:
            raise forms.ValidationError(_("Type a postcode, for example 9000."), code="invalid")
        return super().to_python(value)


class AgeField(ParsedField, forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        self.parser = parse_age
        kwargs.setdefault(
            "widget",
            forms.NumberInput(attrs={"inputmode": "numeric", "min": "0", "max": str(MAX_AGE)}),
        )
        super().__init__(**kwargs)


class LanguagesField(forms.MultipleChoiceField):
    """Checkboxes (languages=fr&languages=nl) or the API's comma list (languages=fr,nl)."""

    def to_python(self, value: Any) -> list[str]:
        values = [value] if isinstance(value, str) else list(value or ())
        try:
            return list(parse_languages(str(v) for v in values))
        except FieldProblem as problem:
            raise forms.ValidationError(problem.error.message, code=problem.error.code) from None

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def situation_fields() -> dict[str, forms.Field]:
    """New instances of the shared questions, with their neutral labels."""
    return {
        "postcode": PostcodeField(
            label=_("Postcode or municipality"),
            help_text=_("Where the person lives, e.g. 9000 or Gent."),
            required=False,
        ),
        "languages": LanguagesField(
            label=_("Preferred languages"),
            choices=Language.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        ),
        "audience": ParsedChoiceField(
            parser=parse_audience,
            label=_("Who needs the help?"),
            choices=with_blank(PERSON_AUDIENCES.choices, _("Either")),
            widget=forms.RadioSelect,
            required=False,
        ),
        "age": AgeField(label=_("Age"), required=False),
        "status": ParsedChoiceField(
            parser=parse_status,
            label=_("Work status"),
            choices=with_blank(EmploymentStatus.choices, _("Not given")),
            required=False,
        ),
        "phase": ParsedChoiceField(
            parser=parse_phase,
            label=_("Treatment phase"),
            choices=with_blank(Phase.choices, _("Not given")),
            required=False,
        ),
        "reach": ParsedChoiceField(
            parser=parse_reach,
            label=_("How can the help reach the person?"),
            choices=Reach.choices,
            widget=forms.RadioSelect,
            required=False,
        ),
        "cancer_type": ParsedChoiceField(
            parser=parse_cancer_type,
            label=_("Type of cancer (optional)"),
            help_text=_("Services for one type of cancer only are shown for that type."),
            choices=with_blank(CancerType.choices, _("Not given")),
            required=False,
        ),
    }


class SituationForm(forms.Form):
    """Base form of every journey that asks about the person. Subclasses set:

    - ``situation_fields``: the shared questions asked, in order (default: all);
    - ``situation_labels`` / ``situation_choices``: other wording or fewer choices for a
      question (choices are always the kernel's codes, e.g. with ``codes.subset``);
    - ``situation_required``: questions that must be answered.

    After ``is_valid()``, ``situation()`` is the person's ``Situation`` (with its place).
    """

    situation_fields: ClassVar[tuple[str, ...]] = FIELDS
    situation_labels: ClassVar[Mapping[str, Any]] = {}
    situation_choices: ClassVar[Mapping[str, list[tuple[str, Any]]]] = {}
    situation_required: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared = situation_fields()
        own = dict(self.fields)
        ordered: dict[str, forms.Field] = {}
        for name in self.situation_fields:
            field = shared[name]
            if name in self.situation_labels:
                field.label = self.situation_labels[name]
            if name in self.situation_choices and isinstance(field, forms.ChoiceField):
                field.choices = self.situation_choices[name]
            field.required = name in self.situation_required
            ordered[name] = field
        self.fields = {**ordered, **own}
        if self.field_order:
            self.order_fields(self.field_order)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        place = cleaned.get("postcode")
        if isinstance(place, Place):
            self.place: Place | None = place
            cleaned["postcode"] = place.postcode
        else:
            self.place = None
        return cleaned

    def situation(self) -> Situation:
        data = self.cleaned_data
        return Situation(
            postcode=data.get("postcode") or None,
            languages=tuple(data.get("languages") or ()),
            audience=data.get("audience") or None,
            age=data.get("age"),
            status=data.get("status") or None,
            phase=data.get("phase") or None,
            reach=data.get("reach") or None,
            cancer_type=data.get("cancer_type") or None,
            place=getattr(self, "place", None),
        )
