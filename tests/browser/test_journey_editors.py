"""Issue #12, journey 10: an editor who is not technical keeps the directory up to date in the
Wagtail admin, in Dutch and French, on a laptop and a phone:

- needs are picked in groups by domain with a filter box (and without JavaScript the grouped
  checkboxes still work);
- opening days are checkboxes;
- "To verify" lists the oldest check first; "Verified today" asks, records and returns to the
  same filtered list; saving an edited service returns there too.

Admin pages are checked for function (Wagtail's own markup is Wagtail's to keep accessible).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Browser, Page, ViewportSize, expect
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import mfa_enable, totp_code
from beoncosup.core.services import demo_editor_ensure
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, service_record
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
LIST_URL = "/admin/snippets/directory/service/"


@pytest.fixture
def directory(tmp_path: Path) -> Any:
    clear_cache()
    make_geo()
    taxonomy_load()
    records = [
        service_record("gent", postcode="9000"),
        service_record("luik", postcode="4000"),
        service_record("eupen", postcode="4700"),
    ]
    today = timezone.localdate()
    records[0]["assured_date"] = (today - dt.timedelta(days=400)).isoformat()
    records[1]["assured_date"] = (today - dt.timedelta(days=800)).isoformat()
    del records[2]["assured_date"]  # never verified
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield records
    clear_cache()


def sign_in(page: Page, base: str, language: str) -> None:
    editor = demo_editor_ensure()
    user = get_user_model().objects.get(username=editor.username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    secret = mfa_enable(user)
    # The admin signs in through allauth's form and its second step.
    page.goto(f"{base}/admin/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", editor.password)
    page.locator("#id_password").press("Enter")
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", language)


def open_tab(page: Page, number: int) -> None:
    """Wagtail's edit tabs: Service, Who it is for, How to get help, Verification."""
    tab = page.locator('[role="tab"]').nth(number)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def service_id(records: list[dict[str, Any]], seed: str) -> str:
    return str(next(r["id"] for r in records if r["name"].endswith(seed)))


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_an_editor_picks_needs_and_opening_days_without_typing_codes(
    page: Page, live_server: Any, directory: Any, viewport: ViewportSize, language: str
) -> None:
    page.set_viewport_size(viewport)
    sign_in(page, live_server.url, language)
    page.goto(f"{live_server.url}{LIST_URL}edit/{service_id(directory, 'gent')}/")

    open_tab(page, 1)
    picker = page.locator("[data-need-picker]")
    expect(picker.locator("select")).to_have_count(0)
    assert picker.locator("[data-need-picker-group]").count() >= 5  # one group per domain
    search = picker.locator('input[type="search"]')
    expect(search).to_be_visible()
    search.fill("WORK-TALK")
    visible = picker.locator("[data-need-picker-option]:visible")
    expect(visible).to_have_count(1)
    visible.locator('input[type="checkbox"]').check()
    expect(picker.locator(".need-picker-count")).not_to_be_empty()

    open_tab(page, 2)
    hours = page.locator("#id_schedules-FORMS")
    page.locator("#id_schedules-ADD").click()
    form = hours.locator("[data-inline-panel-child]").last
    for day in ("MO", "TH"):
        form.locator(f'input[type="checkbox"][value="{day}"]').check()
    form.locator('input[name$="-opens_at"]').fill("09:00")
    form.locator('input[name$="-closes_at"]').fill("12:00")
    page.locator("button.action-save").first.click()

    expect(page).to_have_url(f"{live_server.url}{LIST_URL}")
    service = Service.objects.get(id=service_id(directory, "gent"))
    assert "WORK-TALK-EMPLOYER" in set(service.needs.values_list("code", flat=True))
    assert "MO,TH" in list(service.schedules.values_list("byday", flat=True))


def test_without_javascript_the_needs_are_grouped_checkboxes(
    browser: Browser, live_server: Any, directory: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, "nl")
    page.goto(f"{live_server.url}{LIST_URL}edit/{service_id(directory, 'gent')}/")

    picker = page.locator("[data-need-picker]")
    expect(picker.locator("[data-need-picker-filter]")).to_be_hidden()
    chosen = Service.objects.get(id=service_id(directory, "gent")).needs.count()
    # The groups holding the service's needs are open, with those needs ticked; the rest fold.
    opened = picker.locator("[data-need-picker-group][open]")
    expect(opened.locator('input[type="checkbox"]:checked')).to_have_count(chosen)
    expect(picker.locator('input[type="checkbox"]:checked')).to_have_count(chosen)
    assert 0 < opened.count() < picker.locator("[data-need-picker-group]").count()
    context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_an_editor_works_through_the_stale_list_oldest_first(
    page: Page, live_server: Any, directory: Any, viewport: ViewportSize, language: str
) -> None:
    page.set_viewport_size(viewport)
    sign_in(page, live_server.url, language)
    page.goto(f"{live_server.url}/admin/")
    # The menu's "To verify" (folded away on a phone) leads to the stale list.
    assert f'"{LIST_URL}?verification=stale"' in page.content()
    page.goto(f"{live_server.url}{LIST_URL}?verification=stale")

    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(3)
    names = [rows.nth(i).inner_text() for i in range(3)]
    assert ["eupen" in names[0], "luik" in names[1], "gent" in names[2]] == [True, True, True]

    # "Verified today" on the oldest row: a question first, then back to the same list.
    rows.first.locator('a[href*="/verify/"]').click()
    page.locator('form[data-verify-form] button[type="submit"]').click()
    expect(page).to_have_url(f"{live_server.url}{LIST_URL}?verification=stale")
    expect(rows).to_have_count(2)
    eupen = Service.objects.get(id=service_id(directory, "eupen"))
    assert eupen.assured_date == timezone.localdate()

    # Editing and saving a service from the list comes back to the list as it was filtered.
    page.goto(f"{live_server.url}{LIST_URL}edit/{service_id(directory, 'gent')}/")
    page.locator("button.action-save").first.click()
    expect(page).to_have_url(f"{live_server.url}{LIST_URL}?verification=stale")
