"""axe-core on every participation page in Dutch, French, German and English, in its states
(empty and filled lists, a filter with no result and in error, an open, full, closed and
cancelled session, minutes published or not, a registration confirmed, waiting and
cancelled, each action status; the editors' pages, their forms in error), on a phone 320 px
wide where no page may scroll sideways (WCAG 1.4.10; a wide table scrolls in its own box).

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

from beoncosup.accounts.testing import signed_in
from beoncosup.participation.models import Action, GroupSession, Registration, WorkingGroup
from beoncosup.participation.services.sessions import session_minutes_save
from beoncosup.participation.tests.factories import (
    action_make,
    consultation_create,
    editor_create,
    four,
    group_create,
    registration_create,
    session_create,
)
from tests.browser.axe import axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, language: str, query: str = "", **kwargs: Any) -> str:
    with translation.override(language):
        path = reverse(f"participation:{name}", kwargs=kwargs or None)
    return f"{path}?{query}" if query else path


class Sweep:
    """Opens pages and collects every axe-core violation and sideways scroll (every page is
    checked before the test fails, so one run shows every problem)."""

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

    def check(self) -> None:
        page = self.page
        self.checked += 1
        if page.evaluate("() => document.documentElement.scrollWidth > innerWidth"):
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                    .filter(e => !e.parentElement.closest('.table-wrap'))
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
            )
            self.failures.append({"url": page.url, "rule": "reflow", "targets": wide})
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
        assert self.checked >= at_least, self.checked
        assert self.failures == [], json.dumps(self.failures, indent=2)


def phone_page(browser: Browser) -> Page:
    return browser.new_context(viewport=PHONE).new_page()


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


@dataclass
class World:
    group: WorkingGroup
    open: GroupSession
    full: GroupSession
    past: GroupSession
    cancelled: GroupSession
    confirmed: Registration
    waiting: Registration
    gone: Registration
    actions: list[Action]


def world_build() -> World:
    group = group_create(
        title={
            "nl": "Werk en kanker",
            "fr": "Travail et cancer",
            "de": "Arbeit und Krebs",
            "en": "Work and cancer",
        },
        is_demo=True,
    )
    group.needs.set([])
    group_create(title={"fr": "Seulement en français"})  # a title in another language
    open_session = session_create(group=group, online_url="https://meet.example.org/room")
    full = session_create(group=group, capacity=1)
    confirmed = registration_create(group_session=full, name="Rita Relative", notify_actions=True)
    waiting = registration_create(group_session=full, status="waiting")
    gone = registration_create(group_session=full, status="cancelled")
    past = session_create(group=group, starts_at=timezone.now() - dt.timedelta(days=20))
    session_minutes_save(
        group_session=past,
        minutes=four("The participants said a lot about their employers"),
        outcomes=four("Three needs confirmed"),
        publish=True,
    )
    cancelled = session_create(group=group, cancelled=True)
    consultation = consultation_create(title=four("Work consultation"))
    actions = [
        action_make(
            status=status,
            sessions=(past.pk,),
            consultations=(consultation.pk,),
            needs=("WORK-TALK-EMPLOYER",),
            reason=four("No budget this year") if status == "rejected" else None,
            title=four(f"Action {status}"),
        )
        for status in ("planned", "in_progress", "done", "rejected")
    ]
    return World(
        group=group,
        open=open_session,
        full=full,
        past=past,
        cancelled=cancelled,
        confirmed=confirmed,
        waiting=waiting,
        gone=gone,
        actions=actions,
    )


def test_public_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    sweep = Sweep(phone_page(browser), live_server.url)
    for language in LANGUAGES:  # nothing yet: the empty states
        sweep.visit(url("home", language))
        sweep.visit(url("groups", language))
        sweep.visit(url("actions", language))
    w = world_build()
    for language in LANGUAGES:
        sweep.visit(url("home", language))
        sweep.visit(url("groups", language))
        sweep.visit(url("group", language, group_id=w.group.pk))
        for group_session in (w.open, w.full, w.past, w.cancelled):
            sweep.visit(url("session", language, session_id=group_session.pk))
        sweep.visit(url("register", language, session_id=w.open.pk))
        sweep.page.locator("#id_email").fill("not an address")
        sweep.page.locator("form[method=post] button[type=submit]").click()
        expect(sweep.page.locator(".error-summary")).to_be_visible()
        sweep.check()
        sweep.visit(url("register", language, session_id=w.full.pk))  # the waiting list
        sweep.visit(url("register", language, session_id=w.past.pk))  # closed
        sweep.visit(url("actions", language))
        sweep.visit(url("actions", language, "domain=WORK&status=rejected&source=session"))
        sweep.visit(url("actions", language, "domain=PSY"))  # nothing fits
        sweep.visit(url("actions", language, "domain=NOPE"), status=400)
        for action in w.actions:
            sweep.visit(url("action", language, action_id=action.pk))
        for registration in (w.confirmed, w.waiting, w.gone):
            sweep.visit(url("registration", language, token=registration.token))
        sweep.visit(url("registration_cancel", language, token=w.confirmed.token))
        sweep.visit(url("notify_stop", language, token=w.confirmed.token))
    sweep.assert_clean(at_least=4 * 3 + 4 * 24)


def test_editor_pages_in_four_languages(browser: Browser, live_server: Any) -> None:
    w = world_build()
    sweep = Sweep(page_as(browser, live_server, editor_create()), live_server.url)
    for language in LANGUAGES:
        sweep.visit(url("manage", language))
        sweep.visit(url("session_new", language, group_id=w.group.pk))
        sweep.visit(url("session_edit", language, session_id=w.full.pk))
        sweep.visit(url("session_minutes", language, session_id=w.past.pk))
        sweep.visit(url("registrations", language, session_id=w.full.pk))
        sweep.visit(url("action_new", language))
        sweep.visit(url("action_edit", language, action_id=w.actions[0].pk))
        sweep.visit(url("action_status", language, action_id=w.actions[0].pk))
        sweep.visit(url("group", language, group_id=w.group.pk))  # with the editors' links
        sweep.visit(url("session", language, session_id=w.past.pk))
    # The forms in error.
    page = sweep.page
    for name, kwargs, button in (
        ("session_new", {"group_id": w.group.pk}, "Save the session"),
        ("action_new", {}, "Save the action"),
        ("action_status", {"action_id": w.actions[0].pk}, "Save the status"),
        ("session_minutes", {"session_id": w.open.pk}, "Save"),
    ):
        page.goto(live_server.url + url(name, "en", **kwargs))
        if name == "action_status":
            page.locator("#id_status").select_option("rejected")
        if name == "session_minutes":
            page.get_by_label("Published on the session's page").check()
        page.get_by_role("button", name=button, exact=True).click()
        expect(page.locator(".error-summary")).to_be_visible()
        sweep.check()
    sweep.assert_clean(at_least=4 * 10 + 4)
