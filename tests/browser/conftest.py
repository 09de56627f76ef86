"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Browsers cannot be downloaded here, so Playwright launches /usr/bin/chromium. When that is
missing the tests are skipped with a reason, unless BEONCOSUP_REQUIRE_BROWSER=true (as in CI
and `make test`), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser.axe import AXE_JS

CHROMIUM = os.environ.get("BEONCOSUP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = [str(p) for p in (Path(CHROMIUM), AXE_JS) if not p.exists()]
    if not missing or os.environ.get("BEONCOSUP_REQUIRE_BROWSER", "").lower() == "true":
        return
    skip = pytest.mark.skip(reason=f"browser tools missing: {', '.join(missing)} (run `make test`)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}
