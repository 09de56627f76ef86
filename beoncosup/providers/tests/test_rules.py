from typing import Any

import pytest
from django.contrib.auth import get_user_model

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.providers.tests.factories import editor, listing_with_service, provider

pytestmark = pytest.mark.django_db


def fresh(email: str) -> Any:
    # A new user object: roles are memoised per object.
    return get_user_model().objects.get(email=email)


def test_propose_and_confirm_need_staff_of_an_organisation_holding_the_listing():
    service = listing_with_service()
    other = listing_with_service("Ander", service_name="Yoga")
    provider(holds=service.organization)
    staff = fresh("staff@provider.example")
    assert staff.has_perm("providers.propose_change", service)
    assert staff.has_perm("providers.confirm_service", service)
    assert not staff.has_perm("providers.propose_change", other)
    assert not staff.has_perm("providers.propose_change", None)


def test_professionals_and_org_admins_of_the_holder_may_not_propose():
    service = listing_with_service()
    organisation = provider(holds=service.organization)
    organisation_with(name="Ziekenhuis", members={"pro@example.org": ["professional"]})
    from beoncosup.accounts.services import membership_add  # noqa: PLC0415

    membership_add(
        organisation=organisation, user=user_create("admin@example.org"), role="org_admin"
    )
    assert not fresh("pro@example.org").has_perm("providers.propose_change", service)
    assert not fresh("admin@example.org").has_perm("providers.propose_change", service)
    assert not fresh("admin@example.org").has_perm("providers.use_provider_home")


def test_claim_needs_provider_staff_of_that_organisation():
    mine = provider()
    theirs = provider("other@provider.example", name="Ander vzw")
    staff = fresh("staff@provider.example")
    assert staff.has_perm("providers.claim_listing", mine)
    assert not staff.has_perm("providers.claim_listing", theirs)


@pytest.mark.parametrize("role", ["editor", "platform_admin"])
def test_editors_and_platform_admins_decide(role):
    user = user_create(f"{role}@example.org")
    role_grant(user=user, role=role, granted_by=None)
    user = fresh(f"{role}@example.org")
    for permission in (
        "providers.review_listings",
        "providers.decide_claim",
        "providers.decide_proposal",
        "providers.view_service_history",
    ):
        assert user.has_perm(permission)
    assert not user.has_perm("providers.use_provider_home")


@pytest.mark.parametrize("role", ["reviewer", "analyst"])
def test_reviewers_and_analysts_do_not_decide(role):
    user = user_create(f"{role}@example.org")
    role_grant(user=user, role=role, granted_by=None)
    user = fresh(f"{role}@example.org")
    assert not user.has_perm("providers.decide_claim")
    assert not user.has_perm("providers.review_listings")


def test_editor_factory_is_an_editor():
    assert fresh(editor().email).has_perm("providers.decide_proposal")
