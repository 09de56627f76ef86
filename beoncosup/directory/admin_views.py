"""Editors' views for services beyond Wagtail's defaults (issue #12, journey 10):

- the list remembers its filters, search, order and page for the visit, so saving a service
  (or marking it verified) goes back to the same filtered list, e.g. "To verify";
- "To verify" lists the oldest checks first (never verified, then by date), unless the editor
  sorts by a column;
- "Verified today" (a button per row of the list and in the edit form's menu): a confirmation
  page whose POST sets the service's "last verified on" date to today (a GET never changes
  anything), then back to where the editor came from;
- opening days as checkboxes for the weekly schedule (stored as the HSDS ``MO,TU`` text).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.snippets.views.snippets import EditView, IndexView

from beoncosup.directory.models import Service
from beoncosup.directory.services import service_verify

LIST_QUERY_KEY = "beoncosup.directory.service_list_query"
MAX_QUERY_LENGTH = 2000
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class WeekdaysWidget(forms.CheckboxSelectMultiple):
    """Seven checkboxes (Monday first, names in the editor's language, from Django's own
    translations) for a ``byday`` text such as ``MO,WE,FR``."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, choices=[(code, WEEKDAYS[i]) for i, code in enumerate(DAY_CODES)])

    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return list(value or [])

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:
        ticked = set(super().value_from_datadict(data, files, name) or [])
        # Unknown values are kept (in week order first) so the field's validator refuses them.
        return ",".join([c for c in DAY_CODES if c in ticked] + sorted(ticked - set(DAY_CODES)))


def list_url(request: HttpRequest) -> str:
    """The services list as the editor last saw it this visit (filters, search, order, page)."""
    url = reverse("wagtailsnippets_directory_service:list")
    query = request.session.get(LIST_QUERY_KEY, "")
    return f"{url}?{query}" if query else url


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class ServiceIndexView(IndexView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        query = request.GET.urlencode()
        if len(query) <= MAX_QUERY_LENGTH:
            request.session[LIST_QUERY_KEY] = query
        response: HttpResponse = super().get(request, *args, **kwargs)
        return response

    def get_list_more_buttons(self, instance: Service) -> list[Any]:
        buttons: list[Any] = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm("directory.change_service"):
            here = reverse("wagtailsnippets_directory_service:list")
            query = self.request.GET.urlencode()
            buttons.append(
                ListingButton(
                    _("Verified today"),
                    url=reverse("wagtailsnippets_directory_service:verify", args=[instance.pk])
                    + "?"
                    + urlencode({"next": f"{here}?{query}" if query else here}),
                    icon_name="check",
                    attrs={
                        "aria-label": _("Mark %(service)s as verified today")
                        % {"service": instance}
                    },
                    priority=5,
                )
            )
        return buttons


class ServiceEditView(EditView):
    def get_success_url(self) -> str:
        return list_url(self.request)

    @cached_property
    def header_more_buttons(self) -> list[Any]:
        """Wagtail's (copy, delete, …) and "Verified today", which comes back to this form."""
        buttons: list[Any] = list(super().header_more_buttons)
        verify = reverse("wagtailsnippets_directory_service:verify", args=[self.object.pk])
        back = urlencode({"next": self.request.path})
        buttons.append(Button(_("Verified today"), url=f"{verify}?{back}", icon_name="check"))
        if self.request.user.has_perm("providers.view_service_history"):
            # The record's history (changes, proposals, verifications): a link by URL name.
            history = reverse("providers:service_history", kwargs={"service_id": self.object.pk})
            buttons.append(Button(_("History of this record"), url=history, icon_name="history"))
        return buttons


class ServiceVerifyView(View):
    """GET: "Did you check this service today?"; POST: record it and go back to the list."""

    template_name = "directory/admin/verify.html"

    def _service(self, request: HttpRequest, pk: str) -> Service:
        if not request.user.has_perm("directory.change_service"):
            raise PermissionDenied
        service: Service = get_object_or_404(Service, pk=pk)
        return service

    def get(self, request: HttpRequest, pk: str) -> HttpResponse:
        service = self._service(request, pk)
        return TemplateResponse(
            request,
            self.template_name,
            {
                "service": service,
                "page_title": _("Verified today"),
                "header_title": _("Verified today"),
                "header_icon": "check",
                "next": _safe_next(request, list_url(request)),
                "edit_url": reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
            },
        )

    def post(self, request: HttpRequest, pk: str) -> HttpResponse:
        service = self._service(request, pk)
        user = request.user
        who = getattr(user, "email", "") or user.get_username()
        service = service_verify(service=service, by=who)
        messages.success(
            request,
            _("%(service)s: marked as verified today.") % {"service": service},
        )
        return HttpResponseRedirect(_safe_next(request, list_url(request)))
