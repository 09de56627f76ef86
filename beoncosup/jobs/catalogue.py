"""The offers as a catalogue of the matcher (situation.catalogues, kind "job"): how an offer
becomes a match entry, and which edits announce that offers changed.

Registered in JobsConfig.ready(). An entry is active while the offer is public (published,
not past its end date, of a verified employer); it holds the offer's point (its postcode's
centre), its languages of work and its texts per language (title; description, occupation and
employer). The search (selectors.offers_search) asks the matcher for the words and checks
every other filter, including the end date, in its own query.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation
from beoncosup.jobs.selectors import KIND, offer_is_public
from beoncosup.situation.catalogues import (
    Catalogue,
    Entry,
    catalogue_announce,
    catalogue_kinds,
    catalogue_register,
)
from beoncosup.situation.codes import Delivery, Language

BATCH = 500


def _texts(offer: JobOffer) -> dict[str, tuple[str, str]]:
    texts = {}
    occupation = offer.occupation.name if offer.occupation else {}
    for language in Language.values:
        title = offer.title.get(language, "")
        rest = " ".join(
            text
            for text in (
                offer.description.get(language, ""),
                occupation.get(language, ""),
                offer.employer.public_name,
                offer.municipality,
            )
            if text
        )
        if title or offer.description.get(language):
            texts[language] = (title, rest)
    return texts


def offer_entry(offer: JobOffer, *, today: Any = None) -> Entry:
    """The offer as the matcher sees it."""
    points = (
        ((offer.latitude, offer.longitude),)
        if offer.latitude is not None and offer.longitude is not None
        else ()
    )
    return Entry(
        object_id=str(offer.pk),
        active=offer_is_public(offer, today=today),
        delivery=(Delivery.IN_PERSON.value,),
        languages=tuple(offer.languages or ()),
        points=points,
        texts=_texts(offer),
    )


def _batches(ids: Sequence[str] | None) -> Iterator[list[Entry]]:
    if ids is None:
        ids = [str(pk) for pk in JobOffer.objects.order_by("pk").values_list("pk", flat=True)]
    today = timezone.localdate()
    for start in range(0, len(ids), BATCH):
        chunk = [int(pk) for pk in ids[start : start + BATCH] if str(pk).isdigit()]
        offers = JobOffer.objects.filter(pk__in=chunk).select_related("employer", "occupation")
        yield [offer_entry(offer, today=today) for offer in offers]


def _announce(ids: list[Any], *, deleted: bool = False) -> None:
    if KIND not in catalogue_kinds():
        catalogue_register(CATALOGUE)  # search's tests may have unregistered it
    catalogue_announce(kind=KIND, ids=ids, deleted=deleted)


def offer_saved(sender: Any, instance: JobOffer, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _announce([instance.pk])


def offer_deleted(sender: Any, instance: JobOffer, **kwargs: Any) -> None:
    _announce([instance.pk], deleted=True)


def employer_saved(
    sender: Any, instance: EmployerProfile, raw: bool = False, **kwargs: Any
) -> None:
    """Verification makes its published offers public; the name is part of their text."""
    if not raw:
        ids = list(instance.offers.values_list("pk", flat=True))
        if ids:
            _announce(ids)


def occupation_saved(sender: Any, instance: Occupation, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        ids = list(instance.offers.values_list("pk", flat=True))
        if ids:
            _announce(ids)


CATALOGUE = Catalogue(kind=KIND, entries=_batches, label="job offers")


def catalogue_connect() -> None:
    """Register the offers as a catalogue and announce their changes (idempotent)."""
    catalogue_register(CATALOGUE)
    uid = "jobs.catalogue"
    post_save.connect(offer_saved, sender=JobOffer, dispatch_uid=f"{uid}.offer_saved")
    post_delete.connect(offer_deleted, sender=JobOffer, dispatch_uid=f"{uid}.offer_deleted")
    post_save.connect(employer_saved, sender=EmployerProfile, dispatch_uid=f"{uid}.employer")
    post_save.connect(occupation_saved, sender=Occupation, dispatch_uid=f"{uid}.occupation")
