"""The finder's empty state names what would actually help (issue #12, journey 7)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.finder.tests.test_pages import load, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference() -> None:
    make_geo()
    make_needs()


def search(client: Client, **params: Any) -> str:
    response = client.get(url(), {"need": "MED-PAIN", "postcode": "9000", **params})
    assert response.status_code == 200
    assert response.context["result"].total == 0
    return response.content.decode()


def test_advice_is_the_change_that_finds_services_as_a_link(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("paid")])  # in Gent, not free

    html = search(client, free_only="on")

    assert "Also services that are not free: 1 service" in html
    assert 'href="?need=MED-PAIN&amp;postcode=9000' in html
    assert "Try a larger distance" not in html  # no distance was set


def test_a_distance_the_person_set_is_widened_when_that_helps(client: Client, tmp_path, reference):
    far = service_record("brussels", postcode="1000")  # about 49 km from Gent
    far["service_areas"] = []
    load(tmp_path, [far])

    html = search(client, max_km="10")

    assert "Up to 50 km away: 1 service" in html
    assert "max_km=50" in html


def test_no_advice_when_no_change_would_help(client: Client, tmp_path, reference):
    load(tmp_path, [service_record("a")])

    html = search(client, need="PSY-FEAR-RECURRENCE", free_only="on")  # nobody offers it

    assert "One change would find services" not in html
    assert "Ask your GP" in html


def test_the_page_language_prefills_the_preferred_languages(client: Client, reference):
    html = client.get(url(language="fr")).content.decode()

    checked = set(re.findall(r'<input[^>]*name="languages"[^>]*value="(\w\w)"[^>]*checked', html))
    checked |= set(re.findall(r'<input[^>]*checked[^>]*name="languages"[^>]*value="(\w\w)"', html))
    assert checked == {"fr"}
    assert 'name="languages" value="nl"' in html  # the other languages are there, unticked
