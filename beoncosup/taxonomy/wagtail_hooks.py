"""Editors manage the taxonomy in the Wagtail admin. A code is fixed once created."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.taxonomy.models import Category, Domain, Need

LANGUAGES = ("nl", "fr", "de", "en")


class FixedCodeForm(WagtailAdminModelForm):  # type: ignore[misc]
    """Codes are identifiers other systems store: editable only when creating."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "code" in self.fields:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("Codes never change: plans and imports use them.")


def translated_panels(field: str, heading: str) -> MultiFieldPanel:
    return MultiFieldPanel(
        [FieldPanel(f"{field}_{language}") for language in LANGUAGES], heading=heading
    )


class DomainViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Domain
    icon = "folder-open-inverse"
    menu_label = _("Domains")
    list_display = ["code", "label", "sort_order"]
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    panels = [
        FieldPanel("code"),
        FieldPanel("sort_order"),
        translated_panels("label", _("Label")),
        translated_panels("description", _("Description")),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        self.base_form_class = FixedCodeForm
        return super().get_form_class(for_update)


class CategoryViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Category
    icon = "folder-inverse"
    menu_label = _("Categories")
    list_display = ["code", "label", "domain"]
    list_filter = ["domain"]
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("domain"), FieldPanel("sort_order")]),
        translated_panels("label", _("Label")),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        self.base_form_class = FixedCodeForm
        return super().get_form_class(for_update)


class NeedViewSet(SnippetViewSet):  # type: ignore[misc]
    model = Need
    icon = "tag"
    menu_label = _("Needs")
    list_display = ["code", "label", "category"]
    list_filter = ["category__domain", "category", "basis"]
    list_per_page = 50
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("category"), FieldPanel("basis")]),
        translated_panels("label", _("Label")),
        translated_panels("description", _("Plain-language description")),
        FieldRowPanel([FieldPanel("audiences"), FieldPanel("phases")]),
        InlinePanel("synonyms", heading=_("Lay synonyms"), label=_("Synonym")),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        self.base_form_class = FixedCodeForm
        return super().get_form_class(for_update)


class TaxonomyGroup(SnippetViewSetGroup):  # type: ignore[misc]
    menu_label = _("Needs taxonomy")
    menu_icon = "list-ul"
    menu_order = 200
    items = (DomainViewSet, CategoryViewSet, NeedViewSet)


register_snippet(TaxonomyGroup)
