"""The audit trail is append-only; only the retention purge (and its command) deletes."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from beoncosup.audit.models import AppendOnlyError, AuditEvent
from beoncosup.audit.services import event_record, events_purge

pytestmark = pytest.mark.django_db


def test_event_cannot_be_changed() -> None:
    event = event_record(action="test.one")
    event.action = "test.other"

    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="test.other")
    assert AuditEvent.objects.get().action == "test.one"


def test_event_cannot_be_deleted() -> None:
    event = event_record(action="test.one")

    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


def test_event_detail_drops_secrets() -> None:
    event = event_record(action="test.one", detail={"token": "bos_x", "Password": "p", "role": "r"})

    assert event.detail == {"role": "r"}


def test_purge_deletes_only_events_past_retention(settings: Any) -> None:
    settings.BEONCOSUP_AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    AuditEvent.objects.create(action="test.old", at=now - timedelta(days=31))
    AuditEvent.objects.create(action="test.recent", at=now - timedelta(days=29))

    deleted = events_purge(now=now)

    assert deleted == 1
    assert sorted(AuditEvent.objects.values_list("action", flat=True)) == [
        "audit.purged",
        "test.recent",
    ]


def test_purge_command(settings: Any) -> None:
    settings.BEONCOSUP_AUDIT_RETENTION_DAYS = 30
    AuditEvent.objects.create(action="test.old", at=timezone.now() - timedelta(days=40))
    out = StringIO()

    call_command("purge_audit_events", stdout=out)

    assert out.getvalue() == "Deleted 1 audit events older than 30 days.\n"
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["audit.purged"]


def test_purge_command_with_nothing_to_delete_records_nothing(settings: Any) -> None:
    out = StringIO()

    call_command("purge_audit_events", stdout=out)

    assert out.getvalue().startswith("Deleted 0 audit events")
    assert AuditEvent.objects.count() == 0
