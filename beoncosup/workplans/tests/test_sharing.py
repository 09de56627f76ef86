"""Sharing with the employer: only the chosen parts (page and PDF), never the notes; the
employer's language; revocation and expiry (410, the PDF too); the views counted and audited
without personal data; the link sent by e-mail in the employer's language."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from beoncosup.audit.models import AuditEvent
from beoncosup.workplans.models import WorkPlanShare
from beoncosup.workplans.services import sharing
from beoncosup.workplans.tests.factories import (
    ADJUSTMENT_TEXT,
    COACH_NAME,
    HR_NAME,
    NOTES,
    PHASE_TASKS,
    REVIEW_NOTE,
    plan_make,
    share_make,
    url,
)

pytestmark = pytest.mark.django_db

PDFTOTEXT = shutil.which("pdftotext")


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    assert PDFTOTEXT, "pdftotext (poppler-utils) is needed to read the PDF's text"
    return subprocess.run(  # noqa: S603 (a fixed local tool reading our own PDF)
        [PDFTOTEXT, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_share_page_makes_a_link_with_the_chosen_parts(client: Client) -> None:
    plan = plan_make()
    hr = plan.contacts.get(role="hr")

    response = client.post(
        url("share", token=plan.token),
        {"include_phases": "on", "include_reviews": "on", "contacts": [hr.pk], "label": "HR"},
    )

    share = WorkPlanShare.objects.get(plan=plan)
    assert response.status_code == 302
    assert (share.include_phases, share.include_reviews, share.include_adjustments) == (
        True,
        True,
        False,
    )
    assert list(share.contacts.all()) == [hr]
    page = client.get(url("share", token=plan.token)).content.decode()
    assert share.token in page
    assert "nothing about your health" in page.lower()


def test_share_needs_at_least_one_part(client: Client) -> None:
    plan = plan_make()

    response = client.post(url("share", token=plan.token), {"label": "HR"})

    assert response.status_code == 400
    assert "Choose at least one part of the plan to share." in response.content.decode()
    assert not WorkPlanShare.objects.exists()


def test_share_refuses_another_plans_contact(client: Client) -> None:
    plan = plan_make()
    other = plan_make(title="Other")

    response = client.post(
        url("share", token=plan.token),
        {"include_phases": "on", "contacts": [other.contacts.first().pk]},  # type: ignore[union-attr]
    )

    assert response.status_code == 400
    assert not WorkPlanShare.objects.exists()


def test_shared_page_shows_only_the_chosen_parts(client: Client) -> None:
    plan = plan_make(language="en")
    share = share_make(plan)

    response = client.get(url("shared", token=share.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert PHASE_TASKS in html
    assert HR_NAME in html
    for hidden in (COACH_NAME, ADJUSTMENT_TEXT, REVIEW_NOTE, NOTES, "Mira", plan.token):
        assert hidden not in html


def test_shared_page_with_every_part_still_hides_the_notes(client: Client) -> None:
    plan = plan_make(language="en")
    share = share_make(
        plan,
        include_name=True,
        include_adjustments=True,
        include_reviews=True,
        contacts=list(plan.contacts.all()),
    )

    html = client.get(url("shared", token=share.token)).content.decode()

    for shown in (PHASE_TASKS, ADJUSTMENT_TEXT, REVIEW_NOTE, HR_NAME, COACH_NAME, "Mira"):
        assert shown in html
    assert NOTES not in html
    assert "Private notes" not in html


def test_shared_pdf_holds_only_the_chosen_parts(client: Client) -> None:
    plan = plan_make(language="en")
    share = share_make(plan, include_adjustments=True, contacts=[])

    response = client.get(url("shared_pdf", token=share.token))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert PHASE_TASKS in text
    assert ADJUSTMENT_TEXT in text
    for hidden in (HR_NAME, COACH_NAME, REVIEW_NOTE, NOTES):
        assert hidden not in text


def test_shared_view_and_pdf_are_in_the_employers_language(client: Client) -> None:
    plan = plan_make(language="fr")
    share = share_make(plan, include_adjustments=True)

    html = client.get(url("shared", language="nl", token=share.token)).content.decode()
    text = pdf_text(client.get(url("shared_pdf", language="de", token=share.token)).content)

    with translation.override("fr"):
        heading = gettext("Phases and hours")
    assert '<html lang="fr"' in html
    assert heading in html
    assert heading in text
    # Django's own French: the weekdays and the months of the dates.
    assert "lundi, mercredi, vendredi" in html
    assert "lundi, mercredi, vendredi" in text
    assert "Monday" not in html


def test_the_persons_own_pdf_has_everything_with_the_notes(client: Client) -> None:
    plan = plan_make(language="en")

    response = client.get(url("pdf", token=plan.token))

    text = pdf_text(response.content)
    for shown in (PHASE_TASKS, ADJUSTMENT_TEXT, HR_NAME, COACH_NAME, REVIEW_NOTE, NOTES):
        assert shown in text


def test_revoked_link_answers_410_for_the_page_and_the_pdf(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)

    response = client.post(url("share_revoke", token=plan.token, share_id=share.pk))

    assert response.status_code == 302
    page = client.get(url("shared", token=share.token))
    pdf = client.get(url("shared_pdf", token=share.token))
    assert (page.status_code, pdf.status_code) == (410, 410)
    html = page.content.decode()
    for text in (
        "Dit plan wordt niet meer gedeeld",
        "Ce plan n'est plus partagé",
        "Dieser Plan wird nicht mehr geteilt",
        "This plan is no longer shared",
    ):
        assert text in html or text.replace("'", "&#x27;") in html
    assert HR_NAME not in html


def test_revoking_needs_post(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)

    response = client.get(url("share_revoke", token=plan.token, share_id=share.pk))

    assert response.status_code == 405
    assert client.get(url("shared", token=share.token)).status_code == 200


def test_another_plans_share_cannot_be_revoked(client: Client) -> None:
    plan = plan_make()
    other = plan_make(title="Other")
    share = share_make(other)

    response = client.post(url("share_revoke", token=plan.token, share_id=share.pk))

    assert response.status_code == 404
    share.refresh_from_db()
    assert share.revoked_at is None


def test_revoking_one_link_leaves_the_others(client: Client) -> None:
    plan = plan_make()
    hr, manager = share_make(plan, label="HR"), share_make(plan, label="Manager")

    client.post(url("share_revoke", token=plan.token, share_id=hr.pk))

    assert client.get(url("shared", token=hr.token)).status_code == 410
    assert client.get(url("shared", token=manager.token)).status_code == 200


def test_expired_link_answers_410(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan, expires_on=timezone.localdate())
    assert client.get(url("shared", token=share.token)).status_code == 200

    WorkPlanShare.objects.filter(pk=share.pk).update(
        expires_on=timezone.localdate() - dt.timedelta(days=1)
    )

    assert client.get(url("shared", token=share.token)).status_code == 410
    assert client.get(url("shared_pdf", token=share.token)).status_code == 410


def test_expiry_in_the_past_is_refused(client: Client) -> None:
    plan = plan_make()
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        url("share", token=plan.token), {"include_phases": "on", "expires_on": yesterday}
    )

    assert response.status_code == 400
    assert "The date has passed" in response.content.decode()


def test_unknown_share_token_is_404(client: Client) -> None:
    plan = plan_make()

    # The plan's own (private) token is no share token.
    assert client.get(url("shared", token=plan.token)).status_code == 404
    assert client.get(url("shared_pdf", token="nope")).status_code == 404


def test_employer_views_are_counted_and_audited_without_personal_data(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)

    client.get(url("shared", token=share.token))
    client.get(url("shared_pdf", token=share.token))

    share.refresh_from_db()
    plan.refresh_from_db()
    assert share.view_count == 2
    assert share.last_viewed_at is not None
    assert plan.last_viewed_by_employer_at == share.last_viewed_at
    events = AuditEvent.objects.filter(action="workplans.share_viewed").order_by("pk")
    assert [e.detail for e in events] == [
        {"plan": plan.pk, "document": "page"},
        {"plan": plan.pk, "document": "pdf"},
    ]
    assert {e.ip_address for e in events} == {None}
    assert {e.actor_id for e in events} == {None}
    page = client.get(url("share", token=plan.token)).content.decode()
    assert "Opened 2 times by the employer" in page


def test_employer_views_do_not_count_as_edits(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)
    before = plan.updated_at

    client.get(url("shared", token=share.token))

    plan.refresh_from_db()
    assert plan.updated_at == before


def test_link_is_emailed_in_the_employers_language(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    plan = plan_make(language="fr")
    share = share_make(plan)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("share_send", token=plan.token, share_id=share.pk),
            {f"send-{share.pk}-email": "boss@example.org"},
        )

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["boss@example.org"]
    with translation.override("fr"):
        subject = gettext("A return-to-work plan is shared with you")
    assert message.subject == subject
    assert f"/fr/{share.token}" not in message.body  # the link has the path, not only the token
    assert "/fr/" in message.body
    assert share.token in message.body
    event = AuditEvent.objects.get(action="workplans.share_sent")
    assert "boss@example.org" not in str(event.detail)


def test_sending_to_a_bad_address_sends_nothing(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)

    response = client.post(
        url("share_send", token=plan.token, share_id=share.pk),
        {f"send-{share.pk}-email": "boss"},
    )

    assert response.status_code == 302
    assert mail.outbox == []


def test_sending_stops_after_the_limit(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    plan = plan_make()
    share = share_make(plan)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(sharing.MAX_EMAILS_PER_SHARE + 2):
            client.post(
                url("share_send", token=plan.token, share_id=share.pk),
                {f"send-{share.pk}-email": "boss@example.org"},
            )

    assert len(mail.outbox) == sharing.MAX_EMAILS_PER_SHARE


def test_a_revoked_link_is_not_sent(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan)
    sharing.share_revoke(share=share)

    client.post(
        url("share_send", token=plan.token, share_id=share.pk),
        {f"send-{share.pk}-email": "boss@example.org"},
    )

    assert mail.outbox == []


@pytest.mark.parametrize("count", [1, 3])
def test_share_page_query_count_does_not_grow_with_links(
    client: Client, django_assert_max_num_queries: Any, count: int
) -> None:
    plan = plan_make()
    for _ in range(count):
        share_make(plan)

    with django_assert_max_num_queries(12):
        response = client.get(url("share", token=plan.token))

    assert len(response.context["shares"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_shared_page_query_count_does_not_grow_with_contacts(
    client: Client, django_assert_max_num_queries: Any, count: int
) -> None:
    plan = plan_make()
    contacts = list(plan.contacts.all())[:count]
    share = share_make(plan, contacts=contacts, include_reviews=True)

    with django_assert_max_num_queries(12):
        response = client.get(url("shared", token=share.token))

    assert len(response.context["doc"].contacts) == min(count, 2)


def test_parts_not_chosen_are_not_even_read(client: Client) -> None:
    plan = plan_make()
    share = share_make(plan, include_phases=False, include_adjustments=True, contacts=[])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("shared", token=share.token))

    assert response.status_code == 200
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "workplans_workplanphase" not in tables
    assert "workplans_workplanreview" not in tables
