"""The authorization matrix rows for the consultations' URLs, and their objects in the world.

Answering, the results and deleting one's address need no account (the same answer for
everyone); the editors' page, publishing, withdrawing and the CSV are for editors and platform
admins (anonymous visitors are sent to sign in, everyone else gets 403)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from beoncosup.consultations.services.contacts import contact_add
from beoncosup.consultations.services.results import results_publish
from beoncosup.consultations.tests.factories import consultation_create, responses_create
from tests.authz.rowkit import EDITORS, Row, public
from tests.authz.world import World


def _slug(key: str) -> Any:
    return lambda w: {"slug": w.objects[key]}


ROWS: dict[str, Row] = {
    "consultations:index": public(),
    "consultations:detail": public(_slug("consultation_open")),
    "consultations:thanks": public(_slug("consultation_open")),
    "consultations:results": public(_slug("consultation_closed")),
    "consultations:unsubscribe": public(lambda w: {"token": w.objects["consultation_contact"]}),
    "consultations:manage": Row(EDITORS, _slug("consultation_closed")),
    "consultations:publish": Row(EDITORS, _slug("consultation_closed"), "post"),
    "consultations:withdraw": Row(EDITORS, _slug("consultation_closed"), "post"),
    "consultations:manage_csv": Row(EDITORS, _slug("consultation_closed")),
}


def world_add(w: World) -> None:
    """An open consultation, a closed one with published results, and a contact."""
    now = timezone.now()
    opened = consultation_create(slug="matrix-open")
    closed = consultation_create(
        slug="matrix-closed",
        opens_at=now - dt.timedelta(days=20),
        closes_at=now - dt.timedelta(days=1),
    )
    responses_create(closed, count=12)
    results_publish(consultation=closed, summary={"en": "Summary."}, actor=None)
    contact = contact_add(consultation=closed, email="matrix@example.org", language="en")
    w.objects["consultation_open"] = opened.slug
    w.objects["consultation_closed"] = closed.slug
    w.objects["consultation_contact"] = contact.token
