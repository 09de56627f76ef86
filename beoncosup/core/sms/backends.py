"""SMS backends, modelled on Django's e-mail backends (docs/sms.md).

A backend is a class with ``send_messages(messages) -> int``; ``BEONCOSUP_SMS_BACKEND`` names it
(``console``, ``file``, ``locmem``, ``disabled`` or the dotted path of a provider adapter).
Nothing here logs a number or a message's text.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string

# GSM 03.38: the basic set (one septet each) and the extension set (two septets each).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
MAX_SEGMENTS = 3  # 3 x 153 GSM characters = 459; 3 x 67 = 201 other (UCS-2) characters


class SmsError(Exception):
    """A backend could not hand a message to the provider (refused, unreachable, misconfigured).
    The message says why, never the number or the text."""


class SmsDisabledError(SmsError):
    """SMS is not configured on this server (the ``disabled`` backend)."""


@dataclass(frozen=True)
class SmsMessage:
    """One text message: ``to`` in E.164 (``+32470123456``), ``body`` the text."""

    to: str
    body: str


def sms_segments(body: str) -> int:
    """How many SMS parts ``body`` takes: GSM-7 when every character is in the GSM alphabet
    (160 in one part, 153 per part beyond), UCS-2 otherwise (70, then 67 per part; characters
    outside the Basic Multilingual Plane count twice)."""
    if all(char in GSM_BASIC or char in GSM_EXTENDED for char in body):
        length = sum(2 if char in GSM_EXTENDED else 1 for char in body)
        single, multi = 160, 153
    else:
        length = len(body.encode("utf-16-le")) // 2
        single, multi = 70, 67
    if length <= single:
        return 1
    return -(-length // multi)


class BaseSmsBackend:
    """The interface a provider adapter implements (docs/sms.md).

    ``send_messages`` hands every message to the provider and returns how many it accepted.
    On any failure it raises ``SmsError`` (never one naming the number or the text) unless
    ``fail_silently`` is true, in which case it returns the count accepted so far. It must not
    log numbers or texts. The constructor takes keyword options only; an adapter reads its
    credentials from settings or the environment there and raises ``ImproperlyConfigured``
    when they are missing.
    """

    def __init__(self, *, fail_silently: bool = False, **kwargs: Any) -> None:
        self.fail_silently = fail_silently

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        raise NotImplementedError("An SMS backend must implement send_messages().")


class ConsoleBackend(BaseSmsBackend):
    """Development: writes each message to standard output."""

    def __init__(self, *, stream: TextIO | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        with self._lock:
            for message in messages:
                self.stream.write(f"SMS to: {message.to}\n{message.body}\n{'-' * 40}\n")
            self.stream.flush()
        return len(messages)


class FileBackend(BaseSmsBackend):
    """Writes each message as one JSON line appended to ``BEONCOSUP_SMS_FILE_PATH``."""

    def __init__(self, *, file_path: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        path = file_path or getattr(settings, "BEONCOSUP_SMS_FILE_PATH", "")
        if not path:
            raise ImproperlyConfigured("The file SMS backend needs BEONCOSUP_SMS_FILE_PATH.")
        self.path = Path(path)
        self._lock = threading.RLock()

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        if not messages:
            return 0
        lines = "".join(
            json.dumps({**asdict(message), "at": timezone.now().isoformat()}) + "\n"
            for message in messages
        )
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(lines)
            except OSError as error:
                if self.fail_silently:
                    return 0
                raise SmsError(f"Cannot write the SMS file: {error.strerror}") from None
        return len(messages)


# The locmem backend's sent messages (tests read and clear it: ``sms.outbox.clear()``).
outbox: list[SmsMessage] = []


class LocmemBackend(BaseSmsBackend):
    """Tests: keeps each message in ``beoncosup.core.sms.outbox``."""

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


class DisabledBackend(BaseSmsBackend):
    """Production without a provider: refuses, so nobody believes a text was sent."""

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        if not messages or self.fail_silently:
            return 0
        raise SmsDisabledError(
            "No SMS provider is configured (BEONCOSUP_SMS_BACKEND is 'disabled'); see docs/sms.md."
        )


SHORT_NAMES = {
    "console": ConsoleBackend,
    "file": FileBackend,
    "locmem": LocmemBackend,
    "disabled": DisabledBackend,
}


def sms_backend(name: str | None = None, **kwargs: Any) -> BaseSmsBackend:
    """An instance of the backend ``name`` (a short name or a dotted path; by default
    ``BEONCOSUP_SMS_BACKEND``)."""
    name = str(name or getattr(settings, "BEONCOSUP_SMS_BACKEND", "disabled"))
    backend_class: Any = SHORT_NAMES.get(name)
    if backend_class is None:
        try:
            backend_class = import_string(name)
        except ImportError as error:
            raise ImproperlyConfigured(f"Unknown SMS backend {name!r}.") from error
        if not (isinstance(backend_class, type) and issubclass(backend_class, BaseSmsBackend)):
            raise ImproperlyConfigured(f"{name!r} is not a BaseSmsBackend subclass.")
    backend: BaseSmsBackend = backend_class(**kwargs)
    return backend


def sms_send_now(*, to: str, body: str) -> int:
    """Send one message at once through the configured backend (the task calls this; code
    sends through ``sms_queue``)."""
    return sms_backend().send_messages([SmsMessage(to=to, body=body)])
