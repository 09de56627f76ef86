"""Retention: unused registrations go after the days, used ones (with attendance and the
certificate) after the years, counted from the edition's last session."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.models import Attendance, Certificate, Enrolment
from beoncosup.training.services import retention as services
from beoncosup.training.tests.factories import edition_create, enrolment_create, session_create

pytestmark = pytest.mark.django_db

DAYS = 90
YEARS = 6


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS = DAYS
    settings.BEONCOSUP_TRAINING_RETENTION_YEARS = YEARS


def edition_ended(ago: timedelta):
    """An edition whose last session ended ``ago`` (an earlier session ended before it)."""
    edition = edition_create(deadline=timezone.now() - ago - timedelta(days=30))
    end = timezone.now() - ago
    session_create(edition=edition, starts_at=end - timedelta(days=10, hours=3))
    session = session_create(edition=edition, starts_at=end - timedelta(hours=3), hours=3)
    return edition, session


def alive(*enrolments) -> list[bool]:
    return [Enrolment.objects.filter(pk=e.pk).exists() for e in enrolments]


@pytest.mark.parametrize(("days", "deleted"), [(DAYS - 1, False), (DAYS + 1, True)])
def test_cancelled_and_waiting_registrations_go_after_the_days(days, deleted):
    edition, _session = edition_ended(timedelta(days=days))
    cancelled = enrolment_create(edition=edition, status=Registration.CANCELLED)
    waiting = enrolment_create(edition=edition, status=Registration.WAITING)
    confirmed = enrolment_create(edition=edition)

    counts = services.enrolments_expired_delete()

    assert alive(cancelled, waiting, confirmed) == [not deleted, not deleted, True]
    assert counts["unused"] == (2 if deleted else 0)


@pytest.mark.parametrize(("days", "deleted"), [(-1, False), (1, True)])
def test_confirmed_registrations_go_with_their_attendance_after_the_years(days, deleted):
    now = timezone.now()
    years_ago = now - (now - now.replace(year=now.year - YEARS))
    edition, session = edition_ended(now - years_ago + timedelta(days=days))
    confirmed = enrolment_create(edition=edition)
    Attendance.objects.create(enrolment=confirmed, session=session, method=AttendanceMethod.LIST)
    Certificate.objects.create(enrolment=confirmed, hours=6, issued_on=session.ends_at.date())

    counts = services.enrolments_expired_delete()

    assert alive(confirmed) == [not deleted]
    assert Attendance.objects.exists() is not deleted
    assert Certificate.objects.exists() is not deleted
    assert counts["used"] == (1 if deleted else 0)
    assert AuditEvent.objects.filter(action="training.enrolment.purge").exists() is deleted


def test_an_edition_without_sessions_counts_from_its_deadline():
    edition = edition_create(deadline=timezone.now() - timedelta(days=DAYS + 1))
    waiting = enrolment_create(edition=edition, status=Registration.WAITING)

    services.enrolments_expired_delete()

    assert alive(waiting) == [False]


def test_the_last_session_counts_not_the_first():
    edition, _session = edition_ended(timedelta(days=DAYS + 1))
    session_create(edition=edition, starts_at=timezone.now() - timedelta(days=5))
    waiting = enrolment_create(edition=edition, status=Registration.WAITING)

    services.enrolments_expired_delete()

    assert alive(waiting) == [True]


def test_the_command_runs_the_purge():
    edition, _session = edition_ended(timedelta(days=DAYS + 1))
    cancelled = enrolment_create(edition=edition, status=Registration.CANCELLED)

    call_command("purge_training_registrations", stdout=io.StringIO())

    assert alive(cancelled) == [False]
