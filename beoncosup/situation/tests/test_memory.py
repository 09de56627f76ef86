"""Answers carry from one journey to the next during a visit, and no longer."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from beoncosup.geo.tests.factories import make_geo
from beoncosup.situation.places import place_for_postcode
from beoncosup.situation.selectors import SESSION_KEY, situation_recall
from beoncosup.situation.services import (
    REMEMBER_MINUTES,
    situation_forget,
    situation_remember,
)
from beoncosup.situation.values import Situation

pytestmark = pytest.mark.django_db


@pytest.fixture
def geo():
    make_geo()


def test_remembered_answers_are_recalled_with_their_place(geo):
    session = SessionStore()
    situation_remember(session=session, situation=Situation(postcode="9000", status="employee"))

    recalled = situation_recall(session)

    assert recalled == Situation(postcode="9000", status="employee")
    assert recalled is not None and recalled.place is None  # not looked up again
    place = place_for_postcode("9000")
    assert place is not None and place.arrondissement == "44000"


def test_new_answers_complete_and_override_the_earlier_ones(geo):
    session = SessionStore()
    situation_remember(
        session=session, situation=Situation(postcode="9000", status="employee", languages=("nl",))
    )

    situation_remember(session=session, situation=Situation(status="self_employed"))

    assert situation_recall(session) == Situation(
        postcode="9000", status="self_employed", languages=("nl",)
    )


def test_only_the_shared_answers_are_stored(geo):
    session = SessionStore()
    situation_remember(session=session, situation=Situation(postcode="9000", age=40))

    assert set(session[SESSION_KEY]) == {
        "postcode",
        "languages",
        "audience",
        "age",
        "status",
        "phase",
        "reach",
        "cancer_type",
    }


def test_remembering_ends_the_session_within_the_hour(geo):
    session = SessionStore()
    situation_remember(session=session, situation=Situation(postcode="9000"))
    session.save()

    row = Session.objects.get(session_key=session.session_key)

    left = row.expire_date - timezone.now()
    assert datetime.timedelta(minutes=REMEMBER_MINUTES - 1) < left
    assert left <= datetime.timedelta(minutes=REMEMBER_MINUTES)


def test_nothing_is_stored_for_no_answers():
    session = SessionStore()

    situation_remember(session=session, situation=Situation())

    assert SESSION_KEY not in session


def test_forget_drops_the_answers(geo):
    session = SessionStore()
    situation_remember(session=session, situation=Situation(postcode="9000"))

    situation_forget(session=session)

    assert situation_recall(session) is None


@pytest.mark.parametrize(
    "stored",
    [{"postcode": "999", "status": "employee"}, {"postcode": "9000", "status": "retired-boss"}],
)
def test_a_stale_stored_answer_is_dropped(stored):
    session = SessionStore()
    session[SESSION_KEY] = stored

    assert situation_recall(session) is None
