import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from beoncosup.accounts.models import Invitation, Membership
from beoncosup.directory.models import Service
from beoncosup.providers import services
from beoncosup.providers.models import VerificationReminder
from beoncosup.providers.tasks import verification_reminders_send
from beoncosup.providers.tests.factories import listing_with_service, provider

pytestmark = pytest.mark.django_db


def invited_in(email: str, language: str) -> None:
    """Record that the person joined through an invitation written in ``language``."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    user = get_user_model().objects.get(email=email)
    Invitation.objects.create(
        organisation=Membership.objects.get(user=user).organisation,
        email=email,
        role="provider_staff",
        language=language,
        token_hash=email,
        expires_at=timezone.now(),
        accepted_at=timezone.now(),
        accepted_by=user,
    )


def test_overdue_services_mail_the_staff_holding_the_listing_in_their_language(
    django_capture_on_commit_callbacks,
):
    overdue = listing_with_service(assured_days_ago=400)
    Service.objects.create(
        organization=overdue.organization, name={"nl": "Nooit nagekeken"}, description={}
    )
    listing_with_service("Recent", service_name="Recent nagekeken", assured_days_ago=10)
    provider("anne@provider.example", holds=overdue.organization)
    invited_in("anne@provider.example", "fr")

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.reminders_send()

    assert sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne@provider.example"]
    assert "Praatgroep" in message.body
    assert "Nooit nagekeken" in message.body
    assert "Recent nagekeken" not in message.body
    with translation.override("fr"):
        home = reverse("providers:home")
    assert home.startswith("/fr/")
    assert f"http://127.0.0.1:8000{home}" in message.body
    assert "365" in message.body
    assert VerificationReminder.objects.count() == 2
    assert set(VerificationReminder.objects.values_list("sent_to_count", flat=True)) == {1}


def test_unclaimed_listing_gets_the_mail_at_its_own_address(django_capture_on_commit_callbacks):
    listing_with_service(assured_days_ago=None, email="info@steunpunt.example")
    listing_with_service("Zonder adres", service_name="Zonder", assured_days_ago=None)

    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send()

    assert [m.to for m in mail.outbox] == [["info@steunpunt.example"]]
    assert "/nl/" in mail.outbox[0].body
    with translation.override("nl"):
        invitation_to_claim = gettext(
            "To keep your listing right yourself, ask BeONCOsup for a provider account and "
            "claim your listing."
        )
    assert invitation_to_claim in mail.outbox[0].body
    # Nobody was reminded about the service without an address.
    assert VerificationReminder.objects.count() == 1


def test_no_second_reminder_within_30_days_then_again_after(django_capture_on_commit_callbacks):
    service = listing_with_service(assured_days_ago=400)
    provider(holds=service.organization)
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 0
    assert len(mail.outbox) == 1

    VerificationReminder.objects.update(sent_at=timezone.now() - dt.timedelta(days=31))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 1
    assert len(mail.outbox) == 2


def test_inactive_services_get_no_reminder(django_capture_on_commit_callbacks):
    service = listing_with_service(assured_days_ago=400)
    Service.objects.filter(pk=service.pk).update(status="inactive")
    provider(holds=service.organization)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 0
    assert mail.outbox == []


def test_the_task_and_the_command_send_the_reminders(django_capture_on_commit_callbacks):
    service = listing_with_service(assured_days_ago=400)
    provider(holds=service.organization)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_verification_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert verification_reminders_send.enqueue().return_value == 0


def public_page(client: Any, service: Any) -> str:
    with translation.override("en"):
        path = reverse("directory:service", kwargs={"service_id": service.pk})
    return str(client.get(path).content.decode())


def test_public_page_says_when_a_service_was_last_verified_or_never(client):
    never = listing_with_service("Ander", service_name="Nooit", assured_days_ago=None)
    recent = listing_with_service("Derde", service_name="Recent", assured_days_ago=3)

    assert "Not verified yet" in public_page(client, never)
    recent_page = public_page(client, recent)
    assert "Last verified on" in recent_page
    assert "Not verified" not in recent_page


def test_public_page_says_honestly_when_a_service_is_overdue(client):
    overdue = listing_with_service(assured_days_ago=400)
    assert "Not verified for more than 12 months" in public_page(client, overdue)
