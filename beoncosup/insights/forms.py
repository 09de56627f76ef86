"""The dashboards' filters: period, area and need, each from the lists the cubes publish. An
unknown value is a form error (the page says which and shows no figures), never a 500."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beoncosup.insights import areas, periods, selectors
from beoncosup.insights.cubes import ALL, NATIONAL
from beoncosup.insights.dimensions import need_parents


def period_label(period: str, *, today_complete: bool = True) -> str:
    text = periods.label(period)
    return text if today_complete else str(_("%(period)s (so far)") % {"period": text})


class FilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    need = forms.ChoiceField(label=_("Need"), required=False)

    def __init__(
        self,
        data: Any = None,
        *,
        public: bool,
        arrondissements: bool = True,
        needs: bool = True,
        with_period: bool = True,
    ) -> None:
        super().__init__(data)
        self.public = public
        today = timezone.localdate()
        choices = selectors.period_choices(public=public, today=today)
        self._choices(
            "period",
            [
                (p, period_label(p, today_complete=periods.is_complete(p, today=today)))
                for p in choices
            ],
        )
        self.default_period = selectors.default_period(public=public, today=today)
        self.fields["period"].initial = self.default_period
        self._choices("area", self._areas(arrondissements))
        self.fields["area"].initial = NATIONAL
        self._choices("need", self._needs(needs))
        self.fields["need"].initial = ALL
        if not with_period:
            del self.fields["period"]

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        if isinstance(field, forms.ChoiceField):
            field.choices = choices

    @staticmethod
    def _areas(with_arrondissements: bool) -> list[Any]:
        language = get_language() or "en"
        found: list[Any] = [(NATIONAL, selectors.area_label(NATIONAL))]
        by_province: dict[str, list[tuple[str, str]]] = {}
        if with_arrondissements:
            for row in areas.arrondissements():
                by_province.setdefault(row.province, []).append((row.code, row.name(language)))
        for code, _names in areas.provinces():
            name = areas.province_name(code, language)
            if with_arrondissements and by_province.get(code):
                arrondissements = [(a, f"— {n}") for a, n in by_province[code] if a != "21000"]
                found.append((name, [(code, name), *arrondissements]))
            else:
                found.append((code, name))
        return found

    @staticmethod
    def _needs(with_needs: bool) -> list[Any]:
        labels = selectors.need_labels()
        parents = need_parents()
        found: list[Any] = [(ALL, labels[ALL])]
        domains = sorted(code for code, parent in parents.items() if parent == ALL)
        for domain in domains:
            if not with_needs:
                found.append((domain, labels.get(domain, domain)))
                continue
            members = sorted(
                (code for code, parent in parents.items() if parent == domain),
                key=lambda code: labels.get(code, code),
            )
            found.append(
                (
                    labels.get(domain, domain),
                    [(domain, labels.get(domain, domain))]
                    + [(code, f"— {labels.get(code, code)}") for code in members],
                )
            )
        return found

    def value(self, name: str) -> str:
        """The cleaned value, or the field's default when left empty."""
        if name not in self.fields:
            return ""
        cleaned = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
        return str(cleaned or self.fields[name].initial or "")
