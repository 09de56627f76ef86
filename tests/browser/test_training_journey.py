"""The training journey of issue #17, on phones: a nurse finds a course in the catalogue,
joins the waiting list of a full edition, is moved up when someone cancels by their link (the
e-mail brings the calendar file), is checked in by the trainer on the day, answers the
same-day evaluation through the QR link, and downloads her certificate once the edition is
over; the coordinator reads the results within the minute and records the follow-up, which
the course's history shows. axe-core runs on every page on the way."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import user_create
from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.taxonomy.models import Need
from beoncosup.training.catalogue import catalogue_connect
from beoncosup.training.codes import Registration
from beoncosup.training.models import (
    Attendance,
    Certificate,
    Enrolment,
    Evaluation,
    FollowUp,
    Session,
)
from beoncosup.training.services.attendance import BRUSSELS
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    session_create,
    trainer_create,
)
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
NURSE = "nora.nurse@example.org"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"training:{name}", kwargs=kwargs or None)


def visit(page: Page, address: str) -> None:
    response = page.goto(address)
    assert response is not None and response.status == 200, (address, response and response.status)
    assert_no_axe_violations(page)


def mails_to(address: str) -> list[Any]:
    return [message for message in mail.outbox if message.to == [address]]


def test_a_nurse_from_the_catalogue_to_her_certificate(browser: Browser, live_server: Any) -> None:
    base = live_server.url
    catalogue_connect()  # search's tests may have replaced the "course" catalogue
    make_geo()
    make_needs()
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("trainer@example.org")
    ann = trainer_create(user=trainer_user, name="Ann Trainer")
    course = course_create(
        title={"en": "Talking with patients", "nl": "Praten met patiënten"},
        needs=[Need.objects.get(code="PSY-FEAR-RECURRENCE")],
        trainers=[ann],
        coordinators=[coordinator],
        professions=["nurse", "social_worker"],
    )
    other_course = course_create(
        title={"en": "Pain for doctors"},
        professions=["physician"],
        needs=[Need.objects.get(code="MED-PAIN")],
    )
    session_create(edition=edition_create(course=other_course))
    edition = edition_create(course=course, capacity=1, language="en")
    start = dt.datetime.combine(
        timezone.localdate() + dt.timedelta(days=14), dt.time(13, 30), tzinfo=BRUSSELS
    )
    session = session_create(edition=edition, starts_at=start, hours=3.5, trainers=[ann])
    piet = enrolment_create(edition=edition, name="Piet Peeters", email="piet@example.org")

    nurse = browser.new_context(viewport=PHONE).new_page()
    nora = find_and_join_the_waiting_list(nurse, base, course.slug)
    someone_cancels(browser.new_context(viewport=PHONE).new_page(), base, piet)
    moved_up(nurse, base, nora, session)

    # The session's day: it started an hour ago (or at midnight) and ends in two hours.
    now = timezone.now()
    midnight = dt.datetime.combine(timezone.localdate(), dt.time(0), tzinfo=BRUSSELS)
    Session.objects.filter(pk=session.pk).update(
        starts_at=max(now - dt.timedelta(hours=1), midnight), ends_at=now + dt.timedelta(hours=2)
    )
    trainer = sign_in(browser, base, trainer_user, viewport=PHONE)
    evaluation_url = the_trainer_checks_her_in(trainer, base, nora, session)
    answered_at = time.monotonic()
    she_answers(nurse, evaluation_url, ann.pk)
    coordinating = sign_in(browser, base, coordinator)
    the_coordinator_reads_and_follows_up(coordinating, base, session, course.slug)
    assert time.monotonic() - answered_at < 60  # the results were there within the minute

    # The edition is over: the session was yesterday.
    Session.objects.filter(pk=session.pk).update(
        starts_at=now - dt.timedelta(days=1, hours=1), ends_at=now - dt.timedelta(hours=22)
    )
    her_certificate(nurse, base, nora)


def find_and_join_the_waiting_list(nurse: Page, base: str, slug: str) -> Enrolment:
    """The catalogue filtered for nurses and a need, the course, the waiting list."""
    visit(nurse, base + url("catalogue"))
    nurse.locator("#id_profession").select_option("nurse")
    nurse.locator("#id_need").select_option("PSY-FEAR-RECURRENCE")
    nurse.get_by_role("button", name="Show courses").click()
    expect(nurse.locator(".course-card")).to_have_count(1)
    expect(nurse.get_by_text("Full: you can join the waiting list")).to_be_visible()
    assert_no_axe_violations(nurse)
    nurse.get_by_role("link", name="Talking with patients").click()
    expect(nurse).to_have_url(re.compile(re.escape(url("course", slug=slug)) + "$"))
    assert_no_axe_violations(nurse)
    nurse.get_by_role("link", name=re.compile("^Join the waiting list")).click()
    expect(nurse.locator("h1")).to_have_text("Register: Talking with patients")
    assert_no_axe_violations(nurse)
    nurse.get_by_label("Your name").fill("Nora Nurse")
    nurse.get_by_label("Your e-mail address").fill(NURSE)
    nurse.get_by_label("Your profession").select_option("nurse")
    nurse.get_by_role("button", name="Join the waiting list").click()
    expect(nurse.locator(".messages")).to_contain_text("You are on the waiting list")
    expect(nurse.get_by_text("You are number 1 on the waiting list")).to_be_visible()
    assert_no_axe_violations(nurse)
    nora = Enrolment.objects.get(status=Registration.WAITING)
    assert nurse.url.endswith(url("enrolment", token=nora.token))
    [waiting] = mails_to(NURSE)
    assert nora.token in waiting.body and waiting.attachments == []
    return nora


def someone_cancels(other: Page, base: str, piet: Enrolment) -> None:
    """Piet cancels his confirmed place through the link of his e-mail."""
    visit(other, base + url("enrolment", token=piet.token))
    other.get_by_role("link", name="Cancel my registration").click()
    assert_no_axe_violations(other)
    other.get_by_role("button", name="Yes, cancel my registration").click()
    expect(other.locator(".messages")).to_contain_text("Your registration is cancelled")
    assert_no_axe_violations(other)


def moved_up(nurse: Page, base: str, nora: Enrolment, session: Session) -> None:
    """Nora got Piet's place: an e-mail with the calendar file, her page says confirmed."""
    nora.refresh_from_db()
    assert nora.status == Registration.CONFIRMED
    [_waiting, promoted] = mails_to(NURSE)
    [(filename, content, mimetype)] = promoted.attachments
    assert (filename, mimetype) == ("training.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.starts_at + dt.timedelta(hours=3.5)
    assert event.decoded("dtstart").astimezone(BRUSSELS).time() == dt.time(13, 30)
    visit(nurse, base + url("enrolment", token=nora.token))
    expect(nurse.locator(".qr-code svg")).to_be_visible()  # her check-in code


def the_trainer_checks_her_in(trainer: Page, base: str, nora: Enrolment, session: Session) -> str:
    """On the day: the trainer scans Nora's code, sees her ticked on the list and shows the
    evaluation's QR code. Returns the address the QR code holds."""
    visit(trainer, base + url("manage"))
    trainer.get_by_role("link", name=re.compile("^Attendance")).first.click()
    expect(trainer.get_by_label("Nora Nurse")).not_to_be_checked()
    assert_no_axe_violations(trainer)
    visit(trainer, base + url("checkin", token=nora.token))  # her QR code, scanned
    trainer.get_by_role("button", name="Mark present").click()
    expect(trainer.locator(".checkin-done")).to_be_visible()
    assert_no_axe_violations(trainer)
    assert Attendance.objects.filter(enrolment=nora, session=session).count() == 1
    visit(trainer, base + url("attendance", session_id=session.pk))
    expect(trainer.get_by_label("Nora Nurse")).to_be_checked()
    trainer.get_by_role("button", name="Save attendance").click()  # the list keeps her
    expect(trainer.locator(".attendance-count")).to_have_text("1 present of 1 registered")
    assert_no_axe_violations(trainer)
    trainer.get_by_role("link", name="Show the evaluation QR code").click()
    expect(trainer.locator(".qr-full svg")).to_be_visible()
    assert_no_axe_violations(trainer)
    address = trainer.locator(".qr-url a").get_attribute("href")
    assert address is not None and address.startswith(base)
    assert address.endswith(url("evaluate", token=session.evaluation_token))
    return address


def she_answers(nurse: Page, address: str, trainer_id: int) -> None:
    visit(nurse, address)
    # The radios count from 0: "_4" is the score 5.
    nurse.locator("#id_relevance_4").check()
    nurse.locator(f"#id_clarity_{trainer_id}_3").check()
    nurse.locator(f"#id_didactics_{trainer_id}_4").check()
    nurse.get_by_label("What will you change in your practice?").fill("Ask what they know first")
    nurse.locator("#id_comment").fill("Clear examples from the ward")
    nurse.get_by_role("button", name="Send my answer").click()
    expect(nurse.locator("h1")).to_have_text("Thank you for your answer")
    assert_no_axe_violations(nurse)
    answer = Evaluation.objects.get()
    assert (answer.relevance, answer.profession) == (5, "")
    assert [(s.clarity, s.didactics) for s in answer.scores.all()] == [(4, 5)]


def the_coordinator_reads_and_follows_up(
    coordinating: Page, base: str, session: Session, slug: str
) -> None:
    visit(coordinating, base + url("session_results", session_id=session.pk))
    facts = coordinating.locator(".results-facts")
    expect(facts).to_contain_text("Response rate")
    expect(facts.locator("dd").nth(2)).to_have_text("100%")
    expect(coordinating.get_by_text("Clear examples from the ward")).to_be_visible()
    expect(coordinating.get_by_text("Ask what they know first")).to_be_visible()
    coordinating.get_by_role("link", name="Results of the course").click()
    assert_no_axe_violations(coordinating)
    coordinating.get_by_label("What the evaluation showed").fill("Relevance 5 of 5")
    coordinating.get_by_label("What changes for the next session").fill("Keep the ward cases")
    coordinating.get_by_label("About the trainer (optional)").select_option(label="Ann Trainer")
    coordinating.get_by_role("button", name="Record the follow-up").click()
    expect(coordinating.locator(".messages")).to_be_visible()
    expect(coordinating.locator(".history-item")).to_contain_text("Keep the ward cases")
    assert_no_axe_violations(coordinating)
    assert FollowUp.objects.get().course.slug == slug


def her_certificate(nurse: Page, base: str, nora: Enrolment) -> None:
    visit(nurse, base + url("enrolment", token=nora.token))
    link = nurse.get_by_role("link", name="Download your certificate (PDF)")
    with (
        nurse.expect_response(re.compile("/certificates/")) as answer,
        nurse.expect_download() as download,
    ):
        link.click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"] == "application/pdf"
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    certificate = Certificate.objects.get(enrolment=nora)
    visit(nurse, base + url("verify"))
    nurse.get_by_label(re.compile("code", re.I)).fill(certificate.code.lower())
    nurse.get_by_role("button", name="Verify").click()
    result = nurse.locator(".verify-result")
    expect(result).to_contain_text(f"Valid: certificate {certificate.code}")
    expect(result).to_contain_text("Nora Nurse")
    expect(result).to_contain_text("Talking with patients")
    assert_no_axe_violations(nurse)
