"""The public search: filters (distance, hours, remote, kind, occupation, language, words),
what never shows, pages of twenty, and query counts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from beoncosup.jobs.catalogue import offer_entry
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.models import JobOffer
from beoncosup.jobs.tests.factories import employer_make, occupation_make, offer_make

pytestmark = pytest.mark.django_db

URL = "/en/work/jobs/"


def shown(client: Client, **query: Any) -> list[str]:
    html = client.get(URL, query).content.decode()
    return re.findall(r'id="job-\d+"><a href="[^"]+"><span lang="en">([^<]+)</span>', html)


@pytest.fixture
def offers() -> dict[str, JobOffer]:
    employer = employer_make()
    return {
        "antwerp": offer_make(
            employer,
            title="Antwerp trial",
            postcode="2000",
            hours=(16, 20),
            flexibility=["remote", "part_time"],
            kind="trial",
            languages=["nl"],
        ),
        "mechelen": offer_make(employer, title="Mechelen job", postcode="2800", hours=(20, 30)),
        "gent": offer_make(
            employer, title="Gent job", postcode="9000", hours=(30, 38), languages=["nl", "en"]
        ),
        "liege": offer_make(
            employer,
            title="Liege job",
            postcode="4000",
            hours=(10, 20),
            flexibility=["remote"],
            languages=["fr"],
        ),
    }


def test_everything_public_shows_newest_first(client: Client, offers: dict[str, JobOffer]) -> None:
    assert shown(client) == ["Liege job", "Gent job", "Mechelen job", "Antwerp trial"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"postcode": "2000", "max_km": "10"}, ["Antwerp trial"]),
        ({"postcode": "2000", "max_km": "30"}, ["Antwerp trial", "Mechelen job"]),
        ({"postcode": "2000", "max_km": "60"}, ["Antwerp trial", "Mechelen job", "Gent job"]),
        ({"hours_max": "20"}, ["Liege job", "Mechelen job", "Antwerp trial"]),
        ({"hours_max": "15"}, ["Liege job"]),
        ({"remote": "on"}, ["Liege job", "Antwerp trial"]),
        ({"kind": "trial"}, ["Antwerp trial"]),
        ({"region": "BE-WAL"}, ["Liege job"]),
        ({"language": "en"}, ["Gent job", "Mechelen job"]),  # naming none, or English
        (
            {"postcode": "2000", "max_km": "25", "hours_max": "20", "remote": "on"},
            ["Antwerp trial"],
        ),
    ],
)
def test_filters(
    client: Client, offers: dict[str, JobOffer], query: dict[str, str], expected: list[str]
) -> None:
    assert shown(client, **query) == expected


def test_occupation_filter_and_shortage_badge(client: Client) -> None:
    accountant = occupation_make("Accountant", shortage_in="BE-VLG")
    employer = employer_make()
    offer_make(employer, title="Books in Antwerp", occupation=accountant, postcode="2000")
    offer_make(employer, title="Books in Liege", occupation=accountant, postcode="4000")
    offer_make(employer, title="Other")

    html = client.get(URL, {"occupation": accountant.pk}).content.decode()

    assert shown(client, occupation=str(accountant.pk)) == ["Books in Liege", "Books in Antwerp"]
    # On Flanders's list only: the badge shows on the Antwerp offer, not the Liège one.
    assert html.count("Shortage occupation") == 1


def test_words_rank_through_the_matcher(client: Client) -> None:
    employer = employer_make()
    offer_make(employer, title="Warehouse worker")
    offer_make(employer, title="Bookkeeping assistant")

    html = client.get(URL, {"q": "warehouse"}).content.decode()

    assert shown(client, q="warehouse") == ["Warehouse worker"]
    assert "best match first" in html


def test_what_is_not_public_never_shows(client: Client) -> None:
    employer = employer_make()
    offer_make(employer, title="Public")
    for status in ("draft", "submitted", "rejected", "withdrawn", "expired"):
        offer_make(employer, title=f"Not {status}", status=status)
    offer_make(employer, title="Past its end date", expires_in=-1)
    offer_make(employer_make(verified=False), title="Unverified employer")

    assert shown(client) == ["Public"]
    assert shown(client, q="not") == []


def test_an_offer_ending_today_still_shows(client: Client) -> None:
    offer_make(employer_make(), title="Last day", expires_in=0)

    assert shown(client) == ["Last day"]


@pytest.mark.parametrize(
    "query",
    [
        {"postcode": "9999"},
        {"postcode": "abc"},
        {"max_km": "-5"},
        {"hours_max": "0"},
        {"kind": "internship"},
        {"language": "xx"},
        {"occupation": "nope"},
    ],
)
def test_bad_filters_answer_400_and_the_page_still_lists(
    client: Client, offers: dict[str, JobOffer], query: dict[str, str]
) -> None:
    response = client.get(URL, query)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "4 offers found" in html


def test_twenty_a_page(client: Client) -> None:
    employer = employer_make()
    for n in range(23):
        offer_make(employer, title=f"Offer {n:02d}")

    first = shown(client)
    second = shown(client, page="2")

    assert len(first) == 20
    assert len(second) == 3
    assert set(first).isdisjoint(second)


@pytest.mark.parametrize("count", [1, 6, 25])
@pytest.mark.parametrize(
    "query", [{}, {"postcode": "2000", "max_km": "50", "hours_max": "30"}], ids=["all", "near"]
)
def test_query_count_does_not_grow_with_offers(
    client: Client, django_assert_max_num_queries: Any, count: int, query: dict[str, str]
) -> None:
    employer = employer_make()
    accountant = occupation_make("Accountant", shortage_in="BE-VLG")
    for n in range(count):
        offer_make(employer, title=f"Offer {n}", occupation=accountant)

    with django_assert_max_num_queries(8):
        response = client.get(URL, query)

    assert response.content.decode().count('class="job-card"') == min(count, 20)


def test_the_catalogue_entry_follows_the_offer() -> None:
    offer = offer_make(employer_make(), title="Antwerp trial", languages=["nl"])

    entry = offer_entry(offer)
    JobOffer.objects.filter(pk=offer.pk).update(status=OfferStatus.WITHDRAWN)
    offer.refresh_from_db()

    assert entry.active is True
    assert entry.languages == ("nl",)
    assert entry.points == ((51.2194, 4.4025),)
    assert entry.texts["en"][0] == "Antwerp trial"
    assert offer_entry(offer).active is False
