"""The public inventory: the search with its filters and pages, a study's page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.selectors import StudyFilters, studies_search
from beoncosup.research.tests.factories import needs_make, study_create

pytestmark = pytest.mark.django_db

INDEX = "/en/research/"


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def _titles(response: Any) -> list[str]:
    return [study.title["en"] for study in response.context["studies"]]


def test_index_lists_published_studies_only_recruiting_first(client: Client):
    running = study_create(title={"en": "Running one"})
    recruiting = study_create(
        title={"en": "Recruiting one"},
        status=StudyStatus.RECRUITING,
        eligibility={"en": "Adults"},
    )
    study_create(title={"en": "Proposed one"}, review=Review.PROPOSED)
    study_create(title={"en": "Rejected one"}, review=Review.REJECTED)

    response = client.get(INDEX)

    assert response.status_code == 200
    assert _titles(response) == [recruiting.title["en"], running.title["en"]]


def test_index_filters_by_status_domain_and_language(client: Client):
    english = {"en": "In English only"}
    study_create(
        title={"en": "Sleep"}, needs=["MED-SLEEP"], status=StudyStatus.FINISHED, lay_summary=english
    )
    study_create(title={"en": "Fear"}, needs=["PSY-FEAR-RECURRENCE"], lay_summary=english)
    study_create(title={"en": "French only"}, lay_summary={"fr": "Résumé"}, needs=["MED-SLEEP"])

    assert _titles(client.get(INDEX, {"status": "finished"})) == ["Sleep"]
    assert sorted(_titles(client.get(INDEX, {"domain": "PSY"}))) == ["Fear"]
    assert _titles(client.get(INDEX, {"language": "fr"})) == ["French only"]
    assert sorted(_titles(client.get(INDEX, {"domain": "MED", "language": "en"}))) == ["Sleep"]


def test_index_filters_by_need_through_the_matcher(client: Client):
    study_create(title={"en": "About sleep"}, needs=["MED-SLEEP"])
    study_create(title={"en": "About fear"}, needs=["PSY-FEAR-RECURRENCE"])

    response = client.get(INDEX, {"need": "MED-SLEEP"})

    assert response.status_code == 200
    assert _titles(response) == ["About sleep"]
    assert response.context["found"].ranked is True


def test_index_words_find_a_study_by_its_lay_summary(client: Client):
    study_create(title={"en": "One"}, lay_summary={"en": "Gardening with relatives"})
    study_create(title={"en": "Two"}, lay_summary={"en": "Swimming pool exercise"})

    response = client.get(INDEX, {"q": "gardening"})

    assert _titles(response) == ["One"]


def test_index_an_unknown_status_answers_400_with_the_message(client: Client):
    study_create(title={"en": "Kept"})

    response = client.get(INDEX, {"status": "cancelled"})

    assert response.status_code == 400
    assert "status" in response.context["form"].errors
    assert _titles(response) == ["Kept"]  # the other filters still apply


def test_index_an_unknown_need_answers_400(client: Client):
    response = client.get(INDEX, {"need": "NOT-A-NEED"})

    assert response.status_code == 400
    assert "need" in response.context["form"].errors


def test_index_a_nul_character_answers_400_not_500(client: Client):
    response = client.get(INDEX, {"q": "a\x00b"})

    assert response.status_code in {400, 422}


def test_index_pages_20_a_page(client: Client):
    for _ in range(21):
        study_create()

    first = client.get(INDEX)
    second = client.get(INDEX, {"page": 2})

    assert len(first.context["studies"]) == 20
    assert len(second.context["studies"]) == 1
    assert "page=2" in first.context["next_query"]


@pytest.mark.parametrize("count", [1, 5])
def test_index_query_count_does_not_grow_with_studies(
    client: Client, django_assert_max_num_queries: Any, count: int
):
    for _ in range(count):
        study_create(needs=["MED-SLEEP"], institutions=[("A", "BE"), ("B", "NL")])
    client.get(INDEX)  # warm caches (site, translations)

    with django_assert_max_num_queries(12):
        response = client.get(INDEX)

    assert len(response.context["studies"]) == count


def test_study_page_shows_the_summary_in_the_page_language(client: Client):
    study = study_create(
        lay_summary={"nl": "Nederlandse samenvatting", "en": "English summary"},
        dois=["10.5555/x.1"],
        needs=["MED-SLEEP"],
    )

    english = client.get(f"/en/research/{study.pk}/")

    assert english.status_code == 200
    html = english.content.decode()
    assert "English summary" in html
    assert "https://doi.org/10.5555/x.1" in html
    assert "/needs/MED-SLEEP/" in html
    assert "does not exist in your language" not in html


def test_study_page_says_when_the_summary_is_in_another_language(client: Client):
    study = study_create(lay_summary={"fr": "Résumé en français"})

    response = client.get(f"/en/research/{study.pk}/")

    html = response.content.decode()
    assert 'lang="fr"' in html and "Résumé en français" in html
    assert "does not exist in your language yet" in html
    assert response.context["lay_summary"].is_fallback is True


def test_study_page_shows_how_to_take_part_only_when_recruiting(client: Client):
    recruiting = study_create(
        status=StudyStatus.RECRUITING,
        eligibility={"en": "Adults after treatment"},
        how_to_take_part={"en": "Call us"},
        contact_email="study@example.org",
    )
    finished = study_create(
        status=StudyStatus.FINISHED, eligibility={"en": "Adults after treatment"}
    )

    shown = client.get(f"/en/research/{recruiting.pk}/").content.decode()
    hidden = client.get(f"/en/research/{finished.pk}/").content.decode()

    assert "Adults after treatment" in shown and "mailto:study@example.org" in shown
    assert "Adults after treatment" not in hidden


@pytest.mark.parametrize("review", [Review.PROPOSED, Review.REJECTED])
def test_study_page_unpublished_is_404(client: Client, review: str):
    study = study_create(review=review)

    assert client.get(f"/en/research/{study.pk}/").status_code == 404


def test_study_page_unknown_is_404(client: Client):
    assert client.get("/en/research/999999/").status_code == 404


def test_study_page_demo_has_the_badge(client: Client):
    study = study_create(is_demo=True)

    html = client.get(f"/en/research/{study.pk}/").content.decode()

    assert "badge-demo" in html


def test_studies_search_without_filters_is_every_published_study():
    one, two = study_create(), study_create()
    study_create(review=Review.PROPOSED)

    found = studies_search(filters=StudyFilters(), language="en")

    assert sorted(found.ids) == sorted([one.pk, two.pk])
