from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import TextChoices
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.directory import selectors
from beoncosup.directory.enums import (
    SERVICE_AUDIENCES,
    Access,
    Cost,
    Delivery,
    EmploymentStatus,
)
from beoncosup.directory.models import Service
from beoncosup.situation.codes import CodeSubset, Phase


def _labels(codes: list[str], choices: type[TextChoices] | CodeSubset) -> list[str]:
    return [str(choices(code).label) for code in codes if code in choices.values]


def _amount(amount: Decimal, currency: str) -> str:
    """An amount as written in the page's language: "€ 12,50" in Dutch, "12,50 €" in French
    and German (the locale's decimal separator)."""
    number = number_format(amount, decimal_pos=0 if amount == amount.to_integral() else 2)
    if currency == "EUR":
        return _("€ %(amount)s") % {"amount": number}
    return f"{number} {currency}"


def _cost_details(service: Service) -> dict[str, Any]:
    """The costs' labels, the editors' text on costs unless it only repeats a label ("Free."
    after "Free"), and the priced options ("Per session: € 12,50")."""
    labels = _labels(service.costs, Cost)
    fees = pick(service.fees_description, default_language())
    if fees and fees.text.strip().rstrip(".").casefold() in {label.casefold() for label in labels}:
        fees = None
    options = []
    for option in service.cost_options.all():
        name = pick(option.option, default_language())
        amount = _amount(option.amount, option.currency) if option.amount is not None else ""
        if name or amount:
            options.append({"name": name, "amount": amount})
    return {"costs": labels, "fees": fees, "cost_options": options}


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
            **_cost_details(service),
        },
    )
