"""The directory as a catalogue of the matcher (situation.catalogues): how a service becomes
a match entry, and which edits announce that services changed.

Registered in DirectoryConfig.ready(). The search app listens to the announcements and keeps
its index in step; the directory never imports it (docs/architecture.md, "Catalogues").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save

from beoncosup.directory.models import (
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
)
from beoncosup.directory.signals import services_bulk_written
from beoncosup.situation.catalogues import (
    Catalogue,
    Entry,
    catalogue_announce,
    catalogue_register,
)
from beoncosup.situation.codes import Language

KIND = "service"
BATCH = 2000
LANGUAGES = tuple(Language.values)


def _texts(service: Service) -> dict[str, tuple[str, str]]:
    texts = {}
    for language in LANGUAGES:
        name = service.name.get(language, "")
        rest = " ".join(
            text
            for text in (
                service.alternate_name.get(language, ""),
                service.description.get(language, ""),
                service.organization.name.get(language, ""),
            )
            if text
        )
        if name or rest:
            texts[language] = (name, rest)
    return texts


def service_entry(service: Service) -> Entry:
    """The service as the matcher sees it (its relations prefetched: see _batches)."""
    areas = list(service.service_areas.all())
    radii = [area.radius_km for area in areas if area.radius_km]
    return Entry(
        object_id=str(service.pk),
        needs=tuple(need.code for need in service.needs.all()),
        active=service.status == "active",
        statuses=tuple(service.employment_statuses),
        audiences=tuple(service.audiences),
        phases=tuple(service.phases),
        cancer_types=tuple(service.cancer_types),
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        delivery=tuple(service.delivery_modes),
        costs=tuple(service.costs),
        access=tuple(service.access_routes),
        languages=tuple(language.code for language in service.languages.all()),
        areas=tuple(area.code for area in areas if area.code),
        radius_km=max(radii) if radii else None,
        points=tuple(
            (sal.location.latitude, sal.location.longitude)
            for sal in service.service_at_locations.all()
            if sal.location.latitude is not None and sal.location.longitude is not None
        ),
        assured_date=service.assured_date,
        texts=_texts(service),
    )


def _batches(ids: Sequence[str] | None) -> Iterator[list[Entry]]:
    if ids is None:
        ids = [str(pk) for pk in Service.objects.order_by("pk").values_list("pk", flat=True)]
    for start in range(0, len(ids), BATCH):
        found = (
            Service.objects.filter(pk__in=list(ids[start : start + BATCH]))
            .select_related("organization")
            .prefetch_related(
                "service_areas",
                "languages",
                "needs",
                # The locations joined, not prefetched: Django prefetches this foreign key
                # as "id = ? OR id = ? …", which SQLite refuses past 1,000 terms (an import of
                # more than about 1,000 new services failed).
                Prefetch(
                    "service_at_locations",
                    queryset=ServiceAtLocation.objects.select_related("location"),
                ),
            )
        )
        yield [service_entry(service) for service in found]


def _changed(ids: Any) -> None:
    ids = [str(pk) for pk in ids]
    if ids:
        catalogue_announce(kind=KIND, ids=ids)


def service_saved(sender: Any, instance: Service, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _changed([instance.pk])


def service_deleted(sender: Any, instance: Service, **kwargs: Any) -> None:
    # Deleting a service deletes its parts first, and their signals re-index it while it still
    # exists: its entry goes last.
    catalogue_announce(kind=KIND, ids=[instance.pk], deleted=True)


def service_part_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and Service.objects.filter(pk=instance.service_id).exists():
        _changed([instance.service_id])


def location_saved(sender: Any, instance: Location, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _changed(
            ServiceAtLocation.objects.filter(location=instance).values_list("service_id", flat=True)
        )


def organization_saved(
    sender: Any, instance: Organization, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        _changed(instance.services.values_list("pk", flat=True))


def services_written(sender: Any, service_ids: list[Any], **kwargs: Any) -> None:
    _changed(service_ids)


def needs_changed(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    """A service's needs were set in the admin or by code (m2m_changed)."""
    if action in {"post_add", "post_remove", "post_clear"}:
        if isinstance(instance, Service):
            _changed([instance.pk])
        elif pk_set is not None or action == "post_clear":
            # From the need's side: the services whose links changed.
            _changed(pk_set or [])


def catalogue_connect() -> None:
    """Register the services as a catalogue and announce their changes (idempotent)."""
    catalogue_register(Catalogue(kind=KIND, entries=_batches, label="services"))
    uid = "directory.catalogue"
    post_save.connect(service_saved, sender=Service, dispatch_uid=f"{uid}.service_saved")
    post_delete.connect(service_deleted, sender=Service, dispatch_uid=f"{uid}.service_deleted")
    for model in (ServiceArea, ServiceLanguage, ServiceAtLocation):
        for signal in (post_save, post_delete):
            signal.connect(
                service_part_changed,
                sender=model,
                dispatch_uid=f"{uid}.{model.__name__}.{id(signal)}",
            )
    post_save.connect(location_saved, sender=Location, dispatch_uid=f"{uid}.location")
    post_save.connect(organization_saved, sender=Organization, dispatch_uid=f"{uid}.organization")
    m2m_changed.connect(needs_changed, sender=Service.needs.through, dispatch_uid=f"{uid}.needs")
    services_bulk_written.connect(services_written, dispatch_uid=f"{uid}.bulk")
