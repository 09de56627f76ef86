"""Issue #12, journey 10: the directory's admin for editors who are not technical: needs picked
in a grouped list, opening days as checkboxes, "Verified today", a "To verify" list sorted by
age that is still filtered after saving, and every label translated."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import models
from django.test import Client
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.test.utils.form_data import inline_formset

from beoncosup.directory.models import Location, Organization, Service
from beoncosup.directory.tests import test_admin as base
from beoncosup.navigator.models import Measure, MeasureSource

pytestmark = pytest.mark.django_db

# The fixtures and helpers of the directory's admin tests (an editor; three imported services).
editor = base.editor
services = base.services
LIST_URL = base.LIST_URL
_form = base._form


def stale_order(html: str) -> list[str]:
    return re.findall(r"Steunpunt (gent|eupen|luik)", html)


def test_needs_are_picked_in_groups_by_domain_not_a_native_multi_select(
    editor: Client, services: Any
) -> None:
    service = Service.objects.get(id=services[0]["id"])

    html = editor.get(f"{LIST_URL}edit/{service.pk}/").content.decode()

    assert '<select name="needs"' not in html
    assert "data-need-picker" in html
    assert html.count("data-need-picker-group") >= 2  # one group per domain
    # The service's need is ticked and its group open, so the editor sees it at once.
    assert re.search(r'<details class="need-picker-group" data-need-picker-group open>', html)
    assert re.search(r'<input type="checkbox" name="needs" value="\d+"[^>]*checked', html)
    assert "taxonomy/need-picker.js" in html


def test_opening_days_are_checkboxes_and_stored_as_hsds_days(editor: Client, services: Any) -> None:
    service = Service.objects.get(id=services[0]["id"])
    service.schedules.all().delete()
    data = _form(service)
    data.update(
        {
            key: value
            for key, value in inline_formset(
                [{"byday": ["MO", "FR", "WE"], "opens_at": "09:00", "closes_at": "12:00"}]
            ).items()
        }
    )
    data = {k: v for k, v in data.items() if not k.startswith("schedules-")}
    data.update(
        {
            "schedules-TOTAL_FORMS": "1",
            "schedules-INITIAL_FORMS": "0",
            "schedules-MIN_NUM_FORMS": "0",
            "schedules-MAX_NUM_FORMS": "1000",
            "schedules-0-byday": ["MO", "FR", "WE"],
            "schedules-0-opens_at": "09:00",
            "schedules-0-closes_at": "12:00",
            "schedules-0-ORDER": "1",
            "schedules-0-DELETE": "",
            "schedules-0-id": "",
        }
    )

    response = editor.post(f"{LIST_URL}edit/{service.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(service.schedules.values_list("byday", flat=True)) == ["MO,WE,FR"]
    html = editor.get(f"{LIST_URL}edit/{service.pk}/").content.decode()
    assert 'type="checkbox" name="schedules-0-byday" value="WE"' in html
    assert re.search(r'name="schedules-0-byday" value="WE"[^>]*checked', html)
    assert not re.search(r'name="schedules-0-byday" value="TU"[^>]*checked', html)


def test_verified_today_asks_first_then_records_the_date_and_returns_to_the_list(
    editor: Client, services: Any
) -> None:
    service = Service.objects.get(id=services[0]["id"])
    back = f"{LIST_URL}?verification=stale"
    url = f"{LIST_URL}verify/{service.pk}/"

    question = editor.get(url, {"next": back})
    service.refresh_from_db()
    assert question.status_code == 200
    assert service.assured_date != timezone.localdate()  # a GET changes nothing

    answer = editor.post(url, {"next": back})

    service.refresh_from_db()
    assert answer.status_code == 302
    assert answer["Location"] == back
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email
    listing = editor.get(back).content.decode()
    # In the admin's language (the editor's, or the site's default).
    language = re.search(r'<html lang="(\w\w)"', listing)
    assert language is not None
    with translation.override(language.group(1)):
        done = gettext("%(service)s: marked as verified today.") % {"service": "Steunpunt gent"}
    assert done in listing
    assert f"edit/{service.pk}/" not in listing  # no longer to verify


def test_verified_today_refuses_strangers_and_unsafe_return_addresses(
    client: Client, editor: Client, services: Any
) -> None:
    service = Service.objects.get(id=services[0]["id"])
    url = f"{LIST_URL}verify/{service.pk}/"

    answer = editor.post(url, {"next": "https://evil.example/"})

    assert answer.status_code == 302
    assert answer["Location"].startswith(LIST_URL)
    assert editor.get(f"{LIST_URL}verify/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_list_and_the_edit_form_offer_verified_today(editor: Client, services: Any) -> None:
    service = Service.objects.get(id=services[0]["id"])
    html = editor.get(f"{LIST_URL}?verification=stale").content.decode()
    form = editor.get(f"{LIST_URL}edit/{service.pk}/").content.decode()

    assert "/verify/" in html
    assert "verification%3Dstale" in html  # it comes back to the filtered list
    assert f"verify/{service.pk}/?next=" in form


def test_to_verify_lists_the_oldest_check_first(editor: Client, services: Any) -> None:
    older = Service.objects.get(id=services[0]["id"])  # gent: 400 days ago
    Service.objects.filter(pk=older.pk).update(
        assured_date=timezone.localdate() - dt.timedelta(days=900)
    )
    Service.objects.filter(id=services[1]["id"]).update(
        assured_date=timezone.localdate() - dt.timedelta(days=500)
    )

    html = editor.get(f"{LIST_URL}?verification=stale").content.decode()

    # eupen was never verified, then gent (900 days), then luik (500 days).
    order = list(dict.fromkeys(stale_order(html)))
    assert order == ["eupen", "gent", "luik"]


def test_saving_a_service_returns_to_the_list_as_it_was_filtered(
    editor: Client, services: Any
) -> None:
    service = Service.objects.get(id=services[0]["id"])
    editor.get(f"{LIST_URL}?verification=stale&region=BE-VLG")

    response = editor.post(f"{LIST_URL}edit/{service.pk}/", _form(service, name_fr="Point"))

    assert response.status_code == 302
    assert response["Location"] == f"{LIST_URL}?verification=stale&region=BE-VLG"


MODELS = [Service, Organization, Location, Measure, MeasureSource] + [
    related.related_model
    for model in (Service, Location)
    for related in model._meta.related_objects
    if related.related_model._meta.app_label == "directory" and related.related_model is not Service
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_admin_label_is_translatable(model: type[models.Model]) -> None:
    """Labels and help texts editors read are gettext_lazy strings (a plain str, or Django's
    label made from the field name, stays English in the Dutch admin)."""
    untranslated = [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)
        and field.editable
        and not field.auto_created
        and field.name not in {"id", "sort_order"}
        and not isinstance(field, ParentalKey)  # the inline's parent: never shown
        and (
            not isinstance(field.verbose_name, Promise)
            or (field.help_text and not isinstance(field.help_text, Promise))
        )
    ]

    assert untranslated == []
    assert isinstance(model._meta.verbose_name, Promise)
