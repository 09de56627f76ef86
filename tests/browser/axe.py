"""axe-core, run inside the page under test, as an assertion helper."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.0-2.2 A and AA rules plus best practices) on the current page."""
    # Evaluated through the DevTools protocol rather than added as a <script>, so the page's own
    # strict Content-Security-Policy stays in force during the test.
    # The DOM can be parsed before the stylesheet has arrived; measured then, links are unstyled
    # text and fail target-size (a CI run once hit exactly that). Wait for the whole page.
    page.wait_for_load_state("load")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                             'wcag22aa', 'best-practice']}
        })"""
    )
    return list(result["violations"])


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    summary = [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in violations
    ]
    assert violations == [], f"axe-core violations on {page.url}:\n{json.dumps(summary, indent=2)}"
