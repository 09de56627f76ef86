"""Saved searches: save from the finder, list, run, rename, share, delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.workspace import selectors, services
from beoncosup.workspace.finder_query import (
    search_languages,
    search_postcode,
    search_query_clean,
    search_summary,
)
from beoncosup.workspace.forms import (
    SearchEditForm,
    SearchSaveForm,
)
from beoncosup.workspace.models import SavedSearch
from beoncosup.workspace.views.common import (
    editable_or_404,
    finder_url,
    visible_or_404,
    workspace_view,
)


@workspace_view
def search_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    searches = list(selectors.searches_visible(user=user))
    shared = [s for s in searches if s.owner_id != user.pk]
    return render(
        request,
        "workspace/search_list.html",
        {
            "own": [s for s in searches if s.owner_id == user.pk],
            "shared": shared,
            # Organisation admins may stop a colleague's sharing (no query: roles are memoised).
            "unshareable": {s.pk for s in shared if user.has_perm("workspace.unshare_item", s)},
        },
    )


@workspace_view
def search_save(request: HttpRequest) -> HttpResponse:
    """GET ?query=<the finder's query>: name it and choose sharing; POST: save."""
    user = request.user
    status = 200
    if request.method == "POST":
        form = SearchSaveForm(request.POST, user=user)
        if form.is_valid():
            query = form.cleaned_data["query"]
            search = services.search_save(
                owner=user,
                name=form.cleaned_data["name"].strip() or search_summary(query),
                query=query,
                organisation=form.cleaned_data["organisation"],
                shared=form.cleaned_data["shared"],
                request=request,
            )
            if form.cleaned_data["remember_default"]:
                services.settings_save(
                    user=user,
                    postcode=search_postcode(query) or None,
                    languages=search_languages(query) or None,
                    request=request,
                )
                services.defaults_remember(request=request, user=user, force=True)
            messages.success(request, _("Search saved: %(name)s.") % {"name": search.name})
            return redirect("workspace:search_list")
        status = 400
        query = str(form.cleaned_data.get("query", ""))
    elif request.method in {"GET", "HEAD"}:
        raw = str(request.GET.get("query", ""))
        initial: dict[str, Any] = {"query": raw[:4000]}
        form = SearchSaveForm(initial=initial, user=user)
        try:
            query = search_query_clean(raw)
        except ValidationError:
            # Shown with the form's errors; nothing can be saved.
            form = SearchSaveForm({"query": raw[:4000]}, user=user)
            form.is_valid()
            query = ""
            status = 400 if raw else 200
        else:
            form.initial["name"] = search_summary(query)
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "workspace/search_save.html",
        {
            "form": form,
            "finder_url": finder_url(query),
            "has_defaults": bool(query and ("postcode=" in query or "languages=" in query)),
        },
        status=status,
    )


@workspace_view
@require_POST
def search_run(request: HttpRequest, pk: int) -> HttpResponse:
    search = visible_or_404(request, SavedSearch, pk)
    query = services.search_run(search=search, actor=request.user, request=request)
    return HttpResponseRedirect(finder_url(query))


@workspace_view
def search_edit(request: HttpRequest, pk: int) -> HttpResponse:
    search = editable_or_404(request, SavedSearch, pk)
    status = 200
    if request.method == "POST":
        form = SearchEditForm(request.POST)
        if form.is_valid():
            services.search_update(
                search=search,
                actor=request.user,
                name=form.cleaned_data["name"],
                shared=form.cleaned_data["shared"],
                request=request,
            )
            messages.success(request, _("Search changed."))
            return redirect("workspace:search_list")
        status = 400
    else:
        form = SearchEditForm(initial={"name": search.name, "shared": search.shared})
    return render(
        request, "workspace/search_edit.html", {"form": form, "search": search}, status=status
    )


@workspace_view
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    search = editable_or_404(request, SavedSearch, pk)
    if request.method == "POST":
        services.search_delete(search=search, actor=request.user, request=request)
        messages.success(request, _("Search deleted."))
        return redirect("workspace:search_list")
    return render(request, "workspace/confirm_delete.html", {"item": search, "kind": "search"})


@workspace_view
@require_POST
def search_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    search = visible_or_404(request, SavedSearch, pk)
    if not request.user.has_perm("workspace.unshare_item", search):
        raise PermissionDenied
    services.item_unshare(item=search, actor=request.user, request=request)
    messages.success(request, _("The search is no longer shared."))
    return redirect("workspace:search_list")
