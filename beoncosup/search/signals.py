"""Keep the search index in step with single edits (the admin, services, tests).

Bulk writers that bypass signals: the taxonomy loader sends ``needs_bulk_written``; the HSDS
importer still calls search.services itself (until catalogues register their indexing). The
needs-matching cache is cleared on any change to needs or synonyms.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beoncosup.directory.models import (
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
)
from beoncosup.directory.signals import services_bulk_written
from beoncosup.search.models import SearchDocument, ServiceProfile
from beoncosup.search.needs import clear_cache
from beoncosup.search.services import needs_index, services_index
from beoncosup.search.vocabulary import clear_vocabulary
from beoncosup.taxonomy.models import Need, NeedSynonym
from beoncosup.taxonomy.signals import needs_bulk_written


@receiver([post_save, post_delete], sender=Need)
def need_changed(sender: Any, instance: Need, raw: bool = False, **kwargs: Any) -> None:
    clear_cache()
    clear_vocabulary()
    if not raw:
        needs_index([instance.code])


@receiver([post_save, post_delete], sender=NeedSynonym)
def synonym_changed(sender: Any, instance: NeedSynonym, raw: bool = False, **kwargs: Any) -> None:
    # Synonyms written in bulk (load_taxonomy) send no signal: needs_reloaded reindexes them.
    clear_cache()
    clear_vocabulary()
    if not raw:
        code = Need.objects.filter(pk=instance.need_id).values_list("code", flat=True).first()
        if code is not None:  # None: the need itself is being deleted
            needs_index([code])


@receiver(needs_bulk_written)
def needs_reloaded(sender: Any, **kwargs: Any) -> None:
    # load_taxonomy wrote synonyms in bulk (no signal per row): rebuild every need's documents.
    needs_index()


@receiver(services_bulk_written)
def services_written(sender: Any, service_ids: list[Any], **kwargs: Any) -> None:
    services_index(service_ids)


@receiver(post_save, sender=Service)
def service_saved(sender: Any, instance: Service, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services_index([instance.pk])
        clear_vocabulary()


@receiver(post_delete, sender=Service)
def service_deleted(sender: Any, instance: Service, **kwargs: Any) -> None:
    # Deleting a service deletes its parts first, and their signals re-index it while it still
    # exists: remove that profile too, and the documents (they hold only its id).
    ServiceProfile.objects.filter(service_id=instance.pk).delete()
    SearchDocument.objects.filter(kind="service", object_id=str(instance.pk)).delete()
    clear_vocabulary()


@receiver([post_save, post_delete], sender=ServiceArea)
@receiver([post_save, post_delete], sender=ServiceLanguage)
@receiver([post_save, post_delete], sender=ServiceAtLocation)
def service_part_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and Service.objects.filter(pk=instance.service_id).exists():
        services_index([instance.service_id])


@receiver(post_save, sender=Location)
def location_saved(sender: Any, instance: Location, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services_index(
            ServiceAtLocation.objects.filter(location=instance).values_list("service_id", flat=True)
        )


@receiver(post_save, sender=Organization)
def organization_saved(
    sender: Any, instance: Organization, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        services_index(instance.services.values_list("pk", flat=True))
