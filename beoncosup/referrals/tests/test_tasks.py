"""The daily commands run the retention and the stall notices through the task queue."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from beoncosup.referrals.models import Case, Notice, Referral
from beoncosup.referrals.testing import case_of, referral_make, world_make

pytestmark = pytest.mark.django_db


def test_the_stall_command_tells_the_referrer(settings):
    world = world_make()
    referral, _token = referral_make(world)
    Referral.objects.filter(pk=referral.pk).update(
        created_at=referral.created_at - dt.timedelta(days=30)
    )
    out = StringIO()
    call_command("notify_stalled_referrals", stdout=out)
    assert "Enqueued" in out.getvalue()
    assert Notice.objects.filter(user=world.nurse, kind="stalled").count() == 1


def test_the_retention_command_erases_old_cases():
    world = world_make()
    referral, _token = referral_make(world, consent=False)
    long_ago = referral.created_at - dt.timedelta(days=800)
    Referral.objects.filter(pk=referral.pk).update(
        status="cancelled", closed_at=long_ago, created_at=long_ago
    )
    Case.objects.filter(pk=case_of(referral).pk).update(created_at=long_ago)
    call_command("anonymise_referrals", stdout=StringIO())
    assert Case.objects.count() == 0
    assert Referral.objects.get().case is None
