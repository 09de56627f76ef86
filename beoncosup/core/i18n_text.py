"""Text that exists in some of the four site languages, stored as ``{"nl": …, "fr": …}``.

A service in Liège may have only French text; a national helpline has all four. Pages show
what exists and say so when the text is in another language than the page ("never an empty
field"). One field type serves every model, the admin (four inputs side by side) and the APIs
(a ``{lang: text}`` object that rejects unknown languages).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("nl", "fr", "de", "en")


def default_language() -> str:
    """The language to answer in: the active interface language when it is one of ours, else
    the site's default (Dutch). The one place that decides it (issue #11)."""
    language = (get_language() or "").split("-")[0].lower()
    return language if language in LANGUAGES else str(settings.LANGUAGE_CODE)


LANGUAGE_NAMES = {"nl": _("Dutch"), "fr": _("French"), "de": _("German"), "en": _("English")}
# "(in Dutch)" after a text in another language than the page: one phrase per language, since
# grammar differs (fr "en néerlandais", de "auf Niederländisch").
IN_LANGUAGE = {
    "nl": _("in Dutch"),
    "fr": _("in French"),
    "de": _("in German"),
    "en": _("in English"),
}
# Which language to show when the page's own is missing. German-speaking Belgians read French
# more often than Dutch; everyone else gets English, then the other national language.
FALLBACKS = {
    "nl": ("nl", "en", "fr", "de"),
    "fr": ("fr", "en", "nl", "de"),
    "de": ("de", "fr", "en", "nl"),
    "en": ("en", "nl", "fr", "de"),
}


@dataclass(frozen=True)
class PickedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_NAMES[self.language])

    @property
    def language_note(self) -> str:
        return str(IN_LANGUAGE[self.language])


def pick(value: Mapping[str, str] | None, language: str) -> PickedText | None:
    """The text for a reader of ``language``, falling back along FALLBACKS; None if empty."""
    if not value:
        return None
    for candidate in FALLBACKS.get(language, LANGUAGES):
        text = value.get(candidate)
        if text:
            return PickedText(text=text, language=candidate, is_fallback=candidate != language)
    return None


def i18n_problems(value: Any, *, max_length: int | None = None) -> list[str]:
    """Why ``value`` is not a valid ``{lang: text}`` mapping (empty list when it is)."""
    if not isinstance(value, Mapping):
        return ["must be an object of language codes (nl, fr, de, en) to text"]
    problems = []
    for key, text in value.items():
        if key not in LANGUAGES:
            problems.append(f"unknown language {key!r}; use nl, fr, de or en")
        elif not isinstance(text, str):
            problems.append(f"{key}: must be text")
        elif max_length is not None and len(text) > max_length:
            problems.append(f"{key}: longer than {max_length} characters")
    return problems


def clean_i18n(value: Mapping[str, str]) -> dict[str, str]:
    """Strip surrounding blanks and drop empty languages."""
    return {lang: value[lang].strip() for lang in LANGUAGES if (value.get(lang) or "").strip()}


class I18nWidget(forms.MultiWidget):
    template_name = "core/widgets/i18n_widget.html"

    def __init__(self, *, multiline: bool, attrs: dict[str, Any] | None = None) -> None:
        widget = forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
        super().__init__({lang: widget for lang in LANGUAGES}, attrs)

    def decompress(self, value: Any) -> list[str]:
        if isinstance(value, Mapping):
            return [value.get(lang, "") for lang in LANGUAGES]
        return ["" for _lang in LANGUAGES]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for lang, subwidget in zip(LANGUAGES, context["widget"]["subwidgets"], strict=True):
            subwidget["language"] = lang
            subwidget["language_name"] = LANGUAGE_NAMES[lang]
            subwidget["attrs"]["lang"] = lang
        return context


class I18nFormField(forms.MultiValueField):
    def __init__(
        self,
        *,
        multiline: bool = False,
        max_length: int | None = None,
        required: bool = False,
        **kwargs: Any,
    ) -> None:
        self.max_length = max_length
        fields = tuple(forms.CharField(required=False, max_length=max_length) for _ in LANGUAGES)
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(
            fields=fields,
            widget=I18nWidget(multiline=multiline),
            require_all_fields=False,
            required=required,
            **kwargs,
        )

    def compress(self, data_list: list[str]) -> dict[str, str]:
        if not data_list:
            return {}
        return clean_i18n(dict(zip(LANGUAGES, data_list, strict=True)))

    def validate(self, value: dict[str, str]) -> None:
        if self.required and not value:
            raise ValidationError(_("Fill in at least one language."), code="required")


class I18nTextField(models.JSONField):
    """A ``{lang: text}`` JSON column; ``required`` means at least one language."""

    def __init__(
        self,
        *args: Any,
        max_length: int | None = None,
        multiline: bool = False,
        required: bool = False,
        **kwargs: Any,
    ) -> None:
        self.text_max_length = max_length
        self.multiline = multiline
        self.required = required
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", not required)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        if self.multiline:
            kwargs["multiline"] = True
        if self.required:
            kwargs["required"] = True
            kwargs.pop("blank", None)
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, path, args, kwargs

    def validate(self, value: Any, model_instance: Any) -> None:
        super().validate(value, model_instance)
        problems = i18n_problems(value, max_length=self.text_max_length)
        if problems:
            raise ValidationError("; ".join(problems), code="invalid")
        if self.required and not clean_i18n(value):
            raise ValidationError(_("Fill in at least one language."), code="required")

    def formfield(
        self,
        form_class: type[forms.Field] | None = None,
        choices_form_class: type[forms.ChoiceField] | None = None,
        **kwargs: Any,
    ) -> forms.Field | None:
        return I18nFormField(
            multiline=self.multiline,
            max_length=self.text_max_length,
            required=self.required,
            label=kwargs.get("label", self.verbose_name),
            help_text=kwargs.get("help_text", self.help_text),
        )
