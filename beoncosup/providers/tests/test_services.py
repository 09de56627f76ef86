import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from beoncosup.accounts.testing import user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.directory.models import Service
from beoncosup.providers import services
from beoncosup.providers.changes import service_snapshot
from beoncosup.providers.models import ChangeProposal, ListingClaim
from beoncosup.providers.tests.factories import editor, listing_with_service, provider

pytestmark = pytest.mark.django_db


def staff(email: str = "staff@provider.example") -> Any:
    return get_user_model().objects.get(email=email)


def values_with(service: Any, **changes: Any) -> Any:
    values = service_snapshot(service)
    values.update(changes)
    return values


def test_claim_request_then_approve_adds_the_listing_and_mails_in_the_requesters_language(
    django_capture_on_commit_callbacks,
):
    service = listing_with_service()
    organisation = provider()
    claim = services.claim_request(
        organisation=organisation,
        listing=service.organization,
        requested_by=staff(),
        message="Ik ben de coördinator",
        language="fr",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_decide(claim=claim, decided_by=editor(), approve=True)

    assert list(organisation.listings.all()) == [service.organization]
    claim.refresh_from_db()
    assert claim.status == "approved"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@provider.example"]
    assert "Steunpunt Gent" in mail.outbox[0].subject
    # Rendered in French: the link is the French page (its path starts with the language).
    assert "http://127.0.0.1:8000/fr/" in mail.outbox[0].body
    assert "/nl/" not in mail.outbox[0].body
    events = AuditEvent.objects.filter(action__startswith="listing.").order_by("id")
    assert list(events.values_list("action", flat=True)) == [
        "listing.claim_requested",
        "listing.claim_approved",
    ]


def test_claim_reject_needs_a_reason_and_mails_it(django_capture_on_commit_callbacks):
    service = listing_with_service()
    organisation = provider()
    claim = services.claim_request(
        organisation=organisation, listing=service.organization, requested_by=staff(), language="nl"
    )
    with pytest.raises(ValidationError):
        services.claim_decide(claim=claim, decided_by=editor(), approve=False, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_decide(
            claim=claim,
            decided_by=get_user_model().objects.get(email="editor@beoncosup.example"),
            approve=False,
            reason="Onbekende organisatie",
        )

    assert organisation.listings.count() == 0
    assert ListingClaim.objects.get().status == "rejected"
    assert "Onbekende organisatie" in mail.outbox[0].body
    assert "Steunpunt Gent" in mail.outbox[0].subject
    assert "/nl/" in mail.outbox[0].body


def test_claim_twice_while_pending_is_refused():
    service = listing_with_service()
    organisation = provider()
    services.claim_request(
        organisation=organisation, listing=service.organization, requested_by=staff()
    )
    with pytest.raises(ValidationError):
        services.claim_request(
            organisation=organisation, listing=service.organization, requested_by=staff()
        )
    assert ListingClaim.objects.count() == 1


def test_claim_by_someone_without_the_provider_role_is_refused():
    service = listing_with_service()
    organisation = provider()
    with pytest.raises(PermissionDenied):
        services.claim_request(
            organisation=organisation,
            listing=service.organization,
            requested_by=user_create("outsider@example.org"),
        )


def test_proposal_with_nothing_changed_is_refused():
    service = listing_with_service()
    organisation = provider(holds=service.organization)
    with pytest.raises(ValidationError):
        services.proposal_create(
            service=service,
            organisation=organisation,
            proposed_by=staff(),
            values=service_snapshot(service),
        )
    assert ChangeProposal.objects.count() == 0


def test_proposal_for_a_service_of_another_listing_is_refused():
    service = listing_with_service()
    other = listing_with_service("Ander", service_name="Yoga")
    organisation = provider(holds=service.organization)
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            service=other,
            organisation=organisation,
            proposed_by=staff(),
            values=values_with(other, phone="02 000 00 00"),
        )


def test_approved_proposal_writes_service_and_children_and_verifies(
    django_capture_on_commit_callbacks,
):
    service = listing_with_service(assured_days_ago=400)
    before = service.last_modified
    organisation = provider(holds=service.organization)
    proposal = services.proposal_create(
        service=service,
        organisation=organisation,
        proposed_by=staff(),
        values=values_with(
            service,
            phone="09 999 99 99",
            wait_time={"nl": "3 dagen", "fr": "3 jours"},
            hours=["MO,TU 10:00-12:00", "FR 14:00-16:00"],
            languages=["en", "nl"],
            minimum_age=16,
        ),
        language="de",
    )
    assert set(proposal.changes) == {"phone", "wait_time", "hours", "languages", "minimum_age"}
    assert proposal.changes["phone"] == {"old": "09 123 45 67", "new": "09 999 99 99"}

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(proposal=proposal, decided_by=editor(), approve=True)

    service = Service.objects.get(pk=service.pk)
    assert service_snapshot(service)["phone"] == "09 999 99 99"
    assert service.wait_time == {"nl": "3 dagen", "fr": "3 jours"}
    assert service.minimum_age == 16
    assert service_snapshot(service)["hours"] == ["MO,TU 10:00-12:00", "FR 14:00-16:00"]
    assert service_snapshot(service)["languages"] == ["en", "nl"]
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email == "staff@provider.example"
    assert service.last_modified > before
    assert (
        AuditEvent.objects.filter(action="listing.changed", target_id=str(service.pk)).count() == 1
    )
    assert mail.outbox[0].to == ["staff@provider.example"]
    assert "Praatgroep" in mail.outbox[0].subject
    assert "/de/" in mail.outbox[0].body and str(service.pk) in mail.outbox[0].body


def test_approving_over_a_changed_field_is_refused_unless_overwrite():
    service = listing_with_service()
    organisation = provider(holds=service.organization)
    proposal = services.proposal_create(
        service=service,
        organisation=organisation,
        proposed_by=staff(),
        values=values_with(service, email="nieuw@steunpunt.example"),
    )
    Service.objects.filter(pk=service.pk).update(email="ander@steunpunt.example")
    decider = editor()

    with pytest.raises(ValidationError) as error:
        services.proposal_decide(proposal=proposal, decided_by=decider, approve=True)
    assert "E-mail" in str(error.value)
    assert Service.objects.get(pk=service.pk).email == "ander@steunpunt.example"
    assert ChangeProposal.objects.get().status == "pending"

    services.proposal_decide(proposal=proposal, decided_by=decider, approve=True, overwrite=True)
    assert Service.objects.get(pk=service.pk).email == "nieuw@steunpunt.example"


def test_rejected_proposal_changes_nothing_and_mails_the_reason(django_capture_on_commit_callbacks):
    service = listing_with_service()
    organisation = provider(holds=service.organization)
    proposal = services.proposal_create(
        service=service,
        organisation=organisation,
        proposed_by=staff(),
        values=values_with(service, url="https://elders.example"),
        language="nl",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(
            proposal=proposal, decided_by=editor(), approve=False, reason="Geen bron"
        )
    assert Service.objects.get(pk=service.pk).url == "https://steunpunt.example/praatgroep"
    assert "Geen bron" in mail.outbox[0].body


def test_service_confirm_sets_today_and_the_verifier():
    service = listing_with_service(assured_days_ago=500)
    organisation = provider(holds=service.organization)
    services.service_confirm(service=service, organisation=organisation, user=staff())
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email == "staff@provider.example"
    assert AuditEvent.objects.filter(action="listing.confirmed").count() == 1


def test_service_confirm_by_staff_of_an_organisation_without_the_listing_is_refused():
    service = listing_with_service(assured_days_ago=500)
    organisation = provider()
    with pytest.raises(PermissionDenied):
        services.service_confirm(service=service, organisation=organisation, user=staff())
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate() - dt.timedelta(days=500)
