"""Editors pick needs from a grouped, searchable list instead of a native multi-select of 111
codes (issue #12, journey 10).

``NeedPicker`` renders one collapsible group per category (``<details>``, opened when it holds a
chosen need), each need a labelled checkbox showing its code and label in the editor's
language. Without JavaScript that is the whole widget; ``need-picker.js`` adds a filter box that
hides the needs whose code, label or group do not contain the typed words, and says how many
are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from beoncosup.taxonomy.models import Need


def _grouping(by: str) -> dict[str, tuple[str, str]]:
    """value → (group, need label) for every need, in the active language; a group is a
    category with its domain (about 25 groups of a few needs, rather than 4 long domains)."""
    needs = Need.objects.select_related("category__domain").order_by(
        "category__domain__sort_order", "category__sort_order", "sort_order", "code"
    )
    return {
        str(getattr(need, by)): (
            f"{need.category.domain.label} › {need.category.label}",
            f"{need.code} – {need.label}",
        )
        for need in needs
    }


class NeedPicker(forms.CheckboxSelectMultiple):
    """Checkboxes grouped by category (with its domain). ``by``: the value the field stores
    ("pk" for a many-to-many to Need, "code" for a list of codes)."""

    template_name = "taxonomy/widgets/need_picker.html"
    option_template_name = "django/forms/widgets/checkbox_option.html"

    class Media:
        js = ("taxonomy/need-picker.js",)
        css = {"all": ("taxonomy/need-picker.css",)}

    def __init__(self, attrs: dict[str, Any] | None = None, *, by: str = "pk") -> None:
        super().__init__(attrs)
        self.by = by

    def optgroups(
        self, name: str, value: list[Any], attrs: dict[str, Any] | None = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        grouping = _grouping(self.by)
        chosen = {str(v) for v in value}
        groups: dict[str, list[dict[str, Any]]] = {}
        order: list[str] = []
        index = 0
        for option_value, _option_label in self._plain_choices():
            key = str(option_value)
            if key == "":
                continue
            group, label = grouping.get(key, ("", key))
            if group not in groups:
                groups[group] = []
                order.append(group)
            groups[group].append(
                self.create_option(name, option_value, label, key in chosen, index, attrs=attrs)
            )
            index += 1
        return [(group, groups[group], number) for number, group in enumerate(order)]

    def _plain_choices(self) -> Iterable[tuple[Any, Any]]:
        for option_value, option_label in self.choices:
            # ModelChoiceIterator yields ModelChoiceIteratorValue objects.
            yield getattr(option_value, "value", option_value), option_label

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        context["widget"]["groups"] = [
            {
                "label": label,
                "options": options,
                "total": len(options),
                "chosen": sum(1 for option in options if option["selected"]),
            }
            for label, options, _index in context["widget"]["optgroups"]
        ]
        return context
