"""GET /api/v1/actions and /api/v1/working-groups: published rows only, the filters, 422 for
unknown codes, the texts in the asked language, a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.participation.tests.factories import (
    action_make,
    consultation_create,
    four,
    group_create,
    session_create,
)

pytestmark = pytest.mark.django_db

QUERIES_ACTIONS = 4  # actions, needs, consultations, sessions (+ their session and group)
QUERIES_GROUPS = 2


def test_actions_lists_published_actions_with_their_sources(client: Client):
    consultation = consultation_create()
    group_session = session_create()
    action = action_make(
        consultations=(consultation.pk,),
        sessions=(group_session.pk,),
        status="rejected",
        reason=four("No budget"),
        needs=("WORK-TALK-EMPLOYER",),
    )
    action_make(published=False)

    response = client.get("/api/v1/actions?lang=fr")

    assert response.status_code == 200
    [item] = response.json()
    with translation.override("fr"):
        page = reverse("participation:action", kwargs={"action_id": action.pk})
        session_page = reverse("participation:session", kwargs={"session_id": group_session.pk})
    assert item["id"] == action.pk
    assert item["url"] == page
    assert item["title"] == action.title["fr"]
    assert (item["kind"], item["status"]) == ("taxonomy_change", "rejected")
    assert item["status_date"] == action.status_date.isoformat()
    assert item["rejection_reason"] == "No budget (fr)"
    assert item["topic"] == {
        "domain": "WORK",
        "domain_label": "Work and income",
        "needs": ["WORK-TALK-EMPLOYER"],
    }
    assert item["link"] == "https://example.org/changed"
    assert [c["id"] for c in item["consultations"]] == [consultation.pk]
    assert item["consultations"][0]["title"] == consultation.title["fr"]
    assert item["sessions"] == [
        {
            "id": group_session.pk,
            "working_group_id": group_session.group_id,
            "title": group_session.group.title["fr"],
            "date": group_session.session.starts_at.date().isoformat(),
            "url": session_page,
        }
    ]


def test_actions_filters(client: Client):
    psy = action_make(domain="PSY", status="done", needs=("PSY-CARER-STRAIN",))
    work = action_make(domain="WORK", status="planned", consultations=(consultation_create().pk,))
    from_session = action_make(domain="WORK", sessions=(session_create().pk,))

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/actions?{query}")
        assert response.status_code == 200, response.json()
        return sorted(item["id"] for item in response.json())

    assert ids("topic=PSY") == [psy.pk]
    assert ids("topic=WORK") == sorted([work.pk, from_session.pk])
    assert ids("need=PSY-CARER-STRAIN") == [psy.pk]
    assert ids("status=done") == [psy.pk]
    assert ids("source=consultation") == [work.pk]
    assert ids("source=session") == [from_session.pk]
    assert ids("topic=WORK&status=done") == []


def test_actions_page_with_limit_and_offset(client: Client):
    made = [action_make() for _ in range(5)]
    newest_first = [action.pk for action in sorted(made, key=lambda a: (a.status_date, a.pk))][::-1]

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/actions?{query}")
        assert response.status_code == 200, response.json()
        return [item["id"] for item in response.json()]

    assert ids("") == newest_first
    assert ids("limit=2") == newest_first[:2]
    assert ids("limit=2&offset=2") == newest_first[2:4]
    assert ids("offset=5") == []
    for bad in ("limit=0", "limit=501", "offset=-1", "limit=many"):
        assert client.get(f"/api/v1/actions?{bad}").status_code == 422, bad


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("topic=NOPE", "topic"),
        ("need=NOT-A-NEED", "need"),
        ("status=finished", "status"),
        ("source=rumour", "source"),
        ("lang=xx", "lang"),
        ("topic=WORK&topic=PSY", "topic"),
    ],
)
def test_actions_answers_422_for_unknown_codes(client: Client, query, field):
    action_make()

    response = client.get(f"/api/v1/actions?{query}")

    assert response.status_code == 422
    assert field in response.json()["detail"]


@pytest.mark.parametrize("count", [1, 3])
def test_actions_costs_the_same_queries_whatever_their_number(
    client: Client, django_assert_num_queries, count
):
    for _ in range(count):
        action_make(consultations=(consultation_create().pk,), sessions=(session_create().pk,))

    with django_assert_num_queries(QUERIES_ACTIONS):
        response = client.get("/api/v1/actions?lang=nl")

    assert len(response.json()) == count


@pytest.mark.parametrize("count", [1, 3])
def test_working_groups_lists_published_groups_and_sessions(
    client: Client, django_assert_num_queries, count
):
    for _ in range(count):
        session_create(group=group_create())
    group_create(published=False)

    with django_assert_num_queries(QUERIES_GROUPS):
        response = client.get("/api/v1/working-groups?lang=de")

    body = response.json()
    assert response.status_code == 200
    assert len(body) == count
    assert body[0]["title"].endswith("(de)")
    assert len(body[0]["sessions"]) == 1
    assert body[0]["sessions"][0]["registration_open"] is True
