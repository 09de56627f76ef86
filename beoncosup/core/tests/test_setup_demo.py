from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import totp_code
from beoncosup.core.services import DEMO_EDITOR_USERNAME, DEMO_EMAIL_DOMAIN
from beoncosup.insights import demo as insights_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_insights(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small synthetic insights history: the full one (1.5 million signals, the insights
    tests cover it) made each of these tests take minutes, most of CI's time."""
    monkeypatch.setattr(insights_demo, "SEARCHES", 3_000)
    monkeypatch.setattr(insights_demo, "SELF_CHECKS", 200)
    monkeypatch.setattr(insights_demo, "REFERRALS", 100)


def run_setup_demo() -> str:
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def printed_password(output: str, role: str = "editor") -> str:
    match = re.search(rf"\n  {role}\n    e-mail: +\S+\n    password: +(\S+)", output)
    assert match is not None, output
    return match.group(1)


def printed_totp_secret(output: str, role: str = "editor") -> str:
    match = re.search(rf"\n  {role}\b.*?TOTP secret: +(\S+)", output, re.DOTALL)
    assert match is not None, output
    return match.group(1)


def test_one_setup_demo_run_makes_locales_and_a_signed_in_demo_account_for_every_role(client):
    # One run serves all these checks: setup_demo takes half a minute even with small insights.
    output = run_setup_demo()

    codes = sorted(Locale.objects.values_list("language_code", flat=True))
    assert codes == ["de", "en", "fr", "nl"]
    user = authenticate(username=DEMO_EDITOR_USERNAME, password=printed_password(output))
    assert user is not None
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.is_superuser
    for role in [
        "professional",
        "organisation admin",
        "provider staff",
        "employer staff",
        "editor",
        "reviewer",
        "analyst",
        "platform admin",
    ]:
        assert re.search(rf"\n  {role}\b", output), role
    assert "DEMO ACCOUNTS (development only, refused in production)" in output
    # The accounts' two demo organisations, and the jobs' two demo employers.
    assert Organisation.objects.filter(is_demo=True).exclude(kind="employer").count() == 2
    assert Organisation.objects.filter(is_demo=True, kind="employer").count() == 2
    assert all(
        user.email.endswith("@" + DEMO_EMAIL_DOMAIN)
        for user in get_user_model().objects.filter(memberships__isnull=False)
    )
    # The demo editor signs in with the printed password and TOTP and opens the admin.
    email = f"demo-editor@{DEMO_EMAIL_DOMAIN}"
    signed = client.post(
        "/en/accounts/login/", {"login": email, "password": printed_password(output)}
    )
    second = client.post(
        "/en/accounts/2fa/authenticate/", {"code": totp_code(printed_totp_secret(output))}
    )
    response = client.get("/admin/")

    assert signed.status_code == 302
    assert second.status_code == 302
    assert response.status_code == 200


def test_setup_demo_twice_creates_nothing_twice_and_renews_the_password():
    first = printed_password(run_setup_demo())
    second = printed_password(run_setup_demo())

    assert get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).count() == 1
    assert Locale.objects.count() == 4
    assert first != second
    assert authenticate(username=DEMO_EDITOR_USERNAME, password=first) is None
    assert authenticate(username=DEMO_EDITOR_USERNAME, password=second) is not None


def test_setup_demo_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="development only"):
        run_setup_demo()
    assert not get_user_model().objects.filter(username=DEMO_EDITOR_USERNAME).exists()
