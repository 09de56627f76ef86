"""Sign-in: the finder starts from the professional's defaults (connected in apps.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from beoncosup.workspace.services import defaults_remember


def remember_defaults_on_sign_in(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    if request is None or user is None or not user.has_perm("accounts.use_workspace"):
        return
    defaults_remember(request=request, user=user)
