"""An employer's offer from draft to publication, moderated by an editor."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts import services as account_services
from beoncosup.accounts.codes import PlatformRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.models import EmployerProfile, JobOffer
from beoncosup.jobs.services import offers as offer_services
from beoncosup.jobs.tests.factories import employer_make, offer_fields, offer_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> object:
    user = user_create("editor@beoncosup.example")
    account_services.role_grant(user=user, role=PlatformRole.EDITOR, granted_by=None)
    return user


def staff_client(client: Client, employer: EmployerProfile) -> Client:
    member = Membership.objects.filter(organisation=employer.organisation).get()
    return signed_in(client, member.user)


def test_an_employer_writes_an_offer_as_a_draft(client: Client) -> None:
    employer = employer_make(staff=["hanne@haven.example"])
    staff_client(client, employer)

    response = client.post("/en/work/employers/offers/new/", offer_fields())

    assert response.status_code == 302
    offer = JobOffer.objects.get()
    assert offer.status == OfferStatus.DRAFT
    assert (offer.region, offer.municipality, offer.kind) == ("BE-VLG", "Antwerpen", "trial")
    assert offer.title == {
        "nl": "Proefstage administratie",
        "en": "Trial placement in administration",
    }
    assert offer.flexibility == ["part_time", "remote"]
    assert offer.contact_phone == "+3232012345"
    assert offer.latitude == pytest.approx(51.2194)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hours_min": "30", "hours_max": "20"}, "The most hours"),
        ({"postcode": "9999"}, "does not exist"),
        ({"title_nl": "", "title_en": ""}, "Title: This field is required"),
        ({"contact_phone": "12"}, "phone number"),
        ({"expires_on": (dt.date.today() + dt.timedelta(days=120)).isoformat()}, "at most 90 days"),
        ({"expires_on": dt.date.today().isoformat()}, "after today"),
        ({"description_en": "nul \x00 here"}, ""),  # refused by core's middleware
    ],
)
def test_a_bad_offer_answers_400_with_a_message_and_saves_nothing(
    client: Client, changes: dict[str, str], field: str
) -> None:
    staff_client(client, employer_make(staff=["hanne@haven.example"]))

    response = client.post("/en/work/employers/offers/new/", offer_fields(**changes))

    assert response.status_code == 400
    assert field in response.content.decode()
    assert JobOffer.objects.count() == 0


def test_submit_publish_and_the_employer_is_told_in_its_language(
    client: Client, editor: object, django_capture_on_commit_callbacks: Any
) -> None:
    employer = employer_make(
        staff=["hanne@haven.example"], language="fr", contact_email="rh@x.example"
    )
    offer = offer_make(employer, status=OfferStatus.DRAFT)
    staff_client(client, employer)
    client.post(f"/en/work/employers/offers/{offer.pk}/submit/")
    assert JobOffer.objects.get().status == OfferStatus.SUBMITTED

    editing = Client()
    signed_in(editing, editor)
    queue = editing.get("/en/work/editors/jobs/")
    with django_capture_on_commit_callbacks(execute=True):
        response = editing.post(f"/en/work/editors/jobs/{offer.pk}/", {"action": "publish"})

    assert "Office assistant" in queue.content.decode()
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED
    assert offer.published_at is not None
    assert [m.to for m in mail.outbox] == [["rh@x.example"]]
    assert "Office assistant" in mail.outbox[0].subject
    with translation.override("fr"):  # in the employer's language
        assert reverse("jobs:offer", kwargs={"offer_id": offer.pk}) in mail.outbox[0].body
    assert AuditEvent.objects.filter(
        action="jobs.offer_published", target_id=str(offer.pk)
    ).exists()


def test_reject_needs_a_reason_which_the_employer_receives(
    client: Client, editor: object, django_capture_on_commit_callbacks: Any
) -> None:
    employer = employer_make(language="nl", contact_email="hr@haven.example")
    offer = offer_make(employer, status=OfferStatus.SUBMITTED)
    signed_in(client, editor)

    empty = client.post(f"/en/work/editors/jobs/{offer.pk}/", {"action": "reject", "reason": " "})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/work/editors/jobs/{offer.pk}/",
            {"action": "reject", "reason": "Geef de uren per week duidelijk aan."},
        )

    assert empty.status_code == 400
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.rejection_reason) == (
        OfferStatus.REJECTED,
        "Geef de uren per week duidelijk aan.",
    )
    assert len(mail.outbox) == 1
    assert "Geef de uren per week duidelijk aan." in mail.outbox[0].body
    assert "Office assistant" in mail.outbox[0].subject


def test_an_unverified_employer_cannot_be_published(client: Client, editor: object) -> None:
    offer = offer_make(employer_make(verified=False), status=OfferStatus.SUBMITTED)
    signed_in(client, editor)

    response = client.post(f"/en/work/editors/jobs/{offer.pk}/", {"action": "publish"})

    assert response.status_code == 400
    assert "not verified" in response.content.decode()
    assert JobOffer.objects.get().status == OfferStatus.SUBMITTED
    assert mail.outbox == []


def test_the_service_refuses_to_publish_a_draft_or_an_unverified_employer(editor: object) -> None:
    draft = offer_make(employer_make(), status=OfferStatus.DRAFT)
    unverified = offer_make(employer_make(verified=False), status=OfferStatus.SUBMITTED)

    for offer in (draft, unverified):
        with pytest.raises(ValidationError):
            offer_services.offer_publish(offer=offer, editor=editor)

    assert set(JobOffer.objects.values_list("status", flat=True)) == {"draft", "submitted"}


def test_changing_a_published_offer_takes_it_off_the_site_until_moderated(client: Client) -> None:
    employer = employer_make(staff=["hanne@haven.example"])
    offer = offer_make(employer)
    staff_client(client, employer)

    response = client.post(f"/en/work/employers/offers/{offer.pk}/", offer_fields())

    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.published_at) == (OfferStatus.DRAFT, None)
    assert Client().get(f"/en/work/jobs/{offer.pk}/").status_code == 404


def test_the_employer_withdraws_a_published_offer(client: Client) -> None:
    employer = employer_make(staff=["hanne@haven.example"])
    offer = offer_make(employer)
    staff_client(client, employer)

    client.post(f"/en/work/employers/offers/{offer.pk}/withdraw/")

    assert JobOffer.objects.get().status == OfferStatus.WITHDRAWN
    assert Client().get(f"/en/work/jobs/{offer.pk}/").status_code == 404


def test_staff_of_another_employer_get_404_on_every_offer_page(client: Client) -> None:
    mine = employer_make(staff=["hanne@haven.example"])
    theirs = employer_make(name="Other", staff=["olaf@other.example"])
    offer = offer_make(theirs, status=OfferStatus.DRAFT)
    staff_client(client, mine)

    answers = [
        client.get(f"/en/work/employers/offers/{offer.pk}/").status_code,
        client.post(f"/en/work/employers/offers/{offer.pk}/", offer_fields()).status_code,
        client.post(f"/en/work/employers/offers/{offer.pk}/submit/").status_code,
        client.post(f"/en/work/employers/offers/{offer.pk}/withdraw/").status_code,
        client.post(
            "/en/work/employers/offers/new/", {**offer_fields(), "employer": theirs.pk}
        ).status_code,
    ]

    assert answers == [404, 404, 404, 404, 404]
    assert JobOffer.objects.get().status == OfferStatus.DRAFT
    assert "Other" not in client.get("/en/work/employers/offers/").content.decode()


def test_someone_without_an_employer_cannot_write_offers_and_is_shown_how_to_become_one(
    client: Client,
) -> None:
    signed_in(client, user_create("someone@example.org"))

    mine = client.get("/en/work/employers/offers/")
    new = client.get("/en/work/employers/offers/new/")

    assert mine.status_code == 200
    assert "/en/work/employers/join/" in mine.content.decode()
    assert new.status_code == 403


def test_the_offers_pages_query_counts(
    client: Client, django_assert_max_num_queries: object, editor: object
) -> None:
    employer = employer_make(staff=["hanne@haven.example"])
    for n in range(6):
        offer_make(employer, title=f"Offer {n}", status=OfferStatus.SUBMITTED)
    staff_client(client, employer)
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        mine = client.get("/en/work/employers/offers/")
    signed_in(client, editor)
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        queue = client.get("/en/work/editors/jobs/")

    assert mine.content.decode().count("Offer ") >= 6
    assert queue.content.decode().count("Offer ") >= 6


def test_expiry_date_defaults_to_sixty_days(client: Client) -> None:
    staff_client(client, employer_make(staff=["hanne@haven.example"]))

    page = client.get("/en/work/employers/offers/new/").content.decode()

    assert (timezone.localdate() + dt.timedelta(days=60)).isoformat() in page
