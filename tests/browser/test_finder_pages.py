"""The referral finder and the support plan in a real browser, with axe on every page:
free text in four languages, a phone-sized patient flow, no JavaScript, blocked map tiles, no
tile server asked before the visitor agrees."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page, expect

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import attribute, make_geo, service_record
from beoncosup.search.needs import clear_cache
from beoncosup.taxonomy.services import taxonomy_load
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Everyday words in each language and the need they mean (see search/tests).
TYPED = {
    "nl": ("ik ben altijd moe", "MED-FATIGUE"),
    "fr": ("peur que ça revienne", "PSY-FEAR-RECURRENCE"),
    "de": ("Perücke", "MED-AIDS-PROSTHESES"),
    "en": ("back to work part-time", "WORK-GRADUAL-RETURN"),
}
TILES = "https://tile.openstreetmap.org/**"


def url(language: str, name: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def with_needs(record: dict[str, Any], codes: list[str]) -> dict[str, Any]:
    kept = [a for a in record["attributes"] if a["taxonomy_term"]["taxonomy"] != "beoncosup-needs"]
    record["attributes"] = kept + [attribute("beoncosup-needs", c, record["id"]) for c in codes]
    return record


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[None]:
    """The reference taxonomy, four places and one service per typed need (plus pain)."""
    clear_cache()
    taxonomy_load()
    make_geo()
    codes = [code for _text, code in TYPED.values()]
    records = [with_needs(service_record(code.lower()), [code, "MED-PAIN"]) for code in codes]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield
    clear_cache()


def no_csp_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return errors


def assert_no_axe_violations_without_scripts(browser: Browser, address: str) -> None:
    """axe-core needs JavaScript, which a no-JS context cannot run: check the same address in a
    context that runs JavaScript but loads none of the site's scripts (so the page is as a
    browser without JavaScript shows it)."""
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(address)
    assert_no_axe_violations(page)
    context.close()


@pytest.mark.parametrize("language", list(TYPED))
def test_professional_flow_from_words_to_a_pdf(page: Page, live_server, directory, language):
    text, code = TYPED[language]
    csp_errors = no_csp_errors(page)
    page.route(TILES, lambda route: route.abort())
    page.goto(f"{live_server.url}{url(language, 'finder:finder')}")
    assert_no_axe_violations(page)

    page.locator("#id_q").fill(text)
    page.locator("#finder-form button[type=submit]").click()

    expect(page.locator(f"#understood-{code}")).to_be_checked()
    first = page.locator(".result").first
    expect(first.locator("h3")).to_contain_text(f"Steunpunt {code.lower()}")
    expect(page.locator("#finder-status")).not_to_be_empty()
    assert "q=" in page.url  # the search is in the address (deep link)
    assert_no_axe_violations(page)

    first.locator(".plan-add button").click()
    expect(first.locator(".in-plan")).to_be_visible()
    expect(page.locator("#plan-nav a")).to_contain_text("1")
    page.locator("#plan-nav a").click()

    expect(page.locator(".plan-item h3")).to_contain_text(f"Steunpunt {code.lower()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    token = page.url.rstrip("/").split("/")[-1]
    with page.expect_download() as download:
        page.locator(f'a[href="{url(language, "finder:plan_pdf", token=token)}"]').click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert csp_errors == []


def test_patient_flow_on_a_phone(page: Page, live_server, directory):
    page.set_viewport_size({"width": 375, "height": 667})
    page.route(TILES, lambda route: route.abort())
    page.goto(f"{live_server.url}{url('en', 'core:home')}")
    page.get_by_role("link", name="Find support that fits you").click()
    # htmx binds the postcode field when the page has loaded; typing earlier (a busy machine)
    # would send no suggestion request at all.
    page.wait_for_load_state("load")

    fatigue = page.locator("#need-MED-FATIGUE")
    page.locator("details.need-domain", has=fatigue).locator("summary").click()
    fatigue.check()
    page.locator("#id_postcode").fill("Gen")  # HTMX fills the suggestions
    expect(page.locator("#postcode-options option")).to_have_attribute("value", "9000 Gent")
    page.locator("#id_postcode").fill("9000 Gent")
    page.get_by_label("People with cancer").check()
    page.get_by_role("button", name="Search", exact=True).click()

    first = page.locator(".result").first
    expect(first).to_contain_text("Steunpunt med-fatigue")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_no_axe_violations(page)
    first.get_by_role("button", name="Add to my plan").click()
    first.get_by_role("link", name="See my plan").click()

    page.get_by_label("Your note about").first.fill("Call on Monday morning")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.locator("#saved")).to_contain_text("Your plan is saved.")
    expect(page.get_by_label("Your note about").first).to_have_value("Call on Monday morning")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Print view").click()
    expect(page.locator("h1")).to_have_text("Support plan")
    expect(page.locator("main")).to_contain_text("Call on Monday morning")
    assert_no_axe_violations(page)


def test_whole_flow_without_javascript(browser: Browser, live_server, directory):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{url('en', 'finder:finder')}")

    page.locator("#id_q").fill("back to work part-time")
    page.locator("#id_postcode").fill("9000")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(page.locator("#understood-WORK-GRADUAL-RETURN")).to_be_checked()
    expect(page.locator("#map-section")).to_be_hidden()
    assert_no_axe_violations_without_scripts(browser, page.url)
    page.get_by_role("button", name="Search with these needs").click()
    expect(page.locator("#results-title")).to_contain_text("1 service found")

    page.get_by_role("button", name="Add to my plan").first.click()
    expect(page.locator(".in-plan")).to_contain_text("In your plan.")
    page.locator("#plan-nav a").click()
    page.get_by_label("General note").fill("Ask about part-time work")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_label("General note")).to_have_value("Ask about part-time work")
    assert_no_axe_violations_without_scripts(browser, page.url)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.get_by_role("button", name="Remove").first.click()
    expect(page.locator("main")).to_contain_text("Your plan has no services yet.")
    context.close()


def test_bad_input_without_javascript_is_explained_at_the_field(
    browser: Browser, live_server, directory
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{url('en', 'finder:finder')}?need=MED-PAIN&postcode=12")

    expect(page.locator(".error-summary")).to_contain_text("four digits")
    expect(page.locator("#id_postcode")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations_without_scripts(browser, page.url)
    context.close()


def test_blocked_map_tiles_leave_the_list_usable(page: Page, live_server, directory):
    blocked: list[str] = []

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    page.route(TILES, block)
    page.goto(f"{live_server.url}{url('fr', 'finder:finder')}?need=MED-PAIN&postcode=9000")
    page.locator("#map-consent-button").click()  # the map asks before it loads any tile

    expect(page.locator("#map-section")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    assert blocked  # the map asked for tiles and got none
    assert_no_axe_violations(page)
    # Keyboard: the map can be tabbed into and out of.
    page.locator("#results-map").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if not page.evaluate(
            "document.getElementById('results-map').contains(document.activeElement)"
        ):
            break
    assert not page.evaluate(
        "document.getElementById('results-map').contains(document.activeElement)"
    )

    # The needs filter (JavaScript only) narrows the list without searching.
    page.locator("#need-filter").fill("prothe")  # "prothèse": accents do not matter
    expect(page.locator("#need-MED-AIDS-PROSTHESES")).to_be_visible()
    expect(page.locator("#need-MED-FATIGUE")).to_be_hidden()

    page.locator(".result h3 a").first.click()
    expect(page.locator("h1")).to_contain_text("Steunpunt")


def test_results_reflow_at_320_pixels_with_long_addresses(page: Page, live_server, directory):
    Service.objects.update(
        url="https://www.example.org/ondersteuning/psychosociale-begeleiding-en-lotgenotencontact",
        email="informatie.psychosociale.begeleiding@ziekenhuisnetwerk-voorbeeld.be",
    )
    page.set_viewport_size({"width": 320, "height": 640})
    page.route(TILES, lambda route: route.abort())

    page.goto(f"{live_server.url}{url('nl', 'finder:finder')}?need=MED-PAIN&postcode=9000")

    expect(page.locator(".result").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_no_tile_server_hears_of_the_search_before_the_visitor_agrees(
    page: Page, live_server, directory
):
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    tiles: list[str] = []

    def block(route: Any) -> None:
        tiles.append(route.request.url)
        route.abort()

    page.route(TILES, block)
    errors = no_csp_errors(page)
    address = f"{live_server.url}{url('en', 'finder:finder')}?need=MED-PAIN&postcode=9000"
    page.goto(address)
    page.wait_for_load_state("networkidle")

    consent = page.locator("#map-consent")
    expect(consent).to_be_visible()
    expect(consent).to_contain_text("OpenStreetMap")
    expect(page.locator("#results-map")).to_be_hidden()
    expect(page.locator(".result")).to_have_count(4)  # the list does not wait for the map
    assert set(hosts) == {"localhost"}
    assert_no_axe_violations(page)

    page.locator("#map-consent-button").click()

    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expect(consent).to_be_hidden()
    page.wait_for_load_state("networkidle")
    assert tiles
    assert {urlsplit(tile).hostname for tile in tiles} == {"tile.openstreetmap.org"}
    assert page.evaluate("document.activeElement.id") == "results-map"
    assert_no_axe_violations(page)
    assert errors == []

    # The answer holds for this tab's visit: the next search shows the map at once…
    page.goto(address.replace("MED-PAIN", "MED-FATIGUE"))
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("#map-consent")).to_be_hidden()
    # …and a new visit asks again.
    other = page.context.browser.new_page()  # type: ignore[union-attr]
    other.goto(address)
    expect(other.locator("#map-consent-button")).to_be_visible()
    expect(other.locator(".leaflet-marker-icon")).to_have_count(0)
    other.close()


def test_own_tile_server_shows_the_map_at_once(page: Page, live_server, directory, settings):
    settings.BEONCOSUP_MAP_TILES_URL = "/test-tiles/{z}/{x}/{y}.png"
    own: list[str] = []
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if urlsplit(request.url).hostname != "localhost" else None
        ),
    )

    def serve(route: Any) -> None:
        own.append(route.request.url)
        route.fulfill(status=204)

    page.route("**/test-tiles/**", serve)
    page.goto(f"{live_server.url}{url('nl', 'finder:finder')}?need=MED-PAIN&postcode=9000")

    expect(page.locator(".leaflet-marker-icon")).to_have_count(4)
    expect(page.locator("#map-consent-button")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert own
    assert elsewhere == []
    assert_no_axe_violations(page)
