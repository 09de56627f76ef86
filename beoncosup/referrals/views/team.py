"""Being written (issue #15): answers 404 until its views land."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def case(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def team_add(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def team_remove(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def note_add(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def case_refer(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def link_renew(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
