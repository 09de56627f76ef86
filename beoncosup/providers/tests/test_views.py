import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.directory.models import Service
from beoncosup.providers import services
from beoncosup.providers.changes import service_snapshot
from beoncosup.providers.models import ChangeProposal, ListingClaim
from beoncosup.providers.tests.factories import editor, listing_with_service, provider

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: Any) -> str:
    # English pages, so the messages asserted below read as in the source.
    with translation.override("en"):
        return reverse(f"providers:{name}", kwargs=kwargs or None)


def staff() -> Any:
    return get_user_model().objects.get(email="staff@provider.example")


@pytest.fixture
def held():
    """A service whose listing the provider organisation holds."""
    service = listing_with_service()
    provider(holds=service.organization)
    return service


@pytest.fixture
def other_staff(client):
    """Provider staff of another organisation, holding another listing."""
    other = listing_with_service("Ander", service_name="Yoga")
    provider("other@provider.example", name="Ander vzw", holds=other.organization)
    return signed_in(client, get_user_model().objects.get(email="other@provider.example"))


def proposal_for(service: Any) -> Any:
    values = service_snapshot(service)
    values["wait_time"] = {"nl": "3 dagen"}
    return services.proposal_create(
        service=service,
        organisation=service.organization.platform_organisations.get(),
        proposed_by=staff(),
        values=values,
    )


# ------------------------------------------------------------ who may see what


def provider_urls(service: Any) -> list[str]:
    return [url("home"), url("claim"), url("propose", service_id=service.pk)]


def editor_urls(service: Any, claim: Any, proposal: Any) -> list[str]:
    return [
        url("review"),
        url("claim_decide", claim_id=claim.pk),
        url("proposal_decide", proposal_id=proposal.pk),
        url("service_history", service_id=service.pk),
    ]


@pytest.fixture
def objects(held):
    other = listing_with_service("Derde", service_name="Wandelen")
    claim = services.claim_request(
        organisation=held.organization.platform_organisations.get(),
        listing=other.organization,
        requested_by=staff(),
    )
    return held, claim, proposal_for(held)


def test_anonymous_is_sent_to_sign_in(client, objects):
    service, claim, proposal = objects
    for page in [*provider_urls(service), *editor_urls(service, claim, proposal)]:
        response = client.get(page)
        assert response.status_code == 302, page
        assert "/accounts/login/" in response["Location"]
    response = client.post(url("confirm", service_id=service.pk))
    assert response.status_code == 302


def test_signed_in_without_a_role_gets_403(client, objects):
    service, claim, proposal = objects
    signed_in(client, user_create("nobody@example.org"), mfa=False)
    for page in [*provider_urls(service), *editor_urls(service, claim, proposal)]:
        assert client.get(page).status_code == 403, page
    assert client.post(url("confirm", service_id=service.pk)).status_code == 403


def test_provider_staff_get_403_on_editor_pages(client, objects):
    service, claim, proposal = objects
    signed_in(client, staff())
    for page in editor_urls(service, claim, proposal):
        assert client.get(page).status_code == 403, page


def test_provider_staff_of_another_organisation_get_404_for_its_services(other_staff, objects):
    service, _claim, _proposal = objects
    assert other_staff.get(url("propose", service_id=service.pk)).status_code == 404
    assert other_staff.post(url("confirm", service_id=service.pk)).status_code == 404
    response = other_staff.post(url("propose", service_id=service.pk), {"phone": "02 000 00 00"})
    assert response.status_code == 404
    assert ChangeProposal.objects.count() == 1


def test_provider_home_lists_overdue_first_with_their_buttons(client, held):
    never = Service.objects.create(
        organization=held.organization, name={"nl": "Nooit nagekeken"}, description={}
    )
    signed_in(client, staff())
    response = client.get(url("home"))
    assert response.status_code == 200
    rows = [row.service for row in response.context["rows"]]
    assert rows == [never, held]
    assert response.context["rows"][0].overdue is True
    assert response.context["rows"][1].overdue is False
    assert url("confirm", service_id=held.pk) in response.content.decode()
    assert url("propose", service_id=never.pk) in response.content.decode()


def test_unknown_service_is_404(client, held):
    signed_in(client, staff())
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(url("propose", service_id=missing)).status_code == 404


# ------------------------------------------------------------ claims


def test_claim_search_finds_listings_by_name_in_any_language(client, held):
    held.organization.name = {"nl": "Steunpunt Gent", "fr": "Point d'appui Gand"}
    held.organization.save()
    signed_in(client, staff())
    response = client.get(url("claim"), {"q": "appui"})
    assert response.status_code == 200
    assert list(response.context["results"]) == [held.organization]
    assert client.get(url("claim"), {"q": "zzz"}).context["results"] == []


def test_claim_is_sent_once(client, held):
    listing = listing_with_service("Derde").organization
    organisation = held.organization.platform_organisations.get()
    signed_in(client, staff())
    form_page = client.get(url("claim"), {"listing": listing.pk})
    assert form_page.context["selected"] == listing
    data = {"organisation": organisation.pk, "listing": listing.pk, "message": "Ik werk er"}
    response = client.post(f"{url('claim')}?listing={listing.pk}", data)
    assert response.status_code == 302
    claim = ListingClaim.objects.get()
    assert (claim.organisation, claim.listing, claim.message) == (
        organisation,
        listing,
        "Ik werk er",
    )
    again = client.post(f"{url('claim')}?listing={listing.pk}", data)
    assert again.status_code == 400
    assert "already waiting" in again.content.decode()
    assert ListingClaim.objects.count() == 1


def test_claim_for_an_organisation_that_is_not_mine_is_refused(client, held, other_staff):
    listing = listing_with_service("Derde").organization
    mine = held.organization.platform_organisations.get()
    response = other_staff.post(url("claim"), {"organisation": mine.pk, "listing": listing.pk})
    assert response.status_code == 400
    assert ListingClaim.objects.count() == 0


def test_claim_bad_input_nul_and_unknown_listing(client, held):
    organisation = held.organization.platform_organisations.get()
    signed_in(client, staff())
    nul = client.post(
        url("claim"),
        {"organisation": organisation.pk, "listing": held.organization.pk, "message": "a\x00b"},
    )
    assert nul.status_code == 400
    unknown = client.post(
        url("claim"),
        {"organisation": organisation.pk, "listing": "00000000-0000-0000-0000-000000000000"},
    )
    assert unknown.status_code == 400
    assert "does not exist" in unknown.content.decode()
    assert client.get(url("claim"), {"q": "a\x00b"}).status_code == 400
    assert ListingClaim.objects.count() == 0


def test_editor_approves_a_claim(client, held, django_capture_on_commit_callbacks):
    listing = listing_with_service("Derde").organization
    organisation = held.organization.platform_organisations.get()
    claim = services.claim_request(organisation=organisation, listing=listing, requested_by=staff())
    signed_in(client, editor())
    page = client.get(url("claim_decide", claim_id=claim.pk))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("claim_decide", claim_id=claim.pk), {"decision": "approve"})
    assert response.status_code == 302
    assert organisation.listings.filter(pk=listing.pk).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@provider.example"]


def test_editor_rejecting_a_claim_without_a_reason_is_refused(client, held):
    listing = listing_with_service("Derde").organization
    organisation = held.organization.platform_organisations.get()
    claim = services.claim_request(organisation=organisation, listing=listing, requested_by=staff())
    signed_in(client, editor())
    response = client.post(url("claim_decide", claim_id=claim.pk), {"decision": "reject"})
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert (
        client.post(url("claim_decide", claim_id=claim.pk), {"decision": "maybe"}).status_code
        == 400
    )
    assert client.get(url("claim_decide", claim_id=99999)).status_code == 404


# ------------------------------------------------------------ proposals


def test_proposal_form_is_prefilled_with_the_current_values(client, held):
    signed_in(client, staff())
    response = client.get(url("propose", service_id=held.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["phone"].value() == "09 123 45 67"
    assert form["hours"].value() == "MO,TU,WE 09:00-17:00"
    assert form["wait_time_nl"].value() == "2 weken"
    assert form["languages"].value() == "nl"


def posted(service: Any, **changes: Any) -> dict[str, Any]:
    snapshot = service_snapshot(service)
    data = {
        "hours": "\n".join(snapshot["hours"]),
        "phone": snapshot["phone"],
        "email": snapshot["email"],
        "url": snapshot["url"],
        "minimum_age": snapshot["minimum_age"] or "",
        "maximum_age": snapshot["maximum_age"] or "",
        "languages": ", ".join(snapshot["languages"]),
        "note": "",
    }
    for language in ("nl", "fr", "de", "en"):
        data[f"eligibility_{language}"] = snapshot["eligibility_description"].get(language, "")
        data[f"wait_time_{language}"] = snapshot["wait_time"].get(language, "")
    data.update(changes)
    return data


def test_proposal_with_nothing_changed_is_refused_with_a_message(client, held):
    signed_in(client, staff())
    response = client.post(url("propose", service_id=held.pk), posted(held))
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    assert ChangeProposal.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours", "maandag 9 tot 5"),
        ("hours", "MO 17:00-09:00"),
        ("phone", "bel ons"),
        ("email", "geen-adres"),
        ("minimum_age", "-1"),
        ("maximum_age", "5"),
        ("languages", "nederlands"),
        ("wait_time_nl", "x" * 300),
    ],
)
def test_proposal_bad_input_shows_the_form_again(client, held, field, value):
    signed_in(client, staff())
    response = client.post(url("propose", service_id=held.pk), posted(held, **{field: value}))
    assert response.status_code == 400
    assert response.context["form"].errors
    assert ChangeProposal.objects.count() == 0


def test_proposal_with_a_nul_character_is_refused(client, held):
    signed_in(client, staff())
    response = client.post(url("propose", service_id=held.pk), posted(held, note="a\x00b"))
    assert response.status_code == 400
    assert ChangeProposal.objects.count() == 0


def test_proposal_is_stored_with_old_and_new_values(client, held):
    signed_in(client, staff())
    response = client.post(
        url("propose", service_id=held.pk),
        posted(held, phone="09 999 99 99", wait_time_fr="3 jours", note="Nieuw nummer"),
    )
    assert response.status_code == 302
    proposal = ChangeProposal.objects.get()
    assert proposal.changes == {
        "phone": {"old": "09 123 45 67", "new": "09 999 99 99"},
        "wait_time": {"old": {"nl": "2 weken"}, "new": {"nl": "2 weken", "fr": "3 jours"}},
    }
    assert proposal.note == "Nieuw nummer"
    assert proposal.language == "en"


def test_editor_approves_a_proposal_and_the_public_page_shows_it(client, held):
    proposal = proposal_for(held)
    signed_in(client, editor())
    page = client.get(url("proposal_decide", proposal_id=proposal.pk))
    assert page.status_code == 200
    assert page.context["rows"][0]["new"] == {"nl": "3 dagen"}
    response = client.post(url("proposal_decide", proposal_id=proposal.pk), {"decision": "approve"})
    assert response.status_code == 302
    client.logout()
    with translation.override("en"):
        public = client.get(reverse("directory:service", kwargs={"service_id": held.pk}))
    assert "3 dagen" in public.content.decode()
    assert "Last verified on" in public.content.decode()


def test_approving_a_proposal_over_a_changed_field_shows_the_conflict(client, held):
    proposal = proposal_for(held)
    Service.objects.filter(pk=held.pk).update(wait_time={"nl": "1 maand"})
    signed_in(client, editor())
    page = client.get(url("proposal_decide", proposal_id=proposal.pk))
    assert page.context["has_conflicts"] is True
    response = client.post(url("proposal_decide", proposal_id=proposal.pk), {"decision": "approve"})
    assert response.status_code == 400
    assert "changed since this proposal was made" in response.content.decode()
    assert Service.objects.get(pk=held.pk).wait_time == {"nl": "1 maand"}
    forced = client.post(
        url("proposal_decide", proposal_id=proposal.pk), {"decision": "approve", "overwrite": "on"}
    )
    assert forced.status_code == 302
    assert Service.objects.get(pk=held.pk).wait_time == {"nl": "3 dagen"}


def test_editor_rejects_a_proposal_with_a_reason(client, held):
    proposal = proposal_for(held)
    signed_in(client, editor())
    response = client.post(
        url("proposal_decide", proposal_id=proposal.pk),
        {"decision": "reject", "reason": "Niet juist"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason) == ("rejected", "Niet juist")
    assert Service.objects.get(pk=held.pk).wait_time == {"nl": "2 weken"}
    again = client.post(url("proposal_decide", proposal_id=proposal.pk), {"decision": "approve"})
    assert again.status_code == 400


# ------------------------------------------------------------ still correct


def test_still_correct_sets_the_verification_date(client, held):
    Service.objects.filter(pk=held.pk).update(
        assured_date=timezone.localdate() - dt.timedelta(days=700)
    )
    signed_in(client, staff())
    assert client.get(url("confirm", service_id=held.pk)).status_code == 405
    response = client.post(url("confirm", service_id=held.pk))
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.assured_date == timezone.localdate()
    assert held.assurer_email == "staff@provider.example"


# ------------------------------------------------------------ history and queue


def test_service_history_shows_the_services_and_proposals_events(client, held):
    proposal = proposal_for(held)
    services.proposal_decide(proposal=proposal, decided_by=editor(), approve=True)
    signed_in(client, get_user_model().objects.get(email="editor@beoncosup.example"))
    response = client.get(url("service_history", service_id=held.pk))
    assert response.status_code == 200
    actions = [event.action for event in response.context["events"]]
    assert sorted(actions) == [
        "listing.change_approved",
        "listing.change_proposed",
        "listing.changed",
    ]


@pytest.mark.parametrize("item_count", [1, 3])
def test_review_queue_query_count(client, django_assert_num_queries, item_count):
    for index in range(item_count):
        service = listing_with_service(f"Org {index}", service_name=f"Dienst {index}")
        organisation = provider(
            f"staff{index}@provider.example", name=f"Prov {index}", holds=service.organization
        )
        other = listing_with_service(f"Extra {index}").organization
        services.claim_request(
            organisation=organisation,
            listing=other,
            requested_by=get_user_model().objects.get(email=f"staff{index}@provider.example"),
        )
        values = service_snapshot(service)
        values["phone"] = "02 222 22 22"
        services.proposal_create(
            service=service,
            organisation=organisation,
            proposed_by=get_user_model().objects.get(email=f"staff{index}@provider.example"),
            values=values,
        )
    signed_in(client, editor())
    with django_assert_num_queries(13):
        response = client.get(url("review"))
    assert len(response.context["claims"]) == item_count
    assert len(response.context["proposals"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_provider_home_query_count(client, django_assert_num_queries, item_count):
    first = listing_with_service()
    organisation = provider(holds=first.organization)
    for index in range(1, item_count):
        Service.objects.create(organization=first.organization, name={"nl": f"Dienst {index}"})
        services.claim_request(
            organisation=organisation,
            listing=listing_with_service(f"Extra {index}").organization,
            requested_by=staff(),
        )
    signed_in(client, staff())
    # 15 for the page; 3 for the feedback app's open reports (their records, then the count).
    with django_assert_num_queries(18):
        response = client.get(url("home"))
    assert len(response.context["rows"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_service_history_query_count(client, django_assert_num_queries, held, item_count):
    for index in range(item_count):
        values = service_snapshot(held)
        values["phone"] = f"02 222 22 2{index}"
        proposal = services.proposal_create(
            service=held,
            organisation=held.organization.platform_organisations.get(),
            proposed_by=staff(),
            values=values,
        )
        services.proposal_decide(
            proposal=proposal, decided_by=editor(f"e{index}@x.example"), approve=False, reason="Nee"
        )
    signed_in(client, editor())
    with django_assert_num_queries(15):
        response = client.get(url("service_history", service_id=held.pk))
    assert len(response.context["proposals"]) == item_count


@pytest.mark.parametrize("item_count", [1, 3])
def test_claim_search_query_count(client, django_assert_num_queries, held, item_count):
    for index in range(1, item_count):
        listing_with_service(f"Steunpunt {index}")
    signed_in(client, staff())
    with django_assert_num_queries(14):
        response = client.get(url("claim"), {"q": "steunpunt"})
    assert len(response.context["results"]) == item_count
