"""Editors make and change the network's groups in the Wagtail admin (Snippets → Network
groups). Members join them on the site."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from beoncosup.network.models import Group


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "group"
    menu_label = _("Network groups")
    add_to_admin_menu = False
    list_display = ["__str__", "kind", "region", "open_to_join", "is_demo"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("topic"),
        FieldPanel("open_to_join"),
        FieldPanel("is_demo"),
    ]


register_snippet(GroupViewSet)
