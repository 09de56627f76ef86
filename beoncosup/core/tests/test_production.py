"""Production guards: static files collect, the demo editor stays out, sign-in is throttled, and
every response carries a Permissions-Policy."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from beoncosup.core.auth import client_ip
from beoncosup.core.services import DEMO_EDITOR_USERNAME

PASSWORD = "a-long-password-1"


@pytest.mark.unit
def test_collectstatic_with_the_production_storage_passes(tmp_path, settings):
    # The manifest storage follows every sourceMappingURL; a vendored file naming a missing map
    # made it fail, and every page answered 500 in production.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    call_command("collectstatic", "--noinput", verbosity=0)

    assert (tmp_path / "staticfiles.json").exists()
    assert list((tmp_path / "vendor" / "leaflet").glob("leaflet.*.js"))


def _editor(username: str):
    email = f"{username}@example.org"
    user = get_user_model().objects.create_user(
        username=username, email=email, password=PASSWORD, is_staff=True, is_superuser=True
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _sign_in(client, username: str, password: str = PASSWORD):
    # Editors sign in through allauth's form (the admin's own form redirects there).
    return client.post(
        "/en/accounts/login/",
        {"login": f"{username}@example.org", "password": password},
        REMOTE_ADDR="192.0.2.7",
    )


@pytest.mark.django_db
def test_demo_editor_cannot_sign_in_in_production(client, settings):
    _editor(DEMO_EDITOR_USERNAME)
    settings.PRODUCTION = True

    response = _sign_in(client, DEMO_EDITOR_USERNAME)

    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_demo_editor_signed_in_before_production_is_signed_out(client, settings):
    client.force_login(_editor(DEMO_EDITOR_USERNAME))
    settings.PRODUCTION = True

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_other_editors_sign_in_in_production(client, settings):
    _editor("real-editor")
    settings.PRODUCTION = True

    response = _sign_in(client, "real-editor")

    # Signed in with the password; the second step (MFA set-up) comes next.
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_out_with_a_message(client, settings):
    settings.AXES_ENABLED = True
    _editor("real-editor")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "real-editor", "wrong").status_code == 200

    locked = _sign_in(client, "real-editor", "wrong")
    then_right = _sign_in(client, "real-editor")

    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    assert then_right.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lock_out_is_per_account_and_address(client, settings):
    settings.AXES_ENABLED = True
    _editor("real-editor")
    _editor("other-editor")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "real-editor", "wrong")

    response = _sign_in(client, "other-editor")

    assert response.status_code == 302


@pytest.mark.django_db
def test_every_page_sends_a_permissions_policy(client):
    response = client.get("/nl/")

    policy = response["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy
    assert "microphone=()" in policy


@pytest.mark.unit
@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy: the header is the client's own claim
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # left part forged by the client
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: trust nothing
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip_trusts_only_our_proxies(settings, proxies, forwarded, expected):
    settings.BEONCOSUP_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected
