"""The self-check in the editors' admin: lists, read-only published versions, new versions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from beoncosup.accounts.testing import signed_in
from beoncosup.core.services import demo_editor_ensure
from beoncosup.screening import selectors
from beoncosup.screening.models import InstrumentVersion, Item

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/screening/"


@pytest.fixture
def editor(client: Client) -> Client:
    account = demo_editor_ensure()
    signed_in(client, get_user_model().objects.get(username=account.username))
    return client


@pytest.mark.parametrize("model", ["instrument", "instrumentversion", "helpline"])
def test_admin_lists(editor, instruments, model):
    response = editor.get(f"{BASE}{model}/")

    assert response.status_code == 200


def test_published_version_cannot_be_changed(editor, instruments):
    version = selectors.current_version("patient")

    page = editor.get(f"{BASE}instrumentversion/edit/{version.pk}/")
    editor.post(f"{BASE}instrumentversion/edit/{version.pk}/", {"threshold": "2"})

    assert page.status_code == 200
    assert InstrumentVersion.objects.get(pk=version.pk).threshold == 4


def test_adding_a_version_copies_the_current_questions(editor, instruments):
    current = selectors.current_version("relative")
    data = {
        "instrument": str(current.instrument_id),
        "threshold": "4",
        "safety_threshold": "9",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }

    response = editor.post(f"{BASE}instrumentversion/add/", data)

    draft = InstrumentVersion.objects.get(instrument=current.instrument, number=2)
    assert response.status_code == 302
    assert (draft.status, draft.is_current) == ("draft", False)
    assert (
        Item.objects.filter(version=draft).count() == Item.objects.filter(version=current).count()
    )
