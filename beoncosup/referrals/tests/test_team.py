"""The care team's page around one person: the consent decides who gets in and what shows."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse as django_reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in
from beoncosup.referrals import services
from beoncosup.referrals.codes import CareRole, Channel, DataCategory, Status
from beoncosup.referrals.models import CareTeamMember, Case, CoordinationNote, DataAccess, Referral
from beoncosup.referrals.selectors import case_for_token
from beoncosup.referrals.testing import NEEDS, referral_make, service_make, terms_make, world_make

pytestmark = pytest.mark.django_db


def reverse(*args: Any, **kwargs: Any) -> str:
    # English pages, so the texts asserted below read as in the source.
    with translation.override("en"):
        return django_reverse(*args, **kwargs)


@pytest.fixture
def world():
    return world_make()


def _case(referral: Referral) -> Case:
    assert referral.case is not None
    return referral.case


def _url(name: str, referral: Referral, **kwargs: object) -> str:
    return reverse(f"referrals:{name}", kwargs={"case_id": referral.case_id, **kwargs})


def test_case_sends_anonymous_visitors_to_sign_in(client, world):
    referral, _token = referral_make(world)
    response = client.get(_url("case", referral))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", ["outsider", "staff", "gp"])
def test_case_is_not_found_outside_the_care_team(client, world, who):
    referral, _token = referral_make(world)
    response = signed_in(client, getattr(world, who)).get(_url("case", referral))
    assert response.status_code == 404
    assert DataAccess.objects.count() == 0


def test_case_is_not_found_for_a_team_member_the_consent_does_not_name(client, world):
    referral, _token = referral_make(world, terms=terms_make(care_roles=(CareRole.ONCOCOACH,)))
    services.care_team_add(
        case=_case(referral), email="gp@huisarts.example", role=CareRole.GP, actor=world.nurse
    )
    response = signed_in(client, world.gp).get(_url("case", referral))
    assert response.status_code == 404


def test_case_shows_the_person_the_consent_and_the_team_and_logs_it(client, world):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).get(_url("case", referral))
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "An Peeters" in page and "an.peeters@example.org" in page
    assert str(CareRole.GP.label) in page  # the consent names the GP role
    assert "nurse@az.example" in page and "AZ Voorbeeld" in page
    assert referral.service_name in page
    access = DataAccess.objects.get()
    assert (access.what, access.actor_id, access.case_id) == (
        "case.view",
        world.nurse.pk,
        referral.case_id,
    )


def test_after_withdrawal_the_team_members_next_request_is_not_found(client, world):
    referral, _token = referral_make(world)
    signed_in(client, world.nurse)
    assert client.get(_url("case", referral)).status_code == 200

    services.consent_withdraw(case=_case(referral), channel=Channel.PERSON)

    assert client.get(_url("case", referral)).status_code == 404
    detail = client.get(reverse("referrals:detail", kwargs={"referral_id": referral.pk}))
    assert "An Peeters" not in detail.content.decode()


def test_notes_show_only_when_the_consent_shares_them(client, world):
    terms = terms_make(categories=(DataCategory.NEEDS, DataCategory.CONTACT))
    referral, _token = referral_make(world, terms=terms)
    CoordinationNote.objects.create(
        case=_case(referral), author=world.nurse, author_role=CareRole.ONCOCOACH, text="Geheim"
    )
    signed_in(client, world.nurse)
    page = client.get(_url("case", referral)).content.decode()
    assert "Geheim" not in page
    assert "Not shared by the person." in page

    response = client.post(_url("note_add", referral), {"text": "Nieuwe notitie"})

    assert response.status_code == 403
    assert CoordinationNote.objects.count() == 1


def test_a_note_is_added_and_listed_newest_first(client, world):
    referral, _token = referral_make(world)
    signed_in(client, world.nurse)
    client.post(_url("note_add", referral), {"text": "Eerste notitie"})
    response = client.post(_url("note_add", referral), {"text": "Tweede notitie"})
    assert response.status_code == 302
    note = CoordinationNote.objects.all()[0]
    assert (note.text, note.author_role) == ("Tweede notitie", CareRole.ONCOCOACH)
    page = client.get(_url("case", referral)).content.decode()
    assert page.index("Tweede notitie") < page.index("Eerste notitie")


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001, "a\x00b"])
def test_a_bad_note_changes_nothing(client, world, text):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).post(_url("note_add", referral), {"text": text})
    assert response.status_code == 400
    assert CoordinationNote.objects.count() == 0


def test_a_professional_is_added_to_and_removed_from_the_care_team(client, world):
    referral, _token = referral_make(world)
    signed_in(client, world.nurse)

    response = client.post(
        _url("team_add", referral), {"email": "GP@huisarts.example", "role": CareRole.GP}
    )

    assert response.status_code == 302
    member = CareTeamMember.objects.get(user=world.gp)
    assert (member.role, member.removed_at) == (CareRole.GP, None)
    client.logout()
    assert signed_in(client, world.gp).get(_url("case", referral)).status_code == 200
    client.logout()

    signed_in(client, world.nurse)
    response = client.post(_url("team_remove", referral, member_id=member.pk))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.removed_at is not None
    client.logout()
    assert signed_in(client, world.gp).get(_url("case", referral)).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "nobody@example.org", "role": "gp"}, "No professional with this e-mail"),
        ({"email": "staff@psycho.example", "role": "gp"}, "No professional with this e-mail"),
        ({"email": "nurse@az.example", "role": "gp"}, "already in the care team"),
        ({"email": "gp@huisarts.example", "role": "king"}, "error-summary"),
        ({"email": "not an address", "role": "gp"}, "error-summary"),
    ],
)
def test_adding_to_the_team_with_bad_input_changes_nothing(client, world, data, message):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).post(_url("team_add", referral), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CareTeamMember.objects.count() == 1


def test_leaving_the_care_team_goes_back_to_the_list(client, world):
    referral, _token = referral_make(world)
    member = CareTeamMember.objects.get(user=world.nurse)
    response = signed_in(client, world.nurse).post(
        _url("team_remove", referral, member_id=member.pk)
    )
    assert response["Location"] == reverse("referrals:followed")
    assert client.get(_url("case", referral)).status_code == 404


def test_team_changes_are_not_found_for_an_outsider_and_take_a_post_only(client, world):
    referral, _token = referral_make(world)
    member = CareTeamMember.objects.get(user=world.nurse)
    signed_in(client, world.outsider)
    assert client.post(_url("team_remove", referral, member_id=member.pk)).status_code == 404
    assert (
        client.post(
            _url("team_add", referral), {"email": "outsider@ander.example", "role": "gp"}
        ).status_code
        == 404
    )
    assert client.post(_url("link_renew", referral)).status_code == 404
    assert client.get(_url("case_refer", referral)).status_code == 404
    member.refresh_from_db()
    assert member.removed_at is None
    client.logout()
    signed_in(client, world.nurse)
    assert client.get(_url("team_remove", referral, member_id=member.pk)).status_code == 405
    assert client.get(_url("link_renew", referral)).status_code == 405


def test_case_refer_finds_a_service_and_refers_under_the_same_consent(client, world):
    referral, _token = referral_make(world)
    other = service_make("Loopbaanbegeleiding Oost")
    signed_in(client, world.nurse)

    page = client.get(_url("case_refer", referral), {"q": "loopbaan"}).content.decode()
    assert f"?service={other.pk}" in page
    page = client.get(_url("case_refer", referral), {"service": str(other.pk)}).content.decode()
    assert 'name="needs" value="PSY-FEAR"' in page

    response = client.post(
        _url("case_refer", referral) + f"?service={other.pk}",
        {
            "service": str(other.pk),
            "needs": [NEEDS[1]],
            "reason": "Werkhervatting",
            "urgency": "routine",
        },
    )

    assert response.status_code == 302
    second = Referral.objects.exclude(pk=referral.pk).get()
    assert (second.case_id, second.consent_id, second.service_id) == (
        referral.case_id,
        referral.consent_id,
        other.pk,
    )
    assert second.needs == [NEEDS[1]] and second.delivered
    assert second.referrer == world.nurse and second.referrer_organisation == world.hospital


@pytest.mark.parametrize(
    "data",
    [
        {"needs": [], "urgency": "routine"},
        {"needs": ["NOPE"], "urgency": "routine"},
        {"needs": [NEEDS[0]], "urgency": "whenever"},
        {"needs": [NEEDS[0]], "urgency": "routine", "reason": "x" * 501},
    ],
)
def test_case_refer_with_bad_input_changes_nothing(client, world, data):
    referral, _token = referral_make(world)
    other = service_make("Loopbaanbegeleiding Oost")
    response = signed_in(client, world.nurse).post(
        _url("case_refer", referral), {"service": str(other.pk), **data}
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert Referral.objects.count() == 1


def test_case_refer_to_an_unknown_service_changes_nothing(client, world):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).post(
        _url("case_refer", referral),
        {
            "service": "00000000-0000-0000-0000-000000000000",
            "needs": [NEEDS[0]],
            "urgency": "routine",
        },
    )
    assert response.status_code == 400
    assert Referral.objects.count() == 1


def test_a_new_private_link_is_shown_once_and_the_old_one_stops(client, world):
    referral, token = referral_make(world)
    response = signed_in(client, world.nurse).post(_url("link_renew", referral))
    assert response.status_code == 200
    assert case_for_token(token) is None
    page = response.content.decode()
    assert "/r/" in page
    new_token = page.split("/r/", 1)[1].split("/", 1)[0]
    assert case_for_token(new_token) == referral.case
    assert new_token not in client.get(_url("case", referral)).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_case_runs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries, count):
    referral, _token = referral_make(world)
    for index in range(count):
        services.referral_add(
            case=_case(referral), service=world.service, needs=[NEEDS[0]], referrer=world.nurse
        )
        services.note_add(
            case=_case(referral), author=world.nurse, role=CareRole.ONCOCOACH, text=f"note {index}"
        )
    services.care_team_add(
        case=_case(referral), email="gp@huisarts.example", role=CareRole.GP, actor=world.nurse
    )
    signed_in(client, world.nurse)
    client.get(_url("case", referral))
    with django_assert_max_num_queries(22):
        response = client.get(_url("case", referral))
    assert response.content.decode().count(f"note {count - 1}") == 1
    assert Referral.objects.filter(status=Status.REQUESTED).count() == count + 1
