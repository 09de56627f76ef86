"""A quarterly report as a tagged PDF (PDF/UA-1: structure tree, language, title), rendered
with WeasyPrint from the same frozen figures and words as the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.insights.report.content import report_context


def report_pdf(request: HttpRequest, page: Any) -> HttpResponse:
    stylesheet = stylesheet_path("beoncosup/css/plan-pdf.css")
    context: dict[str, Any] = {
        "page": page,
        "stylesheet": stylesheet,
        "charts_stylesheet": stylesheet_path("insights/insights.css"),
        "language_code": page.locale.language_code,
        **report_context(request, page),
    }
    html = render_to_string("insights/report/report_pdf.html", context, request=request)
    pdf = html_to_pdf(html, base_url=stylesheet)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{page.pdf_filename}"'},
    )
