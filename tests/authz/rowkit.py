"""The matrix's row kit: who may use one URL (shared by the matrix and the rows each newer
app keeps in its own module, see wave2.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.authz.world import ROLES, World

EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
WORKSPACE = {"professional", "org_admin", "outsider"}
EDITORS = {"editor", "platform_admin"}


@dataclass(frozen=True)
class Row:
    """Who may use one URL. ``allowed`` get an answer other than a refusal; ``hidden`` (signed
    in, not allowed) get 404 instead of 403 because the object belongs to someone else."""

    allowed: set[str]
    kwargs: Callable[[World], dict[str, Any] | list[Any]] = lambda w: {}
    method: str = "get"
    hidden: set[str] = field(default_factory=set)
    public: bool = False  # everyone gets the same answer (anonymous pages)
    entry: bool = False  # for anonymous visitors; signed-in people are sent on, not refused
    data: Callable[[World], dict[str, Any]] = lambda w: {}


def public(
    kwargs: Callable[[World], dict[str, Any] | list[Any]] = lambda w: {}, method: str = "get"
) -> Row:
    return Row(allowed=EVERYONE, kwargs=kwargs, method=method, public=True)


def entry(kwargs: Callable[[World], dict[str, Any]] = lambda w: {}) -> Row:
    return Row(allowed=EVERYONE, kwargs=kwargs, entry=True)
