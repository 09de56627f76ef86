"""The main navigation's "Network" item: for professionals (who may join) and editors, leading
to the members' directory (which invites a professional without a profile to make one).
Registered from NetworkConfig.ready() through core.site. It reads only the user's roles,
memoised for the request (accounts.selectors.roles_of), so it adds no query to a page."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.selectors import roles_of


def network_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return mark_safe("")
    roles = roles_of(user)
    if not (
        roles.organisations_with(OrgRole.PROFESSIONAL) or roles.has_platform(PlatformRole.EDITOR)
    ):
        return mark_safe("")
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "network"
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("network:directory"),
        mark_safe(' aria-current="page"') if current else "",
        _("Network"),
    )
