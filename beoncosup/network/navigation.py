"""The main navigation's "Network" item: for people with a network profile or the
professional role (registered from NetworkConfig.ready() through core.site)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def network_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("network.create_profile"):
        return mark_safe("")
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "network"
    url = reverse(
        "network:directory" if user.has_perm("network.search_members") else "network:profile_edit"
    )
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        url,
        mark_safe(' aria-current="page"') if current else "",
        _("Network"),
    )
