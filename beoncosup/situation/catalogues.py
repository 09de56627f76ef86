"""Catalogues: the kinds of things a person can be matched with (services today; courses,
network members, studies and jobs tomorrow).

A catalogue app registers here, in the kernel, how its rows become match entries (the facts
eligibility, distance, language and coverage depend on, plus the texts to search); the search
app indexes every registered catalogue and matches any of them against a person with one
engine (search.matching). The catalogue announces its writes with ``catalogue_changed`` and
``catalogue_deleted``; it never imports the search app, which listens (docs/architecture.md,
"Catalogues").

Code lists in an entry use the kernel's codes (situation.codes): an empty list means "no
restriction" (any status, any audience, …).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.dispatch import Signal

# Sent with kind (a registered catalogue) and ids (a list of object ids, or None for all) after
# rows were created or changed, inside the writing transaction: receivers bring their derived
# data (the search index) up to date before returning.
catalogue_changed = Signal()
# Sent with kind and ids after rows were deleted (their entries must go).
catalogue_deleted = Signal()

KIND_MAX_LENGTH = 10  # the search index's scope is kind + language code in 12 characters


@dataclass(frozen=True)
class Entry:
    """One row of a catalogue as the matcher sees it."""

    object_id: str  # stable and unique within the kind (at most 64 characters)
    needs: tuple[str, ...] = ()  # need codes it addresses
    active: bool = True
    # Who it is for ("" lists = anyone): kernel codes.
    statuses: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    cancer_types: tuple[str, ...] = ()
    minimum_age: int | None = None
    maximum_age: int | None = None
    # How it is offered.
    delivery: tuple[str, ...] = ()  # in_person, home_visit, phone, online, group
    costs: tuple[str, ...] = ()  # free, …
    access: tuple[str, ...] = ()  # self_referral, …
    languages: tuple[str, ...] = ()
    # Where: area codes served (BE-VLG, a NIS code, …), a radius around its places, its places.
    areas: tuple[str, ...] = ()
    radius_km: int | None = None
    points: tuple[tuple[float, float], ...] = ()  # (latitude, longitude)
    assured_date: dt.date | None = None  # last checked
    # Language code -> (title, the rest of its text) for the text search.
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    kind: str
    # The entries of the given object ids (those that exist), or of every row for None, in
    # batches small enough to hold in memory.
    entries: Callable[[Sequence[str] | None], Iterator[list[Entry]]]
    label: str = ""

    def __post_init__(self) -> None:
        if not self.kind.isalpha() or not self.kind.islower():
            raise ValueError("a catalogue kind is lower-case letters only")
        if len(self.kind) > KIND_MAX_LENGTH:
            raise ValueError(f"a catalogue kind has at most {KIND_MAX_LENGTH} letters")


_registry: dict[str, Catalogue] = {}
RESERVED_KINDS = frozenset({"need"})  # the search index's documents for the needs themselves


def catalogue_register(catalogue: Catalogue) -> None:
    """Register (or replace) a catalogue; apps call this from AppConfig.ready()."""
    if catalogue.kind in RESERVED_KINDS:
        raise ValueError(f"{catalogue.kind!r} is reserved")
    _registry[catalogue.kind] = catalogue


def catalogue_unregister(kind: str) -> None:
    _registry.pop(kind, None)


def catalogue_get(kind: str) -> Catalogue:
    """The registered catalogue; KeyError names an unknown kind."""
    try:
        return _registry[kind]
    except KeyError:
        raise KeyError(f"no catalogue {kind!r} is registered") from None


def catalogue_kinds() -> list[str]:
    return sorted(_registry)


def catalogue_announce(*, kind: str, ids: Iterable[object] | None, deleted: bool = False) -> None:
    """Tell the listeners (the search index) that rows of a catalogue changed or went."""
    catalogue_get(kind)  # an unknown kind is a programming error: fail loudly
    object_ids = None if ids is None else [str(object_id) for object_id in ids]
    signal = catalogue_deleted if deleted else catalogue_changed
    signal.send(sender=Catalogue, kind=kind, ids=object_ids)
