"""The published studies as a catalogue of the matcher (situation.catalogues, kind "study"),
registered in ResearchConfig.ready(): the words and need search of the inventory.

An entry holds the study's needs, the languages of its lay summary, its texts per language
(title; lay summary and results) and the day its source was checked. It is active while the
study is published."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from beoncosup.core.i18n_text import LANGUAGES
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.selectors import KIND
from beoncosup.situation.catalogues import (
    Catalogue,
    Entry,
    catalogue_announce,
    catalogue_kinds,
    catalogue_register,
)

BATCH = 500


def study_entry(study: Study) -> Entry:
    """The study as the matcher sees it (its needs prefetched)."""
    texts = {}
    for language in LANGUAGES:
        title = (study.title or {}).get(language, "")
        rest = " ".join(
            text
            for text in (
                (study.lay_summary or {}).get(language, ""),
                (study.results or {}).get(language, ""),
            )
            if text
        )
        if title or rest:
            texts[language] = (title, rest)
    return Entry(
        object_id=str(study.pk),
        needs=tuple(need.code for need in study.needs.all()),
        active=study.review == Review.PUBLISHED,
        languages=tuple(study.lay_summary_languages),
        assured_date=study.checked_on,
        texts=texts,
    )


def _batches(ids: Sequence[str] | None) -> Iterator[list[Entry]]:
    if ids is None:
        ids = [str(pk) for pk in Study.objects.order_by("pk").values_list("pk", flat=True)]
    for start in range(0, len(ids), BATCH):
        chunk = [int(pk) for pk in ids[start : start + BATCH] if str(pk).isdigit()]
        studies = Study.objects.filter(pk__in=chunk).prefetch_related("needs")
        yield [study_entry(study) for study in studies]


def _announce(ids: list[Any], *, deleted: bool = False) -> None:
    if KIND not in catalogue_kinds():
        catalogue_register(CATALOGUE)  # a test removed it: register ours again
    catalogue_announce(kind=KIND, ids=ids, deleted=deleted)


def study_saved(sender: Any, instance: Study, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _announce([instance.pk])


def study_deleted(sender: Any, instance: Study, **kwargs: Any) -> None:
    _announce([instance.pk], deleted=True)


def needs_changed(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    """A study's needs were set (the admin and the services set them after the study)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Study):
        _announce([instance.pk])
    elif pk_set:
        _announce(list(pk_set))


CATALOGUE = Catalogue(kind=KIND, entries=_batches, label="studies")


def catalogue_connect() -> None:
    """Register the studies as a catalogue and announce their changes (idempotent)."""
    catalogue_register(CATALOGUE)
    uid = "research.catalogue"
    post_save.connect(study_saved, sender=Study, dispatch_uid=f"{uid}.saved")
    post_delete.connect(study_deleted, sender=Study, dispatch_uid=f"{uid}.deleted")
    m2m_changed.connect(needs_changed, sender=Study.needs.through, dispatch_uid=f"{uid}.needs")
