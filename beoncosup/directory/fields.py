"""A list of codes from a fixed code list, stored as JSON (e.g. ``["employee", "job_seeker"]``).

Editors tick boxes; the database keeps the profile codes, so imports and exports map 1:1.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import CodeSubset


class CodeListField(models.JSONField):
    def __init__(
        self,
        *args: Any,
        code_choices: type[models.TextChoices] | CodeSubset | None = None,
        **kwargs: Any,
    ) -> None:
        self.code_choices = code_choices
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value: Any, model_instance: Any) -> None:
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("Give a list of codes."), code="invalid")
        if self.code_choices is not None:
            unknown = sorted(set(value) - set(self.code_choices.values))
            if unknown:
                raise ValidationError(
                    _("Unknown code(s): %(codes)s."),
                    code="invalid",
                    params={"codes": ", ".join(unknown)},
                )

    def formfield(
        self,
        form_class: type[forms.Field] | None = None,
        choices_form_class: type[forms.ChoiceField] | None = None,
        **kwargs: Any,
    ) -> forms.Field | None:
        if self.code_choices is None:
            return super().formfield(form_class, choices_form_class, **kwargs)
        return forms.TypedMultipleChoiceField(
            choices=self.code_choices.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=kwargs.get("label", self.verbose_name),
            help_text=kwargs.get("help_text", self.help_text),
        )
