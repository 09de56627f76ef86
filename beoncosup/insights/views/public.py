"""The public insights: complete periods only, counts rounded to 5 (never below k), the same
published cells as the analysts' (so nothing here tells more than they see); and the data
dictionary of the open data. Open to everyone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beoncosup.insights import selectors
from beoncosup.insights.cubes import CUBES
from beoncosup.insights.report.models import InsightsReportIndexPage
from beoncosup.insights.views.common import filters_from, page, suppressed_label
from beoncosup.insights.views.panels.coverage import unmet_panel
from beoncosup.insights.views.panels.demand import demand_by_need, demand_over_time
from beoncosup.insights.views.panels.referrals import referrals_panels


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    form, filters = filters_from(request, public=True, arrondissements=False)
    panels = []
    if filters is not None:
        labels = selectors.need_labels()
        panels = [
            demand_over_time(filters, labels, public=True),
            demand_by_need(filters, labels, public=True),
            unmet_panel(filters, labels, public=True),
            *referrals_panels(filters, labels, public=True),
        ]
    return page(
        request,
        template="insights/public.html",
        title=_("Needs in supportive cancer care in Belgium"),
        intro=_(
            "What people looked for on BeONCOsup and how often they found help within reach: "
            "anonymous counts, by quarter, province and need. Small counts are hidden and the "
            "others rounded to 5, so no person can be recognised."
        ),
        form=form,
        filters=filters,
        panels=panels,
        extra={"reports_url": reports_url()},
    )


def reports_url() -> str:
    """The quarterly reports' archive in the active language, or "" while there is none."""
    archive = (
        InsightsReportIndexPage.objects.live()
        .filter(locale__language_code=get_language() or "")
        .first()
    )
    return str(archive.url) if archive is not None and archive.url else ""


@require_safe
def dictionary(request: HttpRequest) -> HttpResponse:
    """The data dictionary: every published table, its columns and codes, the rules."""
    tables = []
    for cube in CUBES.values():
        api = reverse("api:insights_public_table", kwargs={"table": cube.name})
        tables.append(
            {
                "cube": cube,
                "columns": selectors.table_columns(cube),
                "codes": [(code, label) for code, label in cube.breakdown],
                "json": f"{api}?format=json",
                "csv": f"{api}?format=csv",
            }
        )
    return render(
        request,
        "insights/dictionary.html",
        {
            "tables": tables,
            "state": selectors.published_state(),
            "suppressed_text": suppressed_label(),
            "list_url": reverse("api:insights_public_tables"),
        },
    )
