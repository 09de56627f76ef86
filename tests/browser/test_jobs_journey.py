"""The jobs journey of issue #19: an employer asks for an account and writes a trial placement
in Antwerp (20 hours a week, work from home possible), sends it for moderation; an editor
verifies the employer and publishes the offer; a person in Antwerp who wants 20 hours with
remote work finds it on a phone and writes to the employer without stating a diagnosis; the
e-mail the employer receives holds only what they wrote and the offer. axe-core runs on every
page on the way."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, ViewportSize, expect

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.testing import user_create
from beoncosup.jobs.catalogue import catalogue_connect
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.models import ContactLog, EmployerProfile, JobOffer
from beoncosup.jobs.tests.factories import employer_make, jobs_geo, offer_make
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.referrals_helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
CONTACT = "jobs@haven.example"
MESSAGE = (
    "Goedendag, ik werkte acht jaar als administratief medewerker en zoek een proefstage "
    "van 20 uur per week. Ik hoor graag wanneer we kunnen praten."
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"jobs:{name}", kwargs=kwargs or None)


def visit(page: Page, address: str) -> None:
    response = page.goto(address)
    assert response is not None and response.status == 200, (address, response and response.status)
    assert_no_axe_violations(page)


def test_a_trial_placement_from_the_employer_to_a_person_in_antwerp(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    catalogue_connect()
    jobs_geo()
    # Other offers the person must not get: too far, too many hours, no work from home.
    other = employer_make(name="Elsewhere")
    offer_make(other, title="Gent office job", postcode="9000", flexibility=["remote"])
    offer_make(other, title="Full-time Antwerp job", hours=(36, 38), flexibility=["remote"])
    offer_make(other, title="On-site Antwerp job", hours=(16, 20))
    hanne = user_create("hanne@haven.example")
    editor = user_create("editor@beoncosup.example")
    account_services.role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)

    employer_page = sign_in(browser, base, hanne)
    offer = the_employer_writes_a_trial_placement(employer_page, base)
    editing = sign_in(browser, base, editor)
    the_editor_verifies_and_publishes(editing, base, offer)
    person = browser.new_context(viewport=PHONE).new_page()
    a_person_in_antwerp_finds_it_and_writes(person, base, offer)

    [message] = [m for m in mail.outbox if m.to == [CONTACT]][-1:]
    body = message.body
    assert MESSAGE in body
    assert "Sam Peeters" in body and "sam.peeters@example.org" in body
    assert f"/work/jobs/{offer.pk}/" in body
    # Nothing else about the person: without the frame and what they wrote, no address or
    # number is left, and no word of health.
    rest = body
    for written in (MESSAGE, "Sam Peeters", "sam.peeters@example.org"):
        rest = rest.replace(written, "")
    assert "@" not in rest.replace(f"{base}", "")
    for word in ("kanker", "cancer", "diagnos", "ziek"):
        assert word not in body.lower()
    assert list(ContactLog.objects.values_list("offer_id", "channel")) == [(offer.pk, "employer")]


def the_employer_writes_a_trial_placement(page: Page, base: str) -> JobOffer:
    visit(page, base + url("my_offers"))
    page.get_by_role("link", name="Ask for an employer account").click()
    assert_no_axe_violations(page)
    page.get_by_label("Name of the organisation").fill("Havenlogistiek NV")
    page.get_by_label("Name shown with your offers").fill("Havenlogistiek")
    page.get_by_label("Enterprise number (KBO/BCE)").fill("0123.456.749")
    page.locator("#id_postcode").fill("2000")
    page.get_by_label("Contact e-mail address").fill(CONTACT)
    page.get_by_label("Sector").select_option("logistics")
    page.get_by_role("button", name="Ask for an employer account").click()
    expect(page.locator(".messages")).to_contain_text("Your employer account was made")
    expect(page.get_by_text("Waiting for verification")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Write a new offer").click()
    assert_no_axe_violations(page)
    page.get_by_label("Trial placement", exact=True).check()
    page.locator("#id_title_0").fill("Proefstage administratie")
    page.locator("#id_title_3").fill("Trial placement in administration")
    page.locator("#id_description_3").fill("Three weeks in our office, at your own pace.")
    page.get_by_label("Postcode of the workplace").fill("2000")
    page.get_by_label("Hours a week, at least").fill("16")
    page.get_by_label("Hours a week, at most").fill("20")
    page.get_by_label("Work from home possible", exact=True).check()
    page.get_by_label("Part-time possible", exact=True).check()
    page.locator("#id_contract_type").select_option("trial")
    page.get_by_label("Open to a progressive return to work").check()
    page.get_by_label("Contact person").fill("Hanne")
    page.locator("#id_contact_email").fill(CONTACT)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".messages")).to_contain_text("saved as a draft")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send for moderation").click()
    expect(page.locator(".messages")).to_contain_text("sent for moderation")
    assert_no_axe_violations(page)
    offer = JobOffer.objects.get(employer__public_name="Havenlogistiek")
    assert (offer.status, offer.kind, offer.region) == (OfferStatus.SUBMITTED, "trial", "BE-VLG")
    return offer


def the_editor_verifies_and_publishes(page: Page, base: str, offer: JobOffer) -> None:
    visit(page, base + url("moderation"))
    page.get_by_role("link", name="Trial placement in administration").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    # The employer is not verified yet: publishing is refused and says why.
    expect(page.locator(".messages")).to_contain_text("not verified")
    assert JobOffer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED

    visit(page, base + url("employers"))
    page.get_by_role("button", name=re.compile("^Verify")).click()
    expect(page.locator(".messages")).to_contain_text("Havenlogistiek is verified")
    assert EmployerProfile.objects.get(public_name="Havenlogistiek").is_verified
    visit(page, base + url("offer_review", offer_id=offer.pk))
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The offer is published")
    assert JobOffer.objects.get(pk=offer.pk).status == OfferStatus.PUBLISHED
    assert any(m.to == [CONTACT] and "published" in m.subject for m in mail.outbox)


def a_person_in_antwerp_finds_it_and_writes(page: Page, base: str, offer: JobOffer) -> None:
    visit(page, base + url("search"))
    page.get_by_label("Near postcode").fill("2000")
    page.get_by_label("Within (km)").fill("15")
    page.get_by_label("At most this many hours a week").fill("20")
    page.locator("#id_remote").check()
    page.get_by_role("button", name="Show offers").click()
    expect(page.locator(".job-card")).to_have_count(1)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Trial placement in administration").click()
    expect(page).to_have_url(re.compile(re.escape(url("offer", offer_id=offer.pk)) + "$"))
    expect(page.get_by_text("Work from home possible")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Write to the employer").click()
    expect(
        page.get_by_text("You do not need to mention your health or your illness.")
    ).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Your name").fill("Sam Peeters")
    page.get_by_label("Your e-mail address (for the reply)").fill("sam.peeters@example.org")
    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_role("button", name="Send my message").click()
    expect(page.locator(".messages")).to_contain_text("Your message was sent to Havenlogistiek")
    assert_no_axe_violations(page)
