"""The editors' page of a consultation: the raw counts before publication (never an
identifier), the open answers to read, the protected tables as they would be published, the
CSV of those tables, and publishing or withdrawing the results."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beoncosup.accounts.rules import require
from beoncosup.consultations.forms import PublishForm
from beoncosup.consultations.models import Consultation
from beoncosup.consultations.selectors.manage import free_texts
from beoncosup.consultations.selectors.public import (
    consultations_with_questions,
    results_view,
    text,
)
from beoncosup.consultations.services.results import (
    count_responses,
    results_protect,
    results_publish,
    results_rows,
    results_withdraw,
)
from beoncosup.core.i18n_text import default_language

PERMISSION = "consultations.manage_consultation"


def _managed(request: HttpRequest, slug: str) -> Consultation:
    require(request, PERMISSION)
    return get_object_or_404(consultations_with_questions(), slug=slug)


def _page(
    request: HttpRequest, consultation: Consultation, form: PublishForm, status: int = 200
) -> HttpResponse:
    language = default_language()
    # The responses are read once for both tables; once published, the protected tables are
    # the frozen ones (protecting is the page's slow part: seconds at 20,000 responses).
    rows = results_rows(consultation)
    protected = (
        consultation.results
        if consultation.has_published_results and consultation.results
        else results_protect(consultation, rows=rows)
    )
    context: dict[str, Any] = {
        "consultation": consultation,
        "form": form,
        "responses": count_responses(consultation),
        "status_label": consultation.status.label,
        "raw": results_view(
            consultation, language, results_protect(consultation, protect=False, rows=rows)
        ),
        "protected": results_view(consultation, language, protected),
        "texts": free_texts(consultation, language),
    }
    return render(request, "consultations/manage.html", context, status=status)


@login_required
def consultation_manage(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _managed(request, slug)
    form = PublishForm(initial={"summary": consultation.results_summary})
    return _page(request, consultation, form)


@login_required
@require_POST
def consultation_publish(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _managed(request, slug)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _page(request, consultation, form, status=400)
    try:
        results_publish(
            consultation=consultation,
            summary=form.cleaned_data["summary"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        for problem in error.messages:
            form.add_error(None, problem)
        return _page(request, consultation, form, status=400)
    messages.success(request, _("The results are published."))
    return redirect("consultations:results", slug=consultation.slug)


@login_required
@require_POST
def consultation_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _managed(request, slug)
    results_withdraw(consultation=consultation, actor=request.user, request=request)
    messages.success(request, _("The results are no longer published."))
    return redirect("consultations:manage", slug=consultation.slug)


@login_required
def consultation_manage_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The protected tables (as published, or as they would be now), one cell a line."""
    consultation = _managed(request, slug)
    language = default_language()
    stored = consultation.results if consultation.results else results_protect(consultation)
    results = results_view(consultation, language, stored)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{consultation.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(["question", "answer", "group", "member", "count", "suppressed"])
    if results is None:
        return response
    for table in results.who:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                writer.writerow(
                    ["", "*", table.profile, column.code, _csv_count(cell.count), _yes(cell.count)]
                )
    for question in results.questions:
        label = text(question.question.text, language)
        for table in question.tables:
            for row in table.rows:
                for column, cell in zip(table.columns, row.cells, strict=True):
                    writer.writerow(
                        [
                            label,
                            row.label,
                            table.profile,
                            column.code,
                            _csv_count(cell.count),
                            _yes(cell.count),
                        ]
                    )
    return response


def _csv_count(count: int | None) -> str:
    return "" if count is None else str(count)


def _yes(count: int | None) -> str:
    return "true" if count is None else "false"
