"""Admin additions for the hub: the "Articles overdue for review" report (Reports menu and a
count on the dashboard's summary)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from beoncosup.hub import selectors
from beoncosup.hub.views import OverdueArticlesView


def _can_edit_pages(request: HttpRequest) -> bool:
    return bool(PagePermissionPolicy(Page).user_has_any_permission(request.user, ["change"]))


@hooks.register("register_admin_urls")  # type: ignore[untyped-decorator]
def register_overdue_urls() -> list[Any]:
    return [
        path("reports/hub-overdue/", OverdueArticlesView.as_view(), name="hub_overdue"),
        path(
            "reports/hub-overdue/results/",
            OverdueArticlesView.as_view(results_only=True),
            name="hub_overdue_results",
        ),
    ]


class OverdueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return _can_edit_pages(request)


@hooks.register("register_reports_menu_item")  # type: ignore[untyped-decorator]
def register_overdue_menu_item() -> MenuItem:
    return OverdueMenuItem(
        _("Articles overdue for review"),
        reverse("hub_overdue"),
        name="hub-overdue",
        icon_name="date",
        order=750,
    )


class OverdueSummaryItem(SummaryItem):
    order = 150
    template_name = "hub/admin/overdue_summary.html"

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        return {"count": selectors.overdue_articles().count(), "url": reverse("hub_overdue")}

    def is_shown(self) -> bool:
        return _can_edit_pages(self.request)


@hooks.register("construct_homepage_summary_items")  # type: ignore[untyped-decorator]
def add_overdue_summary_item(request: HttpRequest, items: list[Any]) -> None:
    items.append(OverdueSummaryItem(request))
