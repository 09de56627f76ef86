"""The day and the results in a browser on a phone: the trainer ticks the list and shows the
QR code, a participant answers the same-day form (four languages), the coordinator reads the
results and records the follow-up; axe-core on every page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.training.models import Attendance, Evaluation, FollowUp
from beoncosup.training.services.attendance import BRUSSELS, today_in_belgium
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"training:{name}", kwargs=kwargs or None)


def page_as(browser: Browser, live_server: Any, user: Any) -> Page:
    client = signed_in(Client(), user)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_the_day_and_its_results_on_a_phone(browser: Browser, live_server: Any) -> None:
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("trainer@example.org")
    ann = trainer_create(user=trainer_user, name="Ann Trainer")
    course = course_create(coordinators=[coordinator], trainers=[ann])
    edition = edition_create(course=course)
    start = dt.datetime.combine(today_in_belgium(), dt.time(9), tzinfo=BRUSSELS)
    session = session_create(edition=edition, starts_at=start, trainers=[ann])
    people = [enrolment_create(edition=edition, name=n) for n in ("Nora Nurse", "Sam Social")]

    trainer_steps(page_as(browser, live_server, trainer_user), live_server, session, people)
    participant_steps(browser.new_context(viewport=PHONE).new_page(), live_server, session, ann)
    coordinator_steps(page_as(browser, live_server, coordinator), live_server, session, ann)


def trainer_steps(trainer: Page, live_server: Any, session: Any, people: list[Any]) -> None:
    """The trainer ticks the list, scans a participant's code and shows the QR code."""
    trainer.goto(live_server.url + url("manage"))
    assert_no_axe_violations(trainer)
    trainer.goto(live_server.url + url("attendance", session_id=session.pk))
    assert_no_axe_violations(trainer)
    trainer.get_by_label("Nora Nurse").check()
    trainer.get_by_role("button", name="Save attendance").click()
    expect(trainer.locator(".messages")).to_be_visible()
    assert_no_axe_violations(trainer)
    assert list(Attendance.objects.values_list("enrolment_id", flat=True)) == [people[0].pk]
    trainer.goto(live_server.url + url("checkin", token=people[1].token))
    assert_no_axe_violations(trainer)
    trainer.get_by_role("button", name="Mark present").click()
    expect(trainer.locator(".checkin-done")).to_be_visible()
    assert Attendance.objects.count() == 2
    trainer.goto(live_server.url + url("evaluation_qr", session_id=session.pk))
    expect(trainer.locator(".qr-full svg")).to_be_visible()
    assert_no_axe_violations(trainer)


def participant_steps(participant: Page, live_server: Any, session: Any, ann: Any) -> None:
    """A participant answers on their phone, without an account."""
    for language in ("nl", "fr", "de", "en"):
        participant.goto(
            live_server.url + url("evaluate", language, token=session.evaluation_token)
        )
        expect(participant.locator("h1")).to_have_count(1)
        assert_no_axe_violations(participant)
    participant.get_by_role("button", name="Send my answer").click()
    expect(participant.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(participant)
    participant.locator("#id_relevance_3").check()
    participant.locator(f"#id_clarity_{ann.pk}_1").check()
    participant.locator(f"#id_didactics_{ann.pk}_1").check()
    participant.get_by_label("What will you change in your practice?").fill("Ask first")
    participant.get_by_role("button", name="Send my answer").click()
    expect(participant.locator("h1")).to_have_text("Thank you for your answer")
    assert_no_axe_violations(participant)
    assert Evaluation.objects.get().relevance == 4


def coordinator_steps(coordinating: Page, live_server: Any, session: Any, ann: Any) -> None:
    """The coordinator reads the results and records the follow-up."""
    course = session.edition.course
    coordinating.goto(live_server.url + url("session_results", session_id=session.pk))
    expect(coordinating.get_by_text("Ask first")).to_be_visible()
    assert_no_axe_violations(coordinating)
    coordinating.goto(live_server.url + url("course_results", slug=course.slug))
    assert_no_axe_violations(coordinating)
    coordinating.get_by_label("What the evaluation showed").fill("Clarity 2 of 5")
    coordinating.get_by_label("What changes for the next session").fill("Slower pace")
    coordinating.get_by_label("About the trainer (optional)").select_option(label="Ann Trainer")
    coordinating.get_by_role("button", name="Record the follow-up").click()
    expect(coordinating.locator(".history-item")).to_have_count(1)
    assert_no_axe_violations(coordinating)
    assert FollowUp.objects.get().action == "Slower pace"
    coordinating.goto(live_server.url + url("trainer_results", trainer_id=ann.pk))
    expect(coordinating.get_by_text("Slower pace")).to_be_visible()
    assert_no_axe_violations(coordinating)
