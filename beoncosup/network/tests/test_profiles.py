"""A member's own profile: consent, validation, editing and removal (only their own)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.network.models import Profile
from beoncosup.network.tests.factories import professional_create, profile_create
from beoncosup.search.models import MatchProfile

pytestmark = pytest.mark.django_db


def in_dutch(text: str) -> str:
    """How the Dutch pages say ``text`` (the test client gets the Dutch site)."""
    with translation.override("nl"):
        return str(escape(gettext(text)))


EDIT = reverse("network:profile_edit")  # in Dutch, the site's first language
DELETE = reverse("network:profile_delete")


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "display_name": "Eva Goossens",
        "discipline": "psychologist",
        "expertise": ["MED-FATIGUE", "PSY-FEAR-RECURRENCE"],
        "languages": ["nl", "fr"],
        "postcode": "9000",
        "setting": "private",
        "accepts_referrals": "on",
        "about": "Psycho-oncology in Gent.",
        "contact_email": "eva@example.org",
        "contact_phone": "0470 12 34 56",
        "public_fields": ["discipline", "region"],
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_profile_edit_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(EDIT)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_profile_edit_without_professional_role_is_forbidden(client, world):
    signed_in(client, user_create("someone@example.org"))

    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, form_data()).status_code == 403
    assert not Profile.objects.exists()


def test_a_professional_makes_a_profile_with_consent(client, world):
    user = professional_create("eva@example.org")
    signed_in(client, user)

    response = client.post(EDIT, form_data())

    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Eva Goossens"
    assert profile.region == "BE-VLG"  # derived from the postcode
    assert profile.contact_phone == "+32470123456"  # normalised
    assert profile.public_fields == ["discipline", "region"]
    assert profile.consent_at is not None
    assert sorted(n.code for n in profile.expertise.all()) == ["MED-FATIGUE", "PSY-FEAR-RECURRENCE"]
    assert AuditEvent.objects.filter(action="network.profile_created", actor=user).count() == 1
    # Announced to the matcher's index.
    assert MatchProfile.objects.filter(kind="caregiver", object_id=str(profile.pk)).exists()


def test_without_consent_nothing_is_saved(client, world):
    signed_in(client, professional_create("eva@example.org"))

    response = client.post(EDIT, form_data(consent=None))

    assert response.status_code == 422
    assert in_dutch("Tick this box to publish your profile.") in response.content.decode()
    assert not Profile.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("display_name", "Eva\x00"),
        ("about", "bad\x00text"),
        ("expertise", ["NOT-A-NEED"]),
        ("postcode", "9999"),
        ("postcode", "abcd"),
        ("contact_phone", "12"),
        ("discipline", "wizard"),
    ],
)
def test_bad_input_changes_nothing(client, world, field, value):
    user = professional_create("eva@example.org")
    profile = profile_create("other@example.org")
    signed_in(client, user)
    before = Profile.objects.count()

    response = client.post(EDIT, form_data(**{field: value}))

    assert response.status_code in {400, 422}
    assert Profile.objects.count() == before
    assert not Profile.objects.filter(user=user).exists()
    profile.refresh_from_db()
    assert profile.display_name == "Other"


def test_saving_changes_only_the_own_profile(client, world):
    mine = profile_create("eva@example.org", name="Eva")
    other = profile_create("other@example.org", name="Other")
    signed_in(client, mine.user)  # a member with a profile may edit it (no professional role)

    response = client.post(EDIT, form_data(display_name="Eva G."))

    assert response.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.display_name == "Eva G."
    assert other.display_name == "Other"
    assert Profile.objects.count() == 2
    assert AuditEvent.objects.filter(action="network.profile_updated").count() == 1


def test_the_form_shows_who_sees_what_and_the_current_values(client, world):
    profile = profile_create("eva@example.org", name="Eva")
    signed_in(client, profile.user)

    page = client.get(EDIT).content.decode()

    assert in_dutch("Who sees what") in page
    assert 'value="Eva"' in page
    assert in_dutch("Remove my profile from the network") in page


def test_removing_asks_first_then_deletes_only_the_own_profile(client, world):
    mine = profile_create("eva@example.org")
    other = profile_create("other@example.org")
    signed_in(client, mine.user)

    confirm = client.get(DELETE)
    assert confirm.status_code == 200
    assert Profile.objects.filter(pk=mine.pk).exists()

    response = client.post(DELETE)

    assert response.status_code == 302
    assert not Profile.objects.filter(pk=mine.pk).exists()
    assert Profile.objects.filter(pk=other.pk).exists()
    assert not MatchProfile.objects.filter(kind="caregiver", object_id=str(mine.pk)).exists()
    assert AuditEvent.objects.filter(action="network.profile_deleted").count() == 1


def test_removing_needs_sign_in(client, world):
    profile_create("eva@example.org")

    response = client.post(DELETE)

    assert response.status_code == 302
    assert Profile.objects.count() == 1
