"""The referrer's follow-up pages: who may see what, notices, cancelling, the access log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse as django_reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in
from beoncosup.referrals import services
from beoncosup.referrals.codes import NoticeKind, Reason, Status
from beoncosup.referrals.models import DataAccess, Notice, Referral
from beoncosup.referrals.navigation import referrals_nav_entry
from beoncosup.referrals.testing import NEEDS, identity_make, referral_make, terms_make, world_make

pytestmark = pytest.mark.django_db


def reverse(*args: Any, **kwargs: Any) -> str:
    # English pages, so the texts asserted below read as in the source.
    with translation.override("en"):
        return django_reverse(*args, **kwargs)


@pytest.fixture
def world():
    return world_make()


def _without_team(world) -> Referral:
    """A referral by the nurse, who did not join the person's care team."""
    referral, _token = services.referral_create(
        service=world.service,
        needs=list(NEEDS),
        reason="Angst",
        language="nl",
        identity=identity_make(),
        terms=terms_make(),
        referrer=world.nurse,
        organisation=world.hospital,
    )
    return referral


def _detail(referral: Referral) -> str:
    return reverse("referrals:detail", kwargs={"referral_id": referral.pk})


def test_followed_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("referrals:followed"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_followed_is_forbidden_to_provider_staff_without_the_professional_role(client, world):
    response = signed_in(client, world.staff).get(reverse("referrals:followed"))
    assert response.status_code == 403


def test_followed_shows_the_name_to_the_care_team_and_logs_it(client, world):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).get(reverse("referrals:followed"))
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    page = response.content.decode()
    assert "An Peeters" in page
    assert referral.service_name in page
    rows = list(DataAccess.objects.values_list("case_id", "what", "actor_id"))
    assert rows == [(referral.case_id, "followed.list", world.nurse.pk)]


def test_followed_hides_the_name_from_a_referrer_outside_the_care_team(client, world):
    referral = _without_team(world)
    response = signed_in(client, world.nurse).get(reverse("referrals:followed"))
    page = response.content.decode()
    assert referral.service_name in page
    assert "An Peeters" not in page
    assert DataAccess.objects.count() == 0


def test_followed_flags_a_referral_left_unanswered_past_the_services_limit(client, world):
    referral, _token = referral_make(world)
    Referral.objects.filter(pk=referral.pk).update(
        created_at=timezone.now() - dt.timedelta(days=21)
    )
    page = signed_in(client, world.nurse).get(reverse("referrals:followed")).content.decode()
    assert "No answer yet after" in page


def test_followed_has_no_flag_for_a_fresh_referral(client, world):
    referral_make(world)
    page = signed_in(client, world.nurse).get(reverse("referrals:followed")).content.decode()
    assert "No answer yet after" not in page


@pytest.mark.parametrize("count", [1, 3])
def test_followed_runs_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries, count
):
    for _ in range(count):
        referral, _token = referral_make(world)
        services.referral_move(
            referral=referral, status=Status.ACCEPTED, actor=world.staff, as_performer=True
        )
    signed_in(client, world.nurse)
    client.get(reverse("referrals:followed"))  # warm the session and the permission cache
    with django_assert_max_num_queries(20):
        response = client.get(reverse("referrals:followed"))
    assert response.content.decode().count("An Peeters") == count


def test_followed_shows_the_unread_notices_and_marks_them_read(client, world):
    referral, _token = referral_make(world)
    services.referral_move(
        referral=referral, status=Status.ACCEPTED, actor=world.staff, as_performer=True
    )
    signed_in(client, world.nurse)
    page = client.get(reverse("referrals:followed")).content.decode()
    assert f"{referral.service_name}: Accepted." in page
    assert "Mark as read" in page

    response = client.post(reverse("referrals:notices_read"))

    assert response.status_code == 302
    assert Notice.objects.filter(user=world.nurse, read_at__isnull=True).count() == 0
    page = client.get(reverse("referrals:followed")).content.decode()
    assert "Mark as read" not in page


def test_notices_read_takes_a_post_only(client, world):
    response = signed_in(client, world.nurse).get(reverse("referrals:notices_read"))
    assert response.status_code == 405


def test_notices_read_leaves_other_users_notices_alone(client, world):
    referral, _token = referral_make(world)
    Notice.objects.create(user=world.gp, referral=referral, kind=NoticeKind.STALLED)
    signed_in(client, world.nurse).post(reverse("referrals:notices_read"))
    assert Notice.objects.get(user=world.gp).read_at is None


def test_detail_sends_anonymous_visitors_to_sign_in(client, world):
    referral, _token = referral_make(world)
    response = client.get(_detail(referral))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["outsider", "gp"])
def test_detail_is_not_found_for_someone_the_referral_is_not_shared_with(client, world, who):
    referral, _token = referral_make(world)
    response = signed_in(client, getattr(world, who)).get(_detail(referral))
    assert response.status_code == 404
    assert DataAccess.objects.count() == 0


def test_detail_shows_the_person_to_the_care_team_logs_it_and_reads_the_notices(client, world):
    referral, _token = referral_make(world)
    Notice.objects.create(user=world.nurse, referral=referral, kind=NoticeKind.STALLED)
    response = signed_in(client, world.nurse).get(_detail(referral))
    page = response.content.decode()
    assert response.status_code == 200
    assert "An Peeters" in page and "an.peeters@example.org" in page
    assert "Angst sinds de diagnose" in page
    assert reverse("referrals:case", kwargs={"case_id": referral.case_id}) in page
    assert "Cancel this referral" in page
    access = DataAccess.objects.get()
    assert (access.what, access.referral_id, access.organisation_label) == (
        "referral.view",
        referral.pk,
        "AZ Voorbeeld",
    )
    assert Notice.objects.get().read_at is not None


def test_detail_shows_the_referrer_outside_the_team_the_status_only(client, world):
    referral = _without_team(world)
    response = signed_in(client, world.nurse).get(_detail(referral))
    page = response.content.decode()
    assert response.status_code == 200
    assert "An Peeters" not in page and "Angst" not in page
    assert "Not shared by the person." in page
    assert "Cancel this referral" in page
    assert DataAccess.objects.count() == 0


def test_detail_shows_the_service_only_what_the_consent_shares(client, world):
    referral, _token = referral_make(world, terms=terms_make(categories=("needs",)), method="self")
    page = signed_in(client, world.staff).get(_detail(referral)).content.decode()
    assert "An Peeters" not in page
    assert "Angst sinds de diagnose" in page
    assert "Cancel this referral" not in page


def test_cancel_by_the_referrer_cancels_the_referral(client, world):
    referral = _without_team(world)
    response = signed_in(client, world.nurse).post(
        reverse("referrals:cancel", kwargs={"referral_id": referral.pk}),
        {"reason_code": Reason.REFERRED_ELSEWHERE, "note": ""},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.reason_code) == (Status.CANCELLED, Reason.REFERRED_ELSEWHERE)
    assert [e.channel for e in referral.events.all()][-1] == "web"


@pytest.mark.parametrize(
    "data",
    [
        {"reason_code": "got_help"},
        {"reason_code": ""},
        {"reason_code": Reason.OTHER, "note": "x" * 1001},
    ],
)
def test_cancel_with_bad_input_shows_the_errors_and_changes_nothing(client, world, data):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).post(
        reverse("referrals:cancel", kwargs={"referral_id": referral.pk}), data
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.REQUESTED


def test_cancel_with_a_nul_character_is_refused(client, world):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).post(
        reverse("referrals:cancel", kwargs={"referral_id": referral.pk}),
        {"reason_code": Reason.OTHER, "note": "a\x00b"},
    )
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == Status.REQUESTED


def test_cancel_of_a_closed_referral_shows_an_error(client, world):
    referral, _token = referral_make(world)
    services.referral_move(
        referral=referral,
        status=Status.REJECTED,
        reason_code=Reason.NOT_ELIGIBLE,
        actor=world.staff,
        as_performer=True,
    )
    response = signed_in(client, world.nurse).post(
        reverse("referrals:cancel", kwargs={"referral_id": referral.pk}),
        {"reason_code": Reason.OTHER},
    )
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == Status.REJECTED


def test_cancel_is_not_found_for_an_outsider_and_forbidden_to_the_service(client, world):
    referral, _token = referral_make(world)
    url = reverse("referrals:cancel", kwargs={"referral_id": referral.pk})
    assert signed_in(client, world.outsider).post(url, {"reason_code": "other"}).status_code == 404
    client.logout()
    assert signed_in(client, world.staff).post(url, {"reason_code": "other"}).status_code == 403
    referral.refresh_from_db()
    assert referral.status == Status.REQUESTED


def test_cancel_takes_a_post_only(client, world):
    referral, _token = referral_make(world)
    response = signed_in(client, world.nurse).get(
        reverse("referrals:cancel", kwargs={"referral_id": referral.pk})
    )
    assert response.status_code == 405


def test_followed_hides_the_name_once_the_consent_is_withdrawn(client, world):
    referral, _token = referral_make(world)
    assert referral.case is not None
    services.consent_withdraw(case=referral.case)
    page = signed_in(client, world.nurse).get(reverse("referrals:followed")).content.decode()
    assert referral.service_name in page
    assert "An Peeters" not in page
    assert "The person withdrew their consent" in page
    assert DataAccess.objects.count() == 0


def test_the_navigation_links_professionals_with_their_unread_count(rf, world):
    referral, _token = referral_make(world)
    Notice.objects.create(user=world.nurse, referral=referral, kind=NoticeKind.STALLED)
    request = rf.get("/")
    request.user = world.nurse
    with translation.override("en"):
        html = str(referrals_nav_entry(request))
    assert reverse("referrals:followed") in html
    assert '<span class="badge">1<span class="visually-hidden"> unread notice</span></span>' in html
    assert reverse("referrals:inbox") not in html  # not provider staff
    request.user = world.staff  # provider staff: the inbox, not the referrals they follow
    with translation.override("en"):
        staff_html = str(referrals_nav_entry(request))
    assert reverse("referrals:inbox") in staff_html
    assert reverse("referrals:followed") not in staff_html
