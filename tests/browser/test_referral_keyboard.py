"""Issue #15: the referral pages without a mouse and without JavaScript. The nurse sends a
referral and the service accepts it with the keyboard alone for the actions (Tab to the
button, Enter or Space); a person asks a service for help in a browser with JavaScript off,
from the service's page to the private link, the form's errors included."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from beoncosup.referrals.codes import Status
from beoncosup.referrals.models import Referral
from beoncosup.referrals.testing import world_make
from beoncosup.taxonomy.models import Need
from tests.browser.axe import assert_no_axe_violations
from tests.browser.referrals_helpers import (
    PHONE,
    anonymous,
    consent_and_send,
    en,
    fill_referral,
    sign_in,
    tab_to,
    visit,
)
from tests.browser.test_finder_pages import assert_no_axe_violations_without_scripts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_referral_and_the_inbox_answer_work_with_the_keyboard(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    world.service.needs.add(Need.objects.get(code="PSY-FEAR"))

    nurse = sign_in(browser, base, world.nurse)
    visit(nurse, base, en("referrals:refer", f"service={world.service.pk}&need=PSY-FEAR"))
    expect(nurse.locator("input[name=needs][value=PSY-FEAR]")).to_be_checked()
    nurse.locator("input[name=consent][value=yes]").check()
    nurse.locator("#id_name").fill("An Peeters")
    nurse.locator("input[name=contact_method][value=phone]").check()
    nurse.locator("#id_phone").fill("0470 12 34 56")
    nurse.locator("#id_language").select_option("nl")
    tab_to(nurse, name="Continue")
    nurse.keyboard.press("Enter")
    expect(nurse.locator(".consent-statement")).to_be_visible()
    assert_no_axe_violations(nurse)
    tab_to(nurse, selector="#id_agreed")
    nurse.keyboard.press("Space")
    expect(nurse.locator("#id_agreed")).to_be_checked()
    tab_to(nurse, name="Send the referral")
    nurse.keyboard.press("Enter")
    expect(nurse.locator(".private-link a")).to_be_visible()
    referral = Referral.objects.get()
    assert referral.delivered

    staff = sign_in(browser, base, world.staff)
    visit(staff, base, en("referrals:inbox_detail", referral_id=str(referral.pk)))
    tab_to(staff, name="Accept the referral")
    staff.keyboard.press("Space")
    expect(staff.locator(".messages")).to_contain_text("Accepted")
    assert_no_axe_violations(staff)
    referral.refresh_from_db()
    assert referral.status == Status.ACCEPTED
    # The next step is reachable the same way.
    tab_to(staff, name="Start: help is under way")


def test_a_person_asks_for_help_with_javascript_off(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    world.service.needs.add(Need.objects.get(code="PSY-FEAR"))
    service_page = f"{base}{en('directory:service', service_id=str(world.service.pk))}"

    _context, person = anonymous(browser, viewport=PHONE, java_script_enabled=False)
    person.goto(service_page)
    person.get_by_role("link", name="Ask this service to contact me").click()
    expect(person.locator("h1")).to_have_text("Ask this service for help")
    assert_no_axe_violations_without_scripts(browser, person.url)

    # Sent without an answer: the form again, with its error summary and nothing made.
    person.get_by_role("button", name="Continue").click()
    expect(person.locator(".error-summary")).to_be_visible()
    expect(person.locator("main")).to_contain_text("May we send your request to the service?")
    assert not Referral.objects.exists()

    fill_referral(person, name="Els Jacobs", language="nl")
    link = consent_and_send(person, button="Send my request", axe=False)
    assert link.rstrip("/").split("/")[-2] == "r"
    referral = Referral.objects.get()
    assert referral.delivered and referral.referrer is None
