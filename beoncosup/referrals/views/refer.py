"""Being written (issue #15): answers 404 until its views land."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def refer(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def refer_consent(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def self_refer(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


def self_refer_consent(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404
