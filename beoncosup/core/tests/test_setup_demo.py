from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from beoncosup.accounts.testing import mfa_enable
from beoncosup.core.services import DEMO_EDITOR_USERNAME

pytestmark = pytest.mark.django_db


def run_setup_demo() -> str:
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"password: (\S+)", output)
    assert match is not None, output
    return match.group(1)


def test_setup_demo_creates_locales_and_a_working_editor_account():
    output = run_setup_demo()

    codes = sorted(Locale.objects.values_list("language_code", flat=True))
    assert codes == ["de", "en", "fr", "nl"]
    user = authenticate(username=DEMO_EDITOR_USERNAME, password=printed_password(output))
    assert user is not None
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.is_superuser


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


def test_demo_editor_can_open_the_admin(client):
    password = printed_password(run_setup_demo())
    assert client.login(username=DEMO_EDITOR_USERNAME, password=password)
    mfa_enable(get_user_model().objects.get(username=DEMO_EDITOR_USERNAME))

    response = client.get("/admin/")

    assert response.status_code == 200
