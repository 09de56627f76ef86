"""Requests the databases cannot store: refused at the edge, before any view or query runs.

PostgreSQL rejects the NUL character (``\\x00``) in text parameters with ``DataError``; SQLite
accepts it. Rather than guard every form, schema and path converter, one middleware refuses a
NUL anywhere a view could pass it to a query (path, query string, form fields, JSON body,
cookies), so both databases answer the same 4xx and nothing is read or written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

NUL = "\x00"
API_PREFIX_URL_NAME = "api:api-root"
# A NUL inside JSON text can only be written as this escape (JSON forbids raw control
# characters in strings), so bodies without it are never parsed twice.
JSON_NUL_ESCAPE = b"\\u0000"


def _has_nul_in_pairs(pairs: Iterable[tuple[str, list[str]]]) -> str | None:
    """The first parameter name whose name or a value holds a NUL."""
    for name, values in pairs:
        if NUL in name or any(NUL in value for value in values):
            return name.replace(NUL, "")  # the name is echoed back: never with the NUL itself
    return None


def _has_nul_in_json(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(NUL in key or _has_nul_in_json(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul_in_json(item) for item in value)
    return False


def _json_body_has_nul(request: HttpRequest) -> bool:
    if JSON_NUL_ESCAPE not in request.body:
        return False
    try:
        return _has_nul_in_json(json.loads(request.body))
    except ValueError:  # not JSON after all: the view answers that as it always has
        return False


def nul_location(request: HttpRequest) -> str | None:
    """Where a NUL is: ``path``, the name of a query, form or cookie parameter, or ``body``."""
    if NUL in request.path_info:
        return "path"
    found = _has_nul_in_pairs(request.GET.lists())
    if found is not None:
        return found
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        # Only the form fields: uploaded files are bytes that never reach a text column.
        if request.path_info.startswith(reverse(API_PREFIX_URL_NAME)):
            # The API reads the raw body after us (it answers a form body with a clear 4xx):
            # reading it first keeps it readable once the form fields are parsed from it.
            _ = request.body
        found = _has_nul_in_pairs(request.POST.lists())
        if found is not None:
            return found
    elif content_type == "application/json" and _json_body_has_nul(request):
        return "body"
    return _nul_cookie(request)


def _nul_cookie(request: HttpRequest) -> str | None:
    return _has_nul_in_pairs((name, [value]) for name, value in request.COOKIES.items())


class RejectNulMiddleware:
    """Answers 400 (HTML) or 422 (API, as its validation errors) to a request holding a NUL.

    It sits after the session, locale, CSRF, authentication and CSP middleware, which only read
    lazily, so the refusal page is in the visitor's language and carries the site's headers,
    and before any view, redirect lookup or sign-in throttling reaches the database.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        location = nul_location(request)
        if location is None:
            return self.get_response(request)
        if request.path_info.startswith(reverse(API_PREFIX_URL_NAME)):
            message = "contains a NUL character (\\u0000), which is not allowed."
            return JsonResponse(
                {
                    "detail": f"{location}: {message}",
                    "errors": [{"field": location, "message": message}],
                },
                status=422,
            )
        if _nul_cookie(request) is not None and hasattr(request, "session"):
            # The page's header reads the session, which would look the NUL key up in the
            # database: render with an empty one (the session middleware then deletes the
            # cookie, so the browser stops sending it).
            request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        return render(request, "400.html", status=400)
