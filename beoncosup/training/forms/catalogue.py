"""The catalogue's filters (a GET form: every value optional, every value checked)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.situation.codes import Language, Region
from beoncosup.taxonomy.models import Need
from beoncosup.training.codes import Profession
from beoncosup.training.selectors.catalogue import CatalogueFilters

ANY = [("", pgettext_lazy("filter", "Any"))]


def _no_nul(value: str) -> None:
    if "\x00" in value:
        raise forms.ValidationError(_("Remove the invisible control characters."))


class NeedChoiceField(forms.ChoiceField):
    """Offers the needs of published courses; accepts any need of the taxonomy (a link from a
    need page then finds no course, which the page says, rather than an error)."""

    def valid_value(self, value: Any) -> bool:
        return super().valid_value(value) or Need.objects.filter(code=value).exists()


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        validators=[_no_nul],
        help_text=_("For example: breaking bad news, communication, grief."),
    )
    profession = forms.ChoiceField(label=_("For"), required=False)
    need = NeedChoiceField(label=_("Need it helps with"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("profession", ANY + list(Profession.choices))
        self._choices("region", ANY + list(Region.choices))
        self._choices("language", ANY + list(Language.choices))
        # The needs some published course addresses (a short list, not all 111).
        needs = Need.objects.filter(courses__published=True).distinct().order_by("code")
        self._choices("need", ANY + [(need.code, str(need.label)) for need in needs])

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned

    def filters(self) -> CatalogueFilters:
        """The valid filters (a value with an error is left out)."""
        data = dict(getattr(self, "cleaned_data", None) or {})
        return CatalogueFilters(
            profession=data.get("profession") or "",
            need=data.get("need") or "",
            region=data.get("region") or "",
            language=data.get("language") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            q=data.get("q") or "",
        )
