"""Self-check answers leave the server within the hour: the session holding them expires."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from beoncosup.screening.tests.test_pages import answer, begin
from beoncosup.screening.views import SESSION_KEY, SESSION_MINUTES

pytestmark = pytest.mark.django_db


def _stored_session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_session_with_answers_expires_within_the_hour(client, instruments):
    begin(client)
    answer(client, 1, {"distress": "6"})

    session = _stored_session(client)
    left = session.expire_date - timezone.now()
    assert SESSION_KEY in session.get_decoded()
    assert datetime.timedelta(minutes=SESSION_MINUTES - 1) < left
    assert left <= datetime.timedelta(minutes=SESSION_MINUTES)


def test_clearsessions_deletes_answers_after_the_hour(client, instruments):
    begin(client)
    answer(client, 1, {"distress": "6"})
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )

    call_command("clearsessions")

    assert not Session.objects.filter(session_key=key).exists()
