from __future__ import annotations

from django.db.models import TextChoices
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from beoncosup.directory import selectors
from beoncosup.directory.enums import (
    SERVICE_AUDIENCES,
    Access,
    Cost,
    Delivery,
    EmploymentStatus,
)
from beoncosup.situation.codes import CodeSubset, Phase


def _labels(codes: list[str], choices: type[TextChoices] | CodeSubset) -> list[str]:
    return [str(choices(code).label) for code in codes if code in choices.values]


@require_safe
def service_detail(request: HttpRequest, service_id: str) -> HttpResponse:
    service = selectors.service_detail(service_id)
    if service is None:
        raise Http404("No such service")
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": service,
            "audiences": _labels(service.audiences, SERVICE_AUDIENCES),
            "statuses": _labels(service.employment_statuses, EmploymentStatus),
            "phases": _labels(service.phases, Phase),
            "delivery": _labels(service.delivery_modes, Delivery),
            "access": _labels(service.access_routes, Access),
            "costs": _labels(service.costs, Cost),
        },
    )
