""" "You said, we did": recording actions, their status (a rejection needs a reason), the
history, and the e-mails of a status change: the consultations' contacts and the sessions'
participants who asked, once per address, in their language, with a stop link; nobody else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.consultations.extensions import consultation_sections
from beoncosup.consultations.selectors.contacts import contact_unsubscribe_path
from beoncosup.participation.codes import ActionStatus
from beoncosup.participation.models import Action, ActionStatusChange, Registration
from beoncosup.participation.services.actions import (
    ActionData,
    action_create,
    action_recipients,
    action_status_change,
)
from beoncosup.participation.tests.factories import (
    action_make,
    consultation_create,
    contact_create,
    editor_create,
    four,
    registration_create,
    session_create,
    taxonomy_make,
)
from beoncosup.training.services.registration import email_digest

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"participation:{name}", kwargs=kwargs or None)


def test_an_action_is_recorded_with_its_first_status():
    group_session = session_create()
    consultation = consultation_create()

    action = action_make(
        consultations=(consultation.pk,),
        sessions=(group_session.pk,),
        needs=("WORK-TALK-EMPLOYER",),
    )

    assert list(action.consultations.all()) == [consultation]
    assert list(action.sessions.all()) == [group_session]
    assert [n.code for n in action.needs.all()] == ["WORK-TALK-EMPLOYER"]
    assert [(c.status, c.date) for c in action.history.all()] == [("planned", timezone.localdate())]
    assert AuditEvent.objects.filter(action="participation.action.create").count() == 1


def test_a_rejected_action_needs_a_reason():
    taxonomy_make()
    data = ActionData(
        title=four("No"),
        description={},
        kind="other",
        domain="WORK",
        needs=(),
        link="",
        consultations=(),
        sessions=(),
        published=True,
    )
    with pytest.raises(ValidationError) as caught:
        action_create(data=data, status="rejected", status_date=timezone.localdate())
    assert list(caught.value.message_dict) == ["reason"]
    action = action_make()

    with pytest.raises(ValidationError):
        action_status_change(action=action, status="rejected", reason={"nl": "  "})

    action.refresh_from_db()
    assert action.status == "planned"
    change = action_status_change(action=action, status="rejected", reason={"en": "No budget"})
    assert change is not None
    action.refresh_from_db()
    assert (action.status, action.rejection_reason) == ("rejected", {"en": "No budget"})


def test_the_reason_is_dropped_when_the_action_is_no_longer_rejected():
    action = action_make(status="rejected", reason={"en": "No budget"})

    action_status_change(action=action, status="in_progress", reason={"en": "ignored"})

    action.refresh_from_db()
    assert action.rejection_reason == {}


def test_unknown_codes_and_ids_are_refused():
    taxonomy_make()
    data = ActionData(
        title=four("Bad"),
        description={},
        kind="magic",
        domain="NOPE",
        needs=("NOT-A-NEED",),
        link="",
        consultations=(999,),
        sessions=(999,),
        published=True,
    )

    with pytest.raises(ValidationError) as caught:
        action_create(data=data, status="planned", status_date=timezone.localdate())

    assert sorted(caught.value.message_dict) == [
        "consultations",
        "domain",
        "kind",
        "needs",
        "sessions",
    ]
    assert not Action.objects.exists()


def contributors() -> dict[str, Any]:
    """Two consultations and two sessions with their people: contacts, participants who asked
    for the e-mails (one of them also a contact), one who did not, one who cancelled; and
    people of another consultation and session that the action does not come from."""
    consultation = consultation_create()
    other_consultation = consultation_create()
    group_session = session_create()
    other_session = session_create()
    claire = contact_create(consultation=consultation, email="claire@example.org", language="fr")
    contact_create(consultation=consultation, email="Both@example.org", language="de")
    contact_create(consultation=other_consultation, email="outside@example.org")
    registration_create(
        group_session=group_session, email="rita@example.org", notify_actions=True, language="nl"
    )
    registration_create(group_session=group_session, email="both@EXAMPLE.org", notify_actions=True)
    registration_create(group_session=group_session, email="quiet@example.org")
    registration_create(
        group_session=group_session,
        email="gone@example.org",
        notify_actions=True,
        status="cancelled",
    )
    registration_create(
        group_session=other_session, email="elsewhere@example.org", notify_actions=True
    )
    return {"consultation": consultation, "session": group_session, "claire": claire}


def test_a_status_change_mails_each_contributor_once_in_their_language(
    django_capture_on_commit_callbacks,
):
    people = contributors()
    action = action_make(
        consultations=(people["consultation"].pk,), sessions=(people["session"].pk,)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        change = action_status_change(action=action, status="in_progress")

    assert change is not None
    assert change.notified == 3
    assert sorted(m.to[0].lower() for m in mail.outbox) == [
        "both@example.org",
        "claire@example.org",
        "rita@example.org",
    ]
    claire = next(m for m in mail.outbox if m.to == ["claire@example.org"])
    assert action.title["fr"] in claire.subject
    with translation.override("fr"):
        page = reverse("participation:action", kwargs={"action_id": action.pk})
    assert page in claire.body
    assert contact_unsubscribe_path(people["claire"]) in claire.body  # the consultation's link
    rita = next(m for m in mail.outbox if m.to == ["rita@example.org"])
    assert action.title["nl"] in rita.subject
    registration = Registration.objects.get(email_digest=email_digest("rita@example.org"))
    with translation.override("nl"):
        stop = reverse("participation:notify_stop", kwargs={"token": registration.token})
    assert stop in rita.body
    # Told once, through the first place they left their address (the consultation, in German).
    both = next(m for m in mail.outbox if m.to[0].lower() == "both@example.org")
    assert action.title["de"] in both.subject


def test_the_same_status_again_mails_nobody(django_capture_on_commit_callbacks):
    people = contributors()
    action = action_make(sessions=(people["session"].pk,))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        same = action_status_change(action=action, status="planned", date=action.status_date)
        later_date = action_status_change(
            action=action, status="planned", date=action.status_date + dt.timedelta(days=1)
        )

    assert same is None
    assert later_date is not None and later_date.notified == 0
    assert mail.outbox == []


def test_an_unpublished_action_mails_nobody(django_capture_on_commit_callbacks):
    people = contributors()
    action = action_make(sessions=(people["session"].pk,), published=False)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        change = action_status_change(action=action, status="done")

    assert change is not None and change.notified == 0
    assert mail.outbox == []


def test_a_rejection_mail_gives_the_reason(django_capture_on_commit_callbacks):
    group_session = session_create()
    registration_create(
        group_session=group_session, email="rita@example.org", notify_actions=True, language="en"
    )
    action = action_make(sessions=(group_session.pk,))

    with django_capture_on_commit_callbacks(execute=True):
        action_status_change(action=action, status="rejected", reason={"en": "The law forbids it"})

    [message] = mail.outbox
    assert "The law forbids it" in message.body


def test_a_participant_who_stopped_the_mails_is_not_told():
    group_session = session_create()
    registration = registration_create(group_session=group_session, notify_actions=True)
    action = action_make(sessions=(group_session.pk,))
    Client().post(url("notify_stop", token=registration.token))

    assert action_recipients(action) == []


# --- Pages ----------------------------------------------------------------------------------


def test_the_consultation_page_section_lists_its_published_actions():
    consultation = consultation_create()
    shown = action_make(consultations=(consultation.pk,), title=four("Shown"))
    action_make(consultations=(consultation.pk,), title=four("Hidden"), published=False)
    action_make(title=four("Elsewhere"), sessions=(session_create().pk,))
    request = RequestFactory().get("/")

    with translation.override("en"):
        [html] = consultation_sections(request, consultation)

    assert "What was done with your input" in html
    assert shown.title["en"] in html
    assert "Hidden" not in html and "Elsewhere" not in html
    assert consultation_sections(request, consultation_create()) == []


def test_the_action_page_shows_status_reason_sources_and_history(client: Client):
    group_session = session_create()
    consultation = consultation_create()
    action = action_make(
        consultations=(consultation.pk,),
        sessions=(group_session.pk,),
        status="rejected",
        reason=four("Not allowed"),
    )

    response = client.get(url("action", action_id=action.pk))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Not allowed (en)" in body
    assert consultation.title["en"] in body
    assert url("session", session_id=group_session.pk) in body
    assert client.get(url("action", action_id=action_make(published=False).pk)).status_code == 404


def test_an_editor_changes_the_status_on_the_page(
    client: Client, django_capture_on_commit_callbacks
):
    group_session = session_create()
    registration_create(group_session=group_session, email="rita@example.org", notify_actions=True)
    action = action_make(sessions=(group_session.pk,))
    editor = editor_create()
    signed_in(client, editor)

    refused = client.post(
        url("action_status", action_id=action.pk),
        {"status": "rejected", "date": "2026-01-05", "reason_nl": "", "reason_fr": ""},
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            url("action_status", action_id=action.pk),
            {"status": "done", "date": timezone.localdate().isoformat()},
        )

    assert refused.status_code == 422
    assert "error-summary" in refused.content.decode()
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    change = ActionStatusChange.objects.filter(action=action).last()
    assert change is not None and change.changed_by == editor and change.notified == 1
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]


def test_an_editor_records_an_action_from_a_consultation(client: Client):
    consultation = consultation_create()
    taxonomy_make()
    signed_in(client, editor_create())
    fields = {
        "title_nl": "Nieuwe nood",
        "title_en": "New need",
        "kind": "taxonomy_change",
        "domain": "WORK",
        "needs": ["WORK-TALK-EMPLOYER"],
        "link": "https://example.org/need",
        "consultations": [str(consultation.pk)],
        "published": "on",
        "status-status": "done",
        "status-date": timezone.localdate().isoformat(),
    }

    nothing = client.post(url("action_new"), {**fields, "consultations": []})
    response = client.post(url("action_new"), fields)
    assert response.status_code == 302, response.content.decode().split("error-summary")[1][:1500]

    assert nothing.status_code == 422  # an action comes from somewhere
    action = Action.objects.get()
    assert response.status_code == 302
    assert (action.title, action.status, action.published) == (
        {"nl": "Nieuwe nood", "en": "New need"},
        ActionStatus.DONE,
        True,
    )
    assert list(action.consultations.all()) == [consultation]


def test_an_editor_changes_an_action_and_unpublishes_it(client: Client):
    group_session = session_create()
    action = action_make(sessions=(group_session.pk,), needs=("WORK-TALK-EMPLOYER",))
    signed_in(client, editor_create())
    form = client.get(url("action_edit", action_id=action.pk))

    response = client.post(
        url("action_edit", action_id=action.pk),
        {
            "title_fr": "Nouveau titre",
            "kind": "policy_recommendation",
            "domain": "PSY",
            "needs": ["PSY-CARER-STRAIN"],
            "sessions": [str(group_session.pk)],
        },
    )

    assert form.status_code == 200
    assert 'value="WORK-TALK-EMPLOYER"' in form.content.decode()
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.kind, action.domain_id, action.published) == (
        {"fr": "Nouveau titre"},
        "policy_recommendation",
        "PSY",
        False,
    )
    assert [n.code for n in action.needs.all()] == ["PSY-CARER-STRAIN"]
    assert action.status == "planned"  # the status changes on its own page only
    assert Client().get(url("action", action_id=action.pk)).status_code == 404
