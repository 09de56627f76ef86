"""Journeys of issue #12 that the matcher decides, walked in a real browser on a phone and a
desktop, in two languages each, with axe on every page:

- 6: the person's language counts (German speakers in Eupen get German first; a service that
  speaks none of the person's languages comes last and says so);
- 7: the empty state names the change that would help, as a link that finds it;
- 11: a home-care team reaches a housebound person anywhere in the area it serves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import attribute, make_geo, make_needs, service_record
from beoncosup.search.needs import clear_cache
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]


def finder_url(language: str) -> str:
    with translation.override(language):
        return reverse("finder:finder")


def record(
    seed: str,
    *,
    postcode: str,
    name: str,
    languages: list[str],
    delivery: str = "in_person",
    areas: list[str] | None = None,
) -> dict[str, Any]:
    service = service_record(seed, postcode=postcode, name=name)
    service["languages"] = [
        {"id": f"{service['id'][:-4]}{i:04d}", "code": code, "name": code}
        for i, code in enumerate(languages)
    ]
    service["service_areas"] = [
        {"id": f"{service['id'][:-4]}a{i:03d}", "name": code, "uri": f"urn:beoncosup:area:{code}"}
        for i, code in enumerate(areas or [])
    ]
    kept = [
        a
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"]
        not in {"beoncosup-delivery", "beoncosup-employment-status"}
    ]
    service["attributes"] = [*kept, attribute("beoncosup-delivery", delivery, service["id"])]
    return service


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[None]:
    clear_cache()
    make_geo()
    make_needs()
    records = [
        record("eupen", postcode="4700", name="Hilfe", languages=["de"]),
        record("liege", postcode="4000", name="Aide", languages=["fr"]),
        # A home-care team based in Liège that visits people at home all over Belgium.
        record(
            "home",
            postcode="4000",
            name="Thuiszorg",
            languages=["nl"],
            delivery="home_visit",
            areas=["BE"],
        ),
    ]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    yield
    clear_cache()


def reveal(page: Page, selector: str) -> None:
    """Open the folded sections (<details>) that hold the field, as a person clicks them open."""
    field = page.locator(selector).first
    for summary in field.locator("xpath=ancestor::details[not(@open)]/summary").all():
        summary.click()


def search(page: Page, base: str, language: str, postcode: str, **extra: str) -> None:
    """Fill the finder's form as a person would and search."""
    page.goto(f"{base}{finder_url(language)}")
    reveal(page, "#need-MED-PAIN")
    page.locator("#need-MED-PAIN").check()
    page.locator("#id_postcode").fill(postcode)
    for name, value in extra.items():
        reveal(page, f'[name="{name}"]')
        field = page.locator(f'[name="{name}"]').first
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        elif field.get_attribute("type") == "radio":
            page.locator(f'[name="{name}"][value="{value}"]').check()
        elif field.get_attribute("type") == "checkbox":
            field.check()
        else:
            field.fill(value)
    page.locator('#finder-form button[type="submit"]').first.click()
    expect(page.locator("#results-title")).to_be_visible()


def card_names(page: Page) -> list[str]:
    return [name.strip() for name in page.locator("#results-list h3").all_inner_texts()]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("language", "postcode", "first", "last", "says"),
    [
        ("de", "4700", "Hilfe eupen", "Aide liege", "spricht kein Deutsch"),
        ("fr", "4000", "Aide liege", "Hilfe eupen", "ne parle pas français"),
    ],
)
def test_the_persons_language_counts(  # noqa: PLR0917 - pytest passes parameters by position
    page: Page, live_server, directory, viewport, language, postcode, first, last, says
):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}{finder_url(language)}")
    # The page's language is the first guess at the person's.
    expect(page.locator(f'input[name="languages"][value="{language}"]')).to_be_checked()
    assert_no_axe_violations(page)

    search(page, live_server.url, language, postcode)

    names = card_names(page)
    assert names[0].startswith(first)
    # The service that speaks none of the person's languages comes after it, and says so.
    position = next(i for i, name in enumerate(names) if name.startswith(last))
    assert position > 0
    expect(page.locator("#results-list > li").nth(position)).to_contain_text(says)
    expect(page.locator("#results-list > li").first).not_to_contain_text(says)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("language", "advice"),
    [
        ("nl", "Ook diensten die niet gratis zijn: 3 diensten"),
        ("en", "Also services that are not free: 3 services"),
    ],
)
def test_the_empty_state_names_the_change_that_helps(  # noqa: PLR0917 - pytest passes parameters by position
    page: Page, live_server, directory, viewport, language, advice
):
    page.set_viewport_size(viewport)
    search(page, live_server.url, language, "4700", free_only="yes")

    expect(page.locator(".empty-state")).to_be_visible()
    expect(page.locator(".empty-state")).not_to_contain_text("km")  # no distance was set
    assert_no_axe_violations(page)
    page.get_by_role("link", name=advice).click()

    expect(page.locator("#results-list > li").first).to_be_visible()
    expect(page.locator("#id_free_only")).not_to_be_checked()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("language", "says"),
    [("nl", "komt aan huis in jouw streek"), ("fr", "se déplace à domicile dans votre région")],
)
def test_a_home_care_team_reaches_a_housebound_person_across_its_area(  # noqa: PLR0917 - pytest passes parameters by position
    page: Page, live_server, directory, viewport, language, says
):
    page.set_viewport_size(viewport)
    # Gent is about 140 km from the team's office in Liège.
    search(page, live_server.url, language, "9000", reach="home")

    names = card_names(page)
    assert len(names) == 1 and names[0].startswith("Thuiszorg home")
    expect(page.locator("#results-list > li").first).to_contain_text(says)
    assert_no_axe_violations(page)
