"""The main navigation's "Referrals" item: for professionals, their referrals with the count of
unread notices; for provider staff, their services' inbox with the count of open referrals
(registered from ReferralsConfig.ready() through core.site). One count query, and none for
anonymous visitors or people with neither role."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beoncosup.referrals import selectors
from beoncosup.referrals.models import Notice

_FOLLOW_PAGES = ("followed", "detail", "case", "case_refer")
_INBOX_PAGES = ("inbox", "inbox_detail", "service_settings")


def _entry(
    request: HttpRequest, *, url: str, label: str, pages: tuple[str, ...], badge: str
) -> str:
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "referrals" and match.url_name in pages
    return format_html(
        '<li><a href="{}"{}>{}{}</a></li>',
        url,
        mark_safe(' aria-current="page"') if current else "",
        label,
        badge,
    )


def _badge(count: int, words: str) -> str:
    if not count:
        return ""
    return format_html(
        ' <span class="badge">{}<span class="visually-hidden"> {}</span></span>', count, words
    )


def referrals_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return mark_safe("")
    entries = []
    if user.has_perm("referrals.follow_referrals"):
        unread = Notice.objects.filter(user=user, read_at__isnull=True).count()
        entries.append(
            _entry(
                request,
                url=reverse("referrals:followed"),
                label=_("Referrals"),
                pages=_FOLLOW_PAGES,
                badge=_badge(unread, ngettext("unread notice", "unread notices", unread)),
            )
        )
    if user.has_perm("referrals.use_inbox"):
        waiting = selectors.inbox(user=user).filter(status__in=["requested"]).count()
        entries.append(
            _entry(
                request,
                url=reverse("referrals:inbox"),
                label=_("Referrals inbox"),
                pages=_INBOX_PAGES,
                badge=_badge(waiting, ngettext("new referral", "new referrals", waiting)),
            )
        )
    return mark_safe("".join(entries))  # noqa: S308 (built with format_html above)
