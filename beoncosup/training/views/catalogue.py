"""The public catalogue: the listing with its filters, and a course's page (anyone)."""

from __future__ import annotations

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from beoncosup.core.i18n_text import default_language, pick
from beoncosup.search.matching.criteria import CriteriaError
from beoncosup.training.codes import Profession
from beoncosup.training.forms.catalogue import CatalogueFilterForm
from beoncosup.training.selectors.catalogue import (
    CatalogueFilters,
    course_page,
    course_trainers,
    courses_catalogue,
)


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """Published courses with their upcoming editions, filtered; 400 with the form's messages
    when a filter is not valid (the valid ones still apply)."""
    form = CatalogueFilterForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    filters = form.filters()
    language = default_language()
    try:
        result = courses_catalogue(filters=filters, language=language)
    except CriteriaError as error:  # a need the matcher does not know: say so, list the rest
        form.add_error("need", str(error))
        valid = False
        result = courses_catalogue(filters=replace(filters, need=""), language=language)
    paginator = Paginator(result.courses, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))  # a bad or too high number: the last
    context = {
        "form": form,
        "result": result,
        "page": page,
        "previous_query": _query(request, page.previous_page_number())
        if page.has_previous()
        else "",
        "next_query": _query(request, page.next_page_number()) if page.has_next() else "",
        "language": language,
        "filtered": filters != CatalogueFilters(),
    }
    return render(request, "training/catalogue/list.html", context, status=200 if valid else 400)


PER_PAGE = 20


def _query(request: HttpRequest, number: int) -> str:
    """The current filters with another page number, for the previous/next links."""
    query = request.GET.copy()
    query["page"] = str(number)
    return query.urlencode()


@require_GET
def course(request: HttpRequest, slug: str) -> HttpResponse:
    """A published course's page; 404 for an unknown or unpublished course (for everyone)."""
    view = course_page(slug=slug)
    if view is None:
        raise Http404
    language = default_language()
    course = view.course
    objectives = pick(course.objectives, language)
    labels = dict(Profession.choices)
    context = {
        "view": view,
        "course": course,
        "professions": [labels[code] for code in course.professions or [] if code in labels],
        "objective_lines": [
            line.strip(" -•\t")
            for line in (objectives.text if objectives else "").splitlines()
            if line.strip(" -•\t")
        ],
        "needs": list(course.needs.all()),
        "sources": list(course.sources.all()),
        "trainers": course_trainers(view),
    }
    return render(request, "training/catalogue/course.html", context)


urlpatterns: list[URLPattern] = [
    path(pgettext_lazy("URL path", "training/"), catalogue, name="catalogue"),
    path(pgettext_lazy("URL path", "training/<slug:slug>/"), course, name="course"),
]
