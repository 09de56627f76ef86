"""The analysts' dashboards: exact published counts, the running quarter included, with the
supply of services beside the demand. Anonymous → sign-in page; signed in without the analyst
role → 403. Every figure is a published cell (selectors), every chart has its table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beoncosup.accounts.rules import require
from beoncosup.insights import selectors
from beoncosup.insights.views.common import Filters, Panel, filters_from, page
from beoncosup.insights.views.panels.coverage import map_panel, unmet_panel
from beoncosup.insights.views.panels.demand import demand_by_need, demand_over_time
from beoncosup.insights.views.panels.languages import languages_panel
from beoncosup.insights.views.panels.referrals import referrals_panels
from beoncosup.insights.views.panels.self_checks import self_check_panels

Build = Callable[[Filters, dict[str, str]], list[Panel]]


def _dashboard(
    request: HttpRequest, *, tab: str, title: str, build: Build, **form_options: Any
) -> HttpResponse:
    """One dashboard page: the permission, the filters, the panels."""
    require(request, "insights.view_dashboards")
    form, filters = filters_from(request, public=False, **form_options)
    panels = build(filters, selectors.need_labels()) if filters is not None else []
    return page(
        request,
        template="insights/dashboard.html",
        title=title,
        form=form,
        filters=filters,
        panels=panels,
        tab=tab,
    )


@login_required
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="overview",
        title=_("Needs insights: demand"),
        build=lambda f, labels: [
            demand_over_time(f, labels, public=False),
            demand_by_need(f, labels, public=False),
        ],
    )


@login_required
@require_safe
def unmet(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="unmet",
        title=_("Needs insights: unmet and poorly covered needs"),
        build=lambda f, labels: [unmet_panel(f, labels, public=False)],
    )


@login_required
@require_safe
def coverage_map(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="map",
        title=_("Needs insights: coverage map"),
        build=lambda f, labels: [map_panel(f, labels, public=False)],
        arrondissements=False,
    )


@login_required
@require_safe
def languages(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="languages",
        title=_("Needs insights: languages"),
        build=lambda f, labels: [languages_panel(f, labels, public=False)],
        arrondissements=False,
    )


@login_required
@require_safe
def referrals(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="referrals",
        title=_("Needs insights: referrals"),
        build=lambda f, labels: referrals_panels(f, labels, public=False),
        arrondissements=False,
    )


@login_required
@require_safe
def self_checks(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request,
        tab="self_checks",
        title=_("Needs insights: self-checks"),
        build=lambda f, labels: self_check_panels(f, labels, public=False),
        arrondissements=False,
    )
