"""Being written (issue #15): answers 404 until its views land."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def followed(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def notices_read(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def cancel(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
