"""An offer's page: its facts, the shortage badge with its source and year, the way to write,
and what it means for benefits (the navigator's measures for the person's status)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from beoncosup.jobs.tests.factories import employer_make, occupation_make, offer_make
from beoncosup.navigator.services import measures_load

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_offer_and_never_its_contact_details(client: Client) -> None:
    accountant = occupation_make("Accountant", shortage_in="BE-VLG", year=2025)
    offer = offer_make(
        employer_make(name="Havenlogistiek", contact_email="secret-hr@haven.example"),
        title="Trial placement",
        occupation=accountant,
        flexibility=["remote", "part_time"],
        progressive_resumption=True,
        contact_phone="+3232012345",
    )

    html = client.get(f"/en/work/jobs/{offer.pk}/").content.decode()

    assert "Trial placement" in html
    assert "Havenlogistiek" in html
    assert "16 to 24 hours" in html
    assert "Work from home possible" in html
    assert "Shortage occupation" in html
    assert "On the list of shortage occupations of Flanders (2025)" in html
    assert 'href="https://www.vdab.be/trends/knelpuntberoepen"' in html
    assert "permission of your mutuality" in html
    assert f"/en/work/jobs/{offer.pk}/contact/" in html
    assert f"/en/work/jobs/{offer.pk}/coach/" in html
    for private in ("secret-hr@haven.example", "Hanne HR", "+3232012345", "201 23 45"):
        assert private not in html


def test_the_benefits_section_lists_the_navigators_measures_for_the_status(
    client: Client,
) -> None:
    measures_load()
    offer = offer_make(employer_make())

    asked = client.get(f"/en/work/jobs/{offer.pk}/")
    employee = client.get(f"/en/work/jobs/{offer.pk}/", {"status": "employee"}).content.decode()
    self_employed = client.get(
        f"/en/work/jobs/{offer.pk}/", {"status": "self_employed"}
    ).content.decode()

    assert "Rules as of" not in asked.content.decode()
    assert "Rules as of" in employee and "Sources:" in employee
    assert "audience=patient" in employee and "status=employee" in employee
    assert employee != self_employed
    assert "Rules as of" in self_employed


def test_an_unknown_status_answers_400(client: Client) -> None:
    offer = offer_make(employer_make())

    assert client.get(f"/en/work/jobs/{offer.pk}/", {"status": "astronaut"}).status_code == 400


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected", "expired", "withdrawn"])
def test_an_offer_that_is_not_public_is_404(client: Client, status: str) -> None:
    offer = offer_make(employer_make(), status=status)

    assert client.get(f"/en/work/jobs/{offer.pk}/").status_code == 404


def test_the_offer_page_query_count(client: Client, django_assert_max_num_queries: Any) -> None:
    measures_load()
    offer = offer_make(employer_make(), occupation=occupation_make(shortage_in="BE-VLG"))

    with django_assert_max_num_queries(10):
        response = client.get(f"/en/work/jobs/{offer.pk}/", {"status": "employee"})

    assert response.status_code == 200


def test_demo_offers_carry_the_demo_badge(client: Client) -> None:
    offer = offer_make(employer_make(), is_demo=True)

    assert 'class="badge badge-demo"' in client.get(f"/en/work/jobs/{offer.pk}/").content.decode()
    assert 'class="badge badge-demo"' in client.get("/en/work/jobs/").content.decode()
