"""The self-check's last question, "Anything else?" in the person's own words: what the needs
matcher understands joins the recommendations, what it is not sure about is offered unticked,
and the words themselves are kept nowhere."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from beoncosup.finder.models import SupportPlan
from beoncosup.geo.tests.factories import make_geo
from beoncosup.screening.models import SelfCheckResponse
from beoncosup.screening.tests.test_journeys import load, service
from beoncosup.screening.tests.test_journeys import url as journey_url
from beoncosup.screening.tests.test_pages import begin, url
from beoncosup.screening.views import SESSION_KEY
from beoncosup.search.needs import clear_cache

pytestmark = pytest.mark.django_db

LAST = 6  # the patient self-check's last screen, with nothing revealed by earlier answers
NOT_SURE = "the weather is nice today"  # the matcher finds no need in it


@pytest.fixture
def matcher(instruments):
    """The needs matcher reads this test's taxonomy, not one cached by an earlier test."""
    clear_cache()
    yield
    clear_cache()


def last_screen(client: Client, language: str, own_words: str, **data: str):
    return client.post(
        url("step", language, number=LAST),
        {"self_harm": "no", "own_words": own_words, "go": "next", **data},
    )


def state(client: Client) -> dict[str, Any]:
    found: dict[str, Any] = client.session[SESSION_KEY]
    return found


def test_only_the_last_screen_asks_for_own_words_with_the_privacy_hint(client, matcher):
    begin(client)

    first = client.get(url("step", number=1)).content.decode()
    last = client.get(url("step", number=LAST)).content.decode()

    assert 'name="own_words"' not in first
    assert 'name="own_words"' in last
    assert 'maxlength="300"' in last
    assert "We don&#x27;t keep what you type; we only use it to find needs." in last


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "ik heb geldzorgen"),
        ("fr", "j'ai des soucis d'argent"),
        ("de", "Ich habe Geldsorgen"),
    ],
)
def test_own_words_add_the_need_they_name(client, matcher, language, text):
    begin(client)

    response = last_screen(client, language, text)
    page = client.get(url("result", language)).content.decode()

    assert response.url == url("result", language)
    assert state(client)["own_needs"][0] == "SOC-INCOME-LOSS"
    assert state(client)["own_suggestions"] == []
    assert 'id="need-SOC-INCOME-LOSS"' in page
    assert 'class="own-words-summary"' in page
    assert 'class="muted need-source"' in page


def test_own_words_join_the_answers_in_the_finder_link(client, matcher):
    begin(client, professional="on")
    client.post(url("step", "nl", number=2), {"med_pain": "yes", "go": "next"})

    last_screen(client, "nl", "ik heb geldzorgen")
    page = client.get(url("result", "nl")).content.decode()

    assert "?need=MED-PAIN&amp;need=SOC-INCOME-LOSS&amp;audience=patient" in page
    # The need the answers gave is not marked as coming from the own words.
    assert page.count('class="muted need-source"') == 1


def test_own_words_needs_go_into_the_support_plan(client, matcher, tmp_path):
    make_geo()
    ids = load(tmp_path, [service("gent", postcode="9000", needs=["SOC-INCOME-LOSS"])])
    begin(client, postcode="9000")
    client.post(url("step", number=2), {"med_pain": "yes", "go": "next"})
    last_screen(client, "nl", "ik heb geldzorgen")

    response = client.post(url("plan", "nl"))

    plan = SupportPlan.objects.get()
    assert response.url == journey_url("finder:plan", "nl", token=plan.token)
    assert [str(item.service_id) for item in plan.items.all()] == [ids["gent"]]
    assert plan.needs == ["MED-PAIN", "SOC-INCOME-LOSS"]


def test_not_sure_offers_three_unticked_suggestions_and_adds_none(client, matcher):
    begin(client)

    last_screen(client, "en", NOT_SURE)
    page = client.get(url("result")).content.decode()

    offered = state(client)["own_suggestions"]
    assert state(client)["own_needs"] == []
    assert len(offered) == 3
    assert page.count('type="checkbox" name="need"') == 3
    assert " checked" not in page
    assert 'class="own-words-summary"' not in page
    assert "need-source" not in page
    for code in offered:
        assert f'id="need-{code}"' not in page


def test_a_ticked_suggestion_is_added_as_from_own_words(client, matcher):
    begin(client)
    last_screen(client, "en", NOT_SURE)
    chosen = state(client)["own_suggestions"][1]

    response = client.post(url("own_words"), {"need": chosen})
    page = client.get(url("result")).content.decode()

    assert response.url == f"{url('result')}#need-{chosen}"
    assert state(client)["own_needs"] == [chosen]
    assert state(client)["own_suggestions"] == []
    assert f'id="need-{chosen}"' in page
    assert 'type="checkbox" name="need"' not in page
    assert 'class="muted need-source"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Tick at least one need to add it, or leave these as they are."),
        ({"need": "MED-PAIN"}, "Choose one of the needs shown."),
    ],
)
def test_bad_suggestion_choice_shows_a_message_and_changes_nothing(client, matcher, data, message):
    begin(client)
    last_screen(client, "en", NOT_SURE)
    before = dict(state(client))

    response = client.post(url("own_words"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert {k: v for k, v in state(client).items() if k != "ts"} == {
        k: v for k, v in before.items() if k != "ts"
    }


def test_too_long_own_words_are_a_form_error_and_change_nothing(client, matcher):
    begin(client)

    response = last_screen(client, "en", "a" * 301)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please keep it to 300 characters or fewer (you wrote 301)." in html
    assert 'aria-invalid="true"' in html
    assert state(client)["answers"] == {}
    assert "own_needs" not in state(client)


def _database_text() -> str:
    """Every row of every table, as text."""
    rows: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_own_words_are_kept_in_no_session_cookie_log_or_row(client, matcher, caplog):
    text = "ik heb geldzorgen"
    assert text not in _database_text()  # the taxonomy does not hold this sentence
    begin(client, consent=True)

    with caplog.at_level(logging.DEBUG):
        last_screen(client, "nl", text)
        client.get(url("result", "nl"))

    sessions = [json.dumps(s.get_decoded()) for s in Session.objects.all()]
    assert state(client)["own_needs"] == ["SOC-INCOME-LOSS"]
    assert all("geldzorgen" not in session for session in sessions)
    assert all("geldzorgen" not in cookie.value for cookie in client.cookies.values())
    assert "geldzorgen" not in caplog.text
    assert text not in _database_text()
    # The consented record keeps the questionnaire's answers only, not the codes found.
    assert SelfCheckResponse.objects.get().answers == {"self_harm": False}
