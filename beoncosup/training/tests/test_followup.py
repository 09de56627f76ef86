"""The coordinator's follow-up ("taken into account") and the alert threshold: who may record
them, what is stored and logged, and where they show (the course's history, the trainer's
page)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.training.models import Course, FollowUp
from beoncosup.training.services.followup import follow_up_record, threshold_set
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"training:{name}", kwargs=kwargs or None)


@pytest.fixture
def world() -> dict[str, Any]:
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("ann@example.org")
    editor = user_create("editor@example.org")
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)
    ann = trainer_create(user=trainer_user, name="Ann Trainer")
    course = course_create(coordinators=[coordinator], trainers=[ann])
    session = session_create(edition=edition_create(course=course), trainers=[ann])
    return {
        "coordinator": coordinator,
        "trainer_user": trainer_user,
        "stranger": user_create("stranger@example.org"),
        "editor": editor,
        "ann": ann,
        "course": course,
        "session": session,
    }


def follow_up_data(world: dict[str, Any], **extra: Any) -> dict[str, Any]:
    data = {
        "finding": "Clarity fell: too many slides",
        "action": "Fewer slides, one role play more",
        "session": world["session"].pk,
        "trainer": world["ann"].pk,
    }
    data.update(extra)
    return data


def test_coordinator_records_a_follow_up_shown_in_history(client, world):
    signed_in(client, world["coordinator"])
    response = client.post(url("follow_up", slug=world["course"].slug), follow_up_data(world))
    assert response.status_code == 302
    item = FollowUp.objects.get()
    assert (item.course, item.session, item.trainer, item.recorded_by) == (
        world["course"],
        world["session"],
        world["ann"],
        world["coordinator"],
    )
    event = AuditEvent.objects.get(action="training.follow_up_recorded")
    assert event.actor == world["coordinator"]
    history = client.get(url("course_results", slug=world["course"].slug)).content.decode()
    assert "Fewer slides, one role play more" in history
    client.logout()
    signed_in(client, world["trainer_user"])
    mine = client.get(url("trainer_results", trainer_id=world["ann"].pk)).content.decode()
    assert "Clarity fell: too many slides" in mine


def test_history_is_newest_first(client, world):
    for n in (1, 2):
        follow_up_record(
            course=world["course"],
            finding=f"Finding {n}",
            action=f"Action {n}",
            by=world["coordinator"],
            request=None,
        )
    signed_in(client, world["coordinator"])
    html = client.get(url("course_results", slug=world["course"].slug)).content.decode()
    assert html.index("Finding 2") < html.index("Finding 1")


@pytest.mark.parametrize("who", ["stranger", "trainer_user"])
def test_follow_up_by_others_is_refused(client, world, who):
    signed_in(client, world[who])
    response = client.post(url("follow_up", slug=world["course"].slug), follow_up_data(world))
    assert response.status_code == 403
    assert FollowUp.objects.count() == 0


def test_follow_up_by_anonymous_goes_to_sign_in(client, world):
    response = client.post(url("follow_up", slug=world["course"].slug), follow_up_data(world))
    assert response.status_code == 302
    assert FollowUp.objects.count() == 0


def test_follow_up_by_editor_is_recorded(client, world):
    signed_in(client, world["editor"])
    client.post(url("follow_up", slug=world["course"].slug), follow_up_data(world))
    assert FollowUp.objects.count() == 1


@pytest.mark.parametrize(
    "bad", [{"finding": ""}, {"action": "   "}, {"session": "999999"}, {"action": "x" * 2001}]
)
def test_follow_up_bad_input_shows_the_form_again(client, world, bad):
    signed_in(client, world["coordinator"])
    response = client.post(
        url("follow_up", slug=world["course"].slug), follow_up_data(world, **bad)
    )
    assert response.status_code == 400
    assert "The follow-up was not recorded" in response.content.decode()
    assert FollowUp.objects.count() == 0


def test_follow_up_refuses_another_course_session_and_trainer(world):
    elsewhere = session_create(edition=edition_create())
    with pytest.raises(ValidationError):
        follow_up_record(
            course=world["course"],
            finding="f",
            action="a",
            session=elsewhere,
            by=world["coordinator"],
            request=None,
        )
    with pytest.raises(ValidationError):
        follow_up_record(
            course=world["course"],
            finding="f",
            action="a",
            trainer=trainer_create(),
            by=world["coordinator"],
            request=None,
        )
    assert FollowUp.objects.count() == 0


def test_threshold_set_by_coordinator(client, world):
    signed_in(client, world["coordinator"])
    response = client.post(url("course_threshold", slug=world["course"].slug), {"threshold": "4.2"})
    assert response.status_code == 302
    assert Course.objects.get().alert_threshold == Decimal("4.2")
    event = AuditEvent.objects.get(action="training.threshold_set")
    assert event.detail == {"from": "3.5", "to": "4.2"}


@pytest.mark.parametrize("bad", ["0.5", "5.5", "abc", ""])
def test_threshold_bad_input_is_refused(client, world, bad):
    signed_in(client, world["coordinator"])
    response = client.post(url("course_threshold", slug=world["course"].slug), {"threshold": bad})
    assert response.status_code == 400
    assert Course.objects.get().alert_threshold == Decimal("3.5")


def test_threshold_by_trainer_is_refused(client, world):
    signed_in(client, world["trainer_user"])
    response = client.post(url("course_threshold", slug=world["course"].slug), {"threshold": "2"})
    assert response.status_code == 403
    assert Course.objects.get().alert_threshold == Decimal("3.5")


def test_threshold_service_checks_the_range(world):
    with pytest.raises(ValidationError):
        threshold_set(course=world["course"], threshold=Decimal("0.9"), by=None)
