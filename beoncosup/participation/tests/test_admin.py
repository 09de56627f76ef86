"""Editors make working groups in the Wagtail admin (Snippets → Working groups); the admin
menu links to the sessions and actions pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data

from beoncosup.accounts.testing import signed_in
from beoncosup.participation.models import WorkingGroup
from beoncosup.participation.tests.factories import editor_create, taxonomy_make
from beoncosup.taxonomy.models import Need

pytestmark = pytest.mark.django_db

GROUPS = "/admin/snippets/participation/workinggroup/"


def test_an_editor_makes_a_working_group_in_the_admin(client: Client):
    taxonomy_make()
    signed_in(client, editor_create())
    need = Need.objects.get(code="WORK-TALK-EMPLOYER")

    form = client.get(GROUPS + "add/")
    response = client.post(
        GROUPS + "add/",
        nested_form_data(
            {
                "title_nl": "Werk en kanker",
                "title_en": "Work and cancer",
                "description_nl": "Over de terugkeer naar werk.",
                "domain": "WORK",
                "needs": (str(need.pk),),
                "published": "on",
            }
        ),
    )

    assert form.status_code == 200
    assert response.status_code == 302, response.content.decode()[:2000]
    group = WorkingGroup.objects.get()
    assert group.title == {"nl": "Werk en kanker", "en": "Work and cancer"}
    assert (group.domain_id, group.published, group.is_demo) == ("WORK", True, False)
    assert list(group.needs.all()) == [need]


def test_the_admin_menu_links_to_the_sessions_and_actions(client: Client):
    signed_in(client, editor_create())

    response = client.get("/admin/")

    body = response.content.decode()
    assert response.status_code == 200
    addresses = []
    for language in ("nl", "fr", "de", "en"):  # the admin speaks the editor's language
        with translation.override(language):
            addresses.append(reverse("participation:manage"))
    assert any(address in body for address in addresses), addresses
