"""Accepting an invitation from its link: anonymous, signed in, expired, unknown, elsewhere."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Invitation, Membership
from beoncosup.accounts.testing import organisation_with, signed_in, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued() -> Any:
    hospital = organisation_with(members={"admin@az.example": [OrgRole.ORG_ADMIN]})
    return services.invitation_create(
        organisation=hospital,
        email="new@az.example",
        role=OrgRole.PROFESSIONAL,
        invited_by=hospital.memberships.get().user,
        language="nl",
    )


def _url(issued: Any) -> str:
    token = issued.url.rstrip("/").rsplit("/", 1)[1]
    return reverse("accounts:invitation", kwargs={"token": token})


def test_invitation_anonymous_explains_and_links_to_sign_up_and_sign_in(
    client: Client, issued: Any
) -> None:
    response = client.get(_url(issued))

    assert response.status_code == 200
    page = response.content.decode()
    assert "AZ Voorbeeld" in page
    links = [
        urlsplit(href.replace("&amp;", "&"))
        for href in page.split('href="')[1:]
        for href in [href.split('"', 1)[0]]
        if href.startswith((reverse("account_signup"), reverse("account_login")))
    ]
    assert [(link.path, parse_qs(link.query)) for link in links if "next" in link.query] == [
        (reverse("account_signup"), {"email": ["new@az.example"], "next": [_url(issued)]}),
        (reverse("account_login"), {"next": [_url(issued)]}),
    ]


def test_invitation_sign_up_link_prefills_the_address(client: Client, issued: Any) -> None:
    response = client.get(reverse("account_signup"), {"email": "new@az.example"})

    assert response.context["form"].initial.get("email") == "new@az.example"


def test_invitation_anonymous_post_changes_nothing(client: Client, issued: Any) -> None:
    client.post(_url(issued))

    issued.invitation.refresh_from_db()
    assert issued.invitation.accepted_at is None


def test_invitation_signed_in_shows_and_accepts(client: Client, issued: Any) -> None:
    person = user_create("new@az.example")
    signed_in(client, person)

    shown = client.get(_url(issued))
    response = client.post(_url(issued))

    assert shown.status_code == 200
    assert 'method="post"' in shown.content.decode()
    assert response["Location"] == reverse("accounts:home")
    assert list(Membership.objects.filter(user=person).values_list("role", flat=True)) == [
        OrgRole.PROFESSIONAL
    ]
    assert client.post(_url(issued)).status_code == 410


def test_invitation_expired_is_gone_and_changes_nothing(client: Client, issued: Any) -> None:
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    person = user_create("new@az.example")

    response = signed_in(client, person).post(_url(issued))

    assert response.status_code == 410
    assert "This invitation does not work" in response.content.decode()
    assert Membership.objects.filter(user=person).count() == 0


def test_invitation_unknown_token_is_404(client: Client, issued: Any) -> None:
    response = client.get(reverse("accounts:invitation", kwargs={"token": "nope" * 30}))

    assert response.status_code == 404
    assert "We do not know this link" in response.content.decode()


def test_invitation_to_another_address_is_403(client: Client, issued: Any) -> None:
    someone = user_create("someone@az.example")

    response = signed_in(client, someone).post(_url(issued))

    assert response.status_code == 403
    assert "new@az.example" in response.content.decode()
    assert Membership.objects.filter(user=someone).count() == 0
