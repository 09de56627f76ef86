"""The finder starts from a professional's defaults after a real sign-in (password + TOTP)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from beoncosup.accounts.testing import PASSWORD, mfa_enable, totp_code
from beoncosup.workspace import services
from beoncosup.workspace.tests.conftest import World

pytestmark = pytest.mark.django_db


def sign_in(client: Client, user, secret: str) -> None:
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302


def test_the_finder_starts_from_the_defaults_after_sign_in(client: Client, world: World):
    services.settings_save(user=world.owner, postcode="9000", languages=["fr"])
    secret = mfa_enable(world.owner)
    before = client.get(reverse("finder:finder")).context["form"].initial

    sign_in(client, world.owner, secret)
    after = client.get(reverse("finder:finder")).context["form"].initial

    assert before.get("postcode") is None
    assert (after["postcode"], after["languages"]) == ("9000", ["fr"])


def test_a_search_already_made_this_visit_wins_over_the_defaults(client: Client, world: World):
    services.settings_save(user=world.owner, postcode="9000", languages=["fr"])
    secret = mfa_enable(world.owner)
    client.get(f"{reverse('finder:finder')}?need=MED-PAIN&postcode=1000")

    sign_in(client, world.owner, secret)
    after = client.get(reverse("finder:finder")).context["form"].initial

    assert after["postcode"] == "1000"


def test_someone_without_the_workspace_gets_no_defaults(client: Client, world: World):
    services.settings_save(user=world.staff, postcode="9000", languages=["fr"])
    secret = mfa_enable(world.staff)

    sign_in(client, world.staff, secret)

    assert client.get(reverse("finder:finder")).context["form"].initial.get("postcode") is None
