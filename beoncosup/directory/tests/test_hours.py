"""Opening hours as people read them, on the service page and in the finder's cards."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.directory.hours import opening_hours
from beoncosup.directory.models import Schedule
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.directory.tests.test_pages import load

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 4)


def schedule(byday: str = "MO,TU,WE,TH,FR", **fields: object) -> Schedule:
    values: dict[str, object] = {
        "freq": "WEEKLY",
        "byday": byday,
        "opens_at": datetime.time(9, 0),
        "closes_at": datetime.time(17, 0),
        "description": {},
    }
    values.update(fields)
    return Schedule(**values)


@pytest.mark.parametrize(
    ("language", "byday", "expected"),
    [
        ("en", "MO,TU,WE,TH,FR", "Mon–Fri 09:00–17:00"),
        ("en", "MO,WE,FR", "Mon, Wed, Fri 09:00–17:00"),
        ("en", "TU,TH,FR,SA,SU", "Tue, Thu–Sun 09:00–17:00"),
        ("fr", "MO,TU,WE,TH,FR", "lun–ven 09:00–17:00"),
        ("nl", "SA", "za 09:00–17:00"),
        ("de", "MO,TU", "Mo, Di 09:00–17:00"),
    ],
)
def test_opening_hours_read_as_days_and_times_in_the_language(language, byday, expected):
    with translation.override(language):
        found = opening_hours([schedule(byday)], language=language, today=TODAY)

        assert [str(entry) for entry in found] == [expected]


def test_opening_hours_leave_out_schedules_not_in_force_today():
    rows = [
        schedule("MO", valid_to=datetime.date(2026, 12, 3)),
        schedule("TU", valid_from=datetime.date(2026, 12, 5)),
        schedule("WE", valid_from=datetime.date(2026, 1, 1), valid_to=datetime.date(2026, 12, 31)),
    ]

    with translation.override("en"):
        found = opening_hours(rows, language="en", today=TODAY)

        assert [str(entry) for entry in found] == ["Wed 09:00–17:00"]


def test_opening_hours_keep_the_note_in_the_readers_language_or_say_which_it_is():
    rows = [
        schedule("MO", description={"nl": "Op afspraak.", "fr": "Sur rendez-vous."}),
        schedule("", opens_at=None, closes_at=None, description={"nl": "Bel eerst."}),
        schedule("", opens_at=None, closes_at=None),  # says nothing: left out
    ]

    with translation.override("fr"):
        found = opening_hours(rows, language="fr", today=TODAY)

    assert [(str(entry), entry.note.text if entry.note else None) for entry in found] == [
        ("lun 09:00–17:00", "Sur rendez-vous."),
        ("", "Bel eerst."),
    ]
    assert found[1].note is not None and found[1].note.is_fallback


def test_service_page_shows_the_opening_hours(client: Client, tmp_path):
    make_geo()
    make_needs()
    record = service_record("a")  # Monday and Tuesday, 09:00 to 17:00
    load(tmp_path, [record])
    service_id = record["id"]
    with translation.override("fr"):
        page = reverse("directory:service", kwargs={"service_id": service_id})

    html = client.get(page).content.decode()

    assert "<dt>Heures d'ouverture</dt>" in html
    assert '<ul class="plain opening-hours"><li>lun, mar 09:00–17:00</li></ul>' in html


@pytest.mark.parametrize(
    ("language", "amount"),
    [("nl", "€ 12,50"), ("en", "€ 12.50")],  # the language's decimal separator
)
def test_service_page_costs_say_each_thing_once_with_priced_options(
    client: Client, tmp_path, language, amount
):
    make_geo()
    make_needs()
    record = service_record("a")  # partly reimbursed; "Per sessie" at 12.50 EUR
    record["fees_description"] = "Partly reimbursed."  # only repeats the label
    load(tmp_path, [record])
    with translation.override(language):
        page = reverse("directory:service", kwargs={"service_id": record["id"]})
        label = translation.gettext("Partly reimbursed")
        title = translation.gettext("Cost")

    html = client.get(page).content.decode()

    cost = html.split(f"<dt>{title}</dt>")[1].split("</dd>")[0]
    assert cost.count(label) == 1
    assert '<ul class="plain cost-options"><li><span lang="nl">Per sessie</span>' in cost
    assert cost.endswith(f": {amount}</li></ul>")
