"""The members' directory, a member's page and the public directory: who sees what, and the
matcher finding members by need and postcode."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.network.tests.factories import professional_create, profile_create

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("network:directory")
PUBLIC = reverse("network:public")


def test_directory_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(DIRECTORY)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_directory_without_profile_is_forbidden_with_a_link_to_make_one(client, world):
    signed_in(client, professional_create("pro@example.org"))

    response = client.get(DIRECTORY)

    assert response.status_code == 403
    assert reverse("network:profile_edit") in response.content.decode()


def test_directory_signed_in_without_role_is_forbidden_without_the_link(client, world):
    signed_in(client, user_create("someone@example.org"))

    response = client.get(DIRECTORY)

    assert response.status_code == 403
    assert reverse("network:profile_edit") not in response.content.decode()


def test_members_find_members_by_need_and_postcode(client, world):
    me = profile_create("me@example.org", name="Me", needs=("MED-PAIN",))
    profile_create("gent@example.org", name="Gent Nurse", needs=("MED-FATIGUE",), postcode="9000")
    profile_create("liege@example.org", name="Liege Nurse", needs=("MED-FATIGUE",), postcode="4000")
    profile_create(
        "brussels@example.org", name="Brussels Pain", needs=("MED-PAIN",), postcode="1000"
    )
    signed_in(client, me.user)

    response = client.get(DIRECTORY, {"need": "MED-FATIGUE", "postcode": "9000"})

    assert response.status_code == 200
    hits = response.context["results"].hits
    # Liège is 140 km from Gent (beyond the default 50 km); Brussels has another expertise.
    assert [hit.profile.display_name for hit in hits] == ["Gent Nurse"]
    assert hits[0].distance_km == 0.0

    wider = client.get(DIRECTORY, {"need": "MED-FATIGUE", "postcode": "9000", "max_km": "200"})
    assert [h.profile.display_name for h in wider.context["results"].hits] == [
        "Gent Nurse",
        "Liege Nurse",
    ]


def test_members_filter_by_discipline_language_and_referrals(client, world):
    me = profile_create("me@example.org", name="Me", needs=("MED-PAIN",))
    profile_create("a@example.org", name="A", discipline="psychologist", languages=["fr"])
    profile_create("b@example.org", name="B", discipline="nurse", languages=["nl"])
    profile_create("c@example.org", name="C", discipline="nurse", accepts_referrals=False)
    signed_in(client, me.user)

    def names(**params: str) -> list[str]:
        response = client.get(DIRECTORY, {"need": "MED-FATIGUE", **params})
        return sorted(hit.profile.display_name for hit in response.context["results"].hits)

    assert names() == ["A", "B", "C"]
    assert names(discipline="psychologist") == ["A"]
    assert names(lang="fr") == ["A"]
    assert names(referrals="on") == ["A", "B"]


def test_members_see_the_whole_profile_but_contact_only_on_the_member_page(client, world):
    me = profile_create("me@example.org", name="Me")
    other = profile_create("other@example.org", name="Other", public_fields=[])
    signed_in(client, me.user)

    listing = client.get(DIRECTORY).content.decode()
    assert "Other" in listing
    assert "contact-other@example.org" not in listing

    page = client.get(reverse("network:member", kwargs={"profile_id": other.pk}))

    assert page.status_code == 200
    assert "contact-other@example.org" in page.content.decode()
    assert "+3292001122" in page.content.decode()
    event = AuditEvent.objects.get(action="network.contact_read")
    assert event.target_id == str(other.pk)


def test_member_page_of_unknown_profile_is_404(client, world):
    me = profile_create("me@example.org")
    signed_in(client, me.user)

    assert client.get(reverse("network:member", kwargs={"profile_id": 9999})).status_code == 404


def test_member_page_for_non_members_is_forbidden(client, world):
    other = profile_create("other@example.org")
    signed_in(client, user_create("someone@example.org"))

    response = client.get(reverse("network:member", kwargs={"profile_id": other.pk}))

    assert response.status_code == 403
    assert "contact-other@example.org" not in response.content.decode()


def test_public_sees_only_public_profiles_and_only_their_chosen_fields(client, world):
    profile_create(
        "shown@example.org",
        name="Shown Person",
        public_fields=["discipline", "expertise"],
        discipline="psychologist",
    )
    profile_create("hidden@example.org", name="Hidden Person", public_fields=[])
    profile_create("contact@example.org", name="Contact Person", public_fields=["contact"])

    page = client.get(PUBLIC).content.decode()

    assert "Shown Person" in page
    assert "Psycholoog" in page or "Psychologist" in page
    assert "Hidden Person" not in page
    assert "contact-shown@example.org" not in page  # contact not chosen
    assert "<dt>Region</dt>" not in page and "<dt>Regio</dt>" not in page  # region not chosen
    assert "contact-contact@example.org" in page  # chosen by that member


def test_public_search_finds_nobody_by_a_field_they_do_not_show(client, world):
    profile_create("expertise@example.org", name="Shows Expertise", public_fields=["expertise"])
    profile_create("discipline@example.org", name="Shows Discipline", public_fields=["discipline"])

    response = client.get(PUBLIC, {"need": "MED-FATIGUE"})

    assert [h.profile.display_name for h in response.context["results"].hits] == ["Shows Expertise"]


@pytest.mark.parametrize(
    "params",
    [{"need": "NOT-A-NEED"}, {"postcode": "9999"}, {"postcode": "x\x00"}, {"max_km": "7"}],
)
def test_public_search_bad_input_is_a_clear_error(client, world, params):
    response = client.get(PUBLIC, params)

    assert response.status_code in {400, 422}
    assert response.status_code != 500


def _queries(client, url: str, params: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [DIRECTORY, PUBLIC])
def test_directory_query_count_does_not_grow_with_members(client, world, url):
    me = profile_create("me@example.org", public_fields=["expertise", "region"])
    signed_in(client, me.user)
    params = {"need": "MED-FATIGUE", "postcode": "9000"}
    client.get(url, params)  # warm caches (sessions, the need picker)
    one = _queries(client, url, params)
    listing_one = _queries(client, url, {})

    for index in range(3):
        profile_create(f"p{index}@example.org", public_fields=["expertise", "region"])
    three = _queries(client, url, params)
    listing_three = _queries(client, url, {})

    assert one == three
    assert listing_one == listing_three
    assert three <= 40
