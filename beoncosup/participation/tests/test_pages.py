"""The public pages answer everyone, in a fixed number of queries; the filters of "you said,
we did"; editors see unpublished rows (the public: 404)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.participation.services.sessions import session_minutes_save
from beoncosup.participation.tests.factories import (
    action_make,
    consultation_create,
    four,
    group_create,
    registration_create,
    session_create,
)

pytestmark = pytest.mark.django_db

# An anonymous visitor: the page's own reads (no session, no user).
QUERIES = {
    "home": 5,  # upcoming sessions; the latest actions with needs, consultations, sessions
    "groups": 2,  # groups, their sessions
    "group": 3,  # the group, its needs, its sessions
    "session": 2,  # the session, its actions
    "actions": 7,  # the filter's domains and needs; the count; 20 actions, needs, sources
    "action": 5,  # the action with needs, consultations, sessions; its history
    "register": 1,  # the session
}


def url(name: str, language: str = "en", query: str = "", **kwargs: Any) -> str:
    with translation.override(language):
        path = reverse(f"participation:{name}", kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


def world(count: int) -> dict[str, Any]:
    """``count`` groups, each with a session (registrations, minutes, an action from it and
    from a consultation)."""
    made: dict[str, Any] = {}
    for _ in range(count):
        group = group_create(domain_id="WORK")
        group_session = session_create(group=group)
        for _person in range(3):
            registration_create(group_session=group_session)
        session_minutes_save(
            group_session=group_session, minutes=four("M"), outcomes=four("O"), publish=True
        )
        action = action_make(
            sessions=(group_session.pk,),
            consultations=(consultation_create().pk,),
            needs=("WORK-TALK-EMPLOYER",),
        )
        made = {"group": group, "session": group_session, "action": action}
    return made


@pytest.mark.parametrize("count", [1, 3])
def test_the_pages_cost_a_fixed_number_of_queries(client: Client, django_assert_num_queries, count):
    made = world(count)
    pages = {
        "home": url("home"),
        "groups": url("groups"),
        "group": url("group", group_id=made["group"].pk),
        "session": url("session", session_id=made["session"].pk),
        "actions": url("actions", query="domain=WORK&status=planned"),
        "action": url("action", action_id=made["action"].pk),
        "register": url("register", session_id=made["session"].pk),
    }
    for name, address in pages.items():
        with django_assert_num_queries(QUERIES[name]):
            response = client.get(address)
        assert response.status_code == 200, name


def test_the_actions_page_filters_by_topic_status_and_source(client: Client):
    psy = action_make(domain="PSY", title=four("Carers"), needs=("PSY-CARER-STRAIN",))
    work = action_make(
        domain="WORK", title=four("Employers"), consultations=(consultation_create().pk,)
    )
    done = action_make(domain="WORK", title=four("Finished"), status="done")

    def shown(query: str) -> set[str]:
        body = client.get(url("actions", query=query)).content.decode()
        return {t for t in ("Carers", "Employers", "Finished") if f"{t} (en)" in body}

    assert shown("") == {"Carers", "Employers", "Finished"}
    assert shown("domain=PSY") == {"Carers"}
    assert shown("need=PSY-CARER-STRAIN") == {"Carers"}
    assert shown("status=done") == {"Finished"}
    assert shown("source=consultation") == {"Employers"}
    assert psy.pk and work.pk and done.pk


def test_the_actions_page_answers_an_unknown_filter_with_the_form(client: Client):
    action_make()

    response = client.get(url("actions", query="domain=NOPE&status=whatever"))

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_the_session_page_shows_its_actions_and_the_registration_button(client: Client):
    group_session = session_create(capacity=1)
    action = action_make(sessions=(group_session.pk,), title=four("From this session"))

    body = client.get(url("session", session_id=group_session.pk)).content.decode()
    registration_create(group_session=group_session)
    full = client.get(url("session", session_id=group_session.pk)).content.decode()

    assert "From this session (en)" in body
    assert url("action", action_id=action.pk) in body
    assert url("register", session_id=group_session.pk) in body
    assert "Join the waiting list" in full


def test_past_sessions_take_no_registrations(client: Client):
    group_session = session_create(starts_at=timezone.now() - dt.timedelta(days=3))

    body = client.get(url("session", session_id=group_session.pk)).content.decode()

    assert url("register", session_id=group_session.pk) not in body


def test_the_pages_answer_in_four_languages(client: Client):
    made = world(1)
    for language in ("nl", "fr", "de", "en"):
        for name, kwargs in (
            ("home", {}),
            ("groups", {}),
            ("group", {"group_id": made["group"].pk}),
            ("session", {"session_id": made["session"].pk}),
            ("actions", {}),
            ("action", {"action_id": made["action"].pk}),
        ):
            response = client.get(url(name, language, **kwargs))
            assert response.status_code == 200, (language, name)
            assert f'lang="{language}"' in response.content.decode()[:200]


def test_the_actions_page_is_paged_by_twenty(client: Client):
    for number in range(21):
        action_make(title=four(f"Numbered {number:02d}"), status_date=timezone.localdate())

    first = client.get(url("actions", query="domain=WORK")).content.decode()
    second = client.get(url("actions", query="domain=WORK&page=2")).content.decode()

    assert first.count('class="pt-card"') == 20
    assert second.count('class="pt-card"') == 1
    assert "21 actions" in first
    assert "page=2" in first and "domain=WORK" in first
    assert "Numbered 00 (en)" in second  # the oldest (lowest id) comes last


def test_the_actions_page_pages_by_twenty_in_the_database(client: Client):
    made = [action_make() for _ in range(23)]
    newest_first = sorted(made, key=lambda a: (a.status_date, a.pk), reverse=True)

    first = client.get(url("actions"))
    second = client.get(url("actions", query="page=2"))
    beyond = client.get(url("actions", query="page=99"))  # a bad number: the last page

    assert first.context["count"] == 23
    assert [a.pk for a in first.context["page"].object_list] == [a.pk for a in newest_first[:20]]
    assert [a.pk for a in second.context["page"].object_list] == [a.pk for a in newest_first[20:]]
    assert beyond.context["page"].number == 2
