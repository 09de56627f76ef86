"""Editors edit studies in the Wagtail admin: DOIs checked and stored bare, the lay summary's
plain-language confirmation, an audit event per edit."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from beoncosup.research.tests.factories import editor_create, needs_make, study_create
from beoncosup.taxonomy.models import Need

pytestmark = pytest.mark.django_db

STUDIES = "/admin/snippets/research/study/"
LANGS = ("nl", "fr", "de", "en")


@pytest.fixture
def editor(client: Client) -> Client:
    needs_make()
    user = editor_create()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    signed_in(client, user)
    return client


def study_form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        **{f"title_{lang}": f"Titel {lang}" for lang in LANGS},
        **{f"lay_summary_{lang}": "" for lang in LANGS},
        **{f"results_{lang}": "" for lang in LANGS},
        **{f"eligibility_{lang}": "" for lang in LANGS},
        **{f"how_to_take_part_{lang}": "" for lang in LANGS},
        "lay_summary_en": "A clear summary.",
        "kind": "study",
        "status": "running",
        "funding": "",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "methods": ("survey",),
        "needs": (str(Need.objects.get(code="MED-SLEEP").pk),),
        "contact_url": "",
        "contact_email": "",
        "source_url": "https://example.org/s",
        "checked_on": "2026-11-30",
        "institutions": inline_formset([{"name": "Example University", "country": "BE"}]),
        "publications": inline_formset(
            [{"reference": "A. Author (2025)", "doi": "https://doi.org/10.5555/Adm.1"}]
        ),
    }
    data.update(changes)
    form: dict[str, Any] = nested_form_data(data)
    return form


def test_editor_creates_a_study_with_a_bare_doi(editor: Client):
    response = editor.post(f"{STUDIES}add/", study_form())

    assert response.status_code == 302, response.context["form"].errors
    study = Study.objects.get()
    assert [p.doi for p in study.publications.all()] == ["10.5555/Adm.1"]
    assert [n.code for n in study.needs.all()] == ["MED-SLEEP"]
    assert study.review == Review.PROPOSED  # publishing goes through the review page
    assert AuditEvent.objects.filter(action="research.study_created").count() == 1


def test_editor_form_refuses_a_bad_doi(editor: Client):
    publications = inline_formset([{"reference": "A", "doi": "nonsense"}])

    response = editor.post(f"{STUDIES}add/", study_form(publications=publications))

    assert response.status_code == 200
    assert Study.objects.count() == 0


def test_editor_form_refuses_an_end_before_the_start(editor: Client):
    response = editor.post(f"{STUDIES}add/", study_form(ends_on="2025-01-01"))

    assert response.status_code == 200
    assert Study.objects.count() == 0


def test_changing_a_published_lay_summary_needs_the_confirmation(editor: Client):
    study = study_create(lay_summary={"en": "Old"})
    url = f"{STUDIES}edit/{study.pk}/"
    changed = study_form(lay_summary_en="New words", publications=inline_formset([]))

    refused = editor.post(url, changed)
    confirmed = editor.post(url, {**changed, "lay_summary_confirm": "on"})

    assert refused.status_code == 200
    assert confirmed.status_code == 302
    study.refresh_from_db()
    assert study.lay_summary == {"en": "New words"}
    assert study.lay_summary_reviewed_by is not None
    assert AuditEvent.objects.filter(action="research.study_edited").count() == 1
