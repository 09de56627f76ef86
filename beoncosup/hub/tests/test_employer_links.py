"""Issue #12, journey 8: an article written for employers sends them to services for
employers and colleagues (``for_employers``), not to the patient's services."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from beoncosup.hub.tests.factories import article, load, make_needs

pytestmark = pytest.mark.django_db


def test_an_employer_article_links_to_services_for_employers(client, tmp_path):
    make_needs()
    load(
        tmp_path,
        [
            article("talking", needs=["MED-FATIGUE"], audiences=["employer"]),
            article("mixed", needs=["MED-FATIGUE"], audiences=["patient", "employer"]),
        ],
    )
    with translation.override("en"):
        finder = reverse("finder:finder")

    employers = client.get("/en/info/emotions/talking/").content.decode()
    mixed = client.get("/en/info/emotions/mixed/").content.decode()

    assert f'href="{finder}?need=MED-FATIGUE&amp;for_employers=true"' in employers
    assert f'href="{finder}?need=MED-FATIGUE"' in mixed
