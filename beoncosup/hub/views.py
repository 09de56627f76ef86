"""Hub views outside Wagtail's page tree: search and the editors' report of articles overdue for
review (an article as PDF is served by its page, hub.pdf)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.admin.views.reports import PageReportView

from beoncosup.core.i18n_text import default_language
from beoncosup.hub import selectors

MAX_QUERY_LENGTH = 200


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Search the hub in the page's language: /<lang>/info/search/?q=…"""
    language = default_language()
    query = request.GET.get("q", "").strip()
    error = ""
    result = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please use at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
    elif query:
        result = selectors.hub_search(query, language, request)
    return render(
        request,
        "hub/search.html",
        {
            "query": query[:MAX_QUERY_LENGTH],
            "error": error,
            "result": result,
            "home": selectors.hub_home(language),
        },
    )


class OverdueArticlesView(PageReportView):
    """Articles whose "next review due" date has passed (Reports → Articles overdue for review)."""

    results_template_name = "hub/admin/overdue_results.html"
    page_title = _("Articles overdue for review")
    header_icon = "date"
    index_url_name = "hub_overdue"
    index_results_url_name = "hub_overdue_results"
    permission_required = "change"
    list_export = [*PageReportView.list_export, "next_review_due", "reviewed_by"]

    def get_filename(self) -> str:
        return f"articles-overdue-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self) -> Any:
        self.queryset = selectors.overdue_articles(timezone.localdate())
        return super().get_queryset()
