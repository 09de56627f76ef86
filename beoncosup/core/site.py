"""Hooks of the site shell that the apps fill: the main navigation.

core and the base templates name no feature app (docs/architecture.md, "Who may import whom"):
each app registers what it adds from its ``AppConfig.ready()``, and ``site_context`` hands the
templates lazy callables, so a page that does not render the header (an HTMX partial, a PDF)
runs none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import ResolverMatch, reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# One item of the main navigation: the request in, one <li> element out.
NavEntry = Callable[[HttpRequest], SafeString]


@dataclass(frozen=True)
class _Entry:
    order: int
    render: NavEntry


_nav_entries: dict[str, _Entry] = {}


def nav_entry_register(*, key: str, order: int, render: NavEntry) -> None:
    """Adds an item to the main navigation (or replaces the one registered under ``key``); the
    header lists the items by ``order``, lowest first."""
    _nav_entries[key] = _Entry(order=order, render=render)


def nav_link(
    *,
    label: str | Promise,
    url_name: str,
    url_args: tuple[str, ...] = (),
    current: Callable[[ResolverMatch], bool],
) -> NavEntry:
    """A navigation item that is a plain link to the view ``url_name``, marked
    ``aria-current="page"`` when ``current`` says the request's view is that page."""

    def render(request: HttpRequest) -> SafeString:
        match = getattr(request, "resolver_match", None)  # None on a 404 page
        is_current = match is not None and current(match)
        return format_html(
            '<li><a href="{}"{}>{}</a></li>',
            reverse(url_name, args=url_args),
            mark_safe(' aria-current="page"') if is_current else "",
            label,
        )

    return render


def main_nav(request: HttpRequest) -> list[SafeString]:
    """The main navigation's items for this request, in order."""
    entries = sorted(_nav_entries.items(), key=lambda item: (item[1].order, item[0]))
    return [entry.render(request) for _key, entry in entries]
