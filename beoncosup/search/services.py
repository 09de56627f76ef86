"""Writes to the search index. Every change to a need or to a registered catalogue's entries
goes through here: the signals (search/signals.py) for the needs and for the catalogues'
announcements (situation.catalogues), and `manage.py rebuild_search_index` for everything."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from beoncosup.directory.catalogue import KIND as SERVICE_KIND
from beoncosup.directory.enums import CapacityStatus
from beoncosup.directory.selectors import capacity_states
from beoncosup.search import embeddings
from beoncosup.search.models import MatchNeed, MatchProfile, NeedPassage, SearchDocument
from beoncosup.search.selectors import clear_term_stats
from beoncosup.search.text import LANGUAGES, stems
from beoncosup.situation.catalogues import Catalogue, Entry, catalogue_get, catalogue_kinds
from beoncosup.taxonomy.models import Need

BATCH = 2000
REMOTE = {"phone", "online"}


@dataclass(frozen=True)
class IndexCounts:
    needs: int
    services: int  # catalogue entries indexed (services, or any registered kind)
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
    stale_passages = NeedPassage.objects.all()
    if codes is not None:
        needs = needs.filter(code__in=list(codes))
        stale = stale.filter(object_id__in=list(codes))
        stale_passages = stale_passages.filter(code__in=list(codes))
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
        # Passages of needs that no longer exist go; the others are brought up to date.
        stale_passages.exclude(code__in=[need.code for need in needs]).delete()
        need_passages_refresh(needs)
    clear_term_stats()
    return len(documents)


def _passages_wanted(need: Need) -> dict[tuple[str, str, str], None]:
    """(language, source, text) of the texts a need is known by, in order."""
    wanted: dict[tuple[str, str, str], None] = {}
    for language in LANGUAGES:
        label = (getattr(need, f"label_{language}") or "").strip()
        description = (getattr(need, f"description_{language}") or "").strip()
        if label or description:
            text = f"{label}. {description}" if label and description else label or description
            wanted[(language, NeedPassage.LABEL, text)] = None
        for synonym in need.synonyms.all():
            if synonym.language == language and synonym.text.strip():
                wanted[(language, NeedPassage.SYNONYM, synonym.text.strip())] = None
    return wanted


def need_passages_refresh(needs: Iterable[Need]) -> int:
    """Make the needs' embedded passages match their current label, description and synonyms
    in the configured model (search.embeddings): texts that did not change keep their vectors,
    new ones are embedded in one batch. Returns the number of passages embedded; 0 when
    embeddings are off."""
    if not embeddings.enabled():
        return 0
    model = embeddings.model_name()
    needs = list(needs)
    codes = [need.code for need in needs]
    existing: dict[tuple[str, str, str, str], int] = {
        (row.code, row.language, row.source, row.text): row.pk
        for row in NeedPassage.objects.filter(code__in=codes, model=model).only(
            "code", "language", "source", "text"
        )
    }
    keep: set[int] = set()
    fresh: list[NeedPassage] = []
    for need in needs:
        for language, source, text in _passages_wanted(need):
            pk = existing.get((need.code, language, source, text))
            if pk is not None:
                keep.add(pk)
            else:
                fresh.append(
                    NeedPassage(
                        code=need.code, language=language, source=source, text=text, model=model
                    )
                )
    vectors = embeddings.embed_passages([row.text for row in fresh])
    for row, vector in zip(fresh, vectors, strict=True):
        row.vector = vector.astype("<f4").tobytes()
    with transaction.atomic():
        NeedPassage.objects.filter(code__in=codes).exclude(pk__in=keep).delete()
        NeedPassage.objects.bulk_create(fresh, batch_size=BATCH)
    return len(fresh)


def _profile(kind: str, entry: Entry, capacity: tuple[str, str] | None = None) -> MatchProfile:
    """The entry's profile; ``capacity`` is its stated (status, waiting band), if any."""
    status, band = capacity or ("", "")
    lats = [point[0] for point in entry.points]
    lons = [point[1] for point in entry.points]
    return MatchProfile(
        kind=kind,
        object_id=entry.object_id,
        active=entry.active,
        statuses=_codes(entry.statuses),
        audiences=_codes(entry.audiences),
        phases=_codes(entry.phases),
        cancer_types=_codes(entry.cancer_types),
        delivery=_codes(entry.delivery),
        costs=_codes(entry.costs),
        access=_codes(entry.access),
        languages=_codes(entry.languages),
        areas=_codes(entry.areas),
        radius_km=entry.radius_km,
        minimum_age=entry.minimum_age,
        maximum_age=entry.maximum_age,
        remote=bool(REMOTE & set(entry.delivery)),
        points=";".join(f"{lat:.6f},{lon:.6f}" for lat, lon in entry.points),
        min_lat=min(lats) if lats else None,
        max_lat=max(lats) if lats else None,
        min_lon=min(lons) if lons else None,
        max_lon=max(lons) if lons else None,
        assured_date=entry.assured_date,
        closed=status == CapacityStatus.CLOSED,
        waiting_band=band if status == CapacityStatus.WAITING_LIST else "",
    )


def _entry_documents(kind: str, entry: Entry) -> Iterator[SearchDocument]:
    for language, (title, rest) in entry.texts.items():
        if language in LANGUAGES and (title or rest):
            yield _document(kind, entry.object_id, language, title, rest)


def catalogue_forget(*, kind: str, ids: Iterable[object] | None = None) -> None:
    """Remove entries of a catalogue (the given object ids, or all) from the index."""
    with transaction.atomic():
        _delete_entries(kind, None if ids is None else [str(object_id) for object_id in ids])
    clear_term_stats()


def catalogue_index(*, kind: str, ids: Iterable[object] | None = None) -> IndexCounts:
    """(Re)index a registered catalogue's entries: the given object ids, or all of them; ids
    whose rows no longer exist lose their entries. Runs in the catalogue's batches, so 100,000
    services fit in memory."""
    catalogue = catalogue_get(kind)
    wanted = None if ids is None else sorted({str(object_id) for object_id in ids})
    entries = documents = 0
    with transaction.atomic():
        if wanted is None:
            _delete_entries(kind, None)
            batches = catalogue.entries(None)
        else:
            batches = (
                batch
                for start in range(0, len(wanted), BATCH)
                for batch in _replace(kind, catalogue, wanted[start : start + BATCH])
            )
        for batch in batches:
            documents += _write(kind, batch)
            entries += len(batch)
    clear_term_stats()
    return IndexCounts(needs=0, services=entries, documents=documents)


def _replace(kind: str, catalogue: Catalogue, ids: list[str]) -> Iterator[list[Entry]]:
    _delete_entries(kind, ids)
    yield from catalogue.entries(ids)


def _delete_entries(kind: str, ids: list[str] | None) -> None:
    documents = SearchDocument.objects.filter(kind=kind)
    profiles = MatchProfile.objects.filter(kind=kind)
    needs = MatchNeed.objects.filter(kind=kind)
    if ids is not None:
        documents = documents.filter(object_id__in=ids)
        profiles = profiles.filter(object_id__in=ids)
        needs = needs.filter(profile__kind=kind, profile__object_id__in=ids)
    needs.delete()
    profiles.delete()
    documents.delete()


def _write(kind: str, batch: list[Entry]) -> int:
    new_documents = [doc for entry in batch for doc in _entry_documents(kind, entry)]
    SearchDocument.objects.bulk_create(new_documents, batch_size=BATCH)
    # Capacity is the directory's, not the catalogue entry's: one query per batch of services.
    capacities = capacity_states(entry.object_id for entry in batch) if kind == SERVICE_KIND else {}
    profiles = MatchProfile.objects.bulk_create(
        [_profile(kind, entry, capacities.get(entry.object_id)) for entry in batch],
        batch_size=BATCH,
    )
    if profiles and profiles[0].pk is None:  # a database that returns no keys on insert
        keys = dict(
            MatchProfile.objects.filter(
                kind=kind, object_id__in=[entry.object_id for entry in batch]
            ).values_list("object_id", "pk")
        )
        for profile in profiles:
            profile.pk = keys[profile.object_id]
    MatchNeed.objects.bulk_create(
        [
            MatchNeed(profile_id=profile.pk, kind=kind, code=code)
            for profile, entry in zip(profiles, batch, strict=True)
            for code in dict.fromkeys(entry.needs)
        ],
        batch_size=BATCH,
    )
    return len(new_documents)


def search_index_rebuild() -> IndexCounts:
    """Every need and every registered catalogue's entries."""
    with transaction.atomic():
        needs = needs_index()
        entries = documents = 0
        for kind in catalogue_kinds():
            counts = catalogue_index(kind=kind)
            entries += counts.services
            documents += counts.documents
    return IndexCounts(needs=needs, services=entries, documents=needs + documents)
