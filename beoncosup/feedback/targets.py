"""The kinds of record a visitor can report on, registered by the apps that own them (the
directory's services and organisations here, the hub's articles from HubConfig.ready(), the
research inventory's studies).

A kind resolves ids in bulk (``resolve_many``: one or two queries for a whole queue page) to a
``Target``: its title in the current language, its public address, the ids of the platform
organisations (accounts.Organisation) whose provider staff may moderate its reports, and
whether it is demo data. ``on_resolved`` runs when a report on it is resolved: it records that
the record was checked today (its verification or review date). ``held_by`` gives the ids of
the records that some organisations hold, for the provider staff's queue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Target:
    kind: str
    object_id: str  # the canonical id, as stored on reports
    title: str
    url: str  # the public page; "" when it has none
    organisation_ids: frozenset[int] = frozenset()
    is_demo: bool = False
    admin_url: str = ""  # where an editor corrects it
    provider_url: str = ""  # where its provider staff correct it
    title_language: str = ""


@dataclass(frozen=True)
class TargetKind:
    code: str
    label: Any  # a lazy translation
    resolve_many: Callable[[Sequence[str]], dict[str, Target]]
    on_resolved: Callable[[str, Any], None] | None = None
    held_by: Callable[[Iterable[int]], list[str]] | None = None
    verifies: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verifies", self.on_resolved is not None)

    def resolve(self, object_id: str) -> Target | None:
        """The record named ``object_id``, or None when there is none (or the id is malformed)."""
        found = self.resolve_many([object_id])
        return next(iter(found.values()), None)


_KINDS: dict[str, TargetKind] = {}


def target_kind_register(kind: TargetKind) -> None:
    """Register a kind (from an AppConfig.ready()); registering a code again replaces it, so a
    reloaded app does not fail."""
    _KINDS[kind.code] = kind


def target_kinds() -> list[TargetKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.code)


def target_kind(code: str) -> TargetKind | None:
    return _KINDS.get(code)


def target_or_404(kind: str, object_id: str) -> Target:
    """The record, or Http404 for an unknown kind or id."""
    registered = target_kind(kind)
    target = registered.resolve(object_id) if registered is not None else None
    if target is None:
        raise Http404("No such record")
    return target


def targets_resolve(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Target]:
    """Resolve (kind, object_id) pairs, one bulk call per kind; missing records are left out."""
    wanted: dict[str, set[str]] = {}
    for kind, object_id in pairs:
        wanted.setdefault(kind, set()).add(object_id)
    found: dict[tuple[str, str], Target] = {}
    for code, ids in wanted.items():
        registered = target_kind(code)
        if registered is None:
            continue
        for object_id, target in registered.resolve_many(sorted(ids)).items():
            found[(code, object_id)] = target
    return found
