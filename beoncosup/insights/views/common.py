"""What every insights page shares: the filters, the panels (a chart beside its table) and
the page frame (refresh date, demo notice, the suppression rule)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beoncosup.insights import periods, selectors
from beoncosup.insights.cubes import CUBES
from beoncosup.insights.forms import FilterForm, period_label

Value = int | float | str | None


@dataclass
class Table:
    caption: str
    columns: Sequence[str]
    rows: list[tuple[str, list[Value]]]  # (row header, values)
    # Columns whose values are shares (shown with a percent sign).
    percent_columns: Sequence[int] = ()


@dataclass
class Panel:
    id: str
    title: str
    table: Table
    intro: str = ""
    chart: SafeString | None = None
    notes: list[str] = field(default_factory=list)


# The analysts' pages, in the order of their tabs: (URL name, title).
TABS = (
    ("overview", gettext_lazy("Demand")),
    ("unmet", gettext_lazy("Unmet needs")),
    ("map", gettext_lazy("Coverage map")),
    ("languages", gettext_lazy("Languages")),
    ("referrals", gettext_lazy("Referrals")),
    ("self_checks", gettext_lazy("Self-checks")),
)


@dataclass
class Filters:
    period: str
    area: str
    need: str
    public: bool

    @property
    def complete(self) -> bool:
        return periods.is_complete(self.period, today=timezone.localdate())

    @property
    def period_label(self) -> str:
        return period_label(self.period, today_complete=self.complete)

    @property
    def quarters(self) -> list[str]:
        """The quarters shown in time series: the window's, complete ones only for the
        public."""
        return [p for p in reversed(selectors.period_choices(public=self.public)) if "-Q" in p]


def filters_from(
    request: HttpRequest, *, public: bool, **options: Any
) -> tuple[FilterForm, Filters | None]:
    """The filter form (bound when the address has any filter) and the filters it gives, or
    None when a value is not one of the choices."""
    bound = any(name in request.GET for name in ("period", "area", "need"))
    form = FilterForm(request.GET if bound else None, public=public, **options)
    if bound and not form.is_valid():
        return form, None
    if not bound:
        form.cleaned_data = {}
    return form, Filters(
        period=form.value("period"),
        area=form.value("area"),
        need=form.value("need"),
        public=public,
    )


def suppressed_label() -> str:
    return _("hidden: a small count, or one that would let a small count be worked out")


def share(part: int | None, whole: int | None) -> float | None:
    """part / whole in percent (one decimal), None unless both are published and whole > 0."""
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def page(
    request: HttpRequest,
    *,
    template: str,
    title: str,
    form: FilterForm,
    filters: Filters | None,
    panels: list[Panel],
    tab: str = "",
    intro: str = "",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    state = selectors.published_state()
    context = {
        "title": title,
        "intro": intro,
        "form": form,
        "filters": filters,
        "panels": panels,
        "tabs": TABS,
        "tab": tab,
        "state": state,
        "suppressed_text": suppressed_label(),
        "downloads": list(CUBES),
        **(extra or {}),
    }
    return render(request, template, context, status=200 if filters is not None else 400)
