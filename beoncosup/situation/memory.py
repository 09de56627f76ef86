"""Where the answers of a visit are kept: a signed cookie on the person's own device.

A cookie rather than a database session, so an anonymous search writes nothing on the server
(a crawler following finder links creates no rows, and the answers are not kept here at all),
and the finder page stays a pure read. The cookie is signed (it cannot be forged or altered),
HttpOnly, SameSite=Lax, Secure in production, and expires ``REMEMBER_MINUTES`` after the last
answer; "Clear my answers" deletes it. It holds only the shared answers (values.FIELDS).

``SituationMiddleware`` gives every request a ``situation_memory`` and writes the cookie on
the response when the answers changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "beoncosup_situation"
COOKIE_SALT = "beoncosup.situation.memory"
REMEMBER_MINUTES = 60
MAX_COOKIE_CHARS = 2000


class SituationMemory:
    """The answers remembered for one request: read from the cookie on first use."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._loaded = False
        self._data: dict[str, Any] | None = None
        self.changed = False

    def get(self) -> dict[str, Any] | None:
        if not self._loaded:
            self._loaded = True
            raw = self._request.get_signed_cookie(
                COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=REMEMBER_MINUTES * 60
            )
            try:
                data = json.loads(raw) if raw and len(raw) <= MAX_COOKIE_CHARS else None
            except ValueError:
                data = None
            self._data = data if isinstance(data, dict) else None
        return self._data

    def set(self, data: dict[str, Any]) -> None:
        if self.get() != data:
            self._data = data
            self.changed = True

    def clear(self) -> None:
        if self.get() is not None or COOKIE_NAME in self._request.COOKIES:
            self._data = None
            self.changed = True


def memory_of(request: HttpRequest) -> SituationMemory:
    """The request's memory (the middleware's, or a new one for requests built without it)."""
    memory = getattr(request, "situation_memory", None)
    if not isinstance(memory, SituationMemory):
        memory = SituationMemory(request)
        request.situation_memory = memory  # type: ignore[attr-defined]
    return memory


class SituationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        memory = memory_of(request)
        response = self.get_response(request)
        if memory.changed:
            data = memory.get()
            if data:
                response.set_signed_cookie(
                    COOKIE_NAME,
                    json.dumps(data, separators=(",", ":"), sort_keys=True),
                    salt=COOKIE_SALT,
                    max_age=REMEMBER_MINUTES * 60,
                    httponly=True,
                    secure=settings.SESSION_COOKIE_SECURE,
                    samesite="Lax",
                )
            else:
                response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
