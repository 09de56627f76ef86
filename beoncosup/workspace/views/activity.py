"""Recent activity and the professional's default postcode and languages."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beoncosup.workspace import selectors, services
from beoncosup.workspace.activity import action_label
from beoncosup.workspace.forms import (
    SettingsForm,
)
from beoncosup.workspace.views.common import (
    ACTIVITY_PAGE_SIZE,
    workspace_view,
)


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
