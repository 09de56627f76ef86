"""The receiving service's inbox: who may see it, what the consent lets it show, the moves, the
access log and the query counts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.services import membership_add, role_grant
from beoncosup.accounts.testing import organisation_with, signed_in, user_create
from beoncosup.directory.models import Service
from beoncosup.referrals import services
from beoncosup.referrals.codes import ContactMethod, DataCategory, Reason, Status, Urgency
from beoncosup.referrals.forms.inbox import MoveForm
from beoncosup.referrals.models import (
    DataAccess,
    Referral,
    ReferralEvent,
    ServiceReferralSettings,
)
from beoncosup.referrals.testing import referral_make, terms_make, world_make

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    # English pages, so the texts asserted below read as in the source.
    with translation.override("en"):
        return reverse(f"referrals:{name}", kwargs=kwargs or None)


@pytest.fixture
def world():
    return world_make()


@pytest.fixture
def referral(world):
    made, _token = referral_make(world)
    return made


@pytest.fixture
def staff(client, world):
    return signed_in(client, world.staff)


def moved(referral: Referral, status: str, reason_code: str = "") -> Referral:
    return services.referral_move(
        referral=referral, status=status, reason_code=reason_code, as_performer=True
    )


def fresh(referral: Referral) -> Referral:
    return Referral.objects.get(pk=referral.pk)


# -- Who may use it ---------------------------------------------------------------------------


def test_inbox_pages_send_anonymous_people_to_sign_in(client, world, referral):
    urls = [
        url("inbox"),
        url("inbox_detail", referral_id=referral.pk),
        url("service_settings", service_id=world.service.pk),
    ]
    for address in urls:
        response = client.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    response = client.post(url("inbox_move", referral_id=referral.pk), {"move": "accepted"})
    assert response.status_code == 302
    assert fresh(referral).status == Status.REQUESTED


def test_inbox_pages_refuse_a_professional_without_the_provider_role(client, world, referral):
    signed_in(client, world.nurse)
    urls = [
        url("inbox"),
        url("inbox_detail", referral_id=referral.pk),
        url("service_settings", service_id=world.service.pk),
    ]
    assert [client.get(address).status_code for address in urls] == [403, 403, 403]
    response = client.post(url("inbox_move", referral_id=referral.pk), {"move": "accepted"})
    assert response.status_code == 403
    assert fresh(referral).status == Status.REQUESTED


@pytest.mark.parametrize("role", ["editor", "reviewer", "analyst", "platform_admin"])
def test_platform_roles_without_the_provider_role_get_403(client, world, referral, role):
    user = user_create(f"{role}@beoncosup.example")
    role_grant(user=user, role=role, granted_by=None)
    signed_in(client, user)
    assert client.get(url("inbox")).status_code == 403
    assert client.get(url("inbox_detail", referral_id=referral.pk)).status_code == 403
    response = client.post(url("inbox_move", referral_id=referral.pk), {"move": "accepted"})
    assert response.status_code == 403
    assert fresh(referral).status == Status.REQUESTED


def test_an_org_admin_of_the_provider_without_the_staff_role_gets_403(client, world, referral):
    membership_add(
        organisation=world.provider,
        user=user_create("admin@psycho.example"),
        role="org_admin",
    )
    signed_in(client, get_user_model().objects.get(email="admin@psycho.example"))
    assert client.get(url("inbox")).status_code == 403
    assert client.get(url("inbox_detail", referral_id=referral.pk)).status_code == 403


def test_staff_of_another_provider_get_404_and_an_empty_inbox(client, world, referral):
    signed_in(client, world.outsider)
    assert client.get(url("inbox_detail", referral_id=referral.pk)).status_code == 404
    response = client.post(url("inbox_move", referral_id=referral.pk), {"move": "accepted"})
    assert response.status_code == 404
    assert client.get(url("service_settings", service_id=world.service.pk)).status_code == 404
    inbox = client.get(url("inbox"))
    assert inbox.status_code == 200
    assert inbox.context["rows"] == []
    assert fresh(referral).status == Status.REQUESTED
    assert not DataAccess.objects.exists()


def test_an_unknown_referral_answers_404(staff):
    assert staff.get(url("inbox_detail", referral_id=uuid.uuid4())).status_code == 404


def test_a_referral_made_without_consent_never_reaches_the_inbox(staff, world):
    anonymous, _token = referral_make(world, consent=False)
    assert staff.get(url("inbox")).context["rows"] == []
    assert staff.get(url("inbox_detail", referral_id=anonymous.pk)).status_code == 404


def test_move_answers_only_post(staff, referral):
    assert staff.get(url("inbox_move", referral_id=referral.pk)).status_code == 405


# -- The list ---------------------------------------------------------------------------------


def test_the_inbox_shows_the_referral_with_what_the_consent_shares(staff, referral):
    response = staff.get(url("inbox"))
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    html = response.content.decode()
    assert "An Peeters" in html
    assert "label en" in html  # the needs' labels in the page's language
    assert "Psycho-oncologie Gent" in html
    assert url("inbox_detail", referral_id=referral.pk) in html
    assert '<meta name="robots" content="noindex">' in html
    log = DataAccess.objects.get()
    assert (log.case, log.what, log.actor_label, log.organisation_label) == (
        referral.case,
        "inbox.list",
        "staff@psycho.example",
        "Psycho-oncologie vzw",
    )


def test_the_inbox_hides_what_the_consent_does_not_share(staff, world):
    referral_make(
        world, terms=terms_make(categories=(DataCategory.NEEDS,)), method=ContactMethod.SELF
    )
    html = staff.get(url("inbox")).content.decode()
    assert "An Peeters" not in html
    assert "label en" in html
    assert html.count("Not shared") == 1


def test_the_inbox_shows_nothing_personal_after_withdrawal_and_logs_nothing(staff, referral):
    services.consent_withdraw(case=referral.case, channel="person")
    DataAccess.objects.all().delete()
    response = staff.get(url("inbox") + "?status=all")
    html = response.content.decode()
    assert "An Peeters" not in html
    assert "label en" not in html
    assert not DataAccess.objects.exists()


def test_the_inbox_filters_by_status_open_by_default(staff, world, referral):
    declined, _token = referral_make(world)
    moved(declined, Status.REJECTED, Reason.NOT_ELIGIBLE)
    assert [row.referral for row in staff.get(url("inbox")).context["rows"]] == [referral]
    rejected = staff.get(url("inbox") + "?status=rejected").context["rows"]
    assert [row.referral for row in rejected] == [declined]
    everything = staff.get(url("inbox") + "?status=all").context["rows"]
    assert [row.referral for row in everything] == [declined, referral]  # newest first
    tabs = {code: count for code, _label, count in staff.get(url("inbox")).context["tabs"]}
    assert (tabs[""], tabs["rejected"], tabs["all"], tabs["accepted"]) == (1, 1, 2, 0)
    # An unknown status falls back to the open ones.
    odd = staff.get(url("inbox") + "?status=nonsense").context["rows"]
    assert [row.referral for row in odd] == [referral]


def test_the_inbox_marks_urgent_and_stalled_referrals(staff, referral):
    Referral.objects.filter(pk=referral.pk).update(
        urgency=Urgency.URGENT, created_at=timezone.now() - dt.timedelta(days=30)
    )
    ServiceReferralSettings.objects.create(service=referral.service, stall_after_days=3)
    response = staff.get(url("inbox"))
    (row,) = response.context["rows"]
    assert row.waiting_days >= 3
    html = response.content.decode()
    assert f"No answer after {row.waiting_days} working days" in html
    assert '<span class="badge">Urgent</span>' in html


def test_the_inbox_pages_by_fifty(staff, world):
    first, _token = referral_make(world)
    copies = [
        Referral(
            case=first.case,
            consent=first.consent,
            service=first.service,
            service_name=first.service_name,
            needs=first.needs,
            language="nl",
            created_at=timezone.now() - dt.timedelta(minutes=index + 1),
        )
        for index in range(50)
    ]
    Referral.objects.bulk_create(copies)
    page_one = staff.get(url("inbox")).context
    assert len(page_one["rows"]) == 50 and page_one["rows"][0].referral == first
    page_two = staff.get(url("inbox") + "?page=2").context
    assert len(page_two["rows"]) == 1


@pytest.mark.parametrize("item_count", [1, 3])
def test_inbox_query_count(client, django_assert_num_queries, world, item_count):
    for _index in range(item_count):
        referral_make(world)
    signed_in(client, world.staff)
    client.get(url("inbox"))  # warm the session and the caches
    with django_assert_num_queries(21):
        response = client.get(url("inbox"))
    assert len(response.context["rows"]) == item_count
    assert DataAccess.objects.filter(what="inbox.list").count() == 2 * item_count


# -- One referral -----------------------------------------------------------------------------


def test_opening_a_requested_referral_marks_it_received_and_logs_the_view(staff, referral):
    response = staff.get(url("inbox_detail", referral_id=referral.pk))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert fresh(referral).status == Status.RECEIVED
    event = ReferralEvent.objects.filter(referral=referral).order_by("-at", "-id").first()
    assert event is not None
    assert (event.status, event.actor_label) == (Status.RECEIVED, "Psycho-oncologie vzw")
    html = response.content.decode()
    assert "Seen by the service" in html
    log = DataAccess.objects.get()
    assert (log.what, log.referral_id, log.organisation_label) == (
        "referral.view",
        referral.pk,
        "Psycho-oncologie vzw",
    )
    # Opening it again moves nothing.
    staff.get(url("inbox_detail", referral_id=referral.pk))
    assert ReferralEvent.objects.filter(referral=referral, status=Status.RECEIVED).count() == 1
    assert DataAccess.objects.count() == 2


def test_the_detail_shows_everything_the_consent_shares(staff, referral):
    html = staff.get(url("inbox_detail", referral_id=referral.pk)).content.decode()
    for text in (
        "An Peeters",
        "an.peeters@example.org",
        "By e-mail",
        "Dutch",
        "label en",
        "Angst sinds de diagnose",
        "Valid until",
    ):
        assert text in html
    assert "Not shared" not in html
    # The next steps from "received": accept or decline.
    assert 'name="move" value="accepted"' in html
    assert 'name="move" value="rejected"' in html
    assert 'name="move" value="completed"' not in html


def test_the_detail_leaves_out_the_contact_when_not_shared(staff, world):
    referral, _token = referral_make(
        world, terms=terms_make(categories=(DataCategory.NEEDS,)), method=ContactMethod.SELF
    )
    html = staff.get(url("inbox_detail", referral_id=referral.pk)).content.decode()
    assert "An Peeters" not in html
    assert "an.peeters@example.org" not in html
    assert "not shared by the person" in html
    assert "Angst sinds de diagnose" in html


def test_the_detail_leaves_out_the_needs_when_not_shared(staff, world):
    referral, _token = referral_make(world, terms=terms_make(categories=(DataCategory.CONTACT,)))
    html = staff.get(url("inbox_detail", referral_id=referral.pk)).content.decode()
    assert "An Peeters" in html
    assert "Angst sinds de diagnose" not in html
    assert "label en" not in html
    assert "not shared by the person" in html


def test_after_withdrawal_the_detail_shows_no_personal_data(staff, referral):
    services.consent_withdraw(case=referral.case, channel="person")
    DataAccess.objects.all().delete()
    response = staff.get(url("inbox_detail", referral_id=referral.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The person withdrew their consent on" in html
    assert "their data is no longer shared" in html
    for text in ("An Peeters", "an.peeters@example.org", "Angst sinds de diagnose", "label en"):
        assert text not in html
    assert not DataAccess.objects.exists()


# -- Moves ------------------------------------------------------------------------------------


def test_accept_start_hold_and_close(staff, referral):
    steps = [
        ({"move": "accepted"}, Status.ACCEPTED),
        ({"move": "in-progress"}, Status.IN_PROGRESS),
        ({"move": "on-hold", "on-hold-note": "Wacht op verslag"}, Status.ON_HOLD),
        ({"move": "in-progress"}, Status.IN_PROGRESS),
        (
            {"move": "completed", "completed-reason_code": "got_help", "completed-note": "Klaar"},
            Status.COMPLETED,
        ),
    ]
    for data, status in steps:
        response = staff.post(url("inbox_move", referral_id=referral.pk), data)
        assert response.status_code == 302, data
        assert response["Location"] == url("inbox_detail", referral_id=referral.pk)
        assert fresh(referral).status == status
    final = fresh(referral)
    assert (final.reason_code, final.closed_at is not None) == (Reason.GOT_HELP, True)
    last = ReferralEvent.objects.filter(referral=referral).order_by("-at", "-id").first()
    assert last is not None
    assert (last.note, last.channel, last.actor_label) == ("Klaar", "web", "Psycho-oncologie vzw")
    page = staff.get(response["Location"]).content.decode()
    assert "Saved: the referral is now “Closed”." in page
    assert 'name="move"' not in page  # a closed referral has no next step


def test_decline_with_a_reason(staff, referral):
    response = staff.post(
        url("inbox_move", referral_id=referral.pk),
        {"move": "rejected", "rejected-reason_code": "not_eligible", "rejected-note": ""},
    )
    assert response.status_code == 302
    declined = fresh(referral)
    assert (declined.status, declined.reason_code) == (Status.REJECTED, Reason.NOT_ELIGIBLE)


def test_declining_for_no_capacity_tells_the_service_is_closed(staff, world, referral):
    response = staff.post(
        url("inbox_move", referral_id=referral.pk),
        {"move": "rejected", "rejected-reason_code": "no_capacity"},
        follow=True,
    )
    assert fresh(referral).reason_code == Reason.NO_CAPACITY
    html = response.content.decode()
    assert "The service is now marked closed to new referrals" in html
    with translation.override("en"):
        capacity = reverse("providers:capacity", kwargs={"service_id": world.service.pk})
    assert f'href="{capacity}"' in html
    service = Service.objects.select_related("capacity").get(pk=world.service.pk)
    assert service.capacity.status == "closed"


@pytest.mark.parametrize(
    "data",
    [
        {"move": "rejected"},  # no reason
        {"move": "rejected", "rejected-reason_code": "got_help"},  # not a decline reason
        {"move": "completed", "completed-reason_code": "got_help"},  # not allowed yet
        {"move": "cancelled"},  # the requester's move
        {"move": "nonsense"},
        {},
        {"move": "rejected", "rejected-reason_code": "other", "rejected-note": "x" * 1001},
    ],
)
def test_bad_input_changes_nothing(staff, referral, data):
    moved(referral, Status.RECEIVED)
    events = ReferralEvent.objects.count()
    response = staff.post(url("inbox_move", referral_id=referral.pk), data)
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert fresh(referral).status == Status.RECEIVED
    assert ReferralEvent.objects.count() == events


def test_a_nul_character_in_the_note_is_a_clear_error(staff, referral):
    response = staff.post(
        url("inbox_move", referral_id=referral.pk),
        {"move": "rejected", "rejected-reason_code": "other", "rejected-note": "a\x00b"},
    )
    assert response.status_code == 400
    assert "characters that are not allowed" in response.content.decode()
    assert fresh(referral).status == Status.REQUESTED
    assert not ReferralEvent.objects.filter(status=Status.REJECTED).exists()


def test_the_move_form_itself_refuses_a_nul_character():
    form = MoveForm(
        {"rejected-reason_code": "other", "rejected-note": "a\x00b"}, target=Status.REJECTED
    )
    assert not form.is_valid()
    with translation.override("en"):
        assert form.errors["note"] == ["Null characters are not allowed."]


def test_a_move_on_a_closed_referral_changes_nothing(staff, referral):
    moved(referral, Status.REJECTED, Reason.OTHER)
    response = staff.post(url("inbox_move", referral_id=referral.pk), {"move": "accepted"})
    assert response.status_code == 400
    assert "This step is not possible now" in response.content.decode()
    assert fresh(referral).status == Status.REJECTED


# -- Service settings -------------------------------------------------------------------------


def test_staff_set_the_reminder_days_of_their_service(staff, world):
    page = staff.get(url("service_settings", service_id=world.service.pk))
    assert page.status_code == 200
    assert page.context["form"].initial["stall_after_days"] == 5
    response = staff.post(
        url("service_settings", service_id=world.service.pk), {"stall_after_days": "8"}
    )
    assert response.status_code == 302
    assert ServiceReferralSettings.objects.get(service=world.service).stall_after_days == 8
    inbox = staff.get(url("inbox")).content.decode()
    assert url("service_settings", service_id=world.service.pk) in inbox
    assert "after 8 working days" in inbox


@pytest.mark.parametrize("value", ["0", "31", "", "abc", "1.5"])
def test_bad_reminder_days_change_nothing(staff, world, value):
    response = staff.post(
        url("service_settings", service_id=world.service.pk), {"stall_after_days": value}
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not ServiceReferralSettings.objects.exists()


def test_a_provider_without_listings_has_an_empty_inbox(client):
    organisation_with(
        name="Lege vzw", kind="provider", members={"empty@provider.example": ["provider_staff"]}
    )
    signed_in(client, get_user_model().objects.get(email="empty@provider.example"))
    response = client.get(url("inbox"))
    assert response.status_code == 200
    assert response.context["rows"] == []


# -- The navigation ---------------------------------------------------------------------------


def test_the_navigation_links_provider_staff_to_the_inbox_with_the_new_count(
    staff, world, referral
):
    referral_make(world)
    with translation.override("en"):
        home = reverse("providers:home")
    html = staff.get(home).content.decode()
    assert f'<a href="{url("inbox")}">Referrals inbox <span class="badge">2<' in html
