from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from beoncosup.core.mail import mail_queue

pytestmark = pytest.mark.django_db


def test_a_queued_mail_leaves_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_queue(subject="Onderwerp", body="Tekst", to=["a@example.org"], html="<p>Tekst</p>")
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Onderwerp"
    assert getattr(mail.outbox[0], "alternatives", [])[0][1] == "text/html"


def test_a_rolled_back_write_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                mail_queue(subject="Nee", body="Nee", to=["a@example.org"])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    assert mail.outbox == []


def test_a_text_attachment_travels_with_the_mail(django_capture_on_commit_callbacks):
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    with django_capture_on_commit_callbacks(execute=True):
        mail_queue(
            subject="Inschrijving",
            body="Tekst",
            to=["a@example.org"],
            attachments=[("sessie.ics", calendar, "text/calendar")],
        )

    assert mail.outbox[0].attachments == [("sessie.ics", calendar, "text/calendar")]
