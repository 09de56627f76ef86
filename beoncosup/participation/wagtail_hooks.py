"""Editors manage the working groups in the Wagtail admin (Snippets → Working groups): title
and description in four languages, the domain, the needs it works on, published. Sessions,
minutes and actions are planned on the site's own pages (participation:manage), which this
menu links to."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from beoncosup.participation.models import WorkingGroup
from beoncosup.taxonomy.widgets import NeedPicker


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["__str__", "domain", "published", "is_demo"]
    list_filter = ["published", "domain"]
    search_fields = [f"title__{lang}" for lang in ("nl", "fr", "de", "en")]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("domain"),
        FieldPanel("needs", widget=NeedPicker()),
        FieldRowPanel([FieldPanel("published"), FieldPanel("is_demo")]),
    ]


register_snippet(WorkingGroupViewSet)


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]
def participation_pages_item() -> Any:
    """A link to the sessions, minutes and actions pages."""
    return MenuItem(
        _("Sessions and actions"),
        reverse("participation:manage"),
        icon_name="date",
        order=271,
    )
