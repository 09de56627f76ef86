"""Return-to-work plans: the pages (namespace ``workplans``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.workplans.views import helpers, plans, sharing

app_name = "workplans"

urlpatterns = [
    path(pgettext_lazy("URL path", "work/plan/"), plans.start, name="start"),
    path(pgettext_lazy("URL path", "work/plans/mine/"), plans.mine, name="mine"),
    # The person's pages: the private link's token is the key.
    path(pgettext_lazy("URL path", "work/plan/<str:token>/"), plans.plan_page, name="plan"),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/<str:kind>/add/"),
        plans.item_add,
        name="item_add",
    ),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/<str:kind>/<int:item_id>/"),
        plans.item_edit,
        name="item_edit",
    ),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/<str:kind>/<int:item_id>/delete/"),
        plans.item_delete,
        name="item_delete",
    ),
    path(pgettext_lazy("URL path", "work/plan/<str:token>/print/"), plans.plan_print, name="print"),
    path(pgettext_lazy("URL path", "work/plan/<str:token>/pdf/"), plans.plan_pdf, name="pdf"),
    path(pgettext_lazy("URL path", "work/plan/<str:token>/share/"), sharing.share, name="share"),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/share/<int:share_id>/revoke/"),
        sharing.share_revoke,
        name="share_revoke",
    ),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/share/<int:share_id>/send/"),
        sharing.share_send,
        name="share_send",
    ),
    path(pgettext_lazy("URL path", "work/plan/<str:token>/invite/"), helpers.invite, name="invite"),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/new-link/"),
        helpers.link_renew,
        name="link_renew",
    ),
    path(
        pgettext_lazy("URL path", "work/plan/<str:token>/professionals/<int:helper_id>/remove/"),
        helpers.helper_remove,
        name="helper_remove",
    ),
    # The employer's view: the share link's own token.
    path(pgettext_lazy("URL path", "work/shared/<str:token>/"), sharing.shared, name="shared"),
    path(
        pgettext_lazy("URL path", "work/shared/<str:token>/pdf/"),
        sharing.shared_pdf,
        name="shared_pdf",
    ),
    # Professionals, signed in, on the plans they keep.
    path(pgettext_lazy("URL path", "work/plans/join/<str:token>/"), helpers.join, name="join"),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/"),
        plans.helper_plan_page,
        name="helper_plan",
    ),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/<str:kind>/add/"),
        plans.helper_item_add,
        name="helper_item_add",
    ),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/<str:kind>/<int:item_id>/"),
        plans.helper_item_edit,
        name="helper_item_edit",
    ),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/<str:kind>/<int:item_id>/delete/"),
        plans.helper_item_delete,
        name="helper_item_delete",
    ),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/print/"),
        plans.helper_print,
        name="helper_print",
    ),
    path(
        pgettext_lazy("URL path", "work/plans/<int:plan_id>/pdf/"),
        plans.helper_pdf,
        name="helper_pdf",
    ),
]
