"""The main navigation's "Needs insights" item, for analysts (registered from
InsightsConfig.ready() through core.site). No query of its own: the roles are read once per
request by accounts.selectors.roles_of, which other entries use too."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def insights_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("insights.view_dashboards"):
        return mark_safe("")
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "insights" and match.url_name != "public"
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("insights:overview"),
        mark_safe(' aria-current="page"') if current else "",
        _("Needs insights"),
    )
