"""The editors' CSV upload of a study list: all or nothing, with every problem listed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import default_language
from beoncosup.research.forms import ImportForm
from beoncosup.research.services.csv_import import COLUMNS, CsvRejected, studies_import


@login_required
@require_http_methods(["GET", "POST"])
def import_studies(request: HttpRequest) -> HttpResponse:
    """Upload a CSV: its problems (nothing saved, 422), or the studies made (waiting for
    review), or with "check only" the number of good rows."""
    require(request, "research.import")
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form, "columns": COLUMNS}
    if request.method != "POST":
        return render(request, "research/import.html", context)
    if not form.is_valid():
        return render(request, "research/import.html", context, status=400)
    data = form.cleaned_data["file"].read()
    try:
        report = studies_import(
            data=data,
            actor=request.user,
            language=default_language(),
            dry_run=form.cleaned_data["check_only"],
            request=request,
        )
    except CsvRejected as rejected:
        context["problems"] = rejected.report.problems
        return render(request, "research/import.html", context, status=422)
    context["report"] = report
    context["checked_only"] = form.cleaned_data["check_only"]
    context["form"] = ImportForm()
    return render(request, "research/import.html", context)


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "research/import/"), import_studies, name="import"),
]
