"""The studies API: published only, filters, the lay summary's language, 422s, 404s."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.tests.factories import needs_make, study_create

pytestmark = pytest.mark.django_db

LIST = "/api/v1/studies"


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def test_studies_lists_published_only_with_paging(client: Client):
    shown = study_create(needs=["MED-SLEEP"])
    study_create(review=Review.PROPOSED)
    study_create(review=Review.REJECTED)

    body = client.get(LIST).json()

    assert [item["id"] for item in body["items"]] == [shown.pk]
    assert (body["total"], body["page"], body["pages"], body["page_size"]) == (1, 1, 1, 20)
    assert body["items"][0]["needs"] == ["MED-SLEEP"]
    # Without ?lang= the page is the default language's (Dutch: /nl/onderzoek/…).
    with translation.override("nl"):
        assert body["items"][0]["url"].endswith(
            reverse("research:study", kwargs={"study_id": shown.pk})
        )


def test_studies_filter_by_need_and_status(client: Client):
    sleep = study_create(needs=["MED-SLEEP"], status=StudyStatus.FINISHED)
    study_create(needs=["MED-SLEEP"], status=StudyStatus.RUNNING)
    study_create(needs=["PSY-FEAR-RECURRENCE"], status=StudyStatus.FINISHED)

    body = client.get(LIST, {"need": "MED-SLEEP", "status": "finished"}).json()

    assert [item["id"] for item in body["items"]] == [sleep.pk]


def test_studies_lang_picks_the_lay_summary_and_says_when_it_falls_back(client: Client):
    study_create(lay_summary={"nl": "Samenvatting", "fr": "Résumé"})

    dutch = client.get(LIST, {"lang": "nl"}).json()["items"][0]
    german = client.get(LIST, {"lang": "de"}).json()["items"][0]

    assert (dutch["lay_summary"], dutch["lay_summary_language"], dutch["is_fallback"]) == (
        "Samenvatting",
        "nl",
        False,
    )
    # German readers fall back to French first (core.i18n_text.FALLBACKS).
    assert (german["lay_summary"], german["lay_summary_language"], german["is_fallback"]) == (
        "Résumé",
        "fr",
        True,
    )
    assert german["lay_summary_languages"] == ["nl", "fr"]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"need": "NOT-A-NEED"}, "need"),
        ({"status": "cancelled"}, "status"),
        ({"lang": "es"}, "lang"),
        ({"page": "0"}, "page"),
        ({"status": "running", "status2": "x", "lang": "xx"}, "lang"),
    ],
)
def test_studies_unknown_codes_answer_422_naming_the_parameter(client: Client, query, named):
    response = client.get(LIST, query)

    assert response.status_code == 422
    assert named in response.json()["detail"]


def test_studies_pages_twenty_each(client: Client):
    for _ in range(21):
        study_create()

    first = client.get(LIST).json()
    second = client.get(LIST, {"page": 2}).json()

    assert (len(first["items"]), len(second["items"]), first["pages"]) == (20, 1, 2)


@pytest.mark.parametrize("count", [1, 5])
def test_studies_query_count_does_not_grow(
    client: Client, django_assert_max_num_queries: Any, count: int
):
    for _ in range(count):
        study_create(needs=["MED-SLEEP"], institutions=[("A", "BE"), ("B", "FR")])

    with django_assert_max_num_queries(6):
        body = client.get(LIST).json()

    assert len(body["items"]) == count


def test_study_detail_has_the_publications_and_taking_part(client: Client):
    study = study_create(
        status=StudyStatus.RECRUITING,
        eligibility={"en": "Adults"},
        how_to_take_part={"en": "Write to us"},
        contact_email="s@example.org",
        dois=["10.5555/abc.1"],
        methods=["survey"],
    )

    body = client.get(f"{LIST}/{study.pk}", {"lang": "en"}).json()

    assert body["publications"] == [
        {
            "reference": "Reference 10.5555/abc.1",
            "doi": "10.5555/abc.1",
            "doi_url": "https://doi.org/10.5555/abc.1",
        }
    ]
    assert (body["eligibility"], body["how_to_take_part"], body["contact_email"]) == (
        "Adults",
        "Write to us",
        "s@example.org",
    )
    assert body["methods"] == ["survey"]


@pytest.mark.parametrize("review", [Review.PROPOSED, Review.REJECTED])
def test_study_detail_unpublished_is_404(client: Client, review: str):
    study = study_create(review=review)

    response = client.get(f"{LIST}/{study.pk}")

    assert response.status_code == 404
    assert response.json()["detail"] == "No published study with this id."


def test_study_detail_unknown_is_404(client: Client):
    assert client.get(f"{LIST}/987654").status_code == 404


def test_study_detail_bad_language_is_422(client: Client):
    study = study_create()

    assert client.get(f"{LIST}/{study.pk}", {"lang": "xx"}).status_code == 422
