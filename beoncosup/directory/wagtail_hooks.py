"""The directory in the Wagtail admin: organisations, services (with revisions), locations,
list filters and a "To verify" entry for services not checked for over a year."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
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

from beoncosup.directory.filters import ServiceFilterSet
from beoncosup.directory.models import Location, Organization, Service

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
                    FieldPanel("needs"),
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
                    InlinePanel("schedules", heading=_("Opening hours"), label=_("Opening hours")),
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
