"""Demo referrals: made from the demo professional to the demo provider's services, in
different statuses, marked as demo, never twice, and never in production."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from beoncosup.accounts.demo import demo_accounts_ensure
from beoncosup.directory.models import Service
from beoncosup.referrals.codes import Reason, Status
from beoncosup.referrals.demo import DEMO_PROFESSIONAL, demo_referrals_ensure
from beoncosup.referrals.models import Case, Referral
from beoncosup.referrals.selectors import case_for_token
from beoncosup.referrals.testing import needs_make, service_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site() -> tuple[Service, Service]:
    """A demo listing with two services, held by the demo provider, and the demo accounts."""
    needs_make()
    first = service_make("Demo – Praatgroep")
    first.organization.is_demo = True
    first.organization.save()
    second = Service.objects.create(
        organization=first.organization,
        name={"nl": "Demo – Wandelgroep"},
        description={"nl": "Samen wandelen"},
    )
    demo_accounts_ensure()
    return first, second


def test_demo_referrals_in_each_status_from_the_demo_professional(demo_site):
    first, second = demo_site

    made = demo_referrals_ensure()

    referrals = list(Referral.objects.select_related("case", "referrer").order_by("created_at"))
    assert made == len(referrals) == 4
    cases = [r.case for r in referrals if r.case is not None]
    assert {getattr(r.referrer, "email", "") for r in referrals} == {DEMO_PROFESSIONAL}
    assert all(r.is_demo for r in referrals)
    assert len(cases) == 4
    assert all(case.is_demo and case.name.startswith("Demo – ") for case in cases)
    assert {(r.status, r.reason_code) for r in referrals} == {
        (Status.REQUESTED, ""),
        (Status.ACCEPTED, ""),
        (Status.COMPLETED, Reason.GOT_HELP),
        (Status.REJECTED, Reason.NOT_ELIGIBLE),
    }
    # The decline for "no capacity" closes its service: it goes to the provider's last
    # service, so the first one stays open to new referrals.
    first_id, last_id = sorted((first.pk, second.pk), key=lambda pk: pk.hex)
    declined = {r.service_id for r in referrals if r.status == Status.REJECTED}
    others = {r.service_id for r in referrals if r.status != Status.REJECTED}
    assert (declined, others) == ({last_id}, {first_id})


def test_a_second_run_makes_nothing_new(demo_site):
    assert demo_referrals_ensure() == 4

    assert demo_referrals_ensure() == 0
    assert Referral.objects.count() == 4
    assert Case.objects.count() == 4


def test_demo_referrals_are_refused_in_production(demo_site, settings):
    settings.PRODUCTION = True

    with pytest.raises(PermissionError):
        demo_referrals_ensure()
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_referrals", stdout=StringIO())
    assert not Referral.objects.exists()


def test_without_demo_accounts_the_command_says_what_to_run():
    with pytest.raises(CommandError, match="load_demo_accounts"):
        call_command("load_demo_referrals", stdout=StringIO())
    assert not Referral.objects.exists()


def test_the_command_prints_each_person_and_a_working_private_link(demo_site):
    out = StringIO()
    call_command("load_demo_referrals", stdout=out)
    again = StringIO()
    call_command("load_demo_referrals", stdout=again)

    printed = out.getvalue()
    links = re.findall(r"private link: (\S+)", printed)
    assert len(links) == 4
    assert "Demo – An Peeters" in printed
    tokens = [link.rstrip("/").rsplit("/", 1)[-1] for link in links]
    assert {case_for_token(token) for token in tokens} == set(Case.objects.all())
    assert "nothing new" in again.getvalue()
