"""The person's plan by its private link: making it, wrong tokens, editing each section,
print and PDF, the retention notice, query counts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from beoncosup.audit.models import AuditEvent
from beoncosup.finder.tests.test_plan_document import pdf_objects
from beoncosup.workplans.models import WorkPlan
from beoncosup.workplans.tests.factories import NOTES, plan_make, url

pytestmark = pytest.mark.django_db


def start_data(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Back to work",
        "start_date": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        "employer_language": "de",
        **extra,
    }


def test_start_page_explains_and_offers_the_form(client: Client) -> None:
    response = client.get(url("start"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "No account needed" in html
    assert "A plan nobody changes for 730 days is deleted." in html
    assert 'name="helper_role"' not in html


def test_making_a_plan_sends_the_person_to_its_private_link(client: Client) -> None:
    response = client.post(url("start"), start_data(first_name="Mira"))

    plan = WorkPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("plan", token=plan.token) + "?saved=created"
    assert (plan.title, plan.employer_language, plan.first_name) == ("Back to work", "de", "Mira")
    assert not plan.helpers.exists()
    assert AuditEvent.objects.filter(action="workplans.plan_created", target_id=str(plan.pk))


def test_making_a_plan_without_a_start_date_shows_the_form_again(client: Client) -> None:
    response = client.post(url("start"), start_data(start_date=""))

    assert response.status_code == 400
    assert response.context["form"].errors["start_date"] == ["Enter a date."]
    assert not WorkPlan.objects.exists()


def test_wrong_token_is_404_on_every_page(client: Client) -> None:
    plan = plan_make()
    wrong = plan.token[:-1] + ("A" if plan.token[-1] != "A" else "B")
    phase = plan.phases.first()
    assert phase is not None

    gets: list[tuple[str, dict[str, Any]]] = [
        ("plan", {}),
        ("print", {}),
        ("pdf", {}),
        ("share", {}),
        ("item_add", {"kind": "phase"}),
        ("item_edit", {"kind": "phase", "item_id": phase.pk}),
    ]
    post_pages: list[tuple[str, dict[str, Any]]] = [
        ("item_delete", {"kind": "phase", "item_id": phase.pk}),
        ("invite", {}),
    ]
    statuses = {
        name: client.get(url(name, token=wrong, **kwargs)).status_code for name, kwargs in gets
    }
    posts = {
        name: client.post(url(name, token=wrong, **kwargs)).status_code
        for name, kwargs in post_pages
    }

    assert set(statuses.values()) == {404}, statuses
    assert set(posts.values()) == {404}, posts
    assert plan.phases.count() == 2


def test_an_item_of_another_plan_is_404(client: Client) -> None:
    plan = plan_make()
    other = plan_make(title="Other")
    phase = other.phases.first()
    assert phase is not None

    edit = client.get(url("item_edit", token=plan.token, kind="phase", item_id=phase.pk))
    delete = client.post(url("item_delete", token=plan.token, kind="phase", item_id=phase.pk))

    assert (edit.status_code, delete.status_code) == (404, 404)
    assert other.phases.count() == 2


def test_unknown_kind_is_404(client: Client) -> None:
    plan = plan_make()

    assert client.get(url("item_add", token=plan.token, kind="share")).status_code == 404


def test_plan_page_shows_every_section_and_the_retention(client: Client) -> None:
    plan = plan_make()

    response = client.get(url("plan", token=plan.token))

    html = response.content.decode()
    assert response.status_code == 200
    for anchor in ("details", "phases", "adjustments", "contacts", "reviews", "notes", "helpers"):
        assert f'id="{anchor}"' in html
    assert NOTES in html
    assert "The plan is kept 730 days after its last change" in html
    assert plan.token in html  # the private link, to keep


def test_details_are_saved(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("plan", token=plan.token),
        {
            "section": "details",
            "title": "New title",
            "start_date": plan.start_date.isoformat(),
            "employer_language": "nl",
            "employer_name": "",
            "first_name": "",
        },
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.employer_language, plan.first_name) == ("New title", "nl", "")


def test_adjustments_and_notes_are_saved_and_move_the_last_edit(client: Client) -> None:
    plan = plan_make()
    WorkPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now() - dt.timedelta(days=5))

    client.post(
        url("plan", token=plan.token),
        {"section": "adjustments", "adjustments": ["aids", "mentor"], "adjustments_text": ""},
    )
    client.post(url("plan", token=plan.token), {"section": "notes", "notes": "Short note"})

    plan.refresh_from_db()
    assert (plan.adjustments, plan.notes) == (["aids", "mentor"], "Short note")
    assert plan.updated_at > timezone.now() - dt.timedelta(minutes=1)


def test_unknown_adjustment_is_refused(client: Client) -> None:
    plan = plan_make()

    response = client.post(
        url("plan", token=plan.token), {"section": "adjustments", "adjustments": ["massage"]}
    )

    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.adjustments == ["breaks", "remote_work"]


def test_deleting_a_contact_takes_it_out_of_the_plan(client: Client) -> None:
    plan = plan_make()
    contact = plan.contacts.first()
    assert contact is not None

    response = client.post(url("item_delete", token=plan.token, kind="contact", item_id=contact.pk))

    assert response.status_code == 302
    assert plan.contacts.count() == 1


def test_print_page_holds_the_whole_plan(client: Client) -> None:
    plan = plan_make()

    response = client.get(url("print", token=plan.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Weeks 1 to 4" in html
    assert NOTES in html
    assert url("pdf", token=plan.token) in html


def test_pdf_is_a_tagged_download(client: Client) -> None:
    plan = plan_make()

    response = client.get(url("pdf", token=plan.token))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="return-to-work-plan-')
    objects = pdf_objects(response.content)
    assert b"/StructTreeRoot" in objects  # tagged: headings and lists in a structure tree
    assert b"pdfuaid:part" in objects  # PDF/UA-1
    assert re.search(rb"/Lang\s*\(en\)", objects)


def test_edits_never_log_the_plans_contents(client: Client) -> None:
    plan = plan_make()
    client.post(url("plan", token=plan.token), {"section": "notes", "notes": "Very private"})

    details = " ".join(str(e.detail) + e.target_label for e in AuditEvent.objects.all())

    assert "Very private" not in details
    assert "Mira" not in details
    assert plan.token not in details


@pytest.mark.parametrize("count", [1, 3])
def test_plan_page_query_count_does_not_grow_with_items(
    client: Client, django_assert_max_num_queries: Any, count: int
) -> None:
    plan = plan_make()
    for index in range(count):
        client.post(
            url("item_add", token=plan.token, kind="review"),
            {"date": (plan.start_date + dt.timedelta(days=30 + index)).isoformat()},
        )

    with django_assert_max_num_queries(14):
        response = client.get(url("plan", token=plan.token))

    assert len(response.context["reviews"]) == count + 1
