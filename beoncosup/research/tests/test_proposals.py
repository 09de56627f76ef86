"""Proposing on the site, one's own proposals, the editors' review queue and decisions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.tests.factories import editor_create, needs_make, study_create

pytestmark = pytest.mark.django_db

PROPOSE = "/en/research/propose/"
MINE = "/en/research/my-proposals/"
REVIEW = "/en/research/review/"


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def proposal(**fields: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title_nl": "Wandelen tegen vermoeidheid",
        "title_en": "Walking against fatigue",
        "kind": "study",
        "status": "running",
        "institutions": "Example University (BE)",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "needs": ["MED-FATIGUE"],
        "methods": ["trial", "survey"],
        "lay_summary_en": "We study whether walking helps people who are tired.",
        "publications": "A. Author (2025) | doi:10.5555/walk.1",
        "source_url": "https://example.org/walk",
        "checked_on": "2026-11-30",
    }
    data.update(fields)
    return data


def test_propose_sends_anonymous_visitors_to_sign_in(client: Client):
    response = client.get(PROPOSE)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_propose_saves_a_proposal_and_shows_it_among_mine(client: Client):
    researcher = user_create("researcher@example.org")
    signed_in(client, researcher)

    response = client.post(PROPOSE, proposal())

    assert response.status_code == 302
    study = Study.objects.get()
    assert (study.review, study.proposed_by, study.proposer_language) == (
        Review.PROPOSED,
        researcher,
        "en",
    )
    assert study.title == {"nl": "Wandelen tegen vermoeidheid", "en": "Walking against fatigue"}
    assert [p.doi for p in study.publications.all()] == ["10.5555/walk.1"]
    assert [n.code for n in study.needs.all()] == ["MED-FATIGUE"]
    mine = client.get(MINE)
    assert [s.pk for s in mine.context["studies"]] == [study.pk]
    assert "Proposed, waiting for review" in mine.content.decode()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title_nl": "", "title_en": ""}, "title"),
        ({"lay_summary_en": ""}, "lay_summary"),
        ({"ends_on": "2025-01-01"}, "ends_on"),
        ({"publications": "Ref | 12345"}, "publications"),
        ({"status": "recruiting"}, "eligibility"),
        ({"needs": ["NOPE"]}, "needs"),
    ],
)
def test_propose_bad_input_shows_the_form_again_and_saves_nothing(
    client: Client, fields: dict[str, Any], field: str
):
    signed_in(client, user_create("researcher@example.org"))

    response = client.post(PROPOSE, proposal(**fields))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Study.objects.count() == 0


@pytest.mark.parametrize("fields", [{"institutions": "A\x00B"}, {"lay_summary_en": "a\x00b"}])
def test_propose_nul_characters_are_refused_not_500(client: Client, fields: dict[str, str]):
    signed_in(client, user_create("researcher@example.org"))

    response = client.post(PROPOSE, proposal(**fields))

    assert response.status_code in {400, 422}
    assert Study.objects.count() == 0


def test_my_proposals_shows_only_mine_with_the_reason(client: Client):
    me = user_create("me@example.org")
    other = user_create("other@example.org")
    mine = study_create(review=Review.REJECTED, proposed_by=me, rejection_reason="Out of scope.")
    study_create(review=Review.PROPOSED, proposed_by=other)
    signed_in(client, me)

    response = client.get(MINE)

    assert [s.pk for s in response.context["studies"]] == [mine.pk]
    assert "Out of scope." in response.content.decode()


def test_review_queue_is_for_editors_only(client: Client):
    signed_in(client, user_create("researcher@example.org"))

    assert client.get(REVIEW).status_code == 403


@pytest.mark.parametrize("count", [1, 4])
def test_review_queue_lists_waiting_first_in_bounded_queries(
    client: Client, django_assert_max_num_queries: Any, count: int
):
    signed_in(client, editor_create())
    study_create(review=Review.PUBLISHED)
    waiting = [
        study_create(review=Review.PROPOSED, proposed_by=user_create(f"r{i}@example.org"))
        for i in range(count)
    ]
    client.get(REVIEW)

    with django_assert_max_num_queries(14):
        response = client.get(REVIEW)

    listed = [s.pk for s in response.context["page"].object_list]
    assert listed[:count] == [s.pk for s in waiting]


def test_editor_publishes_with_the_lay_summary_confirmed(
    client: Client, django_capture_on_commit_callbacks: Any
):
    researcher = user_create("researcher@example.org")
    study = study_create(review=Review.PROPOSED, proposed_by=researcher)
    signed_in(client, editor_create())

    refused = client.post(f"{REVIEW}{study.pk}/", {"action": "publish"})
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            f"{REVIEW}{study.pk}/", {"action": "publish", "lay_summary_reviewed": "on"}
        )

    assert refused.status_code == 400
    assert done.status_code == 302
    study.refresh_from_db()
    assert study.review == Review.PUBLISHED
    assert [m.to for m in mail.outbox] == [["researcher@example.org"]]
    assert client.get(f"/en/research/{study.pk}/").status_code == 200


def test_editor_rejects_with_a_reason_and_without_one_is_refused(client: Client):
    study = study_create(review=Review.PROPOSED)
    signed_in(client, editor_create())

    refused = client.post(f"{REVIEW}{study.pk}/", {"action": "reject", "reason": ""})
    done = client.post(f"{REVIEW}{study.pk}/", {"action": "reject", "reason": "Duplicate."})

    assert refused.status_code == 400
    assert done.status_code == 302
    study.refresh_from_db()
    assert (study.review, study.rejection_reason) == (Review.REJECTED, "Duplicate.")
    assert AuditEvent.objects.filter(action="research.study_rejected").count() == 1


def test_review_study_unknown_action_changes_nothing(client: Client):
    study = study_create(review=Review.PROPOSED)
    signed_in(client, editor_create())

    response = client.post(f"{REVIEW}{study.pk}/", {"action": "delete"})

    assert response.status_code == 400
    study.refresh_from_db()
    assert study.review == Review.PROPOSED


def test_review_study_shows_the_summary_languages(client: Client):
    study = study_create(review=Review.PROPOSED, lay_summary={"fr": "Résumé clair"})
    signed_in(client, editor_create())

    response = client.get(f"{REVIEW}{study.pk}/")

    html = response.content.decode()
    assert "Résumé clair" in html
    assert html.count("Not written in this language.") == 3


def test_review_study_unknown_is_404(client: Client):
    signed_in(client, editor_create())

    assert client.get(f"{REVIEW}424242/").status_code == 404
