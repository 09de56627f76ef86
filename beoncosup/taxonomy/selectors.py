"""Reads for the needs taxonomy. Each function fetches what its page shows in a fixed number
of queries, whatever the number of domains, categories or needs."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from beoncosup.taxonomy.models import Category, Domain, Need, NeedSynonym


def domains_with_categories() -> QuerySet[Domain]:
    """Every domain with its categories and their needs (for the taxonomy overview)."""
    return Domain.objects.prefetch_related(
        Prefetch(
            "categories",
            queryset=Category.objects.prefetch_related(
                Prefetch("needs", queryset=Need.objects.only("id", "code", "label", "category"))
            ),
        )
    )


def domain_detail(code: str) -> Domain:
    queryset = Domain.objects.prefetch_related(
        Prefetch("categories", queryset=Category.objects.prefetch_related("needs"))
    )
    return get_object_or_404(queryset, code=code)


def need_detail(code: str) -> Need:
    """A need with its category, domain and the synonyms in the current language."""
    language = get_language()
    queryset = Need.objects.select_related("category__domain").prefetch_related(
        Prefetch(
            "synonyms",
            queryset=NeedSynonym.objects.filter(language=language),
            to_attr="synonyms_in_language",
        )
    )
    return get_object_or_404(queryset, code=code)
