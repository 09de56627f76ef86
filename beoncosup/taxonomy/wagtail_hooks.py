"""Editors manage the taxonomy in the Wagtail admin. A code is fixed once created."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.taxonomy.models import Category, Domain, Need

LANGUAGES = ("nl", "fr", "de", "en")


class FixedCodeForm(WagtailAdminModelForm):
    """Codes are identifiers other systems store: editable only when creating."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "code" in self.fields:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("Codes never change: plans and imports use them.")


def translated_panels(field: str, heading: str | Promise) -> MultiFieldPanel:
    return MultiFieldPanel(
        [FieldPanel(f"{field}_{language}") for language in LANGUAGES], heading=heading
    )


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "folder-open-inverse"
    menu_label = _("Domains")
    list_display = ["code", "label", "sort_order"]
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    edit_handler = ObjectList(
        [
            FieldPanel("code"),
            FieldPanel("sort_order"),
            translated_panels("label", _("Label")),
            translated_panels("description", _("Description")),
        ],
        base_form_class=FixedCodeForm,
    )


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-inverse"
    menu_label = _("Categories")
    list_display = ["code", "label", "domain"]
    list_filter = ["domain"]
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("domain"), FieldPanel("sort_order")]),
            translated_panels("label", _("Label")),
        ],
        base_form_class=FixedCodeForm,
    )


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "tag"
    menu_label = _("Needs")
    list_display = ["code", "label", "category"]
    list_filter = ["category__domain", "category", "basis"]
    list_per_page = 50
    search_fields = ["code", "label_nl", "label_fr", "label_de", "label_en"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("category"), FieldPanel("basis")]),
            translated_panels("label", _("Label")),
            translated_panels("description", _("Plain-language description")),
            FieldRowPanel([FieldPanel("audiences"), FieldPanel("phases")]),
            InlinePanel("synonyms", heading=_("Lay synonyms"), label=_("Synonym")),
        ],
        base_form_class=FixedCodeForm,
    )


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Needs taxonomy")
    menu_icon = "list-ul"
    menu_order = 200
    items = (DomainViewSet, CategoryViewSet, NeedViewSet)


register_snippet(TaxonomyGroup)
