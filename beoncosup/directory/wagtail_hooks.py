"""The directory in the Wagtail admin: organisations, services (with revisions), locations,
list filters and a "To verify" entry for services not checked for over a year (oldest first).

For editors who are not technical (issue #12): needs are picked in a grouped, searchable list
(``taxonomy.widgets.NeedPicker``), opening days are checkboxes, each service has a "Verified
today" action, and saving goes back to the list as it was filtered (admin_views.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.directory.admin_views import (
    ServiceEditView,
    ServiceIndexView,
    ServiceVerifyView,
    WeekdaysWidget,
)
from beoncosup.directory.filters import ServiceFilterSet
from beoncosup.directory.models import Location, Organization, Service
from beoncosup.taxonomy.widgets import NeedPicker

TEXT_SEARCH = [f"name__{lang}" for lang in ("nl", "fr", "de", "en")]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["__str__", "website", "is_demo", "last_modified"]
    search_fields = TEXT_SEARCH
    panels = [
        FieldPanel("name"),
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        FieldPanel("is_demo"),
    ]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["__str__", "location_type", "municipality"]
    search_fields = TEXT_SEARCH
    panels = [
        FieldRowPanel([FieldPanel("organization"), FieldPanel("location_type")]),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("transportation"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        InlinePanel("addresses", heading=_("Addresses"), label=_("Address")),
        InlinePanel("accessibility", heading=_("Accessibility"), label=_("Accessibility")),
    ]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = ["__str__", "organization", "status", "assured_date", "is_demo"]
    list_per_page = 50
    search_fields = TEXT_SEARCH
    filterset_class = ServiceFilterSet
    index_view_class = ServiceIndexView
    edit_view_class = ServiceEditView

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("verify/<str:pk>/", ServiceVerifyView.as_view(), name="verify"),
        ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organization"),
                    FieldPanel("name"),
                    FieldPanel("alternate_name"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("url"), FieldPanel("email")]),
                    FieldPanel("alert"),
                ],
                heading=_("Service"),
            ),
            ObjectList(
                [
                    FieldPanel("needs", widget=NeedPicker()),
                    FieldPanel("audiences"),
                    FieldPanel("employment_statuses"),
                    FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                    FieldPanel("phases"),
                    FieldPanel("cancer_types"),
                    FieldPanel("eligibility_description"),
                    InlinePanel("service_areas", heading=_("Area served"), label=_("Area")),
                ],
                heading=_("Who it is for"),
            ),
            ObjectList(
                [
                    FieldPanel("delivery_modes"),
                    FieldPanel("access_routes"),
                    FieldPanel("application_process"),
                    FieldPanel("costs"),
                    FieldPanel("fees_description"),
                    FieldPanel("wait_time"),
                    InlinePanel(
                        "service_at_locations", heading=_("Locations"), label=_("Location")
                    ),
                    InlinePanel("phones", heading=_("Phone numbers"), label=_("Phone")),
                    InlinePanel(
                        "schedules",
                        heading=_("Opening hours"),
                        label=_("Opening hours"),
                        panels=[
                            FieldPanel("byday", widget=WeekdaysWidget()),
                            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                            FieldPanel("description"),
                        ],
                    ),
                    InlinePanel("languages", heading=_("Languages offered"), label=_("Language")),
                    InlinePanel("cost_options", heading=_("Prices"), label=_("Price")),
                    InlinePanel(
                        "required_documents", heading=_("Documents to bring"), label=_("Document")
                    ),
                    InlinePanel("contacts", heading=_("Contact people"), label=_("Contact")),
                ],
                heading=_("How to get help"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("assured_date"),
                            FieldPanel("assurer_email"),
                            FieldPanel("source"),
                        ],
                        heading=_("Verification"),
                    ),
                    FieldPanel("is_demo"),
                ],
                heading=_("Verification"),
            ),
        ]
    )


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-1"
    menu_order = 150
    items = (ServiceViewSet, OrganizationViewSet, LocationViewSet)


register_snippet(DirectoryGroup)


class ToVerifyMenuItem(MenuItem):
    """Shown to editors who may change services."""

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("directory.change_service"))


def to_verify_menu_item() -> MenuItem:
    url = reverse("wagtailsnippets_directory_service:list") + "?verification=stale"
    return ToVerifyMenuItem(_("To verify"), url, icon_name="warning", order=160)


hooks.register("register_admin_menu_item", to_verify_menu_item)
