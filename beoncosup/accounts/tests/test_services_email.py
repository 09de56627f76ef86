"""The e-mails of invitations and requests to join: language, content and a link that works."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.testing import organisation_with, signed_in, user_create

pytestmark = pytest.mark.django_db

BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@pytest.fixture(autouse=True)
def _default_language_after() -> Any:
    """Requests to /fr/ pages leave French active in this thread: restore the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def hospital() -> Any:
    organisation = organisation_with(
        name="AZ Zee & Duin", members={"admin@az.example": [OrgRole.ORG_ADMIN]}
    )
    # testing.organisation_with does not slugify the name ("az-zee-&-duin" is no slug).
    organisation.slug = "az-zee-en-duin"
    organisation.save(update_fields=["slug"])
    return organisation


@pytest.fixture
def admin(hospital: Any) -> Any:
    return hospital.memberships.get(role=OrgRole.ORG_ADMIN).user


def _link(body: Any) -> str:
    return next(line for line in str(body).splitlines() if line.startswith(BASE))


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_invitation_mail_is_in_the_chosen_language(
    hospital: Any, admin: Any, language: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        issued = services.invitation_create(
            organisation=hospital,
            email="new@az.example",
            role=OrgRole.ORG_ADMIN,
            invited_by=admin,
            language=language,
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@az.example"]
    with translation.override(language):
        role_label = str(OrgRole.ORG_ADMIN.label)
    assert role_label in message.body
    assert "AZ Zee & Duin" in message.subject  # plain text: never HTML-escaped
    assert "admin@az.example" in message.body
    assert _link(message.body) == issued.url
    assert issued.url.startswith(f"{BASE}/{language}/")


def test_invitation_mails_differ_between_dutch_and_french(
    hospital: Any, admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for language in ("nl", "fr"):
            services.invitation_create(
                organisation=hospital,
                email=f"{language}@az.example",
                role=OrgRole.PROFESSIONAL,
                invited_by=admin,
                language=language,
            )

    dutch, french = (_link(m.body) for m in mail.outbox)
    assert dutch.split("/")[3:4] == ["nl"]
    assert french.split("/")[3:4] == ["fr"]


def test_invitation_mail_link_opens_the_invitation(
    hospital: Any, admin: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            organisation=hospital,
            email="new@az.example",
            role=OrgRole.PROFESSIONAL,
            invited_by=admin,
            language="fr",
        )

    response = client.get(_link(mail.outbox[0].body).removeprefix(BASE))

    assert response.status_code == 200
    assert response.context["invitation"].email == "new@az.example"
    assert response.context["LANGUAGE_CODE"] == "fr"


def test_invitation_mail_is_not_sent_when_the_transaction_rolls_back(
    hospital: Any, admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            organisation=hospital,
            email="new@az.example",
            role=OrgRole.PROFESSIONAL,
            invited_by=admin,
            language="nl",
        )

    assert len(callbacks) == 1
    assert mail.outbox == []


def test_join_request_mail_goes_to_the_admins(
    hospital: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = user_create("asks@az.example")

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(
            organisation=hospital, user=person, role=OrgRole.PROVIDER_STAFF
        )

    assert [m.to for m in mail.outbox] == [["admin@az.example"]]
    assert "asks@az.example" in mail.outbox[0].body
    assert "AZ Zee & Duin" in mail.outbox[0].subject
    assert _link(mail.outbox[0].body).endswith(f"/{hospital.slug}/")


def test_join_request_mail_link_opens_the_organisation_for_its_admin(
    hospital: Any, admin: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    person = user_create("asks@az.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(organisation=hospital, user=person, role=OrgRole.PROFESSIONAL)

    response = signed_in(client, admin).get(_link(mail.outbox[0].body).removeprefix(BASE))

    assert response.status_code == 200
    assert [r.user.email for r in response.context["requests"]] == ["asks@az.example"]


@pytest.mark.parametrize("approve", [True, False])
def test_join_decision_mail_tells_the_person(
    hospital: Any, admin: Any, approve: bool, django_capture_on_commit_callbacks: Any
) -> None:
    person = user_create("asks@az.example")
    request = services.join_request_create(
        organisation=hospital, user=person, role=OrgRole.PROFESSIONAL
    )

    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        services.join_request_decide(
            join_request=request,
            approve=approve,
            decided_by=admin,
            reason="" if approve else "Pas connu chez nous",
        )

    decision = [m for m in mail.outbox if m.to == ["asks@az.example"]]
    assert len(decision) == 1
    assert ("Pas connu chez nous" in decision[0].body) is (not approve)
    assert "AZ Zee & Duin" in decision[0].subject
