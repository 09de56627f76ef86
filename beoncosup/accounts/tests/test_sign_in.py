"""Signing in: allauth with a verified e-mail, MFA required for every role, brute force stopped,
idle sessions ended, sign-out everywhere, the admin behind the same sign-in, all audited."""

from __future__ import annotations

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole, PlatformRole
from beoncosup.accounts.middleware import LAST_SEEN_KEY
from beoncosup.accounts.testing import (
    PASSWORD,
    mfa_enable,
    organisation_with,
    signed_in,
    totp_code,
    user_create,
)
from beoncosup.audit.models import AuditEvent
from beoncosup.core.services import DEMO_EMAIL_DOMAIN

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def sign_in(client: Client, email: str, password: str = PASSWORD, lang: str = "en", **extra):
    return client.post(f"/{lang}/accounts/login/", {"login": email, "password": password}, **extra)


def test_sign_up_sends_a_verification_mail_in_the_page_language_and_signs_in_only_after(
    django_capture_on_commit_callbacks,
):
    client = Client()

    with django_capture_on_commit_callbacks(execute=True):  # mails leave after commit
        response = client.post(
            "/fr/accounts/signup/",
            {"email": "nouvelle@cliniq.example", "password1": PASSWORD, "password2": PASSWORD},
        )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle@cliniq.example"]
    assert "Confirmez votre adresse" in message.subject
    link = re.search(r"https?://\S+/fr/accounts/confirm-email/\S+/", str(message.body))
    assert link is not None, message.body
    assert "_auth_user_id" not in client.session  # not yet: the address is unverified

    confirm = link.group(0).split("://", 1)[1].split("/", 1)[1]
    client.post("/" + confirm)
    signed = sign_in(client, "nouvelle@cliniq.example", lang="fr")

    assert EmailAddress.objects.get(email="nouvelle@cliniq.example").verified
    assert signed.status_code == 302
    assert client.session["_auth_user_id"]


def test_a_person_without_a_role_needs_no_second_factor():
    user_create("patient@example.org")
    client = Client()

    sign_in(client, "patient@example.org")
    response = client.get("/en/my-account/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    "make_privileged",
    [
        lambda user: services.role_grant(user=user, role=PlatformRole.EDITOR, granted_by=None),
        lambda user: services.role_grant(user=user, role=PlatformRole.ANALYST, granted_by=None),
        lambda user: services.membership_add(
            organisation=organisation_with(name="AZ Test"), user=user, role=OrgRole.PROFESSIONAL
        ),
    ],
    ids=["editor", "analyst", "professional"],
)
def test_every_role_must_set_up_a_second_factor_before_anything_else(make_privileged):
    user = user_create("pro@az.example")
    make_privileged(user)
    client = Client()

    sign_in(client, "pro@az.example")
    home = client.get("/en/my-account/")
    admin = client.get("/admin/")
    setup = client.get(home["Location"])

    assert home.status_code == 302 and home["Location"] == "/en/accounts/2fa/totp/activate/"
    assert admin.status_code == 302 and admin["Location"].endswith("/accounts/2fa/totp/activate/")
    assert setup.status_code == 200


@pytest.mark.django_db(transaction=True)  # allauth records the new factor after commit
def test_totp_enrolment_then_sign_in_with_a_code_and_with_a_recovery_code():
    user = user_create("pro@az.example")
    services.role_grant(user=user, role=PlatformRole.EDITOR, granted_by=None)
    client = Client()
    sign_in(client, "pro@az.example")

    client.get("/en/my-account/")  # sent to set up a second factor
    client.get("/en/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    wrong = client.post("/en/accounts/2fa/totp/activate/", {"code": "000000"})
    right = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})

    assert wrong.status_code == 200  # the form again, with its message
    assert right.status_code == 302
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert stored.data["secret"].startswith("enc1:")  # encrypted at rest
    assert secret not in str(stored.data)
    assert client.get("/en/my-account/").status_code == 200
    codes = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert len(codes) == 10

    # A new device: password, then the code from the app.
    other = Client()
    first = sign_in(other, "pro@az.example")
    assert first["Location"] == "/en/accounts/2fa/authenticate/"
    assert other.get("/en/my-account/").status_code == 302  # not signed in yet
    other.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret, offset=1)})
    assert other.get("/en/my-account/").status_code == 200

    # Phone lost: password, then a recovery code (once only).
    third = Client()
    sign_in(third, "pro@az.example")
    used = third.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})
    assert used.status_code == 302
    assert third.get("/en/my-account/").status_code == 200
    fourth = Client()
    sign_in(fourth, "pro@az.example")
    again = fourth.post("/en/accounts/2fa/authenticate/", {"code": codes[0]})
    assert again.status_code == 200
    assert fourth.get("/en/my-account/").status_code == 302

    actions = list(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert "mfa.added" in actions
    assert any(
        "two-factor" in m.subject.lower() or "authenticator" in m.subject.lower()
        for m in mail.outbox
    ), [m.subject for m in mail.outbox]
    assert actions.count("auth.signed_in") >= 3


def test_brute_force_is_stopped_with_a_clear_message_even_for_the_right_password(settings):
    settings.AXES_ENABLED = True
    user_create("pro@az.example")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert (
            sign_in(client, "pro@az.example", "wrong", REMOTE_ADDR="192.0.2.9").status_code == 200
        )

    locked = sign_in(client, "pro@az.example", "wrong", REMOTE_ADDR="192.0.2.9")
    right = sign_in(client, "pro@az.example", REMOTE_ADDR="192.0.2.9")

    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.filter(action="auth.sign_in_failed")
    assert failed.count() >= settings.AXES_FAILURE_LIMIT
    assert all("wrong" not in str(e.detail) for e in failed)
    first = failed.first()
    assert first is not None and first.actor_label == "pro@az.example"


def test_lock_out_in_dutch_speaks_dutch(settings):
    settings.AXES_ENABLED = True
    user_create("pro@az.example")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "pro@az.example", "wrong", lang="nl", REMOTE_ADDR="192.0.2.8")

    assert response.status_code == 429
    assert 'lang="nl"' in response.content.decode()


def test_an_idle_session_ends_with_a_message(settings):
    user = user_create("pro@az.example")
    client = signed_in(Client(), user)
    assert client.get("/en/my-account/").status_code == 200

    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.BEONCOSUP_SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/en/my-account/", follow=True)

    assert response.redirect_chain[0][0].startswith(LOGIN)
    assert "without activity" in response.content.decode()


def test_sign_out_everywhere_ends_the_other_sessions_too():
    user = user_create("pro@az.example")
    laptop = signed_in(Client(), user)
    phone = signed_in(Client(), user, mfa=False)
    assert phone.get("/en/my-account/").status_code == 200

    laptop.post("/en/my-account/security/")

    assert phone.get("/en/my-account/").status_code == 302
    assert laptop.get("/en/my-account/").status_code == 302
    assert AuditEvent.objects.filter(action="auth.signed_out_everywhere", actor=user).exists()
    # Signing in again works.
    again = signed_in(Client(), user, mfa=False)
    assert again.get("/en/my-account/").status_code == 200


def test_the_admin_has_no_login_form_of_its_own():
    response = Client().get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    login = Client().get(response["Location"], HTTP_ACCEPT_LANGUAGE="fr")
    posted = Client().post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 302
    assert login.status_code == 302
    assert login["Location"].startswith("/fr/accounts/login/?next=")
    assert "admin" in login["Location"]
    assert posted.status_code == 302 and "/accounts/login/" in posted["Location"]


def test_admin_login_never_redirects_to_another_site():
    response = Client().get("/admin/login/?next=https://evil.example/")

    assert "evil.example" not in response["Location"]


def test_demo_accounts_cannot_sign_in_in_production(settings):
    email = f"demo-editor@{DEMO_EMAIL_DOMAIN}"
    user_create(email)
    settings.PRODUCTION = True
    client = Client()

    response = sign_in(client, email)

    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert "inactive" in response["Location"]


def test_no_password_reaches_the_audit_trail_or_the_session():
    user_create("pro@az.example")
    client = Client()
    sign_in(client, "pro@az.example", "my-secret-guess-123")
    sign_in(client, "pro@az.example")

    dumped = str(list(AuditEvent.objects.values()))
    assert "my-secret-guess-123" not in dumped
    assert PASSWORD not in dumped


def test_an_inactive_account_cannot_sign_in():
    user = user_create("gone@az.example")
    user.is_active = False
    user.save()
    client = Client()

    sign_in(client, "gone@az.example")

    assert "_auth_user_id" not in client.session


def test_the_totp_secret_of_an_existing_account_is_encrypted_and_still_works():
    user = user_create("pro@az.example")
    secret = mfa_enable(user)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)

    assert stored.data["secret"] != secret
    assert get_user_model().objects.count() == 1
    client = Client()
    sign_in(client, "pro@az.example")
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/en/my-account/").status_code == 200


def test_wagtails_private_page_sign_in_form_is_gone():
    user_create("pro@az.example")
    client = Client()

    shown = client.get("/en/info/_util/login/?next=/en/info/")
    posted = client.post(
        "/en/info/_util/login/", {"username": "pro@az.example", "password": PASSWORD}
    )

    assert shown.status_code == 302 and "/en/accounts/login/" in shown["Location"]
    assert posted.status_code == 302
    assert "_auth_user_id" not in client.session


def test_sign_up_refuses_a_short_password():
    client = Client()

    response = client.post(
        "/nl/accounts/signup/",
        {"email": "kort@az.example", "password1": "Kort1!abc", "password2": "Kort1!abc"},
    )

    assert response.status_code == 200
    assert "12" in response.content.decode()
    assert not get_user_model().objects.filter(email="kort@az.example").exists()


def test_a_demo_account_sees_that_it_is_one():
    demo = user_create(f"demo-analyst@{DEMO_EMAIL_DOMAIN}")
    real = user_create("analyst@az.example")

    demo_page = signed_in(Client(), demo).get("/en/my-account/")
    real_page = signed_in(Client(), real).get("/en/my-account/")

    assert "signed in with a demo account" in demo_page.content.decode()
    assert "signed in with a demo account" not in real_page.content.decode()
