"""Sending a support plan's link to the person: by e-mail in the chosen language, by text
message when the server can send them, with a per-session limit, and nothing kept."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from beoncosup.core import sms
from beoncosup.finder import services
from beoncosup.finder.models import SupportPlan
from beoncosup.finder.views_send import SENDS_PER_DAY

pytestmark = pytest.mark.django_db

EMAIL = "an.peeters@example.org"
PHONE = "0470 12 34 56"
PHONE_E164 = "+32470123456"


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def send_url(plan: SupportPlan) -> str:
    return url("finder:plan_send", token=plan.token)


@pytest.fixture
def plan() -> SupportPlan:
    return services.plan_create(language="fr", needs=["MED-PAIN"])


def sent_nothing() -> bool:
    return len(mail.outbox) == 0 and len(sms.outbox) == 0


def test_the_plan_page_links_to_the_send_form(client: Client, plan: SupportPlan) -> None:
    page = client.get(url("finder:plan", token=plan.token)).content.decode()

    assert f'href="{send_url(plan)}"' in page


def test_the_form_offers_email_phone_and_the_plans_language(
    client: Client, plan: SupportPlan
) -> None:
    response = client.get(send_url(plan))

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert 'name="email"' in page and 'type="email"' in page
    assert 'name="phone"' in page and 'type="tel"' in page
    assert '<option value="fr" selected>' in page
    assert '<label for="id_email">' in page and '<label for="id_phone">' in page
    assert "is not kept" in page


def test_email_in_the_chosen_language_with_link_and_expiry(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), {"email": EMAIL, "phone": "", "language": "de"})

    assert response.status_code == 302
    assert response["Location"] == url("finder:plan", token=plan.token)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject and "\n" not in message.subject
    link = f"http://127.0.0.1:8000/de/plan/{plan.token}/"
    assert link in message.body
    with translation.override("de"):
        expires = date_format(timezone.localtime(plan.expires_at), "DATE_FORMAT")
    assert expires in message.body  # German month name: the body is rendered in German
    assert sms.outbox == []


def test_email_link_uses_the_languages_url(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(plan), {"email": EMAIL, "language": "fr"})

    assert f"/fr/plan/{plan.token}/" in mail.outbox[0].body
    assert "/en/" not in mail.outbox[0].body


def test_success_message_on_the_plan(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), {"email": EMAIL, "language": "fr"}, follow=True)

    assert "The link was sent by e-mail." in response.content.decode()


def test_sms_with_the_link(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            send_url(plan), {"email": "", "phone": PHONE, "language": "nl"}, follow=True
        )

    assert "The link was sent by text message." in response.content.decode()
    assert len(sms.outbox) == 1
    message = sms.outbox[0]
    assert message.to == PHONE_E164
    assert f"http://127.0.0.1:8000/nl/plan/{plan.token}/" in message.body
    assert sms.sms_segments(message.body) <= sms.MAX_SEGMENTS
    assert mail.outbox == []


def test_no_phone_field_when_sms_is_disabled(
    client: Client, plan: SupportPlan, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.BEONCOSUP_SMS_BACKEND = "disabled"

    page = client.get(send_url(plan)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), {"phone": PHONE, "language": "nl"})

    assert 'name="phone"' not in page and 'type="tel"' not in page
    assert "text message" not in client.get(url("finder:plan", token=plan.token)).content.decode()
    assert response.status_code == 400
    assert "Enter an e-mail address." in response.content.decode()
    assert sent_nothing()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "", "phone": "", "language": "fr"},
        {"email": EMAIL, "phone": PHONE, "language": "fr"},
        {"email": "not-an-address", "language": "fr"},
        {"phone": "12", "language": "fr"},
        {"phone": "02 123 45 67", "language": "fr"},  # a landline cannot receive SMS
        {"email": EMAIL, "language": "xx"},
        {"email": EMAIL},
    ],
)
def test_bad_input_shows_the_form_again_and_sends_nothing(
    client: Client,
    plan: SupportPlan,
    data: dict[str, str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page
    assert "<title>Error:" in page
    assert sent_nothing()
    assert client.session.get("finder_plan_sends") is None


@pytest.mark.parametrize(
    "data",
    [
        {"email": "an\x00@example.org", "language": "fr"},
        {"phone": "0470\x0012 34 56", "language": "fr"},
        {"email": EMAIL, "language": "fr\x00"},
    ],
)
def test_nul_characters_are_refused_and_nothing_is_sent(
    client: Client,
    plan: SupportPlan,
    data: dict[str, str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), data)

    assert response.status_code == 400
    assert sent_nothing()
    assert client.session.get("finder_plan_sends") is None


def test_at_most_five_sends_a_day_per_plan_and_session(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    other_plan = services.plan_create(language="nl")
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            client.post(send_url(plan), {"email": EMAIL, "language": "fr"}).status_code
            for _ in range(SENDS_PER_DAY)
        ]
        refused = client.post(send_url(plan), {"email": EMAIL, "language": "fr"})
        other = client.post(send_url(other_plan), {"email": EMAIL, "language": "nl"})
        elsewhere = Client().post(send_url(plan), {"email": EMAIL, "language": "fr"})

    assert answers == [302] * SENDS_PER_DAY
    assert refused.status_code == 429
    assert "send it again tomorrow" in refused.content.decode()
    assert 'name="email"' not in refused.content.decode()
    assert "send it again tomorrow" in client.get(send_url(plan)).content.decode()
    assert other.status_code == 302
    assert elsewhere.status_code == 302
    assert len(mail.outbox) == SENDS_PER_DAY + 2


def test_the_limit_starts_again_the_next_day(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    session = client.session
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    session["finder_plan_sends"] = {"day": yesterday, "plans": {str(plan.pk): SENDS_PER_DAY}}
    session.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(plan), {"email": EMAIL, "language": "fr"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_expired_plan_answers_as_the_plan_pages_do(
    client: Client, plan: SupportPlan, django_capture_on_commit_callbacks: Any
) -> None:
    plan.expires_at = timezone.now() - dt.timedelta(minutes=1)
    plan.save()

    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(send_url(plan), {"email": EMAIL, "language": "fr"})
    shown = client.get(send_url(plan))

    assert client.get(url("finder:plan", token=plan.token)).status_code == 410
    assert posted.status_code == 410 and shown.status_code == 410
    assert "This plan has expired" in posted.content.decode()
    assert sent_nothing()


def test_unknown_plan_is_404(client: Client) -> None:
    assert client.get(url("finder:plan_send", token="unknown")).status_code == 404
    assert client.post(url("finder:plan_send", token="unknown"), {}).status_code == 404


def test_nothing_about_the_person_is_stored_or_logged(
    client: Client,
    plan: SupportPlan,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.get(url("finder:plan", token=plan.token))  # the visitor's session exists already

    def counts() -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    before = counts()
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(plan), {"email": EMAIL, "language": "fr"})
        client.post(send_url(plan), {"phone": PHONE, "language": "nl"})

    assert len(mail.outbox) == 1 and len(sms.outbox) == 1
    assert counts() == before
    stored = " ".join(str(session.get_decoded()) for session in Session.objects.all())
    for secret in (EMAIL, PHONE_E164, "470"):
        assert secret not in stored
        assert secret not in caplog.text


def test_service_needs_exactly_one_recipient(plan: SupportPlan) -> None:
    with pytest.raises(ValueError):
        services.plan_link_send(plan=plan, language="fr")
    with pytest.raises(ValueError):
        services.plan_link_send(plan=plan, email=EMAIL, phone=PHONE_E164, language="fr")
    with pytest.raises(ValueError):
        services.plan_link_send(plan=plan, email=EMAIL, language="xx")
