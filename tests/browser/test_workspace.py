"""Issue #14, "Done when": a professional saves a search and a list and shares the list with a
colleague. A nurse of AZ Voorbeeld searches the finder for fatigue in Gent, saves the search,
adds a service to a new list with a note, and shares the list; a colleague of the same hospital
reads it (and cannot change it), a professional of another organisation does not see it.
axe-core on every page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, expect

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.testing import organisation_with, signed_in
from beoncosup.workspace.models import SavedSearch, ServiceList
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_phone_results import (  # noqa: F401 (the fixture is used by name)
    DESKTOP,
    directory,
    search_for_fatigue_in_gent,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LANGUAGE = "nl"


def url(name: str, **kwargs: object) -> str:
    with translation.override(LANGUAGE):
        return reverse(name, kwargs=kwargs or None)


def signed_in_context(browser: Browser, live_server, user) -> BrowserContext:
    """A browser with the session of ``user`` (signed in with a second factor, as every role
    must be), made by Django's test client."""
    client = signed_in(Client(), user)
    context = browser.new_context(viewport=DESKTOP)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def submit(page: Page) -> None:
    page.locator("#main-content form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state("load")


def nurse_saves_the_search(nurse: Page, live_server) -> None:
    """Search in the finder, then "Save this search" (its name filled in for her)."""
    nurse.goto(f"{live_server.url}{url('finder:finder')}")
    search_for_fatigue_in_gent(nurse)
    expect(nurse.locator(".result").first).to_be_visible()
    assert_no_axe_violations(nurse)
    nurse.locator(".save-search button").click()
    nurse.wait_for_load_state("load")
    expect(nurse.locator("#id_name")).not_to_have_value("")
    assert_no_axe_violations(nurse)
    submit(nurse)
    expect(nurse.locator("h1")).to_be_visible()
    assert nurse.url.endswith(url("workspace:search_list"))
    assert_no_axe_violations(nurse)
    search = SavedSearch.objects.get()
    assert "need=MED-FATIGUE" in search.query and "postcode=9000" in search.query


def nurse_lists_a_service_and_shares_the_list(nurse: Page, live_server) -> ServiceList:
    """Run the saved search, add the first service to a new list with a note, share it; the
    workspace's other pages pass axe too."""
    submit(nurse)  # the saved search's "Run" button
    expect(nurse.locator(".result").first).to_be_visible()
    nurse.locator(".result .list-add a").first.click()
    nurse.wait_for_load_state("load")
    assert_no_axe_violations(nurse)
    nurse.locator("#id_new_list_name").fill("Vermoeidheid Gent")
    nurse.locator("#id_note").fill("Eerst bellen")
    submit(nurse)
    expect(nurse.locator("h1")).to_have_text("Vermoeidheid Gent")
    expect(nurse.locator("#list-items li")).to_have_count(1)
    assert_no_axe_violations(nurse)

    # Share it with the hospital.
    service_list = ServiceList.objects.get()
    nurse.locator(f'a[href="{url("workspace:list_edit", pk=service_list.pk)}"]').click()
    nurse.wait_for_load_state("load")
    assert_no_axe_violations(nurse)
    nurse.locator("#id_shared").check()
    submit(nurse)
    expect(nurse.locator("h1")).to_have_text("Vermoeidheid Gent")
    service_list.refresh_from_db()
    assert service_list.shared

    for name in ("workspace:home", "workspace:activity", "workspace:settings"):
        nurse.goto(f"{live_server.url}{url(name)}")
        assert_no_axe_violations(nurse)

    return service_list


@pytest.mark.usefixtures("directory")
def test_a_professional_saves_a_search_and_shares_a_list_with_a_colleague(
    browser: Browser, live_server
):
    organisation_with(
        name="AZ Voorbeeld",
        members={
            "nurse@example.org": [OrgRole.PROFESSIONAL],
            "colleague@example.org": [OrgRole.PROFESSIONAL],
        },
    )
    organisation_with(name="OCMW Elders", members={"outsider@example.org": [OrgRole.PROFESSIONAL]})
    users = {user.email: user for user in get_user_model().objects.all()}

    nurse = signed_in_context(browser, live_server, users["nurse@example.org"]).new_page()
    nurse_saves_the_search(nurse, live_server)
    service_list = nurse_lists_a_service_and_shares_the_list(nurse, live_server)

    # A colleague reads the list; nothing to change it with.
    colleague = signed_in_context(browser, live_server, users["colleague@example.org"]).new_page()
    colleague.goto(f"{live_server.url}{url('workspace:list_index')}")
    expect(colleague.locator("#main-content")).to_contain_text("Vermoeidheid Gent")
    assert_no_axe_violations(colleague)
    colleague.locator("#main-content a", has_text="Vermoeidheid Gent").click()
    colleague.wait_for_load_state("load")
    expect(colleague.locator("#list-items")).to_contain_text("Eerst bellen")
    expect(colleague.locator("#list-items form")).to_have_count(0)
    assert_no_axe_violations(colleague)

    # A professional of another organisation neither sees it listed nor opens it.
    outsider = signed_in_context(browser, live_server, users["outsider@example.org"]).new_page()
    outsider.goto(f"{live_server.url}{url('workspace:list_index')}")
    expect(outsider.locator("#main-content")).not_to_contain_text("Vermoeidheid Gent")
    assert_no_axe_violations(outsider)
    response = outsider.goto(f"{live_server.url}{url('workspace:list_detail', pk=service_list.pk)}")
    assert response is not None and response.status == 404
