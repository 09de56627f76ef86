"""Every account page as its admin sees it: unique ids, one h1, every field labelled."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.audit.services import event_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    hospital = organisation_with(
        members={"admin@az.example": [OrgRole.ORG_ADMIN], "pro@az.example": ["professional"]}
    )
    admin = hospital.memberships.get(role=OrgRole.ORG_ADMIN).user
    services.role_grant(user=admin, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    for n in range(2):
        services.invitation_create(
            organisation=hospital,
            email=f"i{n}@az.example",
            role="professional",
            invited_by=admin,
            language="nl",
        )
        services.join_request_create(
            organisation=hospital, user=user_create(f"r{n}@example.org"), role="professional"
        )
        services.api_token_create(organisation=hospital, name=f"T{n}", created_by=admin, days=5)
    event_record(action="test.page", actor=admin, organisation=hospital)
    return signed_in(client, admin)


SLUG = {"slug": "az-voorbeeld"}
PAGES = [
    ("accounts:home", {}),
    ("accounts:organisations", {}),
    ("accounts:organisation_create", {}),
    ("accounts:organisation", SLUG),
    ("accounts:organisation_join", SLUG),
    ("accounts:organisation_tokens", SLUG),
    ("accounts:organisation_audit", SLUG),
    ("accounts:roles", {}),
    ("accounts:audit", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[p[0] for p in PAGES])
def test_page_markup(admin_client: Client, name: str, kwargs: dict[str, str]) -> None:
    response = admin_client.get(reverse(name, kwargs=kwargs))
    html = response.content.decode()

    assert response.status_code == 200
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    assert html.count("<h1") == 1
    inputs = re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    visible = [tag for tag in inputs if 'type="hidden"' not in tag]
    unlabelled = [
        tag
        for tag in visible
        if (m := re.search(r'\sid="([^"]+)"', tag)) is None or f'for="{m.group(1)}"' not in html
    ]
    assert unlabelled == []
