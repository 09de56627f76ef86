"""Editors maintain navigator measures in the Wagtail admin (Snippets → Navigator measures).

The form checks what the loader checks: a fixed code once created, Dutch and French title and
summary, valid dates in order, known need codes, and at least one source.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from beoncosup.navigator.models import Measure
from beoncosup.taxonomy.models import Need
from beoncosup.taxonomy.widgets import NeedPicker


class NeedCodesField(forms.Field):
    """Need codes ticked in the grouped, searchable need picker (or sent as a comma- or
    space-separated text by a script), stored as a JSON list."""

    widget = NeedPicker(by="code")

    def to_python(self, value: Any) -> list[str]:
        values = [value] if isinstance(value, str) else list(value or [])
        words = " ".join(str(item) for item in values).replace(",", " ").split()
        return list(dict.fromkeys(code.strip().upper() for code in words))


class MeasureForm(WagtailAdminModelForm):
    need_codes = NeedCodesField(
        label=_("Related needs"),
        required=False,
        help_text=_(
            "The needs a person with this right may have: the checklist links to services for them."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        needs = self.fields["need_codes"].widget
        needs.choices = [(code, code) for code in Need.objects.values_list("code", flat=True)]
        if self.instance.pk and "code" in self.fields:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("Codes never change: the API and the seed use them.")

    def clean_need_codes(self) -> list[str]:
        codes: list[str] = self.cleaned_data.get("need_codes") or []
        known = set(Need.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise forms.ValidationError(
                _("Unknown need code(s): %(codes)s."), params={"codes": ", ".join(unknown)}
            )
        return codes

    def _require_nl_fr(self, name: str) -> None:
        value = self.cleaned_data.get(name) or {}
        missing = [lang for lang in ("nl", "fr") if not value.get(lang)]
        if missing:
            self.add_error(name, _("Fill in at least Dutch and French."))

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        for name in ("title", "summary"):
            if name in cleaned:
                self._require_nl_fr(name)
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and start > end:
            self.add_error("valid_until", _("The end date must be on or after the start date."))
        sources = self.formsets.get("sources")
        if sources is not None and sources.is_valid():
            kept = [
                form
                for form in sources.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            if not kept:
                raise forms.ValidationError(_("Add at least one source."))
        return cleaned


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "list-ul"
    menu_label = _("Navigator measures")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["code", "__str__", "valid_from", "valid_until", "rules_as_of", "is_demo"]
    list_per_page = 50
    search_fields = ["code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("priority")]),
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    FieldPanel("next_steps"),
                    FieldPanel("contacts"),
                    FieldPanel("contact"),
                    FieldPanel("article"),
                    FieldPanel("need_codes"),
                    FieldPanel("is_demo"),
                ],
                heading=_("Measure"),
            ),
            ObjectList(
                [
                    FieldPanel("audiences"),
                    FieldPanel("statuses"),
                    FieldPanel("regions"),
                    FieldPanel("situations"),
                    FieldPanel("durations"),
                ],
                heading=_("Who it applies to"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("valid_from"),
                            FieldPanel("valid_until"),
                            FieldPanel("rules_as_of"),
                        ]
                    ),
                    FieldPanel("change_note"),
                    FieldPanel("editor_note"),
                    InlinePanel("sources", heading=_("Sources"), label=_("Source"), min_num=1),
                ],
                heading=_("Validity and sources"),
            ),
        ],
        base_form_class=MeasureForm,
    )


register_snippet(MeasureViewSet)
