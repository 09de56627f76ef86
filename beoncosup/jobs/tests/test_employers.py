"""Asking for an employer account, and an editor verifying it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import OrganisationKind, OrgRole, PlatformRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.jobs.models import EmployerProfile
from beoncosup.jobs.tests.factories import employer_make

pytestmark = pytest.mark.django_db

SIGNUP = "/en/work/employers/join/"
DATA = {
    "organisation_name": "Havenlogistiek NV",
    "public_name": "Havenlogistiek",
    "enterprise_number": "BE 0123.456.749",
    "postcode": "2000",
    "contact_email": "jobs@haven.example",
    "sector": "logistics",
}


def editor() -> object:
    user = user_create("editor@beoncosup.example")
    account_services.role_grant(user=user, role=PlatformRole.EDITOR, granted_by=None)
    return user


def test_signup_makes_an_unverified_employer_and_its_staff_member(client: Client) -> None:
    person = user_create("hanne@haven.example")
    signed_in(client, person)

    response = client.post(SIGNUP, DATA)

    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:my_offers")
    employer = EmployerProfile.objects.get()
    assert (employer.enterprise_number, employer.public_name, employer.language) == (
        "0123456749",
        "Havenlogistiek",
        "en",
    )
    assert employer.verified_at is None
    assert employer.organisation.kind == OrganisationKind.EMPLOYER
    assert list(
        Membership.objects.filter(organisation=employer.organisation).values_list("user", "role")
    ) == [(person.pk, OrgRole.EMPLOYER_STAFF)]
    assert AuditEvent.objects.filter(action="jobs.employer_requested").count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("enterprise_number", "0123.456.748"),
        ("enterprise_number", "2123456749"),
        ("postcode", "9999"),
        ("contact_email", "not an address"),
        ("public_name", "Haven\x00"),
    ],
)
def test_signup_with_a_bad_value_answers_400_and_makes_nothing(
    client: Client, field: str, value: str
) -> None:
    signed_in(client, user_create("hanne@haven.example"))

    response = client.post(SIGNUP, {**DATA, field: value})

    assert response.status_code == 400
    if "\x00" not in value:  # a NUL is refused by core's middleware before the form
        assert 'class="error-summary"' in response.content.decode()
    assert EmployerProfile.objects.count() == 0


def test_an_enterprise_number_registered_twice_is_refused(client: Client) -> None:
    employer_make()
    taken = EmployerProfile.objects.get().enterprise_number
    signed_in(client, user_create("hanne@haven.example"))

    response = client.post(SIGNUP, {**DATA, "enterprise_number": taken})

    assert response.status_code == 400
    assert "already has an account" in response.content.decode()
    assert EmployerProfile.objects.count() == 1


def test_signup_needs_an_account(client: Client) -> None:
    response = client.get(SIGNUP)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_editor_verifies_an_employer_and_it_is_told_by_mail(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    employer = employer_make(verified=False, language="fr", contact_email="rh@soins.example")
    signed_in(client, editor())

    listing = client.get("/en/work/editors/employers/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/work/editors/employers/{employer.pk}/verify/")

    assert "Havenbedrijf Test" in listing.content.decode()
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.verified_at is not None
    assert [m.to for m in mail.outbox] == [["rh@soins.example"]]
    # Written in French (the link's language; the words follow once translations are in).
    with translation.override("fr"):
        assert reverse("jobs:my_offers") in mail.outbox[0].body
    assert "Havenbedrijf Test" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="jobs.employer_verified").count() == 1


def test_verifying_twice_changes_nothing_the_second_time(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    employer = employer_make(verified=False)
    signed_in(client, editor())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/work/editors/employers/{employer.pk}/verify/")
    first = EmployerProfile.objects.get().verified_at

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/work/editors/employers/{employer.pk}/verify/")

    assert EmployerProfile.objects.get().verified_at == first
    assert len(mail.outbox) == 1


def test_someone_without_the_editor_role_cannot_verify(client: Client) -> None:
    employer = employer_make(verified=False, staff=["hanne@haven.example"])
    signed_in(client, Membership.objects.get().user)

    response = client.post(f"/en/work/editors/employers/{employer.pk}/verify/")

    assert response.status_code == 403
    assert EmployerProfile.objects.get().verified_at is None


def test_the_employers_list_query_count(
    client: Client, django_assert_max_num_queries: object
) -> None:
    for n in range(5):
        employer_make(name=f"Employer {n}", verified=n % 2 == 0)
    signed_in(client, editor())

    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get("/en/work/editors/employers/")

    assert response.content.decode().count("Employer ") >= 5
