"""Reads for the needs taxonomy. Each function fetches what its page shows in a fixed number
of queries, whatever the number of domains, categories or needs."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from beoncosup.taxonomy.models import Domain, Need, NeedSynonym


def domains_with_categories() -> QuerySet[Domain]:
    """Every domain with its categories and their needs (for the taxonomy overview)."""
    return Domain.objects.prefetch_related("categories__needs")


def domain_detail(code: str) -> Domain:
    return get_object_or_404(Domain.objects.prefetch_related("categories__needs"), code=code)


def need_detail(code: str) -> Need:
    """A need with its category and domain."""
    need: Need = get_object_or_404(Need.objects.select_related("category__domain"), code=code)
    return need


def need_synonyms(need: Need, language: str) -> list[str]:
    """The lay words for a need in one language, alphabetically."""
    return list(
        NeedSynonym.objects.filter(need=need, language=language)
        .order_by("text")
        .values_list("text", flat=True)
    )
