"""Issue #12, journey 8: an employer can ask for services *for employers* (the services'
``employer`` audience, HSDS profile), while ``audience=employer`` keeps its v1 meaning (an
employer looking for the employee's services)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils.translation import override

from beoncosup.directory.enums import SERVICE_AUDIENCES
from beoncosup.directory.tests.factories import make_geo, make_needs
from beoncosup.directory.tests.factories import service_record as record
from beoncosup.finder.tests.test_finder import load, with_codes

pytestmark = pytest.mark.django_db

NAMES = ("Steunpunt workplace", "Steunpunt patients")


@pytest.fixture
def services(tmp_path: Any) -> None:
    make_geo()
    make_needs()
    workplace = with_codes(service_record("workplace"), "beoncosup-audience", ["employer"])
    patients = service_record("patients")  # the factory's audience: patient
    load(tmp_path, [workplace, patients])


def service_record(name: str) -> dict[str, Any]:
    """A service open to every status (the factory's is for employees only)."""
    return with_codes(record(name), "beoncosup-employment-status", [])


def api_names(client: Client, **params: str) -> list[str]:
    answer = client.get("/api/v1/finder", {"need": "MED-PAIN", **params}).json()
    return [result["service"]["name"] for result in answer["results"]]


def page_names(client: Client, **params: str) -> list[str]:
    with override("en"):
        html = client.get("/en/finder/", {"need": "MED-PAIN", **params}).content.decode()
    return [name for name in NAMES if name in html]


def test_the_profile_accepts_services_for_employers() -> None:
    assert "employer" in SERVICE_AUDIENCES.values
    # Codes are only added: the earlier ones keep their place.
    assert SERVICE_AUDIENCES.values[:4] == ["patient", "relative", "child", "professional"]


def test_the_api_finds_services_for_employers_when_asked(client: Client, services: None) -> None:
    assert api_names(client, for_employers="true") == ["Steunpunt workplace"]
    assert api_names(client, audience="employer", for_employers="true") == ["Steunpunt workplace"]


def test_audience_employer_alone_keeps_its_v1_meaning(client: Client, services: None) -> None:
    # An employer looking on behalf of the employee gets the patient's services, as before.
    assert api_names(client, audience="employer") == ["Steunpunt patients"]
    assert api_names(client, for_employers="false", audience="employer") == ["Steunpunt patients"]


def test_the_page_asks_for_services_for_employers(client: Client, services: None) -> None:
    assert page_names(client, for_employers="true") == ["Steunpunt workplace"]
    assert page_names(client, audience="patient") == ["Steunpunt patients"]


def test_a_bad_flag_is_refused_with_a_message(client: Client, services: None) -> None:
    api = client.get("/api/v1/finder", {"need": "MED-PAIN", "for_employers": "perhaps"})
    with override("en"):
        page = client.get("/en/finder/", {"need": "MED-PAIN", "for_employers": "perhaps"})

    assert api.status_code == 422
    assert api.json()["detail"].startswith("for_employers:")
    assert page.status_code == 200
    assert "Choose yes or no." in page.content.decode()


def test_the_employers_route_opens_the_finder_with_their_own_way_in(
    client: Client, services: None
) -> None:
    # Issue #19: the home page and the employers' page link /finder/?audience=employer.
    with override("en"):
        html = client.get("/en/finder/", {"audience": "employer"}).content.decode()

    assert "You are an employer" in html
    assert "Choose who needs the help" not in html  # no error: the form opens empty
    assert 'href="/en/employers/"' in html
    assert "for_employers=true" in html
    assert not [name for name in NAMES if name in html]  # nothing searched yet


def test_the_employers_route_searches_as_the_api_does(client: Client, services: None) -> None:
    # On behalf of the employee (the v1 meaning), with the employers' own way in beside it.
    assert page_names(client, audience="employer") == api_names(client, audience="employer")
    assert page_names(client, audience="employer") == ["Steunpunt patients"]
    with override("en"):
        html = client.get(
            "/en/finder/", {"need": "MED-PAIN", "audience": "employer"}
        ).content.decode()
    assert "You are an employer" in html
    assert "for_employers=true&amp;need=MED-PAIN" in html


def test_other_audiences_get_no_employers_panel(client: Client, services: None) -> None:
    with override("en"):
        html = client.get("/en/finder/", {"need": "MED-PAIN", "audience": "patient"}).content
    assert b"You are an employer" not in html
