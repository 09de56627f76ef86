"""The target registry: the kinds registered, what they resolve to, who holds what."""

from __future__ import annotations

import pytest
from django.http import Http404

from beoncosup.feedback.targets import (
    TargetKind,
    target_kind,
    target_kinds,
    target_or_404,
    targets_resolve,
)
from beoncosup.feedback.tests.factories import held_service

pytestmark = pytest.mark.django_db


def kind_of(code: str) -> TargetKind:
    kind = target_kind(code)
    assert kind is not None
    return kind


def held_by(code: str, organisation_ids: list[int]) -> list[str]:
    held = kind_of(code).held_by
    assert held is not None
    return held(organisation_ids)


def test_service_organization_and_article_kinds_are_registered():
    codes = [kind.code for kind in target_kinds()]

    assert {"service", "organization", "article"} <= set(codes)
    assert kind_of("service").verifies is True
    assert kind_of("organization").verifies is False
    assert kind_of("article").verifies is True


def test_a_service_resolves_with_its_holders_and_fix_pages():
    held = held_service()

    target = kind_of("service").resolve(str(held.service.pk).upper())

    assert target is not None
    assert target.object_id == str(held.service.pk)
    assert target.title == "Praatgroep"
    assert target.url.endswith(f"/{held.service.pk}/")
    assert target.organisation_ids == frozenset({held.organisation.pk})
    assert str(held.service.pk) in target.provider_url
    assert "/admin/snippets/directory/service/edit/" in target.admin_url


def test_an_organization_resolves_and_is_held_by_its_provider():
    held = held_service()
    target = kind_of("organization").resolve(str(held.service.organization_id))

    assert target is not None and target.title == "Steunpunt Gent"
    assert target.organisation_ids == frozenset({held.organisation.pk})
    assert held_by("organization", [held.organisation.pk]) == [str(held.service.organization_id)]


def test_held_by_lists_only_the_organisations_services():
    mine = held_service()
    held_service("Ander", staff_email="other@provider.example", provider_name="Ander vzw")

    assert held_by("service", [mine.organisation.pk]) == [str(mine.service.pk)]


@pytest.mark.parametrize(
    ("kind", "object_id"),
    [
        ("nothing", "x"),
        ("service", "not-a-uuid"),
        ("service", "7bbaa170-5d72-4927-bd07-4f98a2409d5d"),
    ],
)
def test_unknown_kinds_and_ids_are_not_found(kind, object_id):
    with pytest.raises(Http404):
        target_or_404(kind, object_id)


def test_targets_resolve_in_bulk_skips_missing_records(django_assert_max_num_queries):
    first = held_service()
    second = held_service("Ander", staff_email="b@provider.example", provider_name="B vzw")
    pairs = [
        ("service", str(first.service.pk)),
        ("service", str(second.service.pk)),
        ("service", "7bbaa170-5d72-4927-bd07-4f98a2409d5d"),
        ("nothing", "x"),
    ]

    with django_assert_max_num_queries(2):
        found = targets_resolve(pairs)

    assert sorted(key[1] for key in found) == sorted(
        [str(first.service.pk), str(second.service.pk)]
    )
