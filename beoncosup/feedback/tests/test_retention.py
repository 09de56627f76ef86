"""Retention: contact e-mails go 30 days after a report closes, closed reports after 2 years."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.feedback.codes import Status
from beoncosup.feedback.models import Report
from beoncosup.feedback.tests.factories import held_service, report_make

pytestmark = pytest.mark.django_db


def closed(
    service: Any, *, days_ago: int, status: str = Status.RESOLVED, text: str = "Fout"
) -> Report:
    report = report_make(object_id=service.pk, status=status, email="r@example.org", text=text)
    Report.objects.filter(pk=report.pk).update(
        resolved_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return report


def test_purge_removes_old_addresses_and_old_reports_only():
    service = held_service().service
    fresh = closed(service, days_ago=29, text="a")
    old = closed(service, days_ago=31, status=Status.REJECTED, text="b")
    ancient = closed(service, days_ago=731, text="c")
    still_open = report_make(object_id=service.pk, email="open@example.org", text="d")
    Report.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - dt.timedelta(days=800)
    )

    call_command("purge_feedback")

    assert not Report.objects.filter(pk=ancient.pk).exists()
    emails = dict(Report.objects.values_list("pk", "contact_email"))
    assert emails == {fresh.pk: "r@example.org", old.pk: "", still_open.pk: "open@example.org"}
    assert AuditEvent.objects.get(action="feedback.purge").detail == {
        "emails_removed": 1,
        "reports_deleted": 1,
    }


def test_the_retention_follows_the_settings(settings):
    settings.BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS = 5
    settings.BEONCOSUP_FEEDBACK_RETENTION_DAYS = 10
    service = held_service().service
    a = closed(service, days_ago=6, text="a")
    b = closed(service, days_ago=11, text="b")

    call_command("purge_feedback")

    assert list(Report.objects.values_list("pk", "contact_email")) == [(a.pk, "")]
    assert not Report.objects.filter(pk=b.pk).exists()


def test_purge_with_nothing_to_do_records_nothing():
    call_command("purge_feedback")

    assert not AuditEvent.objects.filter(action="feedback.purge").exists()
