"""The main navigation's "Referrals" item, for professionals, with the count of their unread
notices (registered from ReferralsConfig.ready() through core.site)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beoncosup.referrals.models import Notice


def referrals_nav_entry(request: HttpRequest) -> SafeString:
    """The link, for those who may follow referrals only (no query for anonymous visitors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("referrals.follow_referrals"):
        return mark_safe("")
    unread = Notice.objects.filter(user=user, read_at__isnull=True).count()
    match = getattr(request, "resolver_match", None)
    current = (
        match is not None
        and match.namespace == "referrals"
        and match.url_name
        in (
            "followed",
            "detail",
            "case",
            "case_refer",
        )
    )
    count = (
        format_html(
            ' <span class="badge">{}<span class="visually-hidden"> {}</span></span>',
            unread,
            ngettext("unread notice", "unread notices", unread),
        )
        if unread
        else ""
    )
    return format_html(
        '<li><a href="{}"{}>{}{}</a></li>',
        reverse("referrals:followed"),
        mark_safe(' aria-current="page"') if current else "",
        _("Referrals"),
        count,
    )
