"""The public list and its query count; the demo content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.consultations.models import Consultation, Contact, Response
from beoncosup.consultations.services.results import results_publish
from beoncosup.consultations.tests.factories import consultation_create, responses_create

pytestmark = pytest.mark.django_db


def index(language: str = "en") -> str:
    with translation.override(language):
        return reverse("consultations:index")


def test_index_lists_open_ones_then_closed_with_results(client) -> None:
    now = timezone.now()
    consultation_create(slug="open-one", title={"en": "Open one"})
    consultation_create(
        slug="later",
        title={"en": "Later one"},
        opens_at=now + dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=5),
    )
    unpublished = consultation_create(
        slug="quiet",
        title={"en": "Quiet one"},
        opens_at=now - dt.timedelta(days=5),
        closes_at=now - dt.timedelta(days=1),
    )
    published = consultation_create(
        slug="done",
        title={"en": "Done one"},
        opens_at=now - dt.timedelta(days=5),
        closes_at=now - dt.timedelta(days=1),
    )
    results_publish(consultation=published, summary={"en": "S"}, actor=None)

    page = client.get(index()).content.decode()

    assert page.index("Open one") < page.index("Done one")
    assert "Later one" not in page
    assert unpublished.slug not in page


@pytest.mark.parametrize("count", [1, 3])
def test_index_query_count(client, django_assert_max_num_queries, count: int) -> None:
    for number in range(count):
        consultation_create(slug=f"open-{number}")

    with django_assert_max_num_queries(6):
        response = client.get(index())

    assert response.content.decode().count("consultation-card") == count


def test_demo_is_marked_safe_twice_and_refused_in_production(settings) -> None:
    call_command("load_demo_consultations")
    call_command("load_demo_consultations")

    demo = Consultation.objects.order_by("slug")
    assert [c.slug for c in demo] == [
        "demo-fatigue",
        "demo-psychological-support",
        "demo-return-to-work",
    ]
    assert all(c.is_demo for c in demo)
    assert all(r.is_demo for r in Response.objects.all())
    assert all(c.is_demo for c in Contact.objects.all())
    statuses = {c.slug: c.status for c in demo}
    assert statuses == {
        "demo-fatigue": "upcoming",
        "demo-psychological-support": "closed",
        "demo-return-to-work": "open",
    }
    published = Consultation.objects.get(slug="demo-psychological-support")
    counts = [
        count
        for question in published.results["questions"]
        for table in question["tables"].values()
        for row in table.values()
        for count in row.values()
    ]
    suppressed = sum(1 for count in counts if count is None)
    assert 0 < suppressed < len(counts) / 2
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo_consultations")


def test_demo_pages_show_the_demo_badge(client) -> None:
    call_command("load_demo_consultations")
    responses_create(Consultation.objects.get(slug="demo-return-to-work"), count=1)

    for url in (
        index(),
        reverse("consultations:detail", kwargs={"slug": "demo-return-to-work"}),
        reverse("consultations:results", kwargs={"slug": "demo-psychological-support"}),
    ):
        assert 'class="badge badge-demo"' in client.get(url).content.decode()
