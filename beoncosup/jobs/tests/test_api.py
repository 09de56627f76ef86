"""GET /api/v1/jobs and /api/v1/jobs/{id}: published unexpired offers only, the filters of the
contract, 422 for bad values (never a 500), pages of twenty, no contact details."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.jobs.models import JobOffer
from beoncosup.jobs.tests.factories import employer_make, occupation_make, offer_make

pytestmark = pytest.mark.django_db

URL = "/api/v1/jobs"


@pytest.fixture
def offers() -> dict[str, JobOffer]:
    employer = employer_make(name="Havenlogistiek", contact_email="secret-hr@haven.example")
    return {
        "antwerp": offer_make(
            employer,
            title="Antwerp trial",
            hours=(16, 20),
            flexibility=["remote"],
            kind="trial",
            occupation=occupation_make("Clerk", shortage_in="BE-VLG"),
        ),
        "mechelen": offer_make(employer, title="Mechelen job", postcode="2800", hours=(24, 30)),
        "liege": offer_make(employer, title="Liege job", postcode="4000", hours=(10, 20)),
        "draft": offer_make(employer, title="Draft", status="draft"),
        "ended": offer_make(employer, title="Ended", expires_in=-1),
    }


def titles(client: Client, **query: Any) -> list[str]:
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return [job["title"] for job in response.json()["results"]]


def test_only_published_unexpired_offers_with_the_employers_public_name(
    client: Client, offers: dict[str, JobOffer]
) -> None:
    body = client.get(URL).json()

    assert body["total"] == 3
    assert {job["title"] for job in body["results"]} == {
        "Antwerp trial",
        "Mechelen job",
        "Liege job",
    }
    trial = next(job for job in body["results"] if job["title"] == "Antwerp trial")
    assert trial["employer"] == "Havenlogistiek"
    assert trial["kind"] == "trial"
    assert trial["remote"] is True
    assert trial["occupation"]["shortage"]["source_name"] == "VDAB"
    assert trial["occupation"]["shortage"]["year"] == 2025
    assert trial["region"] == "BE-VLG"
    with translation.override("nl"):  # no ?lang=: the default language's page
        assert trial["url"].endswith(
            reverse("jobs:offer", kwargs={"offer_id": offers["antwerp"].pk})
        )
    text = client.get(URL).content.decode()
    assert "secret-hr@haven.example" not in text and "Hanne HR" not in text
    assert "contact_email" not in text and "contact_name" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"postcode": "2000", "max_km": "10"}, ["Antwerp trial"]),
        ({"postcode": "2000", "max_km": "30"}, ["Antwerp trial", "Mechelen job"]),
        ({"hours_max": "20"}, ["Liege job", "Antwerp trial"]),
        ({"remote": "true"}, ["Antwerp trial"]),
        ({"kind": "trial"}, ["Antwerp trial"]),
        ({"kind": "job", "hours_max": "25"}, ["Liege job", "Mechelen job"]),
        (
            {
                "postcode": "2000",
                "max_km": "25",
                "hours_max": "20",
                "remote": "true",
                "kind": "trial",
                "lang": "nl",
            },
            ["Antwerp trial"],
        ),
    ],
)
def test_filters(
    client: Client, offers: dict[str, JobOffer], query: dict[str, str], expected: list[str]
) -> None:
    assert titles(client, **query) == expected


def test_distance_is_given_with_a_postcode(client: Client, offers: dict[str, JobOffer]) -> None:
    results = client.get(URL, {"postcode": "2000", "max_km": "30"}).json()["results"]

    assert [round(job["distance_km"]) for job in results] == [0, 22]


@pytest.mark.parametrize(
    "query",
    [
        {"postcode": "9999"},
        {"postcode": "20000"},
        {"kind": "internship"},
        {"lang": "xx"},
        {"max_km": "-1"},
        {"hours_max": "-4"},
        {"remote": "perhaps"},
        {"page": "0"},
        {"occupation": "abc"},
        {"q": "a\x00b"},
    ],
)
def test_bad_values_answer_422(
    client: Client, offers: dict[str, JobOffer], query: dict[str, str]
) -> None:
    response = client.get(URL, query)

    assert response.status_code in {400, 422}
    assert response.status_code == 422 or "\x00" in str(query)
    assert "detail" in response.json()


def test_pages_of_twenty(client: Client) -> None:
    employer = employer_make()
    for n in range(23):
        offer_make(employer, title=f"Offer {n}")

    first = client.get(URL).json()
    second = client.get(URL, {"page": "2"}).json()

    assert (first["total"], first["pages"], len(first["results"])) == (23, 2, 20)
    assert len(second["results"]) == 3


def test_one_offer_and_404s(client: Client, offers: dict[str, JobOffer]) -> None:
    found = client.get(f"{URL}/{offers['antwerp'].pk}", {"lang": "en"})

    assert found.status_code == 200
    assert found.json()["title"] == "Antwerp trial"
    assert client.get(f"{URL}/{offers['draft'].pk}").status_code == 404
    assert client.get(f"{URL}/{offers['ended'].pk}").status_code == 404
    assert client.get(f"{URL}/999999").status_code == 404


def test_the_list_query_count(client: Client, django_assert_max_num_queries: Any) -> None:
    employer = employer_make()
    occupation = occupation_make(shortage_in="BE-VLG")
    for n in range(8):
        offer_make(employer, title=f"Offer {n}", occupation=occupation)

    with django_assert_max_num_queries(6):
        response = client.get(URL, {"postcode": "2000"})

    assert len(response.json()["results"]) == 8
