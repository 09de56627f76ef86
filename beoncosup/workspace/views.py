"""The workspace's pages. Every view: anonymous → sign in; signed in without
``accounts.use_workspace`` → 403; a search or list the person may not see → 404 (its existence
does not leak); read-only for colleagues → 403 on changes. Changes only by POST."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.finder.queries import active_service
from beoncosup.workspace import selectors, services
from beoncosup.workspace.activity import action_label
from beoncosup.workspace.finder_query import (
    search_languages,
    search_postcode,
    search_query_clean,
    search_summary,
)
from beoncosup.workspace.forms import (
    NOTE_HINT,
    ItemAddForm,
    ListCreateForm,
    ListEditForm,
    SearchEditForm,
    SearchSaveForm,
    SettingsForm,
)
from beoncosup.workspace.models import SavedSearch, ServiceList, ServiceListItem

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


def _visible(request: HttpRequest, model: type[M], pk: int) -> M:
    item = model._default_manager.select_related("organisation", "owner").filter(pk=pk).first()
    if item is None or not request.user.has_perm("workspace.view_item", item):
        raise Http404("No such item")
    return item


def _editable(request: HttpRequest, model: type[M], pk: int) -> M:
    item = _visible(request, model, pk)
    if not request.user.has_perm("workspace.change_item", item):
        raise PermissionDenied
    return item


def _finder_url(query: str) -> str:
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


# ---------------------------------------------------------------- saved searches


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
            "finder_url": _finder_url(query),
            "has_defaults": bool(query and ("postcode=" in query or "languages=" in query)),
        },
        status=status,
    )


@workspace_view
@require_POST
def search_run(request: HttpRequest, pk: int) -> HttpResponse:
    search = _visible(request, SavedSearch, pk)
    query = services.search_run(search=search, actor=request.user, request=request)
    return HttpResponseRedirect(_finder_url(query))


@workspace_view
def search_edit(request: HttpRequest, pk: int) -> HttpResponse:
    search = _editable(request, SavedSearch, pk)
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
    search = _editable(request, SavedSearch, pk)
    if request.method == "POST":
        services.search_delete(search=search, actor=request.user, request=request)
        messages.success(request, _("Search deleted."))
        return redirect("workspace:search_list")
    return render(request, "workspace/confirm_delete.html", {"item": search, "kind": "search"})


@workspace_view
@require_POST
def search_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    search = _visible(request, SavedSearch, pk)
    if not request.user.has_perm("workspace.unshare_item", search):
        raise PermissionDenied
    services.item_unshare(item=search, actor=request.user, request=request)
    messages.success(request, _("The search is no longer shared."))
    return redirect("workspace:search_list")


# ---------------------------------------------------------------- lists


@workspace_view
def list_index(request: HttpRequest) -> HttpResponse:
    lists = list(selectors.lists_visible(user=request.user))
    return render(
        request,
        "workspace/list_index.html",
        {
            "own": [x for x in lists if x.owner_id == request.user.pk],
            "shared": [x for x in lists if x.owner_id != request.user.pk],
        },
    )


@workspace_view
def list_create(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = ListCreateForm(request.POST, user=request.user)
        if form.is_valid():
            service_list = services.list_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                shared=form.cleaned_data["shared"],
                request=request,
            )
            messages.success(request, _("List created."))
            return redirect("workspace:list_detail", pk=service_list.pk)
        status = 400
    else:
        form = ListCreateForm(user=request.user)
    return render(request, "workspace/list_create.html", {"form": form}, status=status)


@workspace_view
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service_list = _visible(request, ServiceList, pk)
    user = request.user
    return render(
        request,
        "workspace/list_detail.html",
        {
            "service_list": service_list,
            "items": list(selectors.list_items(service_list=service_list)),
            "can_change": user.has_perm("workspace.change_item", service_list),
            "can_unshare": service_list.shared
            and user.has_perm("workspace.unshare_item", service_list),
        },
    )


@workspace_view
def list_edit(request: HttpRequest, pk: int) -> HttpResponse:
    service_list = _editable(request, ServiceList, pk)
    status = 200
    if request.method == "POST":
        form = ListEditForm(request.POST)
        if form.is_valid():
            services.list_update(
                service_list=service_list,
                actor=request.user,
                name=form.cleaned_data["name"],
                shared=form.cleaned_data["shared"],
                request=request,
            )
            messages.success(request, _("List changed."))
            return redirect("workspace:list_detail", pk=service_list.pk)
        status = 400
    else:
        form = ListEditForm(initial={"name": service_list.name, "shared": service_list.shared})
    return render(
        request,
        "workspace/list_edit.html",
        {"form": form, "service_list": service_list},
        status=status,
    )


@workspace_view
def list_delete(request: HttpRequest, pk: int) -> HttpResponse:
    service_list = _editable(request, ServiceList, pk)
    if request.method == "POST":
        services.list_delete(service_list=service_list, actor=request.user, request=request)
        messages.success(request, _("List deleted."))
        return redirect("workspace:list_index")
    return render(request, "workspace/confirm_delete.html", {"item": service_list, "kind": "list"})


@workspace_view
@require_POST
def list_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    service_list = _visible(request, ServiceList, pk)
    if not request.user.has_perm("workspace.unshare_item", service_list):
        raise PermissionDenied
    services.item_unshare(item=service_list, actor=request.user, request=request)
    messages.success(request, _("The list is no longer shared."))
    return redirect("workspace:list_detail", pk=service_list.pk)


def _service_or_404(raw: Any) -> Any:
    try:
        service_id = uuid.UUID(str(raw or ""))
    except ValueError:
        raise Http404("No such service") from None
    service = active_service(service_id)
    if service is None:
        raise Http404("No such service")
    return service


@workspace_view
def item_add(request: HttpRequest) -> HttpResponse:
    """GET ?service=<id>: choose a list (or name a new one) and a note; POST: add."""
    user = request.user
    status = 200
    if request.method == "POST":
        form = ItemAddForm(request.POST, user=user)
        service = _service_or_404(request.POST.get("service"))
        if form.is_valid():
            service_list = form.cleaned_data["service_list"] or services.list_create(
                owner=user,
                name=form.cleaned_data["new_list_name"].strip(),
                organisation=selectors.organisations_for_workspace(user=user).first(),
                request=request,
            )
            _item, created = services.list_item_add(
                service_list=service_list,
                service=service,
                note=form.cleaned_data["note"],
                actor=user,
                request=request,
            )
            message = _("Added to the list %(name)s.") if created else _("Already in %(name)s.")
            messages.success(request, message % {"name": service_list.name})
            return redirect("workspace:list_detail", pk=service_list.pk)
        status = 400
    else:
        service = _service_or_404(request.GET.get("service"))
        form = ItemAddForm(initial={"service": service.pk}, user=user)
    return render(
        request,
        "workspace/item_add.html",
        {"form": form, "service": service, "note_hint": NOTE_HINT},
        status=status,
    )


@workspace_view
@require_POST
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    service_list = _editable(request, ServiceList, pk)
    item = ServiceListItem.objects.filter(pk=item_pk, service_list=service_list).first()
    if item is None:
        raise Http404("No such item")
    item.service_list = service_list
    services.list_item_remove(item=item, actor=request.user, request=request)
    messages.success(request, _("Removed from the list."))
    return redirect("workspace:list_detail", pk=service_list.pk)


# ---------------------------------------------------------------- activity and settings


@workspace_view
def activity(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.activity_own(user=request.user), ACTIVITY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    shared = selectors.activity_shared(user=request.user)
    return render(
        request,
        "workspace/activity.html",
        {
            "page": page,
            "events": [(event, action_label(event.action)) for event in page.object_list],
            "shared_events": [(event, action_label(event.action)) for event in shared],
        },
    )


@workspace_view
def settings(request: HttpRequest) -> HttpResponse:
    current = selectors.settings_of(user=request.user)
    status = 200
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            services.settings_save(
                user=request.user,
                postcode=form.cleaned_data["postcode"],
                languages=list(form.cleaned_data["languages"] or []),
                request=request,
            )
            messages.success(request, _("Your defaults are saved."))
            return redirect("workspace:settings")
        status = 400
    else:
        form = SettingsForm(
            initial={
                "postcode": current.postcode if current else "",
                "languages": current.languages if current else [],
            }
        )
    return render(request, "workspace/settings.html", {"form": form}, status=status)
