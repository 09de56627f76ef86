"""Named lists of services: create, add and remove services, share, delete."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.finder.queries import active_service
from beoncosup.workspace import selectors, services
from beoncosup.workspace.forms import (
    NOTE_HINT,
    ItemAddForm,
    ListCreateForm,
    ListEditForm,
)
from beoncosup.workspace.models import ServiceList, ServiceListItem
from beoncosup.workspace.views.common import (
    editable_or_404,
    visible_or_404,
    workspace_view,
)


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
    service_list = visible_or_404(request, ServiceList, pk)
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
    service_list = editable_or_404(request, ServiceList, pk)
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
    service_list = editable_or_404(request, ServiceList, pk)
    if request.method == "POST":
        services.list_delete(service_list=service_list, actor=request.user, request=request)
        messages.success(request, _("List deleted."))
        return redirect("workspace:list_index")
    return render(request, "workspace/confirm_delete.html", {"item": service_list, "kind": "list"})


@workspace_view
@require_POST
def list_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    service_list = visible_or_404(request, ServiceList, pk)
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
    service_list = editable_or_404(request, ServiceList, pk)
    item = ServiceListItem.objects.filter(pk=item_pk, service_list=service_list).first()
    if item is None:
        raise Http404("No such item")
    item.service_list = service_list
    services.list_item_remove(item=item, actor=request.user, request=request)
    messages.success(request, _("Removed from the list."))
    return redirect("workspace:list_detail", pk=service_list.pk)
