"""Registrations (names and e-mail addresses) are deleted BEONCOSUP_WORKING_GROUP_DATA_DAYS
after their session ended; the command enqueues the task."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.participation.models import GroupSession, Registration
from beoncosup.participation.services.retention import registrations_expired_delete
from beoncosup.participation.tests.factories import registration_create, session_create

pytestmark = pytest.mark.django_db


def ended_days_ago(days: int) -> GroupSession:
    return session_create(starts_at=timezone.now() - dt.timedelta(days=days, hours=3), hours=2)


def test_registrations_are_deleted_after_the_default_365_days():
    old = registration_create(group_session=ended_days_ago(366))
    kept = registration_create(group_session=ended_days_ago(364))
    upcoming = registration_create(group_session=session_create())

    deleted = registrations_expired_delete()

    assert deleted == 1
    assert list(Registration.objects.order_by("pk")) == [kept, upcoming]
    assert not Registration.objects.filter(pk=old.pk).exists()
    assert GroupSession.objects.count() == 3  # the sessions, minutes and outcomes stay
    assert AuditEvent.objects.get(action="participation.registration.purge").detail["deleted"] == 1


@override_settings(BEONCOSUP_WORKING_GROUP_DATA_DAYS=30)
def test_the_setting_shortens_the_retention():
    registration_create(group_session=ended_days_ago(31))
    registration_create(group_session=ended_days_ago(29))

    assert registrations_expired_delete() == 1
    assert Registration.objects.count() == 1


def test_nothing_to_delete_records_nothing():
    registration_create(group_session=session_create())

    assert registrations_expired_delete() == 0
    assert not AuditEvent.objects.filter(action="participation.registration.purge").exists()


def test_the_command_runs_the_purge():
    registration_create(group_session=ended_days_ago(400))
    out = StringIO()

    call_command("purge_participation_registrations", stdout=out)

    assert "Enqueued" in out.getvalue()
    assert Registration.objects.count() == 0  # the tests' task backend runs it at once
