"""Referring from the website: the professional's two steps, the anonymous referral, and a
person referring themselves without an account."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in
from beoncosup.referrals.models import Case, Consent, Referral
from beoncosup.referrals.selectors import case_for_token
from beoncosup.referrals.testing import NEEDS, case_of, world_make

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def world():
    return world_make()


def form_data(world: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "service": str(world.service.pk),
        "needs": list(NEEDS),
        "reason": "Slaapt slecht sinds de diagnose",
        "urgency": "soon",
        "consent": "yes",
        "name": "An Peeters",
        "contact_method": "phone",
        "phone": "0470 12 34 56",
        "email": "",
        "language": "nl",
        "categories": ["needs", "contact"],
        "care_roles": ["gp"],
        "purposes": ["referral"],
        "months": "6",
        "referrer_role": "oncocoach",
        "organisation": str(world.hospital.pk),
    }
    data.update(changes)
    return data


def test_a_nurse_refers_with_consent_in_two_steps(world, django_capture_on_commit_callbacks):
    client = signed_in(Client(), world.nurse)
    page = client.get(url("referrals:refer") + f"?service={world.service.pk}&need={NEEDS[0]}")
    assert page.status_code == 200
    assert f'value="{NEEDS[0]}"' in page.content.decode()

    step_one = client.post(url("referrals:refer"), form_data(world))
    assert step_one.status_code == 200
    body = step_one.content.decode()
    assert 'lang="nl"' in body  # the statement in the person's language
    assert Referral.objects.count() == 0  # nothing before the person agrees
    draft = step_one.context["form"]["draft"].value()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url("referrals:refer_consent"), {"draft": draft, "agreed": "on"})
    assert done.status_code == 200
    referral = Referral.objects.get()
    assert referral.delivered and referral.urgency == "soon"
    assert case_of(referral).phone == "+32470123456"
    consent = Consent.objects.get()
    assert consent.method == "read_aloud" and consent.captured_by == world.nurse
    assert sorted(consent.care_roles) == ["gp", "oncocoach"]  # the referrer follows up
    token = re.search(r'class="private-link"><a href="[^"]*/r/([^/"]+)/"', done.content.decode())
    assert token is not None and case_for_token(token.group(1)) == referral.case
    assert "<svg" in done.content.decode()
    assert done.headers["Cache-Control"].startswith("max-age=0")
    assert [m.to for m in mail.outbox] == [["staff@psycho.example"]]


def test_a_changed_draft_is_refused_and_nothing_is_sent(world):
    client = signed_in(Client(), world.nurse)
    step_one = client.post(url("referrals:refer"), form_data(world))
    draft = step_one.context["form"]["draft"].value()
    tampered = draft[:-3] + ("AAA" if not draft.endswith("AAA") else "BBB")
    answer = client.post(url("referrals:refer_consent"), {"draft": tampered, "agreed": "on"})
    assert answer.status_code == 400
    assert Referral.objects.count() == 0


def test_without_the_tick_the_statement_comes_back(world):
    client = signed_in(Client(), world.nurse)
    draft = client.post(url("referrals:refer"), form_data(world)).context["form"]["draft"].value()
    answer = client.post(url("referrals:refer_consent"), {"draft": draft})
    assert answer.status_code == 400
    assert "error-summary" in answer.content.decode()
    assert Referral.objects.count() == 0


def test_the_person_refusing_makes_an_anonymous_referral(world, django_capture_on_commit_callbacks):
    client = signed_in(Client(), world.nurse)
    draft = client.post(url("referrals:refer"), form_data(world)).context["form"]["draft"].value()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url("referrals:refer_consent"), {"draft": draft, "anonymous": "1"})
    assert done.status_code == 200
    referral = Referral.objects.get()
    assert not referral.delivered and case_of(referral).name == "" and referral.reason == ""
    assert mail.outbox == []
    assert "Bel ons op weekdagen." in done.content.decode()  # the service's next steps


def test_bad_input_shows_the_form_again(world):
    client = signed_in(Client(), world.nurse)
    answer = client.post(
        url("referrals:refer"),
        form_data(world, phone="12", name="", categories=["needs"], reason="x" * 501),
    )
    assert answer.status_code == 400
    errors = answer.context["form"].errors
    assert {"name", "phone", "reason"} <= set(errors)
    assert client.post(url("referrals:refer"), form_data(world, reason="x\x00y")).status_code == 400
    assert Referral.objects.count() == 0 and Case.objects.count() == 0


def test_only_professionals_refer(world, client):
    page = url("referrals:refer") + f"?service={world.service.pk}"
    assert client.get(page).status_code == 302
    assert signed_in(Client(), world.staff).get(page).status_code == 403
    nurse = signed_in(Client(), world.nurse)
    assert nurse.get(url("referrals:refer") + "?service=not-a-uuid").status_code == 404
    other = form_data(world, organisation="999999")
    assert nurse.post(url("referrals:refer"), other).status_code == 400


def test_a_person_refers_themselves_without_an_account(
    world, client, django_capture_on_commit_callbacks
):
    page = client.get(url("referrals:self_refer") + f"?service={world.service.pk}")
    assert page.status_code == 200
    data = form_data(world, contact_method="email", email="an@example.org", phone="")
    for key in ("care_roles", "referrer_role", "organisation"):
        data.pop(key)
    step_one = client.post(url("referrals:self_refer"), data)
    assert step_one.status_code == 200
    draft = step_one.context["form"]["draft"].value()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url("referrals:self_refer_consent"), {"draft": draft, "agreed": "on"})
    assert done.status_code == 200
    referral = Referral.objects.get()
    assert case_of(referral).is_self_referral and referral.referrer is None
    assert Consent.objects.get().method == "own_device"
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.org", "staff@psycho.example"]


def test_the_robot_trap_refuses(world, client):
    data = form_data(world, website="http://spam.example")
    answer = client.post(url("referrals:self_refer"), data)
    assert answer.status_code == 400
    assert Referral.objects.count() == 0


def test_the_service_page_offers_both_ways_in(world, client):
    page = url("directory:service", service_id=world.service.pk)
    anonymous = client.get(page).content.decode()
    assert f"{url('referrals:self_refer')}?service={world.service.pk}" in anonymous
    assert url("referrals:refer") not in anonymous
    nurse = signed_in(Client(), world.nurse).get(page).content.decode()
    assert f"{url('referrals:refer')}?service={world.service.pk}" in nurse


def test_sms_is_not_offered_without_an_sms_provider(world, settings):
    client = signed_in(Client(), world.nurse)
    page = url("referrals:refer") + f"?service={world.service.pk}"
    assert 'value="sms"' in client.get(page).content.decode()
    settings.BEONCOSUP_SMS_BACKEND = "disabled"
    assert 'value="sms"' not in client.get(page).content.decode()
