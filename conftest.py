"""Shared pytest configuration.

Playwright's sync API runs an event loop in the test thread, which Django would otherwise
treat as async context and refuse database access from.
"""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


import pytest


@pytest.fixture(autouse=True)
def _sms_outbox_empty() -> None:
    """Each test starts with an empty SMS outbox, as pytest-django empties ``mail.outbox``."""
    from beoncosup.core import sms  # noqa: PLC0415 (Django settings are ready by now)

    sms.outbox.clear()
