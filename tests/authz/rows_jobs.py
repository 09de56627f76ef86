"""The authorization matrix rows for the jobs app's URLs, and its objects in the world.

The world's roles hold no employer, so world_add makes one (a verified employer whose staff
member is stored as ``w.objects["employer_staff"]``) with a published offer, a draft and a
submitted one, and an unverified employer. Every role of the matrix is someone else than that
employer's staff: its offers' pages answer them 404 (their existence does not leak). What the
employer's own staff and the staff of another employer get is tested in
beoncosup/jobs/tests/test_moderation.py and test_authz_employers.py."""

from __future__ import annotations

from typing import Any

from tests.authz.rowkit import EDITORS, SIGNED_IN, Row, public
from tests.authz.world import World


def published(w: World) -> dict[str, Any]:
    return {"offer_id": w.objects["job_published"]}


def draft(w: World) -> dict[str, Any]:
    return {"offer_id": w.objects["job_draft"]}


ROWS: dict[str, Row] = {
    # Anyone, without an account.
    "jobs:search": public(),
    "jobs:offer": public(published),
    "jobs:contact": public(published),
    "jobs:contact_coach": public(published),
    # Anyone signed in may ask for an employer account and see their employers' offers.
    "jobs:employer_signup": Row(SIGNED_IN),
    "jobs:my_offers": Row(SIGNED_IN),
    # Employer staff only (none of the matrix's roles is): 403, and 404 on an offer.
    "jobs:offer_new": Row(set()),
    "jobs:offer_edit": Row(set(), draft, hidden=SIGNED_IN),
    "jobs:offer_submit": Row(set(), draft, "post", hidden=SIGNED_IN),
    "jobs:offer_withdraw": Row(set(), draft, "post", hidden=SIGNED_IN),
    # Editors (and platform admins) verify employers and moderate offers.
    "jobs:employers": Row(EDITORS),
    "jobs:employer_verify": Row(
        EDITORS, lambda w: {"employer_id": w.objects["job_employer_unverified"]}, "post"
    ),
    "jobs:moderation": Row(EDITORS),
    "jobs:offer_review": Row(EDITORS, lambda w: {"offer_id": w.objects["job_submitted"]}),
}


def world_add(w: World) -> None:
    """Add this app's objects to ``w.objects`` (called at the end of world_build)."""
    from beoncosup.jobs.tests.factories import employer_make, offer_make  # noqa: PLC0415

    employer = employer_make(name="Matrix Employer", staff=["staff@employer.example"])
    staff = employer.organisation.memberships.get().user
    unverified = employer_make(name="Unverified Employer", verified=False)
    w.objects.update(
        {
            "employer_staff": staff.pk,
            "job_employer": employer.pk,
            "job_employer_unverified": unverified.pk,
            "job_published": offer_make(employer, title="Matrix job").pk,
            "job_draft": offer_make(employer, title="Matrix draft", status="draft").pk,
            "job_submitted": offer_make(
                unverified, title="Matrix submitted", status="submitted"
            ).pk,
        }
    )
