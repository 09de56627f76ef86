from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from beoncosup.accounts.testing import signed_in
from beoncosup.core.services import demo_editor_ensure
from beoncosup.taxonomy.models import Domain, Need
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client: Client) -> Client:
    editor = demo_editor_ensure()
    signed_in(client, get_user_model().objects.get(username=editor.username))
    return client


def test_editor_sees_needs_in_the_admin_and_can_filter_by_domain(editor_client: Client):
    taxonomy_load()

    social = Domain.objects.get(code="SOC")

    response = editor_client.get(f"/admin/snippets/taxonomy/need/?category__domain={social.pk}")

    assert response.status_code == 200
    assert "MED-PAIN" not in response.content.decode()
    assert "SOC-" in response.content.decode()


def test_editing_a_need_changes_its_label_but_never_its_code(editor_client: Client):
    taxonomy_load()
    need = Need.objects.get(code="MED-PAIN")
    form_url = f"/admin/snippets/taxonomy/need/edit/{need.pk}/"
    page = editor_client.get(form_url)
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    data = {
        "code": "HACKED",
        "category": need.category_id,
        "basis": need.basis,
        "sort_order": need.sort_order,
        "audiences": '["patient"]',
        "phases": '["treatment"]',
        **{f"label_{lang}": f"Pain {lang}" for lang in ("nl", "fr", "de", "en")},
        **{f"description_{lang}": f"About pain {lang}" for lang in ("nl", "fr", "de", "en")},
        "synonyms-TOTAL_FORMS": "0",
        "synonyms-INITIAL_FORMS": "0",
        "synonyms-MIN_NUM_FORMS": "0",
        "synonyms-MAX_NUM_FORMS": "1000",
    }

    response = editor_client.post(form_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    need.refresh_from_db()
    assert (need.code, need.label_en) == ("MED-PAIN", "Pain en")


def test_a_visitor_without_admin_rights_cannot_open_the_taxonomy_admin(client: Client):
    get_user_model().objects.create_user(username="patient", password="a-long-password-1")
    client.login(username="patient", password="a-long-password-1")

    response = client.get("/admin/snippets/taxonomy/need/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
