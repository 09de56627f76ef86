"""The public participation pages: the entry ("take part"), the working groups, a group, a
session (details, minutes and outcomes once published, the actions that came from it), and
"you said, we did" (the actions, filterable by topic, status and source). Open to everyone;
an unpublished group or action answers 404 (editors see it, to check before publishing)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from beoncosup.core.i18n_text import default_language
from beoncosup.participation.forms import ActionFilterForm
from beoncosup.participation.selectors import actions as action_selectors
from beoncosup.participation.selectors import groups as selectors
from beoncosup.participation.services.mails import session_line


def url_or_empty(name: str, **kwargs: Any) -> str:
    """The path of another area's page, or "" while that area has no such page."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def _manages(request: HttpRequest) -> bool:
    return bool(request.user.has_perm("participation.manage"))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "participation/home.html",
        {
            "consultations_url": url_or_empty("consultations:index"),
            "upcoming": selectors.upcoming_sessions(),
            "recent_actions": action_selectors.actions_published(limit=3),
            "language": default_language(),
            "manages": _manages(request),
        },
    )


@require_safe
def groups(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "participation/groups.html",
        {"groups": selectors.groups_published(), "manages": _manages(request)},
    )


@require_safe
def group(request: HttpRequest, group_id: int) -> HttpResponse:
    manages = _manages(request)
    found = selectors.group_detail(group_id, include_unpublished=manages)
    if found is None:
        raise Http404
    language = default_language()
    sessions = selectors.group_sessions(found)
    return render(
        request,
        "participation/group.html",
        {
            "group": found,
            "sessions": [(s, session_line(s, language)) for s in sessions],
            "manages": manages,
        },
    )


@require_safe
def session(request: HttpRequest, session_id: int) -> HttpResponse:
    manages = _manages(request)
    found = selectors.session_detail(session_id, include_unpublished=manages)
    if found is None:
        raise Http404
    language = default_language()
    return render(
        request,
        "participation/session.html",
        {
            "group_session": found,
            "group": found.group,
            "line": session_line(found, language),
            "open": selectors.registration_open(found),
            "places_left": max(found.capacity - found.confirmed, 0),  # type: ignore[attr-defined]
            "published": found.published_at is not None,
            "actions": action_selectors.actions_for_session(found),
            "manages": manages,
        },
    )


@require_safe
def actions(request: HttpRequest) -> HttpResponse:
    """ "You said, we did": 400 with the form's message for an unknown filter value."""
    form = ActionFilterForm(request.GET or None)
    filters = action_selectors.ActionFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = action_selectors.ActionFilters(
            domain=data["domain"], need=data["need"], status=data["status"], source=data["source"]
        )
    invalid = form.is_bound and not form.is_valid()
    # Paged in SQL, the relations loaded for the 20 shown (bad page number: the last page).
    page = (
        Paginator([], PER_PAGE).get_page(1)
        if invalid
        else action_selectors.actions_page(filters, request.GET.get("page"), PER_PAGE)
    )
    return render(
        request,
        "participation/actions.html",
        {
            "form": form,
            "count": page.paginator.count,
            "page": page,
            "previous_query": _query(request, page.previous_page_number())
            if page.has_previous()
            else "",
            "next_query": _query(request, page.next_page_number()) if page.has_next() else "",
            "filtered": form.is_bound and not invalid and any(vars(filters).values()),
            "manages": _manages(request),
        },
        status=400 if invalid else 200,
    )


PER_PAGE = 20


def _query(request: HttpRequest, number: int) -> str:
    """The current filters with another page number, for the previous/next links."""
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()


@require_safe
def action(request: HttpRequest, action_id: int) -> HttpResponse:
    manages = _manages(request)
    found = action_selectors.action_detail(action_id, include_unpublished=manages)
    if found is None:
        raise Http404
    return render(
        request,
        "participation/action.html",
        {
            "action": found,
            "history": action_selectors.action_history(found),
            "manages": manages,
        },
    )
