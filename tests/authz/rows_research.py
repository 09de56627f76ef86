"""The authorization matrix rows for the research inventory's URLs, and its objects in the
world: a published study (public page, the editors' review page)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from beoncosup.research.codes import Review
from beoncosup.research.models import Study
from tests.authz.rowkit import EDITORS, SIGNED_IN, Row, public
from tests.authz.world import World


def study(w: World) -> dict[str, Any]:
    return {"study_id": w.objects["study"]}


ROWS: dict[str, Row] = {
    "research:index": public(),
    "research:study": public(study),
    # Anyone signed in (a researcher has no particular role) proposes and sees their own.
    "research:propose": Row(SIGNED_IN),
    "research:my_proposals": Row(SIGNED_IN),
    "research:review": Row(EDITORS),
    "research:review_study": Row(EDITORS, study),
    "research:import": Row(EDITORS),
}


def world_add(w: World) -> None:
    """Add this app's objects to ``w.objects`` (called at the end of world_build)."""
    published = Study.objects.create(
        title={"en": "Matrix study"},
        review=Review.PUBLISHED,
        lay_summary={"en": "A summary."},
        lay_summary_reviewed_on=timezone.localdate(),
        proposed_by=w.users["no_role"],
    )
    w.objects["study"] = published.pk
