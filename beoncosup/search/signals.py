"""Keep the search index in step with the needs and with every registered catalogue.

Needs: model signals, and ``needs_bulk_written`` from the taxonomy loader. Catalogues
(situation.catalogues): each announces its writes with ``catalogue_changed`` and
``catalogue_deleted`` (the directory's single edits and HSDS imports alike), and the index
follows in the same transaction. The needs-matching cache is cleared on any change to needs or
synonyms. A service's capacity (directory.ServiceCapacity) is not part of its catalogue entry: its
own signals re-build that service's profile.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beoncosup.directory.catalogue import KIND as SERVICE_KIND
from beoncosup.directory.models import ServiceCapacity
from beoncosup.search.needs import clear_cache
from beoncosup.search.services import catalogue_forget, catalogue_index, needs_index
from beoncosup.search.vocabulary import clear_vocabulary
from beoncosup.situation.catalogues import catalogue_changed, catalogue_deleted
from beoncosup.taxonomy.models import Need, NeedSynonym
from beoncosup.taxonomy.signals import is_bulk_writing, needs_bulk_written


@receiver([post_save, post_delete], sender=Need)
def need_changed(sender: Any, instance: Need, raw: bool = False, **kwargs: Any) -> None:
    clear_cache()
    clear_vocabulary()
    # During load_taxonomy, needs_reloaded rebuilds every need once at the end.
    if not raw and not is_bulk_writing():
        needs_index([instance.code])


@receiver([post_save, post_delete], sender=NeedSynonym)
def synonym_changed(sender: Any, instance: NeedSynonym, raw: bool = False, **kwargs: Any) -> None:
    # Synonyms written in bulk (load_taxonomy) send no signal: needs_reloaded reindexes them.
    clear_cache()
    clear_vocabulary()
    if not raw and not is_bulk_writing():
        code = Need.objects.filter(pk=instance.need_id).values_list("code", flat=True).first()
        if code is not None:  # None: the need itself is being deleted
            needs_index([code])


@receiver(needs_bulk_written)
def needs_reloaded(sender: Any, **kwargs: Any) -> None:
    # load_taxonomy wrote synonyms in bulk (no signal per row): rebuild every need's documents.
    needs_index()


@receiver(catalogue_changed)
def entries_changed(sender: Any, kind: str, ids: list[str] | None, **kwargs: Any) -> None:
    catalogue_index(kind=kind, ids=ids)
    clear_vocabulary()


@receiver(catalogue_deleted)
def entries_deleted(sender: Any, kind: str, ids: list[str] | None, **kwargs: Any) -> None:
    catalogue_forget(kind=kind, ids=ids)
    clear_vocabulary()


@receiver([post_save, post_delete], sender=ServiceCapacity)
def capacity_changed(
    sender: Any, instance: ServiceCapacity, raw: bool = False, **kwargs: Any
) -> None:
    # The profile's closed flag and waiting band follow the stated capacity (a service without
    # a capacity row ranks as open). A deleted service's entry goes with its own signal.
    if not raw:
        catalogue_index(kind=SERVICE_KIND, ids=[instance.service_id])
