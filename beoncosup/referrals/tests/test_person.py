"""The person's private page: what they see, and what they can do from their link."""

from __future__ import annotations

import json
import re
import zlib
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.referrals import services
from beoncosup.referrals.codes import Channel, Reason, Status
from beoncosup.referrals.models import Case, Consent, DataAccess, Referral
from beoncosup.referrals.selectors import sight_of
from beoncosup.referrals.testing import referral_make, service_make, world_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return world_make()


def url(name: str, token: str, *, language: str = "en", **kwargs: object) -> str:
    with translation.override(language):
        return reverse(f"referrals:{name}", kwargs={"token": token, **kwargs})


def case_of(referral: Referral) -> Case:
    assert referral.case is not None
    return referral.case


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its deflated streams inflated (as finder's plan-document tests do)."""
    parts = [pdf]
    for match in re.finditer(rb"/Length (\d+)(?![\d ]*R)[^>]*>>\s*stream\r?\n", pdf):
        data = pdf[match.end() : match.end() + int(match.group(1))]
        try:
            parts.append(zlib.decompress(data))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_the_page_shows_the_referral_who_sees_what_and_the_log(client, world):
    _referral, token = referral_make(world)

    response = client.get(url("person", token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Psycho-oncologie Gent" in html
    assert "Sent" in html and "The service has not answered yet." in html
    assert "AZ Voorbeeld" in html  # who acted: the organisation, not the nurse's e-mail
    assert "Who sees my data" in html
    assert "What I need help with, and why" in html  # a shared category, in words
    assert "Oncocoach or oncology nurse" in html and "General practitioner" in html
    assert "nurse@az.example – Oncocoach or oncology nurse, AZ Voorbeeld" in html
    assert "You (on your private page)" in html
    assert f'href="{url("person_withdraw", token)}"' in html
    assert "This referral was not sent" not in html


def test_the_page_is_private_no_cache_no_referrer_no_index(client, world):
    _referral, token = referral_make(world)

    response = client.get(url("person", token))

    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_pages_with_a_form_keep_the_referrer_on_this_site_only(client, world):
    # "no-referrer" makes browsers send "Origin: null" with a form, which fails the CSRF check.
    referral, token = referral_make(world)

    for address in [
        url("person_withdraw", token),
        url("person_erase", token),
        url("person_cancel", token, referral_id=referral.pk),
    ]:
        response = client.get(address)
        assert response["Referrer-Policy"] == "same-origin"
        assert "no-store" in response["Cache-Control"]
    assert client.get(url("person_export_json", token))["Referrer-Policy"] == "no-referrer"


def test_downloads_take_no_post_and_actions_no_put(client, world):
    _referral, token = referral_make(world)

    assert client.post(url("person_export_json", token)).status_code == 405
    assert client.post(url("person", token)).status_code == 405
    assert client.put(url("person_withdraw", token)).status_code == 405


def test_an_anonymous_referral_says_not_sent_and_gives_the_next_steps(client, world):
    _referral, token = referral_make(world, consent=False)

    html = client.get(url("person", token)).content.decode()

    assert "This referral was not sent to the service." in html
    assert "Not sent to the service</span>" in html  # the status, not "Sent"
    assert "Referral made (not sent to the service)" in html
    assert "Bel ons op weekdagen." in html  # how to get in (only in Dutch: said so)
    assert "(in Dutch)" in html
    assert 'href="tel:091234567"' in html
    assert "onthaal@psycho.example" in html
    assert "You did not give consent to share your data." in html


@pytest.mark.parametrize("token", ["unknown-token", "x" * 5000, "a%20b", "%C3%A9t%C3%A9", "a.b"])
def test_an_unknown_link_is_a_404_that_says_what_to_do(client, world, token):
    response = client.get(f"/en/r/{token}/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "This link no longer works" in html
    assert "ask your professional for a new link" in html


@pytest.mark.parametrize("token", ["abc%00def", "%00"])
def test_a_link_with_a_nul_character_is_refused_not_an_error(client, world, token):
    # The site refuses NUL characters in any path before the view (400); never a 500.
    response = client.get(f"/en/r/{token}/")

    assert response.status_code in (400, 404)


def test_a_renewed_link_replaces_the_old_one(client, world):
    referral, token = referral_make(world)
    new_token = services.person_link_renew(case=case_of(referral))

    assert client.get(url("person", token)).status_code == 404
    assert client.get(url("person", new_token)).status_code == 200


def test_every_action_answers_404_for_an_unknown_link(client, world):
    referral, _token = referral_make(world)
    addresses = [
        url(name, "nope")
        for name in ["person_withdraw", "person_erase", "person_export_json", "person_export_pdf"]
    ]
    addresses.append(url("person_cancel", "nope", referral_id=referral.pk))
    for address in addresses:
        assert client.get(address).status_code == 404
    assert client.post(url("person_erase", "nope")).status_code == 404
    assert Case.objects.filter(pk=case_of(referral).pk).exists()


def test_withdraw_asks_first_then_stops_all_sharing(client, world):
    referral, token = referral_make(world)
    assert sight_of(world.staff, referral).needs
    assert sight_of(world.nurse, referral).contact

    confirm = client.get(url("person_withdraw", token))

    assert confirm.status_code == 200
    assert "Yes, stop sharing my data" in confirm.content.decode()
    assert Consent.objects.get(case=case_of(referral)).withdrawn_at is None

    response = client.post(url("person_withdraw", token))

    assert response.status_code == 302
    consent = Consent.objects.get(case=case_of(referral))
    assert consent.withdrawn_at is not None and consent.withdrawn_via == Channel.PERSON
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.status == Status.CANCELLED
    assert not sight_of(world.staff, referral).personal
    assert not sight_of(world.nurse, referral).personal
    html = client.get(response["Location"]).content.decode()
    assert "You withdrew your consent on" in html


def test_withdraw_without_consent_changes_nothing(client, world):
    referral, token = referral_make(world, consent=False)

    response = client.post(url("person_withdraw", token))

    assert response.status_code == 302
    assert Referral.objects.get(pk=referral.pk).status == Status.REQUESTED


def test_cancel_stops_one_open_referral_of_this_person(client, world):
    referral, token = referral_make(world)
    other = services.referral_add(
        case=case_of(referral),
        service=service_make("Loopbaan"),
        needs=["SOC-WORK"],
        referrer=world.nurse,
    )

    assert client.get(url("person_cancel", token, referral_id=referral.pk)).status_code == 200
    response = client.post(
        url("person_cancel", token, referral_id=referral.pk),
        {"reason": Reason.NO_LONGER_INTERESTED},
    )

    assert response.status_code == 302
    referral = Referral.objects.get(pk=referral.pk)
    assert (referral.status, referral.reason_code) == (
        Status.CANCELLED,
        Reason.NO_LONGER_INTERESTED,
    )
    last = referral.events.order_by("at", "id").last()
    assert last is not None and last.channel == Channel.PERSON
    assert Referral.objects.get(pk=other.pk).status == Status.REQUESTED
    html = client.get(url("person", token)).content.decode()
    assert "You</li>" in html or "– You" in html


def test_cancel_with_a_bad_reason_shows_the_form_again_and_changes_nothing(client, world):
    referral, token = referral_make(world)

    for reason in ["got_help", "", "cancelled"]:
        response = client.post(
            url("person_cancel", token, referral_id=referral.pk), {"reason": reason}
        )
        assert response.status_code == 400
        assert "Choose" in response.content.decode()
        assert "error-summary" in response.content.decode()
    nul = client.post(url("person_cancel", token, referral_id=referral.pk), {"reason": "other\x00"})
    assert nul.status_code == 400  # refused before the view: never a 500
    assert Referral.objects.get(pk=referral.pk).status == Status.REQUESTED


def test_cancel_another_persons_referral_is_a_404(client, world):
    mine, token = referral_make(world)
    theirs, _their_token = referral_make(world)

    response = client.post(
        url("person_cancel", token, referral_id=theirs.pk), {"reason": Reason.OTHER}
    )

    assert response.status_code == 404
    assert Referral.objects.get(pk=theirs.pk).status == Status.REQUESTED
    assert Referral.objects.get(pk=mine.pk).status == Status.REQUESTED


def test_a_closed_referral_cannot_be_cancelled(client, world):
    referral, token = referral_make(world)
    services.referral_move(
        referral=referral, status=Status.REJECTED, reason_code=Reason.NO_CAPACITY, as_performer=True
    )

    response = client.post(
        url("person_cancel", token, referral_id=referral.pk), {"reason": Reason.OTHER}
    )

    assert response.status_code == 302
    referral = Referral.objects.get(pk=referral.pk)
    assert (referral.status, referral.reason_code) == (Status.REJECTED, Reason.NO_CAPACITY)


def test_the_json_download_holds_everything_and_is_logged(client, world):
    referral, token = referral_make(world)

    response = client.get(url("person_export_json", token))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="beoncosup-my-data-')
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)
    assert data["person"]["name"] == "An Peeters"
    assert data["person"]["email"] == "an.peeters@example.org"
    assert [r["id"] for r in data["referrals"]] == [str(referral.pk)]
    assert data["referrals"][0]["reason"] == "Angst sinds de diagnose"
    assert DataAccess.objects.filter(case=case_of(referral), what="person.export").count() == 1


def test_the_pdf_download_is_a_tagged_pdf(client, world):
    referral, token = referral_make(world)

    response = client.get(url("person_export_pdf", token))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response.content.startswith(b"%PDF")
    objects = pdf_objects(response.content)
    assert b"/StructTreeRoot" in objects
    assert b"/Lang" in objects
    assert DataAccess.objects.filter(case=case_of(referral), what="person.export").count() == 1


def test_erase_asks_first_then_erases_and_keeps_the_referral_anonymous(client, world):
    referral, token = referral_make(world)
    case_id = case_of(referral).pk

    confirm = client.get(url("person_erase", token))

    assert confirm.status_code == 200
    assert "Yes, erase my data" in confirm.content.decode()
    assert Case.objects.filter(pk=case_id).exists()

    response = client.post(url("person_erase", token))

    assert response.status_code == 200
    assert "Your data is erased" in response.content.decode()
    assert not Case.objects.filter(pk=case_id).exists()
    kept = Referral.objects.get(pk=referral.pk)
    assert kept.case is None and kept.reason == "" and kept.status == Status.CANCELLED
    assert client.get(url("person", token)).status_code == 404


def test_reads_are_logged_and_shown_with_who_looked(client, world):
    referral, token = referral_make(world)
    services.access_record(
        case=case_of(referral),
        what="inbox.detail",
        channel=Channel.WEB,
        actor=world.staff,
        organisation_label="Psycho-oncologie vzw",
        referral=referral,
    )
    services.access_record(
        case=case_of(referral), what="something.new", channel=Channel.API, organisation_label="X"
    )

    html = client.get(url("person", token)).content.decode()

    assert "staff@psycho.example, Psycho-oncologie vzw" in html
    assert "Looked at your referral in the service&#x27;s inbox" in html
    assert "Looked at your data" in html  # an unknown code still says something
    row = DataAccess.objects.filter(case=case_of(referral), what="person.view").get()
    assert (row.channel, row.actor_id) == (Channel.PERSON, None)
    assert "You (on your private page)" in html


def test_the_page_follows_the_link_language_for_a_french_case(client, world):
    referral, token = referral_make(world, language="fr")
    link = services.person_link(case_of(referral), token)  # the link the person was sent

    response = client.get(urlsplit(link).path)

    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Psycho-oncologie Gent (fr)" in html  # the service's French name
    assert "Aller au contenu principal" in html  # the page's own strings in French


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_query_count_does_not_grow_with_referrals(
    client, world, count, django_assert_max_num_queries
):
    referral, token = referral_make(world)
    for index in range(count - 1):
        services.referral_add(
            case=case_of(referral),
            service=service_make(f"Dienst {index}"),
            needs=["PSY-FEAR"],
            referrer=world.nurse,
        )

    with django_assert_max_num_queries(11):
        response = client.get(url("person", token))

    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == count
