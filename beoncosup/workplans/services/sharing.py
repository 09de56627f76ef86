"""Sharing chosen parts of a plan with the employer: share links, their revocation, the
employer's views (counted and audited without personal data) and the link sent by e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from beoncosup.audit.services import event_record
from beoncosup.core.mail import mail_queue
from beoncosup.workplans.models import WorkPlan, WorkPlanContact, WorkPlanShare

MAX_EMAILS_PER_SHARE = 5


class ShareMailLimit(Exception):
    """The share link was already e-mailed MAX_EMAILS_PER_SHARE times."""


@transaction.atomic
def share_create(
    *,
    plan: WorkPlan,
    label: str,
    include_name: bool,
    include_phases: bool,
    include_adjustments: bool,
    include_reviews: bool,
    contacts: Iterable[WorkPlanContact],
    expires_on: dt.date | None,
) -> WorkPlanShare:
    """Make a share link showing only the chosen parts (the notes never).

    Side effects: the share row; audit event ``workplans.share_created`` (which parts, not
    their contents)."""
    share = WorkPlanShare.objects.create(
        plan=plan,
        label=label,
        include_name=include_name,
        include_phases=include_phases,
        include_adjustments=include_adjustments,
        include_reviews=include_reviews,
        expires_on=expires_on,
    )
    chosen = [contact for contact in contacts if contact.plan_id == plan.pk]
    share.contacts.set(chosen)
    event_record(
        action="workplans.share_created",
        target=share,
        detail={
            "plan": plan.pk,
            "name": include_name,
            "phases": include_phases,
            "adjustments": include_adjustments,
            "reviews": include_reviews,
            "contacts": len(chosen),
            "expires_on": expires_on.isoformat() if expires_on else None,
        },
    )
    return share


@transaction.atomic
def share_revoke(*, share: WorkPlanShare) -> WorkPlanShare:
    """Stop the link from working (it answers 410 Gone from now on). Revoking twice changes
    nothing.

    Side effects: the share's ``revoked_at``; audit event ``workplans.share_revoked``."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        event_record(action="workplans.share_revoked", target=share, detail={"plan": share.plan_id})
    return share


@transaction.atomic
def share_view_record(*, share: WorkPlanShare, document: str) -> None:
    """Count one employer view (``document``: "page" or "pdf") for the person to see.

    Side effects: the share's counter and time, the plan's ``last_viewed_by_employer_at``
    (not ``updated_at``: a view is not an edit); audit event ``workplans.share_viewed`` with no
    request (no address) and no personal data."""
    now = timezone.now()
    WorkPlanShare.objects.filter(pk=share.pk).update(
        view_count=F("view_count") + 1, last_viewed_at=now
    )
    WorkPlan.objects.filter(pk=share.plan_id).update(last_viewed_by_employer_at=now)
    event_record(
        action="workplans.share_viewed",
        target=share,
        detail={"plan": share.plan_id, "document": document},
    )


@transaction.atomic
def share_link_send(*, share: WorkPlanShare, email: str, url: str) -> None:
    """E-mail the share link to the employer, in the plan's employer language. The address is
    used for this one message: not stored, not logged.

    Side effects: one e-mail queued after commit; the share's ``emails_sent``; audit event
    ``workplans.share_sent``. Raises ShareMailLimit past MAX_EMAILS_PER_SHARE."""
    share = WorkPlanShare.objects.select_for_update().select_related("plan").get(pk=share.pk)
    if share.emails_sent >= MAX_EMAILS_PER_SHARE:
        raise ShareMailLimit
    plan = share.plan
    context = {"plan": plan, "share": share, "url": url}
    with translation.override(plan.employer_language):
        subject = render_to_string("workplans/email/share_subject.txt", context).strip()
        body = render_to_string("workplans/email/share_message.txt", context)
    mail_queue(subject=subject, body=body, to=[email])
    share.emails_sent += 1
    share.save(update_fields=["emails_sent"])
    event_record(action="workplans.share_sent", target=share, detail={"plan": plan.pk})
