from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Membership
from beoncosup.accounts.testing import user_create
from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.geo.models import Municipality, PostalCode
from beoncosup.jobs.codes import OfferStatus
from beoncosup.jobs.demo import POSTCODES
from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation, ShortageListing

pytestmark = pytest.mark.django_db


def demo_geo() -> None:
    """Every postcode the demo uses (the conftest's sliver has six of them)."""
    flanders = Municipality.objects.filter(region__code="BE-VLG").first()
    assert flanders is not None
    for n, code in enumerate(POSTCODES):
        if not PostalCode.objects.filter(code=code).exists():
            PostalCode.objects.create(
                code=code, municipality=flanders, latitude=50.5 + n / 10, longitude=4.0 + n / 10
            )


def test_demo_jobs_are_made_once_all_marked_demo(client: Client) -> None:
    demo_geo()
    out = StringIO()

    call_command("load_demo_jobs", stdout=out)
    call_command("load_demo_jobs", stdout=out)

    assert "already there" in out.getvalue()
    employers = EmployerProfile.objects.all()
    assert employers.count() == 2
    assert all(e.is_demo and e.is_verified and e.organisation.is_demo for e in employers)
    offers = JobOffer.objects.all()
    assert offers.count() == 12
    assert all(o.is_demo for o in offers)
    statuses = sorted(offers.values_list("status", flat=True))
    assert statuses.count(OfferStatus.EXPIRED) == 2
    assert statuses.count(OfferStatus.SUBMITTED) == 1
    assert all(o.is_demo for o in Occupation.objects.all())
    assert ShortageListing.objects.count() > 0
    assert all(s.is_demo for s in ShortageListing.objects.all())
    # The journey's offer: a trial placement in Antwerp, 20 hours, with work from home.
    found = client.get(
        "/api/v1/jobs",
        {"postcode": "2000", "max_km": "5", "hours_max": "20", "remote": "true", "kind": "trial"},
    ).json()
    assert found["total"] == 1
    assert found["results"][0]["is_demo"] is True


@override_settings(PRODUCTION=True)
def test_demo_jobs_are_refused_in_production() -> None:
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_jobs")

    assert EmployerProfile.objects.count() == 0


def test_without_the_geography_the_command_says_what_to_load() -> None:
    PostalCode.objects.filter(code="8000").delete()

    with pytest.raises(CommandError, match="load_geo"):
        call_command("load_demo_jobs")

    assert JobOffer.objects.count() == 0


def test_the_demo_employer_staff_account_publishes_for_the_first_demo_employer() -> None:
    demo_geo()
    staff = user_create(f"demo-employer@{DEMO_EMAIL_DOMAIN}")

    call_command("load_demo_jobs", stdout=StringIO())

    [membership] = Membership.objects.filter(user=staff)
    assert membership.role == OrgRole.EMPLOYER_STAFF
    assert membership.organisation.name == "Demo Havenlogistiek NV"
