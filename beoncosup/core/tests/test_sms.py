from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from beoncosup.core import sms
from beoncosup.core.sms import (
    BaseSmsBackend,
    SmsDisabledError,
    SmsError,
    SmsMessage,
    sms_backend,
    sms_enabled,
    sms_queue,
    sms_segments,
)
from beoncosup.core.sms.backends import ConsoleBackend, FileBackend, LocmemBackend

ROOT = Path(__file__).resolve().parents[3]
NUMBER = "+32470123456"
BODY = "Je plan: https://beoncosup.be/nl/plan/abc/"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


class RecordingBackend(BaseSmsBackend):
    """A provider adapter as docs/sms.md describes it."""

    sent: list[SmsMessage] = []

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        type(self).sent.extend(messages)
        return len(messages)


def test_settings_for_tests_use_the_locmem_backend():
    assert isinstance(sms_backend(), LocmemBackend)


def test_short_names_and_dotted_paths_choose_the_backend():
    assert isinstance(sms_backend("console"), ConsoleBackend)
    assert isinstance(sms_backend("locmem"), LocmemBackend)
    path = f"{__name__}.RecordingBackend"
    assert isinstance(sms_backend(path), RecordingBackend)


@pytest.mark.parametrize("name", ["nope", "beoncosup.core.sms.backends.SmsMessage"])
def test_an_unknown_backend_or_a_class_that_is_no_backend_is_refused(name):
    with pytest.raises(ImproperlyConfigured):
        sms_backend(name)


def test_the_base_backend_is_only_an_interface():
    with pytest.raises(NotImplementedError):
        BaseSmsBackend().send_messages([SmsMessage(to=NUMBER, body=BODY)])


def test_console_backend_writes_the_message():
    stream = io.StringIO()

    sent = ConsoleBackend(stream=stream).send_messages([SmsMessage(to=NUMBER, body=BODY)])

    assert sent == 1
    assert NUMBER in stream.getvalue()
    assert BODY in stream.getvalue()


def test_file_backend_appends_one_json_line_per_message(tmp_path, settings):
    settings.BEONCOSUP_SMS_FILE_PATH = str(tmp_path / "sms" / "out.jsonl")
    backend = sms_backend("file")

    backend.send_messages([SmsMessage(to=NUMBER, body="een")])
    backend.send_messages([SmsMessage(to="+33612345678", body="deux")])

    lines = (tmp_path / "sms" / "out.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [(record["to"], record["body"]) for record in records] == [
        (NUMBER, "een"),
        ("+33612345678", "deux"),
    ]


def test_file_backend_reports_a_file_it_cannot_write_without_the_number(tmp_path):
    (tmp_path / "taken").write_text("a file where the folder should be")
    backend = FileBackend(file_path=str(tmp_path / "taken" / "out.jsonl"))

    with pytest.raises(SmsError) as error:
        backend.send_messages([SmsMessage(to=NUMBER, body=BODY)])
    assert NUMBER not in str(error.value)
    assert (
        FileBackend(file_path=str(tmp_path / "taken" / "x"), fail_silently=True).send_messages(
            [SmsMessage(to=NUMBER, body=BODY)]
        )
        == 0
    )


def test_disabled_backend_refuses_loudly():
    with pytest.raises(SmsDisabledError):
        sms_backend("disabled").send_messages([SmsMessage(to=NUMBER, body=BODY)])


def settings_sms_backend(**env: str) -> subprocess.CompletedProcess[str]:
    """BEONCOSUP_SMS_BACKEND as the settings read it at start-up, in a fresh interpreter."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BEONCOSUP_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-c", "import beoncosup.settings as s; print(s.BEONCOSUP_SMS_BACKEND)"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "console"),  # development
        ({"BEONCOSUP_DEBUG": "false"}, "disabled"),
        ({"BEONCOSUP_SMS_BACKEND": "file"}, "file"),
        ({"BEONCOSUP_SMS_BACKEND": "gateway.sms.Adapter"}, "gateway.sms.Adapter"),
    ],
)
def test_settings_choose_console_in_development_and_disabled_otherwise(env, backend):
    result = settings_sms_backend(**env)

    assert result.stdout.strip() == backend, result.stderr


def test_settings_refuse_an_unknown_short_name():
    result = settings_sms_backend(BEONCOSUP_SMS_BACKEND="twilio")

    assert result.returncode != 0
    assert "BEONCOSUP_SMS_BACKEND" in result.stderr


@pytest.mark.django_db
def test_a_queued_sms_leaves_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sms_queue(to=NUMBER, body=BODY)
        assert sms.outbox == []

    assert sms.outbox == [SmsMessage(to=NUMBER, body=BODY)]


@pytest.mark.django_db
def test_a_rolled_back_write_sends_no_sms(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                sms_queue(to=NUMBER, body=BODY)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    assert sms.outbox == []


@pytest.mark.django_db
def test_sending_logs_neither_the_number_nor_the_text(django_capture_on_commit_callbacks, caplog):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        sms_queue(to=NUMBER, body=BODY)

    assert len(sms.outbox) == 1
    assert NUMBER not in caplog.text
    assert "470" not in caplog.text
    assert BODY not in caplog.text


@pytest.mark.parametrize("to", ["0470123456", "+32 470 12 34 56", "+3247", "", "+32470123456\x00"])
def test_queue_refuses_a_number_not_in_e164(to):
    with pytest.raises(ValueError, match=r"E\.164") as error:
        sms_queue(to=to, body=BODY)
    assert "470" not in str(error.value)


def test_queue_refuses_an_empty_text():
    with pytest.raises(ValueError, match="text"):
        sms_queue(to=NUMBER, body="  ")


@pytest.mark.django_db
def test_queue_takes_three_parts_and_refuses_a_fourth(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sms_queue(to=NUMBER, body="a" * 459)
    assert len(sms.outbox) == 1

    with pytest.raises(ValueError, match="3 parts"):
        sms_queue(to=NUMBER, body="a" * 460)


@pytest.mark.parametrize(
    ("body", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("é" * 306, 2),  # é is in the GSM alphabet
        ("€" * 80, 1),  # the euro sign takes two GSM characters
        ("€" * 81, 2),
        ("ê" * 70, 1),  # ê is not: the whole text goes as UCS-2
        ("ê" * 71, 2),
        ("ê" * 201, 3),
        ("ê" * 202, 4),
    ],
)
def test_parts_are_counted_per_alphabet(body, parts):
    assert sms_segments(body) == parts


def test_sms_is_enabled_unless_the_backend_is_disabled(settings):
    assert sms_enabled()
    settings.BEONCOSUP_SMS_BACKEND = "disabled"
    assert not sms_enabled()
