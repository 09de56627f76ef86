"""Offers end: the warning a week before (once), expiry by the task, and the query-time filter
that takes an offer out of the search on its end date even before the task runs."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.jobs.codes import ContactChannel, OfferStatus
from beoncosup.jobs.models import ContactLog, JobOffer
from beoncosup.jobs.services.expiry import contact_logs_purge, expiry_warnings_send, offers_expire
from beoncosup.jobs.tests.factories import employer_make, offer_make

pytestmark = pytest.mark.django_db


def test_the_task_expires_offers_past_their_end_date_only() -> None:
    employer = employer_make()
    past = offer_make(employer, title="Past", expires_in=-1)
    today = offer_make(employer, title="Today", expires_in=0)
    draft = offer_make(employer, title="Draft", status="draft", expires_in=-3)

    assert offers_expire() == 1

    statuses = dict(JobOffer.objects.values_list("pk", "status"))
    assert statuses == {
        past.pk: OfferStatus.EXPIRED,
        today.pk: OfferStatus.PUBLISHED,
        draft.pk: OfferStatus.DRAFT,
    }
    assert AuditEvent.objects.filter(action="jobs.offer_expired").count() == 1
    assert offers_expire() == 0


def test_an_offer_past_its_end_date_vanishes_before_the_task_runs(client: Client) -> None:
    offer = offer_make(employer_make(), title="Ended yesterday", expires_in=-1)

    assert JobOffer.objects.get().status == OfferStatus.PUBLISHED  # the task has not run
    assert "Ended yesterday" not in client.get("/en/work/jobs/").content.decode()
    assert client.get(f"/en/work/jobs/{offer.pk}/").status_code == 404
    assert client.get("/api/v1/jobs").json()["total"] == 0
    assert client.get(f"/api/v1/jobs/{offer.pk}").status_code == 404


def test_warnings_go_once_a_week_before(django_capture_on_commit_callbacks: Any) -> None:
    employer = employer_make(contact_email="hr@haven.example")
    soon = offer_make(employer, title="Ends in five days", expires_in=5)
    offer_make(employer, title="Ends in a month", expires_in=30)
    offer_make(employer, title="Draft ending soon", status="draft", expires_in=3)

    with django_capture_on_commit_callbacks(execute=True):
        first = expiry_warnings_send()
    with django_capture_on_commit_callbacks(execute=True):
        second = expiry_warnings_send()

    assert (first, second) == (1, 0)
    assert [m.to for m in mail.outbox] == [["hr@haven.example"]]
    assert "Ends in five days" in mail.outbox[0].subject
    assert JobOffer.objects.get(pk=soon.pk).expiry_warned_at is not None


def test_the_commands_enqueue_the_tasks_which_run(django_capture_on_commit_callbacks: Any) -> None:
    employer = employer_make()
    offer_make(employer, title="Past", expires_in=-2)
    offer_make(employer, title="Soon", expires_in=2)
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_job_expiry_warnings", stdout=out)
        call_command("expire_job_offers", stdout=out)

    assert "Enqueued" in out.getvalue()
    assert sorted(JobOffer.objects.values_list("status", flat=True)) == ["expired", "published"]
    assert len(mail.outbox) == 1


def test_contact_logs_are_deleted_after_thirty_days() -> None:
    offer = offer_make(employer_make())
    old = ContactLog.objects.create(offer=offer, channel=ContactChannel.EMPLOYER)
    ContactLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    recent = ContactLog.objects.create(offer=offer, channel=ContactChannel.COACH)

    assert contact_logs_purge() == 1
    assert list(ContactLog.objects.values_list("pk", flat=True)) == [recent.pk]
