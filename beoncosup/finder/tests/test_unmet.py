"""Searched-need signals for the needs insights: anonymous, one per need searched for (with
the services found within reach; 0 is an unmet need), first page only, counted once per
visitor, signal and day (docs/finder.md, "Counting searched needs"), written by a task. Most
tests here follow the unmet needs (``rows``); ``signals`` shows every searched need."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks.signals import task_enqueued
from django_tasks_db.models import DBTaskResult

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.finder import tasks
from beoncosup.finder.counting import visitor_id
from beoncosup.finder.models import UnmetNeedCountKey, UnmetNeedCountSalt
from beoncosup.finder.selectors import find_services
from beoncosup.finder.services import finder_search, search_signals_build, search_signals_count
from beoncosup.insights.models import SearchSignal
from beoncosup.search.matching.criteria import Criteria

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    # The day's salt and the keys already queued live in the cache; each test starts afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def one_service(tmp_path):
    make_geo()
    make_needs()
    (tmp_path / "nl.json").write_text(json.dumps([service_record("a")]), encoding="utf-8")
    hsds_import(sources=[(tmp_path / "nl.json", "nl")])


@pytest.fixture
def searched(django_capture_on_commit_callbacks) -> Callable[..., None]:
    """finder_search(), with the task it enqueues once the transaction commits run at once."""

    def run(criteria: Criteria, visitor: str = "session:visitor-1") -> None:
        with django_capture_on_commit_callbacks(execute=True):
            finder_search(criteria, visitor=visitor)

    return run


@pytest.fixture
def page(client, django_capture_on_commit_callbacks) -> Callable[..., Any]:
    """GET the German finder page, running the commit callbacks (the task) at once."""
    with translation.override("de"):
        path = reverse("finder:finder")

    def get(params: dict[str, Any], **extra: str) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(path, params, **extra)

    return get


UNMET_FIELDS = ("need_code", "arrondissement", "province", "language", "status", "date")


def rows() -> list[dict[str, Any]]:
    """The unmet needs recorded: signals of needs the search found no service for."""
    return [
        dict(row)
        for row in SearchSignal.objects.filter(services=0)
        .values("id", *UNMET_FIELDS)
        .order_by("need_code", "id")
    ]


def signals() -> list[tuple[str, int]]:
    return list(
        SearchSignal.objects.order_by("need_code", "id").values_list("need_code", "services")
    )


UNMET = {"need": "WORK-RETURN-PLAN", "postcode": "4700", "status": "self_employed"}


def test_search_records_one_anonymous_event_per_unmet_need(one_service, searched):
    searched(
        Criteria(
            needs=("MED-PAIN", "PSY-FEAR-RECURRENCE", "WORK-RETURN-PLAN"),
            q="mijn naam is An en ik woon in de Kerkstraat",
            postcode="9000",
            lang="nl",
            status="employee",
        )
    )

    expected = {
        "arrondissement": "44000",
        "province": "BE-VOV",
        "language": "nl",
        "status": "employee",
        "date": timezone.localdate(),
    }
    assert [{k: v for k, v in row.items() if k != "id"} for row in rows()] == [
        {"need_code": "PSY-FEAR-RECURRENCE", **expected},
        {"need_code": "WORK-RETURN-PLAN", **expected},
    ]


def test_events_hold_no_postcode_text_or_time(one_service, searched):
    searched(Criteria(needs=("WORK-RETURN-PLAN",), q="Kerkstraat 12", postcode="9000", lang="fr"))

    assert len(rows()) == 1
    stored = json.dumps(rows(), default=str)
    assert "9000" not in stored
    assert "Kerkstraat" not in stored
    assert {field.name for field in SearchSignal._meta.get_fields()} == {
        "id",
        "need_code",
        "arrondissement",
        "province",
        "language",
        "audience",
        "status",
        "phase",
        "services",
        "date",
        "is_demo",
    }


def test_brussels_has_its_region_as_province(one_service, searched):
    searched(Criteria(needs=("WORK-RETURN-PLAN",), postcode="1000", lang="fr"))

    assert (rows()[0]["arrondissement"], rows()[0]["province"]) == ("21000", "BE-BRU")


def test_no_events_on_later_pages_and_no_area_without_a_postcode(one_service, searched):
    searched(Criteria(needs=("WORK-RETURN-PLAN",), lang="en", page=2))
    assert rows() == []

    searched(Criteria(needs=("WORK-RETURN-PLAN",), lang="en"))
    assert [(r["arrondissement"], r["province"]) for r in rows()] == [("", "")]


def test_covered_needs_record_how_many_services_were_within_reach(one_service, searched):
    searched(Criteria(needs=("MED-PAIN",), postcode="9000"))
    assert rows() == []
    assert signals() == [("MED-PAIN", 1)]

    # The same search with an unmet need does record: the empty list above is not vacuous.
    searched(Criteria(needs=("MED-PAIN", "WORK-RETURN-PLAN"), postcode="9000"))
    assert [r["need_code"] for r in rows()] == ["WORK-RETURN-PLAN"]
    # The same visitor, need and day (MED-PAIN, 1 service) counts once.
    assert signals() == [("MED-PAIN", 1), ("WORK-RETURN-PLAN", 0)]


def test_the_finder_page_records_through_search(one_service, page):
    page(UNMET)

    assert [(r["need_code"], r["province"], r["language"], r["status"]) for r in rows()] == [
        ("WORK-RETURN-PLAN", "BE-WLG", "de", "self_employed")
    ]


def test_two_identical_searches_in_one_session_count_once(client, one_service, page):
    session = client.session
    session["seen"] = True
    session.save()

    page(UNMET)
    page({**UNMET, "q": "werk"})  # other words, same event
    page(UNMET)

    assert len(rows()) == 1
    assert UnmetNeedCountKey.objects.count() == 1


def test_a_burst_from_one_client_counts_once(one_service, page):
    for _ in range(20):
        page(UNMET, REMOTE_ADDR="203.0.113.7")

    assert len(rows()) == 1


def test_other_visitors_count_again(client, one_service, page):
    # Each visitor is a browser of its own: no session cookie carried from one to the next.
    for address in ("203.0.113.7", "203.0.113.8", "2001:db8:1:1::1"):
        page(UNMET, REMOTE_ADDR=address)
        client.cookies.clear()
    # Another address in the same IPv6 /64 is the same visitor; another /64 is not.
    page(UNMET, REMOTE_ADDR="2001:db8:1:1::2")
    client.cookies.clear()
    page(UNMET, REMOTE_ADDR="2001:db8:1:2::1")

    assert len(rows()) == 4


def test_different_needs_status_or_area_make_their_own_rows(one_service, searched):
    searched(Criteria(needs=("WORK-RETURN-PLAN",), postcode="9000"))
    searched(Criteria(needs=("PSY-FEAR-RECURRENCE",), postcode="9000"))
    searched(Criteria(needs=("WORK-RETURN-PLAN",), postcode="9000", status="employee"))
    searched(Criteria(needs=("WORK-RETURN-PLAN",), postcode="4700"))
    searched(Criteria(needs=("WORK-RETURN-PLAN",), postcode="9000"))  # a repeat

    assert [(r["need_code"], r["arrondissement"], r["status"]) for r in rows()] == [
        ("PSY-FEAR-RECURRENCE", "44000", ""),
        ("WORK-RETURN-PLAN", "44000", ""),
        ("WORK-RETURN-PLAN", "44000", "employee"),
        ("WORK-RETURN-PLAN", "63000", ""),
    ]


def test_a_new_day_counts_again_and_forgets_the_old_salt(one_service):
    criteria = Criteria(needs=("WORK-RETURN-PLAN",), postcode="9000")
    result = find_services(criteria)
    monday, tuesday = dt.date(2026, 12, 7), dt.date(2026, 12, 8)

    first = search_signals_build(result, criteria, visitor="session:v", day=monday)
    again = search_signals_build(result, criteria, visitor="session:v", day=monday)
    assert search_signals_count(events=first) == 1
    assert search_signals_count(events=again) == 0
    next_day = search_signals_build(result, criteria, visitor="session:v", day=tuesday)

    assert search_signals_count(events=next_day) == 1
    assert next_day[0]["key"] != first[0]["key"]
    assert [r["date"] for r in rows()] == [monday, tuesday]
    # Monday's salt and keys are gone: nobody can recompute whose they were.
    assert list(UnmetNeedCountSalt.objects.values_list("date", flat=True)) == [tuesday]
    assert list(UnmetNeedCountKey.objects.values_list("date", flat=True)) == [tuesday]


def test_no_session_key_or_address_is_stored_or_queued(client, one_service, page):
    session = client.session
    session["seen"] = True
    session.save()
    queued: list[Any] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        queued.append({"args": task_result.args, "kwargs": task_result.kwargs})

    task_enqueued.connect(remember)
    try:
        page(UNMET, REMOTE_ADDR="203.0.113.7")
    finally:
        task_enqueued.disconnect(remember)

    assert len(rows()) == 1
    assert len(queued) == 1
    tables = ["insights_searchsignal", "finder_unmetneedcountkey", "finder_unmetneedcountsalt"]
    with connection.cursor() as cursor:
        stored = [
            row
            for table in tables
            for row in cursor.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608
        ]
    dumped = json.dumps([stored, queued], default=str)
    assert session.session_key not in dumped
    assert "203.0.113.7" not in dumped
    assert "4700" not in dumped


def test_the_task_runs_the_service(one_service):
    criteria = Criteria(needs=("WORK-RETURN-PLAN",), postcode="9000")
    events = search_signals_build(
        find_services(criteria), criteria, visitor="address:203.0.113.7", day=timezone.localdate()
    )

    result = tasks.count_searched_needs.enqueue(events)

    assert result.return_value == 1
    assert [r["need_code"] for r in rows()] == ["WORK-RETURN-PLAN"]


# The worker closes the database connection between tasks, as in production: it needs a real
# transaction, not the test's wrapping one.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_production_queue_holds_the_events_until_the_worker_runs(one_service, page):
    page(UNMET, REMOTE_ADDR="203.0.113.7")
    page(UNMET, REMOTE_ADDR="203.0.113.7")

    assert rows() == []  # nothing written on the request path
    assert DBTaskResult.objects.count() == 1  # the repeat did not even queue
    assert "203.0.113.7" not in json.dumps(DBTaskResult.objects.get().args_kwargs)

    call_command("db_worker", "--batch", "--no-startup-delay")

    assert [r["need_code"] for r in rows()] == ["WORK-RETURN-PLAN"]


def test_visitor_is_the_session_or_else_the_address(rf, db):
    request = rf.get("/", REMOTE_ADDR="198.51.100.4")
    assert visitor_id(request) == "address:198.51.100.4"

    request.session = SessionStore()
    request.session.create()
    assert visitor_id(request) == f"session:{request.session.session_key}"


def test_the_api_counts_each_visitor_once(client, one_service, django_capture_on_commit_callbacks):
    # A code of the reference taxonomy (the API's enum) that the one service does not cover.
    unmet = {**UNMET, "need": "PSY-FEAR-RECURRENCE"}
    for address in ("203.0.113.7", "203.0.113.7", "203.0.113.8"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/api/v1/finder", unmet, REMOTE_ADDR=address)
        assert response.status_code == 200

    assert len(rows()) == 2
