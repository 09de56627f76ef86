from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The accounts tests read English pages: reverse() gives /en/ addresses, and a test that
    opens a page in another language leaves no language behind for the next one."""
    with translation.override("en"):
        yield
