"""Issue #15: the person's private page and its steps, on a 390 x 844 phone, without an account,
axe-core on each: the page of a referral with consent and of an anonymous one, withdrawing
consent, erasure, stopping one referral (with its error when no answer is chosen), an unknown
link, and the download of "my data" as a PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from beoncosup.referrals import services
from beoncosup.referrals.testing import referral_make, world_make
from tests.browser.axe import assert_no_axe_violations
from tests.browser.referrals_helpers import PHONE, en

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_all_details(page: Page) -> None:
    """Disclosures open, so axe-core checks what they hold too."""
    for details in page.locator("details").all():
        details.evaluate("element => element.open = true")


def submit(page: Page) -> None:
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state("load")


def test_the_persons_pages_work_on_a_phone_and_pass_axe(browser: Browser, live_server):
    base = live_server.url
    world = world_make()
    referral, token = referral_make(world)
    _anonymous_referral, anonymous_token = referral_make(world, consent=False)
    assert referral.case is not None
    services.access_record(
        case=referral.case,
        what="inbox.detail",
        channel="web",
        actor=world.staff,
        organisation_label="Psycho-oncologie vzw",
    )
    page = browser.new_context(viewport=PHONE, accept_downloads=True).new_page()

    pages = [
        en("referrals:person", token=token),
        en("referrals:person", token=anonymous_token),
        en("referrals:person_withdraw", token=token),
        en("referrals:person_erase", token=token),
        en("referrals:person_cancel", token=token, referral_id=str(referral.pk)),
    ]
    for path in pages:
        response = page.goto(f"{base}{path}")
        assert response is not None and response.status == 200, path
        open_all_details(page)
        assert_no_axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # The access log shows the service's look at the referral.
    page.goto(f"{base}{pages[0]}")
    open_all_details(page)
    expect(page.locator("main")).to_contain_text("Psycho-oncologie vzw")

    # An unknown link: not found, and still accessible.
    response = page.goto(f"{base}{en('referrals:person', token='nope')}")
    assert response is not None and response.status == 404
    assert_no_axe_violations(page)

    # Stopping one referral: without an answer, the error; with one, done.
    page.goto(f"{base}{pages[4]}")
    submit(page)
    expect(page.locator("main")).to_contain_text("Choose one answer.")
    assert_no_axe_violations(page)
    page.get_by_label("Another reason").check()
    submit(page)
    expect(page.locator("main")).to_contain_text("Done. The referral is stopped.")
    assert_no_axe_violations(page)

    # Withdrawing consent, then erasing everything.
    page.goto(f"{base}{pages[2]}")
    submit(page)
    page.goto(f"{base}{pages[3]}")
    submit(page)
    expect(page.locator("main")).to_contain_text("Your data is erased")
    assert_no_axe_violations(page)

    # The anonymous referral's person downloads their data as a PDF.
    page.goto(f"{base}{pages[1]}")
    with page.expect_download() as download:
        page.get_by_text("Download my data (PDF)").click()
    assert download.value.suggested_filename.startswith("beoncosup-my-data-")
