"""Writes to the search index. Every change to a need or a service goes through here: the
signals (search/signals.py) for single edits, the HSDS importer for bulk writes, and
`manage.py search_index_rebuild` for everything."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch

from beoncosup.directory.models import Service, ServiceAtLocation
from beoncosup.search.models import SearchDocument, ServiceProfile
from beoncosup.search.selectors import clear_term_stats
from beoncosup.search.text import LANGUAGES, stems
from beoncosup.taxonomy.models import Need

BATCH = 2000
REMOTE = {"phone", "online"}


@dataclass(frozen=True)
class IndexCounts:
    needs: int
    services: int
    documents: int


def _terms(text: str, language: str) -> str:
    return " ".join(stems(text, language))


def _codes(values: Iterable[str]) -> str:
    """["a", "b"] -> "|a|b|"; [] -> "" (no restriction)."""
    values = sorted(set(values))
    return f"|{'|'.join(values)}|" if values else ""


def _document(kind: str, object_id: str, language: str, title: str, rest: str) -> SearchDocument:
    return SearchDocument(
        kind=kind,
        object_id=object_id,
        language=language,
        scope=f"{kind}{language}",
        title=title,
        title_terms=_terms(title, language),
        body=_terms(rest, language),
    )


def needs_index(codes: Iterable[str] | None = None) -> int:
    """Rebuild the needs' documents (all, or the given codes): label, description and lay
    synonyms per language."""
    needs = Need.objects.prefetch_related("synonyms")
    stale = SearchDocument.objects.filter(kind="need")
    if codes is not None:
        needs = needs.filter(code__in=list(codes))
        stale = stale.filter(object_id__in=list(codes))
    documents = []
    for need in needs:
        for language in LANGUAGES:
            label = getattr(need, f"label_{language}") or ""
            synonyms = [s.text for s in need.synonyms.all() if s.language == language]
            rest = " ".join([getattr(need, f"description_{language}") or "", *synonyms])
            if label or rest.strip():
                documents.append(_document("need", need.code, language, label, rest))
    with transaction.atomic():
        stale.delete()
        SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
    clear_term_stats()
    return len(documents)


def _service_documents(service: Service) -> Iterator[SearchDocument]:
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
            yield _document("service", str(service.pk), language, name, rest)


def _profile(service: Service) -> ServiceProfile:
    areas = list(service.service_areas.all())
    radii = [area.radius_km for area in areas if area.radius_km]
    points = [
        (sal.location.latitude, sal.location.longitude)
        for sal in service.service_at_locations.all()
        if sal.location.latitude is not None and sal.location.longitude is not None
    ]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return ServiceProfile(
        service_id=service.pk,
        active=service.status == "active",
        statuses=_codes(service.employment_statuses),
        audiences=_codes(service.audiences),
        phases=_codes(service.phases),
        cancer_types=_codes(service.cancer_types),
        delivery=_codes(service.delivery_modes),
        costs=_codes(service.costs),
        access=_codes(service.access_routes),
        languages=_codes(language.code for language in service.languages.all()),
        areas=_codes(area.code for area in areas if area.code),
        radius_km=max(radii) if radii else None,
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        remote=bool(REMOTE & set(service.delivery_modes)),
        points=";".join(f"{lat:.6f},{lon:.6f}" for lat, lon in points),
        min_lat=min(lats) if lats else None,
        max_lat=max(lats) if lats else None,
        min_lon=min(lons) if lons else None,
        max_lon=max(lons) if lons else None,
        assured_date=service.assured_date,
    )


def services_index(service_ids: Iterable[uuid.UUID | str] | None = None) -> IndexCounts:
    """(Re)index the given services, or all of them; services that no longer exist lose their
    documents. Runs in batches so 100,000 services fit in memory."""
    ids = None if service_ids is None else sorted({str(i) for i in service_ids})
    services = documents = 0
    with transaction.atomic():
        if ids is None:
            SearchDocument.objects.filter(kind="service").delete()
            ServiceProfile.objects.all().delete()
            batches: Iterator[list[str]] = _all_id_batches()
        else:
            batches = (ids[start : start + BATCH] for start in range(0, len(ids), BATCH))
        for batch in batches:
            if ids is not None:
                SearchDocument.objects.filter(kind="service", object_id__in=batch).delete()
                ServiceProfile.objects.filter(service_id__in=batch).delete()
            found = list(
                Service.objects.filter(pk__in=batch)
                .select_related("organization")
                .prefetch_related(
                    "service_areas",
                    "languages",
                    # The locations joined, not prefetched: Django prefetches this foreign key
                    # as "id = ? OR id = ? …", which SQLite refuses past 1,000 terms (an
                    # import of more than about 1,000 new services failed).
                    Prefetch(
                        "service_at_locations",
                        queryset=ServiceAtLocation.objects.select_related("location"),
                    ),
                )
            )
            new_documents = [doc for service in found for doc in _service_documents(service)]
            SearchDocument.objects.bulk_create(new_documents, batch_size=BATCH)
            ServiceProfile.objects.bulk_create(
                [_profile(service) for service in found], batch_size=BATCH
            )
            services += len(found)
            documents += len(new_documents)
    clear_term_stats()
    return IndexCounts(needs=0, services=services, documents=documents)


def _all_id_batches() -> Iterator[list[str]]:
    ids = [str(pk) for pk in Service.objects.order_by("pk").values_list("pk", flat=True)]
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def search_index_rebuild() -> IndexCounts:
    with transaction.atomic():
        needs = needs_index()
        counts = services_index()
    return IndexCounts(needs=needs, services=counts.services, documents=needs + counts.documents)
