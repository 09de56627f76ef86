"""Being written (issue #15): answers 404 until its views land."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def page(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def withdraw(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def cancel(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def export_json(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def export_pdf(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def erase(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
