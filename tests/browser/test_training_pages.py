"""axe-core on every training page in Dutch, French, German and English, in each of its states
(the catalogue with and without filters, empty and in error; registration, the participant's
page, the evaluation form open, not yet open, closed and answered; the day and the results),
on a small phone 320 px wide, where no page may scroll sideways (WCAG 1.4.10 reflow: a wide
table scrolls in its own box); and the registration form filled and sent with the keyboard
only.

One test per group of pages, the languages looped inside: each browser test costs seconds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.taxonomy.models import Need
from beoncosup.training.catalogue import catalogue_connect
from beoncosup.training.codes import AttendanceMethod, Registration
from beoncosup.training.models import (
    Attendance,
    Certificate,
    Course,
    Enrolment,
    Evaluation,
    EvidenceSource,
    Session,
    Trainer,
)
from beoncosup.training.services.attendance import BRUSSELS, session_day, today_in_belgium
from beoncosup.training.services.certificates import certificate_issue
from beoncosup.training.services.evaluation import evaluation_submit
from beoncosup.training.services.followup import follow_up_record
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    enrolment_create,
    four,
    session_create,
    trainer_create,
)
from tests.browser.axe import axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG's reflow width: the smallest phones in use.
PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str, query: str = "", **kwargs: Any) -> str:
    with translation.override(language):
        path = reverse(f"training:{name}", kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


class Sweep:
    """Opens pages and collects every axe-core violation (all pages are checked before the
    test fails, so one run shows every problem)."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.failures: list[dict[str, Any]] = []
        self.checked = 0

    def visit(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == status, (
            path,
            response and response.status,
        )
        expect(self.page.locator("h1")).to_have_count(1)
        self.check()

    def check(self, page: Page | None = None) -> None:
        page = page or self.page
        self.checked += 1
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                .filter(e => !e.parentElement.closest('.table-wrap'))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
        )
        if page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            self.failures.append(
                {"url": page.url, "rule": "reflow", "help": "scrolls sideways", "targets": wide}
            )
        for violation in axe_violations(page):
            self.failures.append(
                {
                    "url": page.url,
                    "rule": violation["id"],
                    "help": violation["help"],
                    "targets": [node["target"] for node in violation["nodes"]][:5],
                }
            )

    def assert_clean(self, at_least: int) -> None:
        assert self.checked >= at_least, self.checked  # the pages were really opened
        assert self.failures == [], json.dumps(self.failures, indent=2)


def phone_page(browser: Browser) -> Page:
    return browser.new_context(viewport=PHONE).new_page()


def page_as(browser: Browser, live_server: Any, user: Any) -> Page:
    """A phone's page signed in as ``user`` (with a second factor, as every role needs)."""
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


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BRUSSELS)


@dataclass
class World:
    coordinator: Any
    trainer_user: Any
    ann: Trainer
    course: Course
    open_edition_id: int
    full_edition_id: int
    confirmed: Enrolment
    waiting: Enrolment
    cancelled: Enrolment
    today: Session
    future: Session
    past: Session
    today_person: Enrolment
    certificate: Certificate
    graduate: Enrolment


def world_build() -> World:
    """A course with four editions: one open with places, one full (someone confirmed,
    waiting and cancelled), one running today (the full one and this one are programmes of
    two sessions), one over with a certificate; evaluations; a follow-up in the course's
    history."""
    catalogue_connect()
    make_geo()
    make_needs()
    coordinator = user_create("coordinator@example.org")
    trainer_user = user_create("trainer@example.org")
    ann = trainer_create(user=trainer_user, name="Ann Trainer", profession="Psychologist")
    course = course_create(
        needs=[Need.objects.get(code="MED-PAIN")],
        trainers=[ann],
        coordinators=[coordinator],
        evidence=four("Evidence"),
        accreditation_points=3,
        accreditation_body="RIZIV",
        organiser="Institut Cédric Hèle",
    )
    EvidenceSource.objects.create(
        course=course, citation="Author A. Communication (2020)", url="https://example.org/a"
    )
    course_create(is_demo=True, professions=["physician"])  # a demo course in the list
    today = today_in_belgium()

    open_edition = edition_create(course=course, capacity=10, language="fr")
    session_create(edition=open_edition, online_url="https://meet.example.org/room")
    full = edition_create(course=course, capacity=1)
    future = session_create(edition=full, trainers=[ann], starts_at=at(today, 9) + dt.timedelta(14))
    session_create(edition=full, trainers=[ann], starts_at=future.starts_at + dt.timedelta(7))
    confirmed = enrolment_create(edition=full, name="Nora Nurse")
    waiting = enrolment_create(edition=full, status=Registration.WAITING)
    cancelled = enrolment_create(edition=full, status=Registration.CANCELLED)

    running = edition_create(course=course, capacity=5)
    today_session = session_create(edition=running, trainers=[ann], starts_at=at(today, 9))
    session_create(edition=running, trainers=[ann], starts_at=at(today, 9) + dt.timedelta(1))
    today_person = enrolment_create(edition=running, name="Sam Social")
    enrolment_create(edition=running, name="Tom Doctor")

    earlier = edition_create(course=course, deadline=timezone.now() - dt.timedelta(days=30))
    past = session_create(
        edition=earlier, trainers=[ann], starts_at=at(today, 9) - dt.timedelta(20)
    )
    graduate = enrolment_create(edition=earlier, name="Gina Graduate", language="de")
    Attendance.objects.create(
        enrolment=graduate, session=past, method=AttendanceMethod.LIST, marked_by=trainer_user
    )
    certificate = certificate_issue(enrolment=graduate)
    for session, scores in ((past, (2, 3)), (today_session, (4, 5))):
        evaluation_submit(
            session=session,
            language="nl",
            relevance=scores[0],
            trainer_scores={ann.pk: scores},
            practice_change="Ask first what the patient knows",
            comment="Too fast at the end",
            profession="nurse",
            today=session_day(session),
        )
    follow_up_record(
        course=course,
        finding="Clarity 2 of 5",
        action="Slower pace",
        session=past,
        trainer=ann,
        by=coordinator,
        request=None,
    )
    return World(
        coordinator=coordinator,
        trainer_user=trainer_user,
        ann=ann,
        course=course,
        open_edition_id=open_edition.pk,
        full_edition_id=full.pk,
        confirmed=confirmed,
        waiting=waiting,
        cancelled=cancelled,
        today=today_session,
        future=future,
        past=past,
        today_person=today_person,
        certificate=certificate,
        graduate=graduate,
    )


def test_public_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    sweep = Sweep(phone_page(browser), live_server.url)
    for language in LANGUAGES:  # no course yet: the catalogue's empty state
        sweep.visit(url("catalogue", language))
        expect(sweep.page.locator("#results .notice")).to_be_visible()
    w = world_build()
    for language in LANGUAGES:
        sweep.visit(url("catalogue", language))
        sweep.visit(url("catalogue", language, "profession=nurse&need=MED-PAIN"))
        sweep.visit(url("catalogue", language, "need=MED-FATIGUE&language=de"))  # no course fits
        expect(sweep.page.locator("#results .notice")).to_be_visible()
        sweep.visit(url("catalogue", language, "need=NOT-A-NEED&date_from=someday"), status=400)
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.visit(url("course", language, slug=w.course.slug))
        sweep.visit(url("register", language, edition_id=w.full_edition_id))
        sweep.visit(url("register", language, edition_id=w.open_edition_id))
        sweep.page.locator("#id_email").fill("not an address")
        sweep.page.locator("form[method=post] button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        for enrolment in (w.confirmed, w.waiting, w.cancelled):
            sweep.visit(url("enrolment", language, token=enrolment.token))
        sweep.visit(url("enrolment_cancel", language, token=w.confirmed.token))
        sweep.visit(url("certificate", language, token=w.confirmed.token))  # not over yet
        sweep.visit(url("verify", language))
        sweep.visit(url("verify", language, f"code={w.certificate.code}"))
        expect(sweep.page.locator(".verify-result dl")).to_be_visible()
        sweep.visit(url("verify", language, "code=ABCD-EFGH-JKLM"))
    sweep.assert_clean(at_least=4 + 4 * 16)


def test_evaluation_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    w = world_build()
    sweep = Sweep(phone_page(browser), live_server.url)
    form = {
        language: url("evaluate", language, token=w.today.evaluation_token)
        for language in LANGUAGES
    }
    for language in LANGUAGES:
        sweep.visit(form[language])
        sweep.visit(url("evaluate", language, token=w.future.evaluation_token))  # not yet open
        expect(sweep.page.locator(".notice")).to_be_visible()
        sweep.visit(url("evaluate", language, token=w.past.evaluation_token))  # closed
        expect(sweep.page.locator(".notice")).to_be_visible()
    sweep.page.goto(live_server.url + form["en"])
    sweep.page.get_by_role("button", name="Send my answer").click()
    expect(sweep.page.locator(".error-summary")).to_be_visible()
    sweep.check()
    # Four forms opened on the same phone before answering: sent after it, each is refused.
    context = sweep.page.context
    others = {}
    for language in LANGUAGES:
        others[language] = context.new_page()
        others[language].goto(live_server.url + form[language])
    sweep.page.locator("#id_relevance_4").check()
    sweep.page.locator(f"#id_clarity_{w.ann.pk}_4").check()
    sweep.page.locator(f"#id_didactics_{w.ann.pk}_4").check()
    sweep.page.get_by_role("button", name="Send my answer").click()
    expect(sweep.page.locator("h1")).to_have_text("Thank you for your answer")
    for language in LANGUAGES:
        sweep.visit(form[language])  # answered: thanks
        other = others[language]
        other.locator("form[method=post] button[type=submit]").click()
        expect(other.locator(".notice")).to_be_visible()  # refused: already answered
        sweep.check(other)
    sweep.assert_clean(at_least=4 * 3 + 1 + 4 * 2)


def test_teaching_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    w = world_build()
    coordinating = Sweep(page_as(browser, live_server, w.coordinator), live_server.url)
    for language in LANGUAGES:
        coordinating.visit(url("manage", language))
        coordinating.visit(url("attendance", language, session_id=w.future.pk))  # before the day
        expect(coordinating.page.locator(".notice")).to_be_visible()
        coordinating.visit(url("attendance", language, session_id=w.today.pk))
        expect(coordinating.page.locator(".attendance-list input")).to_have_count(2)
        coordinating.visit(url("checkin", language, token=w.today_person.token))
        coordinating.visit(url("checkin", language, token=w.waiting.token))  # no place
        coordinating.visit(url("evaluation_qr", language, session_id=w.today.pk))
        coordinating.visit(url("evaluation_qr", language, session_id=w.future.pk))
        coordinating.visit(url("session_results", language, session_id=w.today.pk))
        coordinating.visit(url("session_results", language, session_id=w.future.pk))  # none yet
        coordinating.visit(url("course_results", language, slug=w.course.slug))
        expect(coordinating.page.locator(".history-item")).to_have_count(1)
        coordinating.visit(url("trainer_results", language, trainer_id=w.ann.pk))
        coordinating.visit(url("certificate_revoke", language, certificate_id=w.certificate.pk))
    # The states a form leaves: attendance saved, a check-in, a follow-up refused.
    page = coordinating.page
    page.goto(live_server.url + url("attendance", "en", session_id=w.today.pk))
    page.get_by_label("Sam Social").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".messages")).to_be_visible()
    coordinating.check()
    page.goto(live_server.url + url("checkin", "en", token=w.today_person.token))
    expect(page.locator(".checkin-done")).to_be_visible()
    coordinating.check()
    page.goto(live_server.url + url("course_results", "en", slug=w.course.slug))
    page.get_by_role("button", name="Record the follow-up").click()
    expect(page.locator(".error-summary")).to_be_visible()
    coordinating.check()
    # A certificate revoked (the reason forgotten first): the public pages then say so.
    page.goto(live_server.url + url("certificate_revoke", "en", certificate_id=w.certificate.pk))
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.locator(".error-summary")).to_be_visible()
    coordinating.check()
    page.get_by_label("Why is this certificate revoked?").fill("Attendance recorded by mistake")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.locator(".messages")).to_be_visible()
    coordinating.check()
    coordinating.visit(url("verify", "en", f"code={w.certificate.code}"))
    expect(page.locator(".verify-result")).to_contain_text("revoked")
    coordinating.visit(url("certificate", "en", token=w.graduate.token))
    expect(page.locator(".notice")).to_contain_text("revoked")
    coordinating.assert_clean(at_least=4 * 12 + 7)

    # A trainer who does not coordinate: their home, their session's results, their own.
    teaching = Sweep(page_as(browser, live_server, w.trainer_user), live_server.url)
    for language in LANGUAGES:
        teaching.visit(url("manage", language))
        teaching.visit(url("session_results", language, session_id=w.past.pk))
        teaching.visit(url("trainer_results", language, trainer_id=w.ann.pk))
    teaching.assert_clean(at_least=4 * 3)


def test_the_register_form_with_the_keyboard_only(browser: Browser, live_server: Any) -> None:
    edition = edition_create(capacity=5)
    session_create(edition=edition)
    page = phone_page(browser)
    page.goto(live_server.url + url("register", "en", edition_id=edition.pk))
    tab_to(page, selector="#id_name")
    page.keyboard.type("Nora Nurse")
    page.keyboard.press("Tab")
    expect(page.locator("#id_email")).to_be_focused()
    page.keyboard.type("nora@example.org")
    page.keyboard.press("Tab")
    expect(page.locator("#id_profession")).to_be_focused()
    page.keyboard.type("Nurse")  # typing selects the option, as on any select
    page.keyboard.press("Tab")
    expect(page.locator("#id_language")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("form[method=post] button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_be_visible()
    enrolment = Enrolment.objects.get()
    assert (enrolment.name, enrolment.profession, enrolment.status) == (
        "Nora Nurse",
        "nurse",
        Registration.CONFIRMED,
    )


def test_the_evaluation_form_with_the_keyboard_only(browser: Browser, live_server: Any) -> None:
    """Radio groups answer to the arrow keys and the space bar, one Tab per group."""
    ann = trainer_create(name="Ann Trainer")
    edition = edition_create(course=course_create(trainers=[ann]))
    session = session_create(edition=edition, trainers=[ann], starts_at=at(today_in_belgium(), 9))
    page = phone_page(browser)
    page.goto(live_server.url + url("evaluate", "en", token=session.evaluation_token))
    tab_to(page, selector="#id_relevance_0")
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 2, 3, 4
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_clarity_{ann.pk}_0")).to_be_focused()
    page.keyboard.press("Space")  # 1
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_didactics_{ann.pk}_0")).to_be_focused()
    page.keyboard.press("ArrowRight")  # 2
    page.keyboard.press("Tab")
    expect(page.locator("#id_practice_change")).to_be_focused()
    page.keyboard.type("Ask first")
    for _ in range(3):  # the comment, the profession, the button
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send my answer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Thank you for your answer")
    answer = Evaluation.objects.get()
    assert (answer.relevance, answer.practice_change) == (4, "Ask first")
    assert [(s.clarity, s.didactics) for s in answer.scores.all()] == [(1, 2)]
