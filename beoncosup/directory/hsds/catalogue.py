"""The profile's taxonomies and terms as HSDS objects, and how a term filters services."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from beoncosup.directory.hsds.profile import (
    ATTRIBUTE_FIELDS,
    NEEDS_TAXONOMY,
    RECORD_TAXONOMY,
    taxonomy_id,
    taxonomy_term_id,
)
from beoncosup.directory.hsds.serialize import (
    CODE_LISTS,
    code_term_json,
    need_term_json,
    taxonomy_json,
)
from beoncosup.taxonomy.models import Need

TAXONOMIES = (NEEDS_TAXONOMY, *(t for t, _f in ATTRIBUTE_FIELDS), RECORD_TAXONOMY)
FIELD_OF = dict(ATTRIBUTE_FIELDS)


def taxonomies(search: str | None) -> list[dict[str, Any]]:
    items = [taxonomy_json(t) for t in TAXONOMIES]
    if search:
        words = search.lower()
        items = [i for i in items if words in i["name"] or words in i["description"].lower()]
    return items


def _all_terms(language: str) -> list[dict[str, Any]]:
    terms = [need_term_json(need, language) for need in Need.objects.order_by("code")]
    for taxonomy in TAXONOMIES[1:]:
        terms.extend(
            code_term_json(taxonomy, code, language) for code in CODE_LISTS[taxonomy].values
        )
    return terms


def terms(language: str, *, search: str | None, taxonomy_id: str | None) -> list[dict[str, Any]]:
    items = _all_terms(language)
    if taxonomy_id:
        items = [t for t in items if t["taxonomy_id"] == taxonomy_id]
    if search:
        words = search.lower()
        items = [t for t in items if words in t["name"].lower() or words in t["code"].lower()]
    return items


def term(term_id: str, language: str) -> dict[str, Any] | None:
    return next((t for t in _all_terms(language) if t["id"] == term_id), None)


def _term_key(term_id: str) -> tuple[str, str] | None:
    for taxonomy in TAXONOMIES[1:]:
        for code in CODE_LISTS[taxonomy].values:
            if taxonomy_term_id(taxonomy, code) == term_id:
                return taxonomy, code
    for code in Need.objects.values_list("code", flat=True):
        if taxonomy_term_id(NEEDS_TAXONOMY, code) == term_id:
            return NEEDS_TAXONOMY, code
    return None


def service_filter_for_term(term_id: str) -> Q | None:
    """The services carrying a term; None when no term has this id."""
    key = _term_key(term_id)
    if key is None:
        return None
    taxonomy, code = key
    if taxonomy == NEEDS_TAXONOMY:
        return Q(needs__code=code)
    if taxonomy == RECORD_TAXONOMY:
        return Q(is_demo=True) if code == "demo" else ~Q(source="")
    # Codes are plain ASCII words, so a text match on the JSON list is exact and portable.
    return Q(**{f"{FIELD_OF[taxonomy]}__icontains": f'"{code}"'})


def service_filter_for_taxonomy(wanted_id: str) -> Q | None:
    for taxonomy in TAXONOMIES:
        if taxonomy_id(taxonomy) == wanted_id:
            if taxonomy == NEEDS_TAXONOMY:
                return Q(needs__isnull=False)
            if taxonomy == RECORD_TAXONOMY:
                return Q(is_demo=True)
            return ~Q(**{FIELD_OF[taxonomy]: []})
    return None


def profile_summary() -> list[dict[str, Any]]:
    summary = []
    for taxonomy in TAXONOMIES:
        codes = (
            list(Need.objects.order_by("code").values_list("code", flat=True))
            if taxonomy == NEEDS_TAXONOMY
            else list(CODE_LISTS[taxonomy].values)
        )
        summary.append({**taxonomy_json(taxonomy), "codes": codes})
    return summary
