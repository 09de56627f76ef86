"""axe-core on every page of the signed-in side (issue #14): each GET page of the authorization
matrix opened by a person allowed to see it, in Dutch, with the same data the matrix uses.
A page added to the matrix is checked here too."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser

from beoncosup.accounts.testing import signed_in
from tests.authz.test_authorization_matrix import MATRIX
from tests.authz.world import World, world_build
from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> World:
    return world_build()


# Who opens each page: the first of these the page allows.
PREFERRED = [
    "professional",
    "org_admin",
    "provider_staff",
    "editor",
    "platform_admin",
    "no_role",
    "employer_staff",
]
# allauth's pages are checked in the sign-in journeys (tests/browser/test_accounts_journey.py),
# where they have the state they need (a pending sign-in, a fresh password).
SKIP_PREFIXES = ("account_", "mfa_")

PAGES = sorted(
    name
    for name, row in MATRIX.items()
    if row.method == "get"
    and not row.public
    and not row.entry
    and not name.startswith(SKIP_PREFIXES)
    and not name.endswith(("_export", "_ical", "_csv", "_pdf"))  # downloads: CSV, calendar, PDF
)


def open_as(browser: Browser, live_server: Any, user: Any) -> Any:
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


def test_every_signed_in_page_has_no_axe_violations(
    browser: Browser,
    live_server,
    world: World,
):
    assert len(PAGES) >= 25, PAGES  # the matrix's signed-in pages, not an empty loop
    failures = []
    pages: dict[str, Any] = {}
    for name in PAGES:
        row = MATRIX[name]
        role = next(r for r in PREFERRED if r in row.allowed)
        page = pages.get(role) or pages.setdefault(
            role, open_as(browser, live_server, world.users[role])
        )
        arguments = row.kwargs(world)
        with translation.override("nl"):
            path = (
                reverse(name, kwargs=arguments)
                if isinstance(arguments, dict)
                else reverse(name, args=arguments)
            )
        query = "&".join(f"{k}={v}" for k, v in row.data(world).items())
        response = page.goto(f"{live_server.url}{path}{'?' + query if query else ''}")
        assert response is not None and response.status == 200, (
            name,
            role,
            response and response.status,
        )
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(f"{name} as {role}: {error}")
    assert failures == [], "\n\n".join(failures)
