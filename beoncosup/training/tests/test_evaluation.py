"""The public same-day evaluation: open on the session's day only, in the page's language, one
answer per device, stored without anything that identifies the person."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.audit.models import AuditEvent
from beoncosup.training.models import Evaluation, Session, Trainer, TrainerScore
from beoncosup.training.services.attendance import BRUSSELS, today_in_belgium
from beoncosup.training.services.evaluation import evaluation_submit
from beoncosup.training.tests.factories import (
    course_create,
    edition_create,
    session_create,
    trainer_create,
)

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"training:{name}", kwargs=kwargs or None)


def at(days: int = 0, hour: int = 10) -> dt.datetime:
    day = today_in_belgium() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BRUSSELS)


def session_make(*, days: int = 0, **extra: Any) -> tuple[Session, list[Trainer]]:
    trainers = [trainer_create(name="Ann Trainer"), trainer_create(name="Ben Trainer")]
    course = course_create(trainers=trainers)
    session = session_create(
        edition=edition_create(course=course), starts_at=at(days), trainers=trainers, **extra
    )
    return session, trainers


def answer(trainers: list[Trainer], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "relevance": "4",
        "practice_change": "Ask open questions first",
        "comment": "Good examples",
        "profession": "nurse",
    }
    for trainer in trainers:
        data[f"clarity_{trainer.pk}"] = "5"
        data[f"didactics_{trainer.pk}"] = "3"
    data.update(extra)
    return data


def test_evaluation_form_is_public_and_asks_about_each_trainer(client):
    session, _trainers = session_make()
    response = client.get(url("evaluate", token=session.evaluation_token))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ann Trainer: clarity" in html
    assert "Ben Trainer: didactic skills" in html
    assert 'name="relevance"' in html


def test_evaluation_answer_is_stored_without_identifiers(client):
    session, trainers = session_make()
    user = user_create("participant@example.org")
    signed_in(client, user)  # even when signed in, the answer keeps no account
    address = url("evaluate", "fr", token=session.evaluation_token)
    response = client.post(address, answer(trainers), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.session, evaluation.language, evaluation.relevance) == (session, "fr", 4)
    assert evaluation.answered_on == today_in_belgium()
    assert evaluation.profession == "nurse"
    scores = {(s.trainer_id, s.clarity, s.didactics) for s in TrainerScore.objects.all()}
    assert scores == {(trainers[0].pk, 5, 3), (trainers[1].pk, 5, 3)}
    # Nothing that identifies: the fields are exactly these (no user, address or time).
    fields = {field.name for field in Evaluation._meta.concrete_fields}
    assert fields == {
        "id",
        "session",
        "language",
        "profession",
        "relevance",
        "practice_change",
        "comment",
        "answered_on",
    }
    stored = " ".join(str(value) for value in Evaluation.objects.values().get().values())
    assert "203.0.113.7" not in stored
    assert "participant@example.org" not in stored
    assert not AuditEvent.objects.filter(target_type="training.evaluation").exists()
    assert (
        not AuditEvent.objects.filter(ip_address="203.0.113.7").exists()
        if hasattr(AuditEvent, "ip_address")
        else True
    )


def test_evaluation_thanks_after_answer_and_refuses_a_second_one(client):
    session, trainers = session_make()
    address = url("evaluate", token=session.evaluation_token)
    client.post(address, answer(trainers))
    thanks = client.get(address)
    assert "Thank you for your answer" in thanks.content.decode()
    again = client.post(address, answer(trainers))
    assert again.status_code == 200
    assert "was not stored" in again.content.decode()
    assert Evaluation.objects.count() == 1


def test_evaluation_cookie_is_per_session(client):
    session, trainers = session_make()
    other, other_trainers = session_make()
    client.post(url("evaluate", token=session.evaluation_token), answer(trainers))
    client.post(url("evaluate", token=other.evaluation_token), answer(other_trainers))
    assert Evaluation.objects.count() == 2


def test_evaluation_forged_cookie_does_not_block(client):
    session, trainers = session_make()
    client.cookies[f"training_evaluated_{session.pk}"] = str(session.pk)
    client.post(url("evaluate", token=session.evaluation_token), answer(trainers))
    assert Evaluation.objects.count() == 1


@pytest.mark.parametrize(("days", "text"), [(1, "The form opens on the day"), (-1, "closed")])
def test_evaluation_is_open_on_the_day_only(client, days, text):
    session, trainers = session_make(days=days)
    address = url("evaluate", token=session.evaluation_token)
    page = client.get(address)
    assert page.status_code == 200
    assert text in page.content.decode()
    posted = client.post(address, answer(trainers))
    assert posted.status_code == 200
    assert Evaluation.objects.count() == 0


def test_evaluation_day_is_the_belgian_date():
    # 23:30 UTC the evening before is already the session's day in Brussels (UTC+1 or +2).
    session, trainers = session_make()
    local_midnight = dt.datetime.combine(today_in_belgium(), dt.time(0, 30), tzinfo=BRUSSELS)
    session.starts_at = local_midnight
    session.ends_at = local_midnight + dt.timedelta(hours=2)
    session.save()
    evaluation_submit(
        session=session,
        language="nl",
        relevance=3,
        trainer_scores={t.pk: (3, 3) for t in trainers},
        practice_change="",
        comment="",
        profession="",
        today=today_in_belgium(),
    )
    with pytest.raises(ValidationError):
        evaluation_submit(
            session=session,
            language="nl",
            relevance=3,
            trainer_scores={t.pk: (3, 3) for t in trainers},
            practice_change="",
            comment="",
            profession="",
            today=today_in_belgium() - dt.timedelta(days=1),
        )
    assert Evaluation.objects.count() == 1


def test_evaluation_of_a_cancelled_session_is_closed(client):
    session, _trainers = session_make(cancelled=True)
    page = client.get(url("evaluate", token=session.evaluation_token))
    assert "was cancelled" in page.content.decode()


def test_evaluation_unknown_token_is_404(client):
    assert client.get(url("evaluate", token="unknown")).status_code == 404


@pytest.mark.parametrize(
    "bad",
    [
        {"relevance": "6"},
        {"relevance": ""},
        {"practice_change": "x" * 501},
        {"profession": "astronaut"},
    ],
)
def test_evaluation_bad_input_shows_the_form_again(client, bad):
    session, trainers = session_make()
    response = client.post(url("evaluate", token=session.evaluation_token), answer(trainers, **bad))
    assert response.status_code == 400
    assert "Please check your answer" in response.content.decode()
    assert Evaluation.objects.count() == 0


def test_evaluation_nul_character_is_refused(client):
    session, trainers = session_make()
    data = answer(trainers, comment="nul \x00 byte")
    response = client.post(url("evaluate", token=session.evaluation_token), data)
    assert response.status_code == 400
    assert Evaluation.objects.count() == 0


def test_evaluation_missing_trainer_score_is_refused(client):
    session, trainers = session_make()
    data = answer(trainers)
    del data[f"didactics_{trainers[1].pk}"]
    response = client.post(url("evaluate", token=session.evaluation_token), data)
    assert response.status_code == 400
    assert Evaluation.objects.count() == 0


def test_evaluation_service_checks_the_trainers():
    session, trainers = session_make()
    stranger = trainer_create()
    with pytest.raises(ValidationError):
        evaluation_submit(
            session=session,
            language="nl",
            relevance=4,
            trainer_scores={trainers[0].pk: (4, 4), stranger.pk: (1, 1)},
            practice_change="",
            comment="",
            profession="",
            today=today_in_belgium(),
        )
    assert TrainerScore.objects.count() == 0


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_evaluation_form_in_the_page_language(client, language):
    session, trainers = session_make()
    response = client.get(url("evaluate", language, token=session.evaluation_token))
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    client.post(url("evaluate", language, token=session.evaluation_token), answer(trainers))
    assert Evaluation.objects.get().language == language


def test_evaluation_qr_page_shows_the_form_address_and_count(client):
    session, trainers = session_make()
    coordinator = user_create("coordinator@example.org")
    session.edition.course.coordinators.add(coordinator)
    evaluation_submit(
        session=session,
        language="nl",
        relevance=4,
        trainer_scores={t.pk: (4, 4) for t in trainers},
        practice_change="",
        comment="",
        profession="",
        today=today_in_belgium(),
    )
    signed_in(client, coordinator)
    html = client.get(url("evaluation_qr", session_id=session.pk)).content.decode()
    # The edition is in Dutch: the code leads to the Dutch form.
    assert url("evaluate", "nl", token=session.evaluation_token) in html
    assert "<svg" in html
    assert "1 answer so far" in html


def test_evaluation_language_switcher_links_open_the_same_form(client):
    session, _trainers = session_make()
    html = client.get(url("evaluate", "fr", token=session.evaluation_token)).content.decode()
    links = re.findall(r'hreflang="(\w\w)" href="([^"]+)"', html)
    assert sorted(code for code, _href in links) == ["de", "en", "fr", "nl"]
    for code, href in links:
        response = client.get(href)
        assert response.status_code == 200, href
        assert f'<html lang="{code}"' in response.content.decode()
