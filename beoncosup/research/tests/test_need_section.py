"""The need page lists the published research about the need (taxonomy.extensions)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.tests.factories import needs_make, study_create

pytestmark = pytest.mark.django_db

NEED = "/en/needs/MED-SLEEP/"


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def test_need_page_lists_published_studies_about_the_need(client: Client):
    shown = study_create(title={"en": "Sleep study"}, needs=["MED-SLEEP"])
    study_create(title={"en": "Sleep proposal"}, needs=["MED-SLEEP"], review=Review.PROPOSED)
    study_create(title={"en": "Fear study"}, needs=["PSY-FEAR-RECURRENCE"])

    html = client.get(NEED).content.decode()

    assert "Research about this need" in html
    assert "Sleep study" in html and f"/en/research/{shown.pk}/" in html
    assert "Sleep proposal" not in html and "Fear study" not in html


def test_need_page_without_research_invites_a_proposal(client: Client):
    html = client.get(NEED).content.decode()

    assert "We do not know of a study about this need yet." in html
    assert "/en/research/propose/" in html


def test_need_page_shows_five_and_links_to_all(client: Client):
    for index in range(6):
        study_create(
            title={"en": f"Sleep {index}"}, needs=["MED-SLEEP"], status=StudyStatus.RUNNING
        )

    html = client.get(NEED).content.decode()

    assert html.count('class="study-card"') == 5
    assert "/en/research/?need=MED-SLEEP" in html


@pytest.mark.parametrize("count", [1, 4])
def test_need_page_query_count(client: Client, django_assert_max_num_queries: Any, count: int):
    for _ in range(count):
        study_create(needs=["MED-SLEEP"], institutions=[("A", "BE"), ("B", "NL")])
    client.get(NEED)

    with django_assert_max_num_queries(40):
        response = client.get(NEED)

    assert response.content.decode().count('class="study-card"') == count
