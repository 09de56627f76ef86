"""Support plans: services, pages (view, notes, print, PDF), expiry, the header counter."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.finder import services
from beoncosup.finder.models import SupportPlan, SupportPlanItem
from beoncosup.finder.plan_session import SESSION_KEY

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def two_services(tmp_path: Path) -> list[Service]:
    make_geo()
    make_needs()
    records = [service_record("a"), service_record("b")]
    (tmp_path / "nl.json").write_text(json.dumps(records), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])
    return [Service.objects.get(pk=record["id"]) for record in records]


def item_names(plan: SupportPlan) -> list[str]:
    return [item.service.name["nl"] for item in plan.items.order_by("position")]


def test_create_plan_with_needs_and_services(two_services, settings):
    settings.BEONCOSUP_PLAN_DAYS = 7
    a, b = two_services

    plan = services.plan_create(
        language="fr", needs=["MED-PAIN", "MED-PAIN", "MED-FATIGUE"], service_ids=[b.pk, a.pk]
    )

    assert plan.needs == ["MED-PAIN", "MED-FATIGUE"]
    assert item_names(plan) == ["Steunpunt b", "Steunpunt a"]
    assert len(plan.token) >= 22
    assert plan.expires_at - plan.created_at == pytest.approx(
        dt.timedelta(days=7), abs=dt.timedelta(seconds=60)
    )


def test_create_plan_refuses_an_unknown_language():
    with pytest.raises(ValueError, match="language"):
        services.plan_create(language="xx")


def test_add_remove_move_and_notes(two_services):
    a, b = two_services
    plan = services.plan_create(language="en")

    services.plan_service_add(plan=plan, service=a, needs=["MED-PAIN"], query="need=MED-PAIN")
    services.plan_service_add(plan=plan, service=b)
    services.plan_service_add(plan=plan, service=a)  # twice: still once
    services.plan_service_move(plan=plan, service_id=b.pk, offset=-1)
    item = plan.items.get(service=a)
    services.plan_notes_set(
        plan=plan, note="  Ask about costs ", item_notes={item.pk: "Call Monday"}
    )

    plan.refresh_from_db()
    assert item_names(plan) == ["Steunpunt b", "Steunpunt a"]
    assert (plan.needs, plan.query, plan.note) == (["MED-PAIN"], "need=MED-PAIN", "Ask about costs")
    assert plan.items.get(service=a).note == "Call Monday"
    assert services.plan_service_remove(plan=plan, service_id=a.pk) is True
    assert services.plan_service_remove(plan=plan, service_id=a.pk) is False
    assert item_names(plan) == ["Steunpunt b"]


def test_delete_expired_plans_command(two_services):
    old = services.plan_create(language="nl", service_ids=[two_services[0].pk])
    SupportPlan.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    current = services.plan_create(language="nl")

    out = io.StringIO()
    call_command("delete_expired_plans", stdout=out)

    assert list(SupportPlan.objects.values_list("pk", flat=True)) == [current.pk]
    assert SupportPlanItem.objects.count() == 0
    assert out.getvalue() == "Deleted 1 expired support plan(s).\n"


def test_add_to_plan_without_javascript_creates_the_plan_and_returns(client, two_services):
    a = two_services[0]

    response = client.post(
        url("finder:plan_add"),
        {"service": str(a.pk), "query": "need=MED-PAIN&postcode=9000", "plan_need": "MED-PAIN"},
    )

    plan = SupportPlan.objects.get()
    assert response.status_code == 302
    assert (
        response["Location"] == f"{url('finder:finder')}?need=MED-PAIN&postcode=9000#service-{a.pk}"
    )
    assert client.session[SESSION_KEY] == plan.token
    assert (plan.language, plan.needs, item_names(plan)) == ("en", ["MED-PAIN"], ["Steunpunt a"])


def test_add_to_plan_with_htmx_returns_the_button_and_the_counter(client, two_services):
    a, b = two_services
    client.post(url("finder:plan_add"), {"service": str(a.pk)})

    response = client.post(
        url("finder:plan_add"), {"service": str(b.pk)}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert SupportPlan.objects.count() == 1
    assert f'id="plan-button-{b.pk}"' in html
    assert 'id="plan-nav" hx-swap-oob="true"' in html
    assert "My plan (2)" in html


def test_add_to_plan_needs_csrf(two_services):
    client = Client(enforce_csrf_checks=True)

    response = client.post(url("finder:plan_add"), {"service": str(two_services[0].pk)})

    assert response.status_code == 403


def test_add_an_unknown_service_is_404(client, two_services):
    assert client.post(url("finder:plan_add"), {"service": "nope"}).status_code == 404


def test_header_counter_only_with_a_plan_in_the_session(
    client, two_services, django_assert_num_queries
):
    with django_assert_num_queries(0):
        html = client.get(url("core:about")).content.decode()
    assert 'id="plan-nav" hidden' in html

    client.post(url("finder:plan_add"), {"service": str(two_services[0].pk)})
    html = client.get(url("core:about")).content.decode()

    assert "My plan (1)" in html


def test_plan_page_shows_services_contact_share_link_and_privacy_note(client, two_services):
    plan = services.plan_create(language="en", needs=["MED-PAIN"], service_ids=[two_services[0].pk])

    response = client.get(url("finder:plan", token=plan.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Steunpunt a" in html
    assert 'href="tel:+3295550123"' in html
    assert "label en" in html  # the need's label
    assert f"http://testserver{url('finder:plan', token=plan.token)}" in html
    assert "t write your name, address, date of birth" in html
    assert "The link works until" in html


def test_plan_notes_remove_and_reorder_by_post(client, two_services):
    a, b = two_services
    plan = services.plan_create(language="en", service_ids=[a.pk, b.pk])
    items = {item.service_id: item.pk for item in plan.items.all()}
    page = url("finder:plan", token=plan.token)

    client.post(page, {"note": "General", f"note-{items[a.pk]}": "Note A", "action": "save"})
    client.post(page, {"note": "General", "action": f"down:{a.pk}"})
    response = client.post(page, {"note": "General", "action": f"remove:{b.pk}"})

    plan.refresh_from_db()
    assert response.status_code == 302
    assert plan.note == "General"
    assert [(i.service_id, i.note) for i in plan.items.all()] == [(a.pk, "Note A")]


def test_plan_notes_are_never_logged(client, two_services, caplog):
    plan = services.plan_create(language="en", service_ids=[two_services[0].pk])

    with caplog.at_level("DEBUG"):
        saved = client.post(
            url("finder:plan", token=plan.token), {"note": "secret diagnosis", "action": "save"}
        )
        shown = client.get(url("finder:plan", token=plan.token))

    # The note really went through the code paths that could log it...
    plan.refresh_from_db()
    assert saved.status_code == 302
    assert plan.note == "secret diagnosis"
    assert "secret diagnosis" in shown.content.decode()
    # ...and no log line holds it.
    assert "secret diagnosis" not in caplog.text


def test_unknown_plan_is_404_and_expired_plan_is_410(client, two_services):
    plan = services.plan_create(language="en")
    SupportPlan.objects.filter(pk=plan.pk).update(expires_at=timezone.now())

    unknown = client.get(url("finder:plan", token="unknown-token"))
    expired = client.get(url("finder:plan", token=plan.token))
    expired_pdf = client.get(url("finder:plan_pdf", token=plan.token))
    expired_post = client.post(url("finder:plan", token=plan.token), {"note": "x"})

    assert unknown.status_code == 404
    assert expired.status_code == expired_pdf.status_code == expired_post.status_code == 410
    assert "This plan has expired" in expired.content.decode()


def test_print_view_is_in_the_plans_language(client, two_services):
    plan = services.plan_create(language="fr", service_ids=[two_services[0].pk])

    response = client.get(url("finder:plan_print", language="en", token=plan.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Steunpunt a" in html
    assert 'href="tel:+3295550123"' in html


def test_pdf_is_a_download_with_the_service(client, two_services):
    plan = services.plan_create(language="en", service_ids=[two_services[0].pk])
    services.plan_note_set(plan=plan, note="Bring the letter")

    response = client.get(url("finder:plan_pdf", token=plan.token))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="beoncosup-plan-')
    assert response.content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")  # poppler-utils, when installed
    if pdftotext:
        text = subprocess.run(  # noqa: S603 (a fixed local tool reading our own PDF)
            [pdftotext, "-", "-"], input=response.content, capture_output=True, check=True
        ).stdout.decode()
        assert "Steunpunt a" in text
        assert "Bring the letter" in text
    else:
        assert len(response.content) > 5_000


@pytest.mark.parametrize("count", [1, 2])
def test_plan_page_query_count_does_not_grow_with_services(
    client, two_services, django_assert_max_num_queries, count
):
    plan = services.plan_create(
        language="en", needs=["MED-PAIN"], service_ids=[s.pk for s in two_services[:count]]
    )

    # plan, items and their details (6), need labels, header counter, session save
    with django_assert_max_num_queries(14):
        response = client.get(url("finder:plan", token=plan.token))

    assert len(response.context["items"]) == count


def test_a_plan_made_elsewhere_becomes_the_visitors_plan(client, two_services):
    a = two_services[0]
    plan = services.plan_create(language="en", needs=["MED-PAIN"])  # as the self-check does

    html = client.get(url("finder:plan", token=plan.token)).content.decode()
    client.post(url("finder:plan_add"), {"service": str(a.pk)})

    assert f'href="{url("finder:finder")}?need=MED-PAIN"' in html
    assert SupportPlan.objects.count() == 1
    assert item_names(plan) == ["Steunpunt a"]
