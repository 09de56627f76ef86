"""What employer staff may do: their own employer's offers, nothing of another employer's
(404), no editors' pages (403), and no access to patients' tools."""

from __future__ import annotations

import pytest
from django.test import Client

from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import signed_in
from beoncosup.jobs.models import EmployerProfile
from beoncosup.jobs.tests.factories import employer_make, offer_make

pytestmark = pytest.mark.django_db


def staff_of(employer: EmployerProfile) -> Client:
    return signed_in(Client(), Membership.objects.get(organisation=employer.organisation).user)


def test_own_offers_yes_another_employers_no_editors_pages_no() -> None:
    mine = employer_make(name="Mine", staff=["me@mine.example"])
    theirs = employer_make(name="Theirs", staff=["them@theirs.example"])
    own = offer_make(mine, status="draft")
    other = offer_make(theirs, status="submitted")
    client = staff_of(mine)

    answers = {
        "own offer": client.get(f"/en/work/employers/offers/{own.pk}/").status_code,
        "new offer": client.get("/en/work/employers/offers/new/").status_code,
        "their offer": client.get(f"/en/work/employers/offers/{other.pk}/").status_code,
        "their submit": client.post(f"/en/work/employers/offers/{other.pk}/submit/").status_code,
        "moderation": client.get("/en/work/editors/jobs/").status_code,
        "review": client.get(f"/en/work/editors/jobs/{other.pk}/").status_code,
        "employers": client.get("/en/work/editors/employers/").status_code,
        "verify": client.post(f"/en/work/editors/employers/{theirs.pk}/verify/").status_code,
    }

    assert answers == {
        "own offer": 200,
        "new offer": 200,
        "their offer": 404,
        "their submit": 404,
        "moderation": 403,
        "review": 403,
        "employers": 403,
        "verify": 403,
    }


def test_employer_staff_get_no_professional_workspace() -> None:
    employer = employer_make(staff=["me@mine.example"])
    user = Membership.objects.get(organisation=employer.organisation).user

    assert user.has_perm("jobs.manage_offer", employer)
    assert not user.has_perm("accounts.use_workspace")
    assert not user.has_perm("jobs.moderate")
