"""The authorization matrix rows for the jobs app's URLs, and its objects in the world.

world_add makes a verified employer whose staff member is the matrix's role "employer_staff"
(``w.users["employer_staff"]``), with a published offer, a draft and a submitted one, and an
unverified employer. Every other role is someone else than that employer's staff: its offers'
pages answer them 404 (their existence does not leak). The staff of another employer are
tested in beoncosup/jobs/tests/test_moderation.py and test_authz_employers.py."""

from __future__ import annotations

from typing import Any

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from tests.authz.rowkit import EDITORS, SIGNED_IN, Row, public
from tests.authz.world import World

STAFF = {"employer_staff"}


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
    # The employer's staff only: others 403, and 404 on its offers.
    "jobs:offer_new": Row(STAFF),
    "jobs:offer_edit": Row(STAFF, draft, hidden=SIGNED_IN - STAFF),
    "jobs:offer_submit": Row(STAFF, draft, "post", hidden=SIGNED_IN - STAFF),
    "jobs:offer_withdraw": Row(STAFF, draft, "post", hidden=SIGNED_IN - STAFF),
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
    w.users["employer_staff"] = staff
    RecoveryCodes.activate(staff)  # as every role of the world: the MFA pages answer them
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
