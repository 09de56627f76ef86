"""The information hub in a real browser: every page type in four languages with axe, the
language fallback, search, and the printed return-to-work plan."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from beoncosup.hub.tests.factories import LANGUAGES, article, load, make_needs
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hub(tmp_path):
    # A flushed database: the loader creates the root page, locales and site it needs.
    make_needs()
    plan = article("plan", is_demo=True)
    for language, text in plan["translations"].items():
        text["body"].append(
            {
                "worksheet": {
                    "title": f"Plan {language}",
                    "fields": [{"label": f"Date {language}", "hint": "dd/mm", "lines": 2}],
                }
            }
        )
        text["body"].append({"checklist": {"title": f"Checks {language}", "items": ["One"]}})
    load(tmp_path / "employers", [plan, article("forem", languages=("fr",))], "for-employers")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hub_pages_have_no_axe_violations(page: Page, live_server, hub, language):
    for path in ("", "for-employers/", "for-employers/plan/", "for-employers/forem/"):
        page.goto(f"{live_server.url}/{language}/info/{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/info/search/?q=plan")
    assert_no_axe_violations(page)


def test_switching_language_keeps_the_article(page: Page, live_server, hub):
    page.goto(f"{live_server.url}/en/info/for-employers/plan/")

    page.get_by_role("link", name="Français").click()

    expect(page).to_have_url(f"{live_server.url}/fr/info/for-employers/plan/")
    expect(page.locator("h1")).to_have_text("Title fr plan")


def test_an_article_only_in_french_says_so_in_english(page: Page, live_server, hub):
    page.goto(f"{live_server.url}/en/info/for-employers/")
    page.get_by_role("link", name="Title fr forem").click()

    expect(page.locator(".fallback-note")).to_have_text(
        "This article does not exist in this language yet. You are reading it in French."
    )
    expect(page.locator("article")).to_have_attribute("lang", "fr")


def test_the_return_to_work_plan_prints_without_navigation(page: Page, live_server, hub):
    page.goto(f"{live_server.url}/en/info/for-employers/plan/")

    page.emulate_media(media="print")

    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".article-actions")).to_be_hidden()
    expect(page.locator(".worksheet dt")).to_have_text("Date en")
    expect(page.locator(".write-lines")).to_be_visible()
    expect(page.locator(".badge-demo").first).to_be_visible()
