"""Proposing, publishing and not publishing a study: rules, audit events, the proposer's
e-mail in their language."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.research.codes import Review
from beoncosup.research.drafts import PublicationDraft
from beoncosup.research.models import Study
from beoncosup.research.services.studies import (
    StudyError,
    study_propose,
    study_publish,
    study_reject,
)
from beoncosup.research.tests.factories import draft_make, editor_create, needs_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def setup() -> None:
    needs_make()


def _propose(user: Any = None, **fields: Any) -> Study:
    return study_propose(draft=draft_make(**fields), proposer=user, language="fr")


def test_study_propose_saves_a_proposal_with_its_children():
    researcher = user_create("researcher@example.org")

    study = _propose(
        researcher,
        publications=[PublicationDraft(reference="A (2024)", doi="10.5555/a.1")],
        title={"en": " Walking ", "fr": ""},
    )

    study = Study.objects.get(pk=study.pk)  # what was written, not what is in memory
    assert study.review == Review.PROPOSED
    assert study.proposed_by == researcher
    assert study.title == {"en": "Walking"}
    assert [need.code for need in study.needs.all()] == ["MED-FATIGUE"]
    assert [p.doi for p in study.publications.all()] == ["10.5555/a.1"]
    event = AuditEvent.objects.get(action="research.study_proposed")
    assert (event.target_id, event.actor_id) == (str(study.pk), researcher.pk)


def test_study_propose_refuses_an_invalid_draft_and_saves_nothing():
    with pytest.raises(StudyError):
        _propose(title={})

    assert Study.objects.count() == 0


def test_study_publish_needs_a_reviewed_lay_summary():
    editor = editor_create()
    study = _propose()

    with pytest.raises(StudyError, match="reviewed the lay summary"):
        study_publish(study=study, editor=editor)

    study.refresh_from_db()
    assert study.review == Review.PROPOSED


def test_study_publish_needs_a_lay_summary():
    editor = editor_create()
    study = _propose()
    Study.objects.filter(pk=study.pk).update(lay_summary={})

    with pytest.raises(StudyError, match="lay summary in at least one language"):
        study_publish(study=study, editor=editor, lay_summary_reviewed=True)


def test_study_publish_records_the_review_the_event_and_mails_the_proposer(
    django_capture_on_commit_callbacks: Any,
):
    researcher = user_create("researcher@example.org")
    editor = editor_create()
    study = _propose(researcher)

    with django_capture_on_commit_callbacks(execute=True):
        study_publish(study=study, editor=editor, lay_summary_reviewed=True)

    study.refresh_from_db()
    assert study.review == Review.PUBLISHED
    assert study.lay_summary_reviewed_by == editor
    assert study.lay_summary_reviewed_on is not None
    event = AuditEvent.objects.get(action="research.study_published")
    assert event.detail["languages"] == ["nl", "en"]
    assert [m.to for m in mail.outbox] == [["researcher@example.org"]]
    # In the language the researcher proposed in (French), as they chose no other.
    assert mail.outbox[0].body.startswith("Bonjour,")
    assert "/fr/" in mail.outbox[0].body and f"/{study.pk}/" in mail.outbox[0].body


def test_study_publish_twice_is_refused():
    editor = editor_create()
    study = _propose()
    study_publish(study=study, editor=editor, lay_summary_reviewed=True)

    with pytest.raises(StudyError, match="already published"):
        study_publish(study=study, editor=editor, lay_summary_reviewed=True)


def test_study_reject_needs_a_reason():
    editor = editor_create()
    study = _propose()

    for reason in ("", "   ", "a\x00b"):
        with pytest.raises(StudyError):
            study_reject(study=study, editor=editor, reason=reason)

    study.refresh_from_db()
    assert study.review == Review.PROPOSED


def test_study_reject_mails_the_reason_in_the_proposers_chosen_language(
    django_capture_on_commit_callbacks: Any,
):
    researcher = user_create("researcher@example.org")
    profile = UserProfile.get_for_user(researcher)
    profile.preferred_language = "de"
    profile.save()
    editor = editor_create()
    study = _propose(researcher)

    with django_capture_on_commit_callbacks(execute=True):
        study_reject(study=study, editor=editor, reason="Not about cancer care.")

    study.refresh_from_db()
    assert (study.review, study.rejection_reason) == (Review.REJECTED, "Not about cancer care.")
    assert AuditEvent.objects.filter(action="research.study_rejected").count() == 1
    [message] = mail.outbox
    assert message.to == ["researcher@example.org"]
    assert "Not about cancer care." in message.body
    assert message.body.startswith("Guten Tag,")


def test_study_reject_a_published_study_takes_it_off_the_site():
    editor = editor_create()
    study = _propose()
    study_publish(study=study, editor=editor, lay_summary_reviewed=True)

    study_reject(study=study, editor=editor, reason="The study was stopped.")

    study.refresh_from_db()
    assert study.review == Review.REJECTED
    assert AuditEvent.objects.get(action="research.study_rejected").detail == {"was": "published"}


def test_no_mail_without_a_proposer(django_capture_on_commit_callbacks: Any):
    editor = editor_create()
    study = _propose(None)

    with django_capture_on_commit_callbacks(execute=True):
        study_publish(study=study, editor=editor, lay_summary_reviewed=True)

    assert mail.outbox == []
