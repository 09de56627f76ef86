"""Editors keep occupations and their shortage listings in the Wagtail admin."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.jobs.models import Occupation, ShortageListing

pytestmark = pytest.mark.django_db

OCCUPATIONS = "/admin/snippets/jobs/occupation/"


@pytest.fixture
def editor(client: Client) -> Client:
    user = user_create("editor@example.org")
    role_grant(user=user, role="editor", granted_by=None)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    signed_in(client, get_user_model().objects.get(pk=user.pk))
    return client


def occupation_form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name_nl": "Boekhouder",
        "name_fr": "Comptable",
        "name_de": "",
        "name_en": "Accountant",
        "code": "",
        "shortages": inline_formset(
            [
                {
                    "region": "BE-VLG",
                    "year": "2025",
                    "published_on": "2025-06-01",
                    "source_name": "VDAB",
                    "source_url": "https://www.vdab.be/trends/knelpuntberoepen",
                }
            ]
        ),
    }
    data.update(changes)
    form: dict[str, Any] = nested_form_data(data)
    return form


def test_an_editor_adds_an_occupation_with_its_shortage_listing(editor: Client) -> None:
    listing = editor.get(OCCUPATIONS)
    response = editor.post(f"{OCCUPATIONS}add/", occupation_form())

    assert listing.status_code == 200
    assert response.status_code == 302
    occupation = Occupation.objects.get()
    assert occupation.name == {"nl": "Boekhouder", "fr": "Comptable", "en": "Accountant"}
    assert list(ShortageListing.objects.values_list("region", "year", "source_name")) == [
        ("BE-VLG", 2025, "VDAB")
    ]


def test_an_occupation_needs_a_name_and_a_listing_a_year_in_range(editor: Client) -> None:
    nameless = editor.post(
        f"{OCCUPATIONS}add/", occupation_form(name_nl="", name_fr="", name_en="")
    )
    bad_year = occupation_form()
    bad_year["shortages-0-year"] = "1850"
    wrong = editor.post(f"{OCCUPATIONS}add/", bad_year)

    assert nameless.status_code == 200
    assert wrong.status_code == 200
    assert Occupation.objects.count() == 0


def test_someone_without_the_editor_role_cannot_open_it(client: Client) -> None:
    signed_in(client, user_create("someone@example.org"))

    assert client.get(OCCUPATIONS).status_code in {302, 403}
    assert Occupation.objects.count() == 0
