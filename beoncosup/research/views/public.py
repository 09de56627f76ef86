"""The public inventory: the search with its filters, and a study's page (anyone)."""

from __future__ import annotations

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from beoncosup.core.i18n_text import LANGUAGE_NAMES, default_language, pick
from beoncosup.research import selectors
from beoncosup.research.codes import Method
from beoncosup.research.forms import StudyFilterForm
from beoncosup.search.matching.criteria import CriteriaError

PER_PAGE = 20


def _query(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Published studies, filtered, 20 a page; 400 with the form's messages when a filter is
    not valid (the valid ones still apply)."""
    form = StudyFilterForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    filters = form.filters()
    language = default_language()
    try:
        found = selectors.studies_search(filters=filters, language=language)
    except CriteriaError as error:
        form.add_error("need", str(error))
        valid = False
        found = selectors.studies_search(filters=replace(filters, need=""), language=language)
    paginator = Paginator(found.ids, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    studies = selectors.studies_by_ids(list(page.object_list))
    context = {
        "form": form,
        "found": found,
        "page": page,
        "studies": studies,
        "previous_query": _query(request, page.previous_page_number())
        if page.has_previous()
        else "",
        "next_query": _query(request, page.next_page_number()) if page.has_next() else "",
        "filtered": filters != selectors.StudyFilters(),
        "language": language,
    }
    return render(request, "research/index.html", context, status=200 if valid else 400)


@require_GET
def study(request: HttpRequest, study_id: int) -> HttpResponse:
    """A published study's page; 404 for an unknown or unpublished one (for everyone)."""
    found = selectors.study_page(study_id)
    if found is None:
        raise Http404
    language = default_language()
    methods = dict(Method.choices)
    context = {
        "study": found,
        "language": language,
        "lay_summary": pick(found.lay_summary, language),
        "summary_languages": [LANGUAGE_NAMES[lang] for lang in found.lay_summary_languages],
        "methods": [methods[code] for code in found.methods or [] if code in methods],
        "needs": list(found.needs.all()),
        "institutions": list(found.institutions.all()),
        "publications": list(found.publications.all()),
    }
    return render(request, "research/study.html", context)


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "research/"), index, name="index"),
    path(pgettext_lazy("URL path", "research/<int:study_id>/"), study, name="study"),
]
