"""The OpenAPI documentation renders in a browser, offline and under the site's CSP."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_the_hsds_operations(page: Page, live_server):
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto(f"{live_server.url}/api/docs")

    expect(page.get_by_text("/api/hsds/services/{service_id}").first).to_be_visible()
    assert blocked == []
