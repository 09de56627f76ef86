"""An article as a PDF download (the return-to-work plan template, checklists, …).

``ArticlePage.serve`` answers ``…/pdf/`` with this; it imports no hub model, so the page model
does not reach up to the views.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Locale

from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.hub.page_context import article_context


def article_pdf(
    request: HttpRequest, page: Any, *, asked_language: Locale | None = None
) -> HttpResponse:
    stylesheet = stylesheet_path("beoncosup/css/plan-pdf.css")
    context: dict[str, Any] = {
        "page": page,
        "stylesheet": stylesheet,
        **article_context(request, page, asked_language),
    }
    html = render_to_string("hub/article_pdf.html", context, request=request)
    pdf = html_to_pdf(html, base_url=stylesheet)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="beoncosup-{page.slug}.pdf"'},
    )
