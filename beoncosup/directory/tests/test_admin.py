from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.core.services import demo_editor_ensure
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.taxonomy.models import Need

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/directory/service/"


@pytest.fixture
def editor(client: Client) -> Client:
    account = demo_editor_ensure()
    signed_in(client, get_user_model().objects.get(username=account.username))
    return client


@pytest.fixture
def services(tmp_path: Path) -> list[dict[str, Any]]:
    make_geo()
    make_needs()
    records = [
        service_record("gent", postcode="9000"),
        service_record("luik", postcode="4000"),
        service_record("eupen", postcode="4700"),
    ]
    records[1]["attributes"] = [
        a for a in records[1]["attributes"] if a["taxonomy_term"]["code"] != "MED-PAIN"
    ]
    records[1]["service_areas"] = []
    records[2]["service_areas"] = []
    records[2]["languages"][0]["code"] = "de"
    records[0]["assured_date"] = (timezone.localdate() - dt.timedelta(days=400)).isoformat()
    records[1]["assured_date"] = timezone.localdate().isoformat()
    del records[2]["assured_date"]
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])
    return records


def names_in(html: str, records: list[dict[str, Any]]) -> list[str]:
    return [r["name"] for r in records if r["name"] in html]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Steunpunt gent", "Steunpunt luik", "Steunpunt eupen"]),
        ("?verification=stale", ["Steunpunt gent", "Steunpunt eupen"]),
        ("?verification=fresh", ["Steunpunt luik"]),
        ("?region=BE-VLG", ["Steunpunt gent"]),
        ("?region=BE-DG", ["Steunpunt eupen"]),
        ("?region=BE-WAL", ["Steunpunt luik", "Steunpunt eupen"]),  # Eupen lies in Wallonia
        ("?language=de", ["Steunpunt eupen"]),
        ("?q=eupen", ["Steunpunt eupen"]),
    ],
)
def test_service_list_filters(editor: Client, services, query, expected):
    response = editor.get(LIST_URL + query)

    assert response.status_code == 200
    assert names_in(response.content.decode(), services) == expected


def test_service_list_filters_by_need(editor: Client, services):
    pain = Need.objects.get(code="MED-PAIN")

    html = editor.get(f"{LIST_URL}?need={pain.pk}").content.decode()

    assert names_in(html, services) == ["Steunpunt gent", "Steunpunt eupen"]


def test_to_verify_menu_leads_to_the_stale_list(editor: Client, services):
    html = editor.get("/admin/").content.decode()

    assert f"{LIST_URL}?verification=stale" in html


def _form(service: Service, **changes: Any) -> dict[str, Any]:
    data = {
        "organization": str(service.organization_id),
        **{f"name_{lang}": service.name.get(lang, "") for lang in ("nl", "fr", "de", "en")},
        "status": service.status,
        "url": service.url,
        "email": service.email,
        "minimum_age": service.minimum_age or "",
        "maximum_age": service.maximum_age or "",
        "needs": [str(pk) for pk in service.needs.values_list("pk", flat=True)],
        "assured_date": service.assured_date.isoformat() if service.assured_date else "",
        **{
            group: inline_formset([])
            for group in (
                "service_areas",
                "service_at_locations",
                "phones",
                "schedules",
                "languages",
                "cost_options",
                "required_documents",
                "contacts",
            )
        },
    }
    data.update(changes)
    form: dict[str, Any] = nested_form_data(data)
    return form


def test_editor_changes_a_service_and_a_revision_is_kept(editor: Client, services):
    service = Service.objects.get(id=services[0]["id"])

    response = editor.post(f"{LIST_URL}edit/{service.pk}/", _form(service, name_fr="Point d'appui"))

    assert response.status_code == 302, response.content.decode()[:3000]
    service.refresh_from_db()
    assert service.name == {"nl": "Steunpunt gent", "fr": "Point d'appui"}
    assert service.revisions.count() == 1


def test_invalid_edit_shows_an_error_and_changes_nothing(editor: Client, services):
    service = Service.objects.get(id=services[0]["id"])

    response = editor.post(
        f"{LIST_URL}edit/{service.pk}/", _form(service, minimum_age=80, maximum_age=20, name_fr="X")
    )

    assert response.status_code == 200
    assert "error" in response.content.decode().lower()
    service.refresh_from_db()
    assert (service.minimum_age, "fr" in service.name) == (18, False)


def test_people_without_directory_rights_cannot_edit(client: Client, services):
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    get_user_model().objects.create_user(username="visitor", password="a-long-password-1")
    client.login(username="visitor", password="a-long-password-1")

    response = client.get(LIST_URL)

    assert response.status_code == 302


def test_the_edit_form_links_to_the_records_history_for_editors(client: Client, services):
    editor = user_create("redacteur@beoncosup.example")
    role_grant(user=editor, role="editor", granted_by=None)
    service = Service.objects.get(id=services[0]["id"])

    html = signed_in(client, editor).get(f"{LIST_URL}edit/{service.pk}/").content.decode()

    assert reverse("providers:service_history", kwargs={"service_id": service.pk}) in html
