"""Rotating the key of the fields encrypted at rest: re-encrypt, then drop the old key."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from beoncosup.core import crypto
from beoncosup.referrals.models import Case
from beoncosup.referrals.testing import case_of, referral_make, world_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(settings) -> Iterator[tuple[str, str]]:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.BEONCOSUP_FIELD_KEY = old
    crypto._fernet.cache_clear()
    yield old, new
    crypto._fernet.cache_clear()


def _stored_name(case: Case) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM referrals_case WHERE id = %s",
            [case.pk.hex if connection.vendor == "sqlite" else case.pk],
        )
        return str(cursor.fetchone()[0])


def test_values_survive_a_key_rotation(settings, keys):
    old, new = keys
    referral, _token = referral_make(world_make())
    before = _stored_name(case_of(referral))
    settings.BEONCOSUP_FIELD_KEY = f"{new},{old}"
    crypto._fernet.cache_clear()
    out = StringIO()
    call_command("rotate_field_key", stdout=out)
    assert "referrals.Case: 1 rows" in out.getvalue()
    after = _stored_name(case_of(referral))
    assert after != before and after.startswith("enc1:")
    settings.BEONCOSUP_FIELD_KEY = new  # the old key is gone
    crypto._fernet.cache_clear()
    assert Case.objects.get(pk=case_of(referral).pk).name == "An Peeters"
    with pytest.raises(ValueError, match="BEONCOSUP_FIELD_KEY"):
        settings.BEONCOSUP_FIELD_KEY = old
        crypto._fernet.cache_clear()
        Case.objects.get(pk=case_of(referral).pk)
