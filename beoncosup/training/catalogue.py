"""The courses as a catalogue of the matcher (situation.catalogues, kind "course"): how a course
becomes a match entry, and which edits announce that courses changed.

Registered in TrainingConfig.ready(). An entry holds the course's needs, the languages of its
open editions, where its upcoming sessions take place (the regions and points of their
postcodes; a course with an online session has no area restriction), how it is given (in
person, online) and its texts per language. It is active while the course is published and has
an edition open for registration.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from beoncosup.geo.models import PostalCode
from beoncosup.situation.catalogues import (
    Catalogue,
    Entry,
    catalogue_announce,
    catalogue_kinds,
    catalogue_register,
)
from beoncosup.situation.codes import Delivery, Language
from beoncosup.training.models import Course, Edition, Session
from beoncosup.training.selectors.catalogue import (
    KIND,
    CourseView,
    course_view,
    editions_query,
    postcode_regions,
)

BATCH = 500
LANGUAGES = tuple(Language.values)


def _texts(course: Course) -> dict[str, tuple[str, str]]:
    texts = {}
    for language in LANGUAGES:
        title = course.title.get(language, "")
        rest = " ".join(
            text
            for text in (course.summary.get(language, ""), course.objectives.get(language, ""))
            if text
        )
        if title or rest:
            texts[language] = (title, rest)
    return texts


def course_entry(
    view: CourseView,
    *,
    regions: dict[str, set[str]],
    points: dict[str, tuple[float, float]],
) -> Entry:
    """The course as the matcher sees it (``regions`` and ``points`` of its postcodes)."""
    course = view.course
    open_editions = [edition for edition in view.editions if edition.is_open]
    sessions = [session for edition in open_editions for session in edition.sessions]
    online = any(session.online_url for session in sessions)
    postcodes = sorted({session.postcode for session in sessions if session.postcode})
    delivery = [Delivery.IN_PERSON.value] if postcodes or any(s.venue for s in sessions) else []
    if online:
        delivery.append(Delivery.ONLINE.value)
    areas = sorted({code for postcode in postcodes for code in regions.get(postcode, ())})
    return Entry(
        object_id=str(course.pk),
        needs=tuple(need.code for need in course.needs.all()),
        active=bool(course.published and open_editions),
        delivery=tuple(delivery),
        languages=tuple(sorted({edition.edition.language for edition in open_editions})),
        areas=() if online else tuple(areas),
        points=tuple(points[postcode] for postcode in postcodes if postcode in points),
        texts=_texts(course),
    )


def _batches(ids: Sequence[str] | None) -> Iterator[list[Entry]]:
    if ids is None:
        ids = [str(pk) for pk in Course.objects.order_by("pk").values_list("pk", flat=True)]
    now = timezone.now()
    for start in range(0, len(ids), BATCH):
        chunk = [int(pk) for pk in ids[start : start + BATCH] if str(pk).isdigit()]
        courses = Course.objects.filter(pk__in=chunk).prefetch_related(
            "needs", Prefetch("editions", queryset=editions_query())
        )
        views = [course_view(course, now=now) for course in courses]
        postcodes = {
            session.postcode
            for view in views
            for edition in view.editions
            for session in edition.sessions
            if session.postcode
        }
        regions = postcode_regions(postcodes) if postcodes else {}
        points: dict[str, tuple[float, float]] = {}
        for row in PostalCode.objects.filter(code__in=postcodes).order_by("pk"):
            if row.latitude is not None and row.longitude is not None:
                points.setdefault(row.code, (float(row.latitude), float(row.longitude)))
        yield [course_entry(view, regions=regions, points=points) for view in views]


def _announce(ids: list[Any], *, deleted: bool = False) -> None:
    if KIND not in catalogue_kinds():
        # Unregistered (search's tests register a stand-in "course" catalogue, then remove
        # it): register ours again rather than fail every later write of a course.
        catalogue_register(CATALOGUE)
    catalogue_announce(kind=KIND, ids=ids, deleted=deleted)


def _changed(ids: Any) -> None:
    ids = [str(pk) for pk in ids if pk is not None]
    if ids:
        _announce(ids)


def course_saved(sender: Any, instance: Course, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _changed([instance.pk])


def course_deleted(sender: Any, instance: Course, **kwargs: Any) -> None:
    _announce([instance.pk], deleted=True)


def edition_changed(sender: Any, instance: Edition, raw: bool = False, **kwargs: Any) -> None:
    # Deleting a course deletes its editions first: announce only while the course exists.
    if not raw and Course.objects.filter(pk=instance.course_id).exists():
        _changed([instance.course_id])


def session_changed(sender: Any, instance: Session, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.edition_id is None:
        return  # another app's meeting (the network's): no course
    course_ids = Edition.objects.filter(pk=instance.edition_id).values_list("course_id", flat=True)
    _changed(list(course_ids))


def needs_changed(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    """A course's needs were set (m2m_changed: the admin saves them after the course)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if isinstance(instance, Course):
        _changed([instance.pk])
    elif pk_set:
        _changed(pk_set)


CATALOGUE = Catalogue(kind=KIND, entries=_batches, label="courses")


def catalogue_connect() -> None:
    """Register the courses as a catalogue and announce their changes (idempotent)."""
    catalogue_register(CATALOGUE)
    uid = "training.catalogue"
    post_save.connect(course_saved, sender=Course, dispatch_uid=f"{uid}.course_saved")
    post_delete.connect(course_deleted, sender=Course, dispatch_uid=f"{uid}.course_deleted")
    for signal in (post_save, post_delete):
        signal.connect(edition_changed, sender=Edition, dispatch_uid=f"{uid}.edition.{id(signal)}")
        signal.connect(session_changed, sender=Session, dispatch_uid=f"{uid}.session.{id(signal)}")
    m2m_changed.connect(needs_changed, sender=Course.needs.through, dispatch_uid=f"{uid}.needs")
