"""The network's profiles as a catalogue of the matcher (situation.catalogues, kind
"caregiver"): how a profile becomes a match entry, and which edits announce that it changed.

Registered in NetworkConfig.ready(). A profile's place is its practice postcode (its points
from geo); it declares no area served, so the distance a searcher asks for decides. The search
app listens to the announcements and keeps its index in step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from beoncosup.geo.models import PostalCode
from beoncosup.network.codes import Discipline
from beoncosup.network.models import Profile
from beoncosup.situation.catalogues import (
    Catalogue,
    Entry,
    catalogue_announce,
    catalogue_register,
)
from beoncosup.situation.codes import Language

KIND = "caregiver"
BATCH = 500
LANGUAGES = tuple(Language.values)


def _texts(profile: Profile) -> dict[str, tuple[str, str]]:
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            discipline = str(Discipline(profile.discipline).label) if profile.discipline else ""
        rest = " ".join(part for part in (discipline, profile.about) if part)
        texts[language] = (profile.display_name, rest)
    return texts


def profile_entry(profile: Profile, points: Sequence[tuple[float, float]]) -> Entry:
    """The profile as the matcher sees it (its expertise prefetched)."""
    return Entry(
        object_id=str(profile.pk),
        needs=tuple(need.code for need in profile.expertise.all()),
        delivery=("in_person",),
        languages=tuple(profile.languages),
        points=tuple(points),
        assured_date=profile.updated_at.date() if profile.updated_at else None,
        texts=_texts(profile),
    )


def _batches(ids: Sequence[str] | None) -> Iterator[list[Entry]]:
    if ids is None:
        ids = [str(pk) for pk in Profile.objects.order_by("pk").values_list("pk", flat=True)]
    wanted = [int(pk) for pk in ids if str(pk).isdigit()]
    for start in range(0, len(wanted), BATCH):
        profiles = list(
            Profile.objects.filter(pk__in=wanted[start : start + BATCH]).prefetch_related(
                "expertise"
            )
        )
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for code, latitude, longitude in PostalCode.objects.filter(
            code__in={profile.postcode for profile in profiles}
        ).values_list("code", "latitude", "longitude"):
            points[code].append((latitude, longitude))
        yield [profile_entry(profile, points[profile.postcode]) for profile in profiles]


def profile_saved(sender: Any, instance: Profile, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        catalogue_announce(kind=KIND, ids=[instance.pk])


def profile_deleted(sender: Any, instance: Profile, **kwargs: Any) -> None:
    catalogue_announce(kind=KIND, ids=[instance.pk], deleted=True)


def expertise_changed(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    """A profile's expertise was set (m2m_changed), from the profile's side or the need's."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Profile):
        catalogue_announce(kind=KIND, ids=[instance.pk])
    elif pk_set:
        catalogue_announce(kind=KIND, ids=sorted(pk_set))


def catalogue_connect() -> None:
    """Register the profiles as a catalogue and announce their changes (idempotent)."""
    catalogue_register(Catalogue(kind=KIND, entries=_batches, label="caregivers"))
    uid = "network.catalogue"
    post_save.connect(profile_saved, sender=Profile, dispatch_uid=f"{uid}.saved")
    post_delete.connect(profile_deleted, sender=Profile, dispatch_uid=f"{uid}.deleted")
    m2m_changed.connect(
        expertise_changed, sender=Profile.expertise.through, dispatch_uid=f"{uid}.expertise"
    )
