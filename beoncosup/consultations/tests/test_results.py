"""Disclosure control of the published results: no count under k, complementary suppression
that an attacker with every published table cannot undo (linear programming over the joint
table), never a written answer; editors publish once the consultation closed."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from scipy.optimize import linprog  # type: ignore[import-untyped]

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.consultations.codes import QuestionKind
from beoncosup.consultations.demo import demo_consultations_load
from beoncosup.consultations.models import Consultation, Response
from beoncosup.consultations.services import results as results_module
from beoncosup.consultations.services.results import (
    ALL,
    NO_ANSWER,
    NOT_SAID,
    PROFILES,
    results_protect,
    results_publish,
)
from beoncosup.consultations.tests.factories import (
    consultation_create,
    editor_create,
    responses_create,
)

pytestmark = pytest.mark.django_db

K = 10


@pytest.fixture(autouse=True)
def _k(settings: Any) -> None:
    settings.BEONCOSUP_INSIGHTS_K = K


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"consultations:{name}", kwargs=kwargs or None)


def closed_consultation(**fields: Any) -> Consultation:
    now = timezone.now()
    return consultation_create(
        opens_at=now - dt.timedelta(days=20), closes_at=now - dt.timedelta(days=1), **fields
    )


def editor() -> Any:
    return editor_create()


def cells(stored: dict[str, Any]) -> list[tuple[str, str, str, str, int | None]]:
    """Every cell of the stored tables as (table, group, answer, member, count)."""
    found = []
    for profile, row in stored["respondents"].items():
        for member, count in row.items():
            found.append(("respondents", profile, ALL, member, count))
    for question in stored["questions"]:
        for profile, table in question["tables"].items():
            for answer, row in table.items():
                for member, count in row.items():
                    found.append((str(question["id"]), profile, answer, member, count))
    return found


def test_a_cell_under_k_is_suppressed_and_every_published_count_is_at_least_k() -> None:
    consultation = closed_consultation()
    responses_create(consultation, count=14, choice="1", audience="patient")
    responses_create(consultation, count=12, choice="2", audience="patient")
    responses_create(consultation, count=3, choice="2", audience="relative")

    stored = results_protect(consultation)

    choice = stored["questions"][0]["tables"]["audience"]
    assert choice["2"]["relative"] is None  # 3 < k
    assert choice["1"]["relative"] is None  # 0 < k
    assert stored["respondents"]["audience"]["relative"] is None
    published = [count for *_rest, count in cells(stored) if count is not None]
    assert published and min(published) >= K


def test_no_line_of_a_published_table_has_exactly_one_suppressed_cell() -> None:
    demo_consultations_load()
    consultation = Consultation.objects.get(slug="demo-psychological-support")
    stored = consultation.results

    suppressed = [cell for cell in cells(stored) if cell[4] is None]
    assert suppressed  # the demo has some, or this test proves nothing
    for question in stored["questions"]:
        for table in question["tables"].values():
            for row in table.values():  # along the profile: the total and its groups
                assert list(row.values()).count(None) != 1
            if question["kind"] != QuestionKind.MULTIPLE:
                for member in next(iter(table.values())):
                    column = [table[answer][member] for answer in table]
                    assert column.count(None) != 1


def _joint_attack(consultation: Consultation, stored: dict[str, Any]) -> list[str]:
    """Maximise every suppressed cell whose true value is below k over every joint table of
    (choice answer, scale answer, audience, region, age band) that reproduces all the published
    cells of the respondents' and both questions' tables; list the cells an attacker could
    bound below k."""
    raw = results_protect(consultation, protect=False)
    questions = [q for q in consultation.questions.all() if q.kind != QuestionKind.MULTIPLE]
    entries = {entry["id"]: entry for entry in stored["questions"]}
    answers = [[a for a in entries[q.pk]["tables"]["audience"] if a != ALL] for q in questions]
    groups = [[m for m in stored["respondents"][profile] if m != ALL] for profile in PROFILES]
    variables = list(itertools.product(*answers, *groups))
    index = {key: n for n, key in enumerate(variables)}

    def row(question_position: int | None, answer: str, profile: str, member: str) -> Any:
        vector = np.zeros(len(variables))
        profile_position = len(questions) + list(PROFILES).index(profile)
        for key, n in index.items():
            if question_position is not None and answer != ALL and key[question_position] != answer:
                continue
            if member != ALL and key[profile_position] != member:
                continue
            vector[n] = 1
        return vector

    published: list[tuple[Any, float]] = []
    hidden: list[tuple[str, Any, int]] = []
    tables: list[tuple[int | None, str, dict[str, Any]]] = [(None, ALL, stored["respondents"])]
    for number, question in enumerate(questions):
        tables.extend(
            (number, answer, entries[question.pk]["tables"])
            for answer in entries[question.pk]["tables"]["audience"]
        )
    for position, answer, source in tables:
        for profile in PROFILES:
            counts = source[profile] if position is None else source[profile][answer]
            for member, count in counts.items():
                vector = row(position, answer, profile, member)
                if count is not None:
                    published.append((vector, count))
                else:
                    if position is None:
                        true = raw["respondents"][profile][member]
                    else:
                        question_id = questions[position].pk
                        raw_entry = next(e for e in raw["questions"] if e["id"] == question_id)
                        true = raw_entry["tables"][profile][answer][member]
                    if true < K:
                        hidden.append((f"{position}/{answer}/{profile}/{member}", vector, true))
    a_eq = np.array([vector for vector, _count in published])
    b_eq = np.array([count for _vector, count in published], dtype=float)
    exposed = []
    for name, vector, _true in hidden:
        result = linprog(-vector, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        assert result.status in (0, 3), name  # feasible (unbounded counts as safe)
        if result.status == 0 and -result.fun < K - 1e-6:
            exposed.append(name)
    return exposed


def test_no_suppressed_cell_can_be_bounded_below_k_from_all_published_tables() -> None:
    demo_consultations_load()
    consultation = Consultation.objects.get(slug="demo-psychological-support")

    assert _joint_attack(consultation, consultation.results) == []


def test_without_complementary_suppression_the_attack_finds_cells() -> None:
    """The attack above can fail: with only the cells under k hidden, it bounds them."""
    demo_consultations_load()
    consultation = Consultation.objects.get(slug="demo-psychological-support")
    primary = results_protect(consultation, protect=False)
    for entry in [primary["respondents"], *(q["tables"] for q in primary["questions"])]:
        for value in entry.values():
            rows = value.values() if isinstance(next(iter(value.values())), dict) else [value]
            for row in rows:
                for member, count in row.items():
                    if count < K:
                        row[member] = None

    assert _joint_attack(consultation, primary) != []


def test_written_answers_are_never_in_the_results_the_page_or_the_api(client) -> None:
    consultation = closed_consultation()
    responses_create(consultation, count=12, text="My neighbour Jan helps", open_text="Secret X")
    results_publish(consultation=consultation, summary={"en": "People want help."}, actor=None)
    consultation.refresh_from_db()

    page = client.get(url("results", slug=consultation.slug)).content.decode()
    api = client.get("/api/v1/consultations?lang=en").content.decode()

    for shown in (json.dumps(consultation.results), page, api):
        assert "Jan helps" not in shown
        assert "Secret X" not in shown
    assert "People want help." in page
    assert [q["kind"] for q in consultation.results["questions"]] == ["choice", "scale", "multiple"]


def test_results_page_shows_fewer_than_k_with_the_explanation(client) -> None:
    consultation = closed_consultation()
    responses_create(consultation, count=15, choice="1")
    responses_create(consultation, count=4, choice="2", region="BE-BRU")
    results_publish(consultation=consultation, summary={"en": "Summary."}, actor=None)

    page = client.get(url("results", slug=consultation.slug)).content.decode()

    assert "fewer than 10" in page
    assert "No number below 10 is shown" in page
    assert '<td class="count">4</td>' not in page


def test_results_are_404_until_published(client) -> None:
    consultation = closed_consultation()

    assert client.get(url("results", slug=consultation.slug)).status_code == 404


def test_api_matches_the_page(client) -> None:
    demo_consultations_load()
    consultation = Consultation.objects.get(slug="demo-psychological-support")

    api = client.get(f"/api/v1/consultations/{consultation.slug}?lang=nl").json()
    page = client.get(url("results", "nl", slug=consultation.slug)).content.decode()

    stored = consultation.results
    assert api["results"]["k"] == stored["k"]
    assert api["results"]["respondents"] == stored["respondents"]["audience"][ALL]
    for question_out, question in zip(
        api["results"]["questions"], stored["questions"], strict=True
    ):
        assert question_out["question_id"] == question["id"]
        for table in question_out["tables"]:
            for row in table["rows"]:
                for cell in row["cells"]:
                    expected = question["tables"][table["by"]][row["answer"]][cell["group"]]
                    assert cell["count"] == expected
                    assert cell["suppressed"] is (expected is None)
                    if expected is not None:
                        assert f">{expected}<" in page
    assert "minder dan 10" in page or "fewer than 10" in page


def test_no_answer_and_did_not_say_rows_appear_only_when_someone_skipped() -> None:
    consultation = closed_consultation()
    responses_create(consultation, count=12, audience="", scale=None)

    stored = results_protect(consultation)

    scale = stored["questions"][1]["tables"]["audience"]
    assert NO_ANSWER in scale
    assert list(stored["respondents"]["audience"]) == [ALL, NOT_SAID]
    assert NO_ANSWER not in stored["questions"][0]["tables"]["audience"]


def test_editor_publishes_only_after_the_close_with_a_summary(client) -> None:
    user = editor()
    signed_in(client, user)
    opened = consultation_create()
    closed = closed_consultation()
    responses_create(closed, count=12)

    early = client.post(url("publish", slug=opened.slug), {"summary_en": "Read"})
    empty = client.post(url("publish", slug=closed.slug), {})
    done = client.post(url("publish", slug=closed.slug), {"summary_en": "What we read"})

    assert early.status_code == 400
    assert "once the consultation has closed" in early.content.decode()
    assert empty.status_code == 400
    assert done.status_code == 302
    closed.refresh_from_db()
    opened.refresh_from_db()
    assert opened.results_published_at is None
    assert closed.results_published_at is not None
    assert closed.results_summary == {"en": "What we read"}
    assert closed.results["respondents"]["audience"][ALL] == 12
    event = AuditEvent.objects.get(action="consultations.results_published")
    assert event.actor == user


def test_editor_withdraws_the_results(client) -> None:
    signed_in(client, editor())
    consultation = closed_consultation()
    results_publish(consultation=consultation, summary={"en": "S"}, actor=None)

    response = client.post(url("withdraw", slug=consultation.slug))

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.results_published_at is None
    assert client.get(url("results", slug=consultation.slug)).status_code == 404


def test_manage_page_shows_raw_counts_and_written_answers_to_editors(client) -> None:
    signed_in(client, editor())
    consultation = closed_consultation()
    responses_create(consultation, count=3, text="Evening visits please")
    responses_create(consultation, count=11, choice="2")

    page = client.get(url("manage", slug=consultation.slug)).content.decode()

    assert "14 responses so far." in page
    assert "Evening visits please" in page
    assert ">3<" in page  # a raw count under k, for editors only
    assert "fewer than 10" in page  # the preview of what the public will see


def test_manage_page_shows_the_frozen_tables_once_published(client, monkeypatch) -> None:
    signed_in(client, editor())
    consultation = closed_consultation()
    responses_create(consultation, count=3, choice="2")
    responses_create(consultation, count=11, choice="1")
    results_publish(consultation=consultation, summary={"en": "S"}, actor=None)

    def protection_run_again(*args, **kwargs):
        raise AssertionError("the published tables are frozen: no need to protect again")

    monkeypatch.setattr(results_module, "_protect", protection_run_again)
    page = client.get(url("manage", slug=consultation.slug)).content.decode()

    assert ">3<" in page  # the raw counts still come from the responses
    assert "fewer than 10" in page  # the frozen, published table


def test_csv_holds_the_protected_table_only(client) -> None:
    signed_in(client, editor())
    consultation = closed_consultation()
    responses_create(consultation, count=3, choice="2", text="Evening visits please")
    responses_create(consultation, count=11, choice="1")

    response = client.get(url("manage_csv", slug=consultation.slug))

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert body.splitlines()[0] == "question,answer,group,member,count,suppressed"
    assert "Do you get enough help?,No,audience,*,,true" in body
    assert [line for line in body.splitlines() if line.endswith(",3,false")] == []
    assert "Evening" not in body


def test_responses_do_not_change_the_published_tables() -> None:
    consultation = closed_consultation()
    responses_create(consultation, count=12)
    results_publish(consultation=consultation, summary={"en": "S"}, actor=None)
    Response.objects.filter(consultation=consultation).delete()

    consultation.refresh_from_db()

    assert consultation.results["respondents"]["audience"][ALL] == 12


def test_results_page_query_count(client, django_assert_max_num_queries) -> None:
    demo_consultations_load()

    with django_assert_max_num_queries(6):
        response = client.get(url("results", slug="demo-psychological-support"))

    assert response.status_code == 200


def test_publishing_without_any_response_shows_the_summary_only(client) -> None:
    consultation = closed_consultation()

    results_publish(consultation=consultation, summary={"en": "Nobody answered."}, actor=None)
    page = client.get(url("results", slug=consultation.slug))

    assert page.status_code == 200
    assert "Nobody answered." in page.content.decode()
    consultation.refresh_from_db()
    assert consultation.results == {"k": K, "respondents": {}, "questions": []}
