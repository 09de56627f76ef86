"""Issue #15, "Done when": the closed-loop referral in a real browser, axe-core on every page.
A nurse refers a patient with consent, the service accepts and records "got help", and both the
nurse and the patient see it; a patient withdraws consent and the care team loses access at
once; a person asks a service for help without an account, on a phone; a decline for "no
capacity" moves the service down in the finder."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from beoncosup.directory.models import Service
from beoncosup.referrals.models import Referral
from beoncosup.referrals.testing import referral_make, world_make
from beoncosup.taxonomy.models import Need
from tests.browser.axe import assert_no_axe_violations
from tests.browser.referrals_helpers import (
    PHONE,
    anonymous,
    consent_and_send,
    en,
    fill_referral,
    finder_directory,
    move,
    sign_in,
    visit,
)
from tests.browser.test_finder_pages import no_csp_errors
from tests.browser.test_phone_results import search_for_fatigue_in_gent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def token_of(link: str) -> str:
    found = re.search(r"/r/([^/]+)/$", link)
    assert found, link
    return found.group(1)


def test_a_nurse_refers_with_consent_the_service_accepts_and_records_got_help(
    browser: Browser, live_server
):
    base = live_server.url
    world = world_make()
    world.service.needs.add(Need.objects.get(code="PSY-FEAR"))

    # The nurse refers from the service's page, with the person's consent.
    nurse = sign_in(browser, base, world.nurse)
    visit(nurse, base, en("directory:service", service_id=str(world.service.pk)))
    nurse.locator(".service-actions").get_by_role("link", name="Refer a person").click()
    expect(nurse.locator("h1")).to_have_text("Refer a person")
    assert_no_axe_violations(nurse)
    fill_referral(nurse, name="An Peeters", language="nl")
    link = consent_and_send(nurse, button="Send the referral")
    referral = Referral.objects.get()
    assert referral.delivered and referral.referrer == world.nurse

    # The service's staff accept, start and close it: the person got help.
    staff = sign_in(browser, base, world.staff)
    visit(staff, base, en("referrals:inbox"))
    row = staff.locator("tbody tr", has_text="An Peeters")
    expect(row).to_have_count(1)
    row.get_by_role("link").click()
    expect(staff.locator("main")).to_contain_text("An Peeters")
    assert_no_axe_violations(staff)
    move(staff, "Accept the referral")
    move(staff, "Start: help is under way")
    move(staff, "Close the referral", reason="Got help")
    expect(staff.locator("dd strong").first).to_have_text("Closed")

    # The nurse sees it closed, with the outcome.
    visit(nurse, base, en("referrals:followed"))
    row = nurse.locator("tbody tr", has_text="An Peeters")
    expect(row).to_contain_text("Closed")
    row.get_by_role("link").click()
    expect(nurse.locator("main dd .badge").first).to_have_text("Closed")
    expect(nurse.locator("main")).to_contain_text("Got help")
    assert_no_axe_violations(nurse)

    # So does the person, on their private link, without an account.
    _context, person = anonymous(browser)
    visit(person, base, en("referrals:person", token=token_of(link)))
    expect(person.locator("main")).to_contain_text("Closed")
    expect(person.locator("main")).to_contain_text("Got help")


def test_withdrawing_consent_removes_the_care_teams_access_at_once(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    referral, token = referral_make(world)
    assert referral.case is not None
    case_page = en("referrals:case", case_id=str(referral.case.pk))

    nurse = sign_in(browser, base, world.nurse)
    visit(nurse, base, case_page)
    expect(nurse.locator("main")).to_contain_text("An Peeters")
    staff = sign_in(browser, base, world.staff)
    visit(staff, base, en("referrals:inbox_detail", referral_id=str(referral.pk)))
    expect(staff.locator("main")).to_contain_text("An Peeters")

    # The person withdraws: a confirmation page, then the confirmation.
    _context, person = anonymous(browser)
    visit(person, base, en("referrals:person", token=token))
    person.get_by_role("link", name="Stop sharing my data").click()
    expect(person.locator("h1")).to_have_text("Stop sharing my data")
    assert_no_axe_violations(person)
    person.get_by_role("button", name="Yes, stop sharing my data").click()
    person.wait_for_load_state("load")
    expect(person.locator("main")).to_contain_text("You withdrew your consent")
    assert_no_axe_violations(person)

    # At once: the care team's page is gone, the service no longer sees the name.
    response = nurse.reload()
    assert response is not None and response.status == 404
    expect(nurse.locator("main")).not_to_contain_text("An Peeters")
    assert_no_axe_violations(nurse)
    visit(staff, base, en("referrals:inbox_detail", referral_id=str(referral.pk)))
    expect(staff.locator("main")).not_to_contain_text("An Peeters")
    expect(staff.locator("main")).to_contain_text("withdrew their consent")


def test_a_person_refers_themselves_without_an_account(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    world.service.needs.add(Need.objects.get(code="PSY-FEAR"))

    _context, person = anonymous(browser, viewport=PHONE)
    visit(person, base, en("directory:service", service_id=str(world.service.pk)))
    expect(person.get_by_role("link", name="Refer a person")).to_have_count(0)
    person.get_by_role("link", name="Ask this service to contact me").click()
    expect(person.locator("h1")).to_have_text("Ask this service for help")
    assert_no_axe_violations(person)
    assert person.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    fill_referral(person, name="Els Jacobs", language="nl")
    link = consent_and_send(person, button="Send my request")
    assert person.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    referral = Referral.objects.get()
    assert referral.delivered and referral.referrer is None
    staff = sign_in(browser, base, world.staff)
    visit(staff, base, en("referrals:inbox"))
    expect(staff.locator("tbody tr", has_text="Els Jacobs")).to_have_count(1)
    visit(person, base, en("referrals:person", token=token_of(link)))
    expect(person.locator("main")).to_contain_text("Psycho-oncologie Gent")


@pytest.fixture
def two_services(tmp_path: Path) -> Iterator[list[str]]:
    yield from finder_directory(tmp_path)


def test_a_decline_for_no_capacity_moves_the_service_down_in_the_finder(
    browser: Browser, live_server, two_services
):
    base = live_server.url
    gent = Service.objects.get(pk=two_services[0])
    world = world_make()
    world.provider.listings.add(gent.organization)
    referral, _token = referral_make(dataclasses.replace(world, service=gent))

    def finder_order() -> list[str]:
        _context, page = anonymous(browser)
        visit(page, base, en("finder:finder"))
        search_for_fatigue_in_gent(page)
        results = page.locator(".result")
        expect(results).to_have_count(2)
        assert_no_axe_violations(page)
        found = []
        for index in range(2):
            result = results.nth(index)
            badge = result.locator(".capacity")
            name = result.locator("h3").inner_text().strip()
            found.append(f"{name}|{badge.inner_text() if badge.count() else ''}")
        page.context.close()
        return found

    before = finder_order()
    assert before[0].startswith("Vermoeidheidsteam gent"), before
    assert before[0].endswith("|"), before  # open: no capacity badge

    staff = sign_in(browser, base, world.staff)
    visit(staff, base, en("referrals:inbox_detail", referral_id=str(referral.pk)))
    move(staff, "Decline the referral", reason="No capacity")
    expect(staff.locator(".messages")).to_contain_text("marked closed to new referrals")

    after = finder_order()
    assert after[0].startswith("Vermoeidheidsteam brussel"), after
    assert after[1].startswith("Vermoeidheidsteam gent"), after
    assert "Not taking new referrals" in after[1], after


def test_the_result_page_prints_the_private_link(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    world.service.needs.add(Need.objects.get(code="PSY-FEAR"))
    context, person = anonymous(browser)
    context.add_init_script("window.print = () => { window.printed = true; };")
    csp_errors = no_csp_errors(person)
    visit(person, base, en("referrals:self_refer", f"service={world.service.pk}"))
    fill_referral(person, name="Els Jacobs", language="nl")
    consent_and_send(person, button="Send my request")
    person.get_by_role("button", name="Print this page").click()
    assert csp_errors == []
    assert person.evaluate("window.printed === true")
