"""Participation journeys of issue #18, on phones, axe-core on every page on the way:

- an editor records a "we did" action that came from a consultation and publishes it; the
  public finds it on the consultation's page ("What was done with your input") and on "you
  said, we did" filtered by its topic;
- a relative finds a working group's next session and registers for it on a phone (without
  an account), asking to hear what comes out of it; the e-mail brings the calendar file."""

from __future__ import annotations

import re
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.participation.models import Action, Registration
from beoncosup.participation.tests.factories import (
    consultation_create,
    editor_create,
    group_create,
    session_create,
    taxonomy_make,
)
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def visit(page: Page, address: str) -> None:
    response = page.goto(address)
    assert response is not None and response.status == 200, (address, response and response.status)
    assert_no_axe_violations(page)


def test_an_editor_publishes_a_we_did_action_and_the_public_finds_it(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    taxonomy_make()
    consultation = consultation_create(
        slug="work-consultation",
        title={"en": "Back to work after cancer", "nl": "Terug aan het werk na kanker"},
    )
    editor = editor_create()

    editing = sign_in(browser, base, editor, viewport=PHONE)
    visit(editing, base + url("participation:manage"))
    editing.get_by_role("link", name="Record an action").click()
    expect(editing.locator("h1")).to_have_text("Record an action")
    assert_no_axe_violations(editing)
    editing.locator("#id_title_3").fill("A leaflet for employers")
    editing.locator("#id_description_3").fill("Written with the consultation's answers.")
    editing.locator("#id_kind").select_option("hub_article")
    editing.locator("#id_domain").select_option("WORK")
    editing.get_by_label("Back to work after cancer").check()
    editing.get_by_label("Published").check()
    editing.locator("#id_status-status").select_option("done")
    editing.locator("#id_status-date").fill(timezone.localdate().isoformat())
    editing.get_by_role("button", name="Save the action").click()
    expect(editing.locator("h1")).to_have_text("A leaflet for employers")
    assert_no_axe_violations(editing)
    action = Action.objects.get()
    assert (action.status, action.published) == ("done", True)
    assert list(action.consultations.all()) == [consultation]

    public = browser.new_context(viewport=PHONE).new_page()
    visit(public, base + url("consultations:detail", slug=consultation.slug))
    section = public.locator("section", has_text="What was done with your input")
    expect(section.get_by_role("link", name="A leaflet for employers")).to_be_visible()
    section.get_by_role("link", name="Everything done with your input").click()
    expect(public.locator("h1")).to_have_text("You said, we did")
    assert_no_axe_violations(public)
    public.locator("#id_domain").select_option("WORK")
    public.get_by_role("button", name="Show actions").click()
    expect(public).to_have_url(re.compile(r"domain=WORK"))
    card = public.locator(".pt-card", has_text="A leaflet for employers")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Back to work after cancer")
    assert_no_axe_violations(public)
    public.locator("#id_domain").select_option("PSY")
    public.get_by_role("button", name="Show actions").click()
    expect(public.locator(".pt-card")).to_have_count(0)
    assert_no_axe_violations(public)


def test_a_relative_registers_for_a_working_group_session_on_a_phone(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    group = group_create(title={"en": "Support for relatives", "nl": "Steun voor naasten"})
    group_session = session_create(group=group, capacity=8)

    phone = browser.new_context(viewport=PHONE).new_page()
    visit(phone, base + url("participation:home"))
    phone.get_by_role("link", name="Working groups").first.click()
    assert_no_axe_violations(phone)
    phone.get_by_role("link", name="Support for relatives").click()
    expect(phone.locator("h1")).to_have_text("Support for relatives")
    assert_no_axe_violations(phone)
    phone.locator(".pt-card h3 a").first.click()
    assert_no_axe_violations(phone)
    phone.get_by_role("link", name="Register for this session").click()
    expect(phone.locator("h1")).to_have_text("Register: Support for relatives")
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Register").click()  # nothing filled in
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.get_by_label("Your name").fill("Rita Relative")
    phone.get_by_label("Your e-mail address").fill("rita@example.org")
    phone.get_by_label("Relative or carer").check()
    phone.get_by_label("Language of our e-mails").select_option("nl")
    phone.get_by_label(re.compile("^E-mail me when")).check()
    phone.get_by_role("button", name="Register").click()
    expect(phone.locator(".messages")).to_contain_text("Your place is confirmed")
    expect(phone.locator("h1")).to_have_text("Your registration: Support for relatives")
    assert_no_axe_violations(phone)

    registration = Registration.objects.get()
    assert (registration.role, registration.status, registration.notify_actions) == (
        "relative",
        "confirmed",
        True,
    )
    assert phone.url.endswith(url("participation:registration", token=registration.token))
    [message] = [m for m in mail.outbox if m.to == ["rita@example.org"]]
    [(name, content, _mimetype)] = message.attachments
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert name == "working-group.ics"
    assert event.decoded("dtstart") == group_session.session.starts_at
    # The calendar file from the page too.
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Add to my calendar (.ics file)").click()
    assert download.value.suggested_filename == "working-group.ics"
