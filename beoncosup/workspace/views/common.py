"""Shared by the workspace pages: the access decorator, object lookups, the home page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from beoncosup.workspace import selectors

ACTIVITY_PAGE_SIZE = 25
View = Callable[..., HttpResponse]
M = TypeVar("M", bound=Model)


def workspace_view(view: View) -> View:
    """Signed in (else to the sign-in page) with ``accounts.use_workspace`` (else 403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("accounts.use_workspace"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def visible_or_404(request: HttpRequest, model: type[M], pk: int) -> M:
    item = model._default_manager.select_related("organisation", "owner").filter(pk=pk).first()
    if item is None or not request.user.has_perm("workspace.view_item", item):
        raise Http404("No such item")
    return item


def editable_or_404(request: HttpRequest, model: type[M], pk: int) -> M:
    item = visible_or_404(request, model, pk)
    if not request.user.has_perm("workspace.change_item", item):
        raise PermissionDenied
    return item


def finder_url(query: str) -> str:
    url = reverse("finder:finder")
    return f"{url}?{query}#result-summary" if query else url


@workspace_view
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "workspace/home.html",
        {
            "searches": list(selectors.searches_visible(user=user).order_by("-created_at")[:5]),
            "lists": list(selectors.lists_visible(user=user).order_by("-updated_at")[:5]),
            "settings": selectors.settings_of(user=user),
        },
    )
