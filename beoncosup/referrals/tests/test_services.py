"""The referral services: consent decides what goes where; statuses follow FHIR Task."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from wagtail.users.models import UserProfile

from beoncosup.directory.models import ServiceCapacity
from beoncosup.referrals import services
from beoncosup.referrals.codes import CareRole, ContactMethod, DataCategory, Reason, Status
from beoncosup.referrals.models import Case, DataAccess, Notice, Referral
from beoncosup.referrals.selectors import case_for_token, sight_of
from beoncosup.referrals.testing import case_of, referral_make, terms_make, world_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return world_make()


def test_a_referral_with_consent_reaches_the_service_and_the_person_gets_a_link(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral, token = referral_make(world)
    assert referral.delivered and referral.status == Status.REQUESTED
    assert case_for_token(token) == referral.case
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["an.peeters@example.org", "staff@psycho.example"]
    person_mail = next(m for m in mail.outbox if m.to == ["an.peeters@example.org"])
    assert token in person_mail.body
    service_mail = next(m for m in mail.outbox if m.to == ["staff@psycho.example"])
    assert "An Peeters" not in service_mail.body  # no personal data in a mail


def test_the_name_and_contact_are_encrypted_at_rest(world):
    referral, _token = referral_make(world)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email FROM referrals_case WHERE id = %s",
            [case_of(referral).pk.hex] if connection.vendor == "sqlite" else [case_of(referral).pk],
        )
        name, email = cursor.fetchone()
    assert name.startswith("enc1:") and "Peeters" not in name
    assert email.startswith("enc1:") and "example.org" not in email
    assert Case.objects.get(pk=case_of(referral).pk).name == "An Peeters"


def test_without_consent_nothing_identifies_the_person_and_nothing_goes_to_the_service(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral, token = referral_make(world, consent=False)
    assert not referral.delivered
    assert case_of(referral).name == "" and case_of(referral).email == "" and referral.reason == ""
    assert mail.outbox == []
    assert not sight_of(world.staff, referral).role
    assert case_for_token(token) == referral.case


def test_each_viewer_sees_what_the_consent_grants(world):
    terms = terms_make(categories=(DataCategory.CONTACT,), care_roles=(CareRole.ONCOCOACH,))
    referral, _token = referral_make(world, terms=terms)
    staff = sight_of(world.staff, referral)
    assert staff.role == "service" and staff.contact and not staff.needs
    nurse = sight_of(world.nurse, referral)
    assert nurse.role == "team" and nurse.contact and not nurse.notes
    assert not sight_of(world.outsider, referral).role
    assert not sight_of(world.gp, referral).role  # not in the team


def test_a_care_team_role_the_consent_does_not_name_sees_nothing(world):
    referral, _token = referral_make(world, terms=terms_make(care_roles=(CareRole.ONCOCOACH,)))
    services.care_team_add(
        case=case_of(referral), email="gp@huisarts.example", role=CareRole.GP, actor=world.nurse
    )
    assert not sight_of(world.gp, referral).role


def test_withdrawal_stops_sharing_at_once_and_cancels_open_referrals(world):
    referral, _token = referral_make(world)
    services.care_team_add(
        case=case_of(referral), email="gp@huisarts.example", role=CareRole.GP, actor=world.nurse
    )
    assert sight_of(world.gp, referral).needs
    cancelled = services.consent_withdraw(case=case_of(referral))
    referral.refresh_from_db()
    assert cancelled == 1
    assert referral.status == Status.CANCELLED
    assert referral.reason_code == Reason.CONSENT_WITHDRAWN
    assert not sight_of(world.gp, referral).role
    staff = sight_of(world.staff, referral)
    assert staff.role == "service" and not staff.personal
    assert Notice.objects.filter(user=world.nurse, kind="consent_withdrawn").count() == 1


def test_statuses_follow_the_fhir_task_moves(world, django_capture_on_commit_callbacks):
    referral, _token = referral_make(world)
    with pytest.raises(ValidationError):
        services.referral_move(
            referral=referral, status=Status.COMPLETED, actor=world.staff, as_performer=True
        )
    services.referral_move(
        referral=referral, status=Status.ACCEPTED, actor=world.staff, as_performer=True
    )
    with pytest.raises(ValidationError):  # closing needs an outcome
        services.referral_move(
            referral=referral, status=Status.COMPLETED, actor=world.staff, as_performer=True
        )
    with pytest.raises(ValidationError):  # the requester side only cancels
        services.referral_move(
            referral=referral,
            status=Status.COMPLETED,
            reason_code=Reason.GOT_HELP,
            actor=world.nurse,
            as_performer=False,
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_move(
            referral=referral,
            status=Status.COMPLETED,
            reason_code=Reason.GOT_HELP,
            actor=world.staff,
            as_performer=True,
        )
    referral.refresh_from_db()
    assert referral.status == Status.COMPLETED and referral.closed_at is not None
    assert [e.status for e in referral.events.all()] == ["requested", "accepted", "completed"]
    assert {m.to[0] for m in mail.outbox} == {"nurse@az.example", "an.peeters@example.org"}


def test_the_referrer_is_told_in_their_language(world, django_capture_on_commit_callbacks):
    profile = UserProfile.get_for_user(world.nurse)
    profile.preferred_language = "fr"
    profile.save()
    referral, _token = referral_make(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_move(
            referral=referral, status=Status.ACCEPTED, actor=world.staff, as_performer=True
        )
    [to_nurse] = [m for m in mail.outbox if m.to == ["nurse@az.example"]]
    assert "Accepté" in to_nurse.subject or "accepté" in to_nurse.subject.lower()


def test_a_stalled_referral_tells_its_referrer_once(world):
    referral, _token = referral_make(world)
    start = dt.date(2026, 12, 4)  # a Friday
    Referral.objects.filter(pk=referral.pk).update(
        created_at=dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC)
    )
    assert services.referrals_stalled_notify(today=dt.date(2026, 12, 10)) == 0  # 4 working days
    assert services.referrals_stalled_notify(today=dt.date(2026, 12, 11)) == 1
    assert services.referrals_stalled_notify(today=dt.date(2026, 12, 14)) == 0
    assert Notice.objects.filter(user=world.nurse, kind="stalled").count() == 1
    assert services.working_days_between(start, dt.date(2026, 12, 28)) == 15  # 25 Dec off


def test_erasure_keeps_anonymous_counts_only(world):
    referral, token = referral_make(world)
    services.access_record(case=case_of(referral), what="referral.view", channel="web")
    services.case_erase(case=case_of(referral))
    referral.refresh_from_db()
    assert referral.case is None and referral.reason == "" and referral.needs
    assert Case.objects.count() == 0 and DataAccess.objects.count() == 0
    assert case_for_token(token) is None


def test_retention_erases_people_whose_referrals_closed_long_ago(world):
    old, _ = referral_make(world)
    services.referral_move(
        referral=old,
        status=Status.REJECTED,
        reason_code=Reason.NOT_ELIGIBLE,
        actor=world.staff,
        as_performer=True,
    )
    recent, _ = referral_make(world)
    long_ago = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    Referral.objects.filter(pk=old.pk).update(closed_at=long_ago, created_at=long_ago)
    Case.objects.filter(pk=case_of(old).pk).update(created_at=long_ago)
    assert services.referrals_anonymise() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.case is None and recent.case is not None


def test_bad_input_changes_nothing(world):
    with pytest.raises(ValidationError) as error:
        services.referral_create(
            service=world.service,
            needs=["NOPE"],
            language="nl",
            identity=services.Identity(name="", contact_method=ContactMethod.PHONE, language="nl"),
            terms=terms_make(),
            referrer=world.nurse,
        )
    assert "needs" in error.value.message_dict
    assert Referral.objects.count() == 0 and Case.objects.count() == 0


def test_a_decline_for_no_capacity_closes_the_service_to_new_referrals(world):
    referral, _token = referral_make(world)
    services.referral_move(
        referral=referral,
        status=Status.REJECTED,
        reason_code=Reason.NO_CAPACITY,
        actor=world.staff,
        as_performer=True,
    )
    assert ServiceCapacity.objects.get(service=world.service).status == "closed"
