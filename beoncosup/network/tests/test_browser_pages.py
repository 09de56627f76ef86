"""axe-core on the network's pages in the four languages: the public directory and groups, a
member's profile form, the members' directory with results, a member's page, a group's page
seen by its facilitator, and the meeting and announcement forms."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser

from beoncosup.accounts.testing import signed_in
from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.network.tests.factories import group_create, member_add, profile_create
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import browser_type_launch_args  # noqa: F401 (Debian's Chromium)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(browser: Browser, live_server: Any, user: Any) -> Any:
    client = signed_in(Client(), user)
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_network_pages_have_no_axe_violations(browser: Browser, live_server, language):
    make_geo()
    make_needs()
    me = profile_create("me@example.org", name="Eva Goossens", public_fields=["discipline"])
    other = profile_create(
        "other@example.org", name="Jan Peeters", public_fields=["expertise", "region", "contact"]
    )
    group = group_create()
    member_add(group, me, role="facilitator")
    member_add(group, other)
    with translation.override(language):
        paths = [
            reverse("network:public") + "?need=MED-FATIGUE&postcode=9000",
            reverse("network:groups"),
            reverse("network:profile_edit"),
            reverse("network:directory") + "?need=MED-FATIGUE&postcode=9000",
            reverse("network:member", kwargs={"profile_id": other.pk}),
            reverse("network:group", kwargs={"group_id": group.pk}),
            reverse("network:meeting_add", kwargs={"group_id": group.pk}),
            reverse("network:announce", kwargs={"group_id": group.pk}),
            reverse("network:profile_delete"),
        ]
    page = _page(browser, live_server, me.user)
    failures = []
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, (path, response and response.status)
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(str(error))
    assert failures == [], "\n\n".join(failures)
