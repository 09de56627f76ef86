"""The authorization matrix rows for feedback's URLs, and its objects in the world.

The report form and the reporter's status page are public. The queue and a report's page are
for editors, platform admins and provider staff; a report on a record that the user's
organisation does not hold is not found (404) for other signed-in people who reach the view
(none here: they have no moderating role, so 403). The counts per record are for editors."""

from __future__ import annotations

from typing import Any

from beoncosup.feedback.codes import Category
from beoncosup.feedback.models import Report
from beoncosup.feedback.services.reports import report_digest
from tests.authz.rowkit import EDITORS, Row, public
from tests.authz.world import World

MODERATORS = EDITORS | {"provider_staff"}


def report_id(w: World) -> dict[str, Any]:
    return {"report_id": w.objects["feedback_report"]}


ROWS: dict[str, Row] = {
    "feedback:report": public(
        lambda w: {"kind": "service", "object_id": str(w.objects["service"])}
    ),
    "feedback:status": public(lambda w: {"token": w.objects["feedback_token"]}),
    "feedback:queue": Row(MODERATORS),
    "feedback:record": Row(
        EDITORS, lambda w: {"kind": "service", "object_id": str(w.objects["service"])}
    ),
    "feedback:report_detail": Row(MODERATORS, report_id),
}


def world_add(w: World) -> None:
    """A new report on the world's service (held by provider_staff's organisation)."""
    object_id = str(w.objects["service"])
    text = "Het telefoonnummer klopt niet."
    report = Report.objects.create(
        kind="service",
        object_id=object_id,
        target_title="Praatgroep",
        category=Category.CONTACT,
        text=text,
        digest=report_digest(
            kind="service", object_id=object_id, category=Category.CONTACT, text=text
        ),
        language="nl",
    )
    w.objects["feedback_report"] = report.pk
    w.objects["feedback_token"] = report.token
