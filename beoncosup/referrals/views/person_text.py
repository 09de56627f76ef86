"""What the person's private page and their "my data" PDF say: statuses, history and the access
log in plain words, the service's next steps, who sees what under their consent."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from beoncosup.core.i18n_text import pick
from beoncosup.referrals.codes import (
    OPEN,
    CareRole,
    Channel,
    ContactMethod,
    DataCategory,
    Purpose,
    Reason,
    Status,
)
from beoncosup.referrals.models import Consent, DataAccess, Referral, ReferralEvent
from beoncosup.taxonomy.models import Need

# What each status means for the person, in one or two short sentences.
STATUS_MEANS: dict[str, Any] = {
    Status.REQUESTED: gettext_lazy("Your referral was sent. The service has not answered yet."),
    Status.RECEIVED: gettext_lazy("The service has seen your referral. They will answer soon."),
    Status.ACCEPTED: gettext_lazy("The service said yes. They will get in touch with you."),
    Status.REJECTED: gettext_lazy(
        "The service cannot help you this time. Ask your professional about other help."
    ),
    Status.IN_PROGRESS: gettext_lazy("The service is helping you now."),
    Status.ON_HOLD: gettext_lazy("The help is paused for now."),
    Status.COMPLETED: gettext_lazy("The help from this service has ended."),
    Status.CANCELLED: gettext_lazy("This referral was stopped. Nothing more happens with it."),
}
NOT_SENT_STATUS = pgettext_lazy("referral status", "Not sent to the service")
NOT_SENT = gettext_lazy("This referral was not sent to the service. Please contact them yourself.")

MADE_NOT_SENT = pgettext_lazy("history", "Referral made (not sent to the service)")

# The access log's codes ("what"), said in words; by prefix when the code is not listed.
ACCESS_WHAT = {
    "person.view": gettext_lazy("Opened this page"),
    "person.export": gettext_lazy("Downloaded a copy of your data"),
    "referral.view": gettext_lazy("Looked at your referral"),
    "referral.list": gettext_lazy("Saw your referral in a list"),
    "inbox.list": gettext_lazy("Saw your referral in the service's list of referrals"),
    "inbox.detail": gettext_lazy("Looked at your referral in the service's inbox"),
    "inbox.view": gettext_lazy("Looked at your referral in the service's inbox"),
    "case.view": gettext_lazy("Looked at your file in the care team"),
    "team.case": gettext_lazy("Looked at your file in the care team"),
    "followed.list": gettext_lazy("Saw your referral in a list of followed referrals"),
    "notes.view": gettext_lazy("Read the notes between your professionals"),
    "api.referral": gettext_lazy("Read your referral through a connected computer system"),
    "fhir.task": gettext_lazy("Read your referral through a connected computer system"),
}
ACCESS_PREFIX = {
    "person": gettext_lazy("Looked at your page"),
    "inbox": gettext_lazy("Looked at your referral in the service's inbox"),
    "referral": gettext_lazy("Looked at your referral"),
    "case": gettext_lazy("Looked at your file in the care team"),
    "team": gettext_lazy("Looked at your file in the care team"),
    "api": gettext_lazy("Read your referral through a connected computer system"),
    "fhir": gettext_lazy("Read your referral through a connected computer system"),
}
ACCESS_OTHER = gettext_lazy("Looked at your data")
YOU = pgettext_lazy("access log", "You (on your private page)")
AUTOMATIC = pgettext_lazy("history", "BeONCOsup (automatic)")


def access_what(code: str) -> str:
    if code in ACCESS_WHAT:
        return str(ACCESS_WHAT[code])
    return str(ACCESS_PREFIX.get(code.partition(".")[0], ACCESS_OTHER))


def label(choices: Any, code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


@dataclass(frozen=True)
class Step:
    at: Any
    status: str
    reason: str
    who: str


@dataclass(frozen=True)
class NextSteps:
    how: Any
    phones: list[tuple[str, str]]
    email: str
    url: str

    @property
    def any(self) -> bool:
        return bool(self.how or self.phones or self.email or self.url)


@dataclass(frozen=True)
class ReferralRow:
    referral: Referral
    service: str
    needs: list[str]
    status: str
    means: str
    outcome: str
    steps: list[Step]
    next_steps: NextSteps
    can_cancel: bool


def _who_acted(event: ReferralEvent) -> str:
    if event.channel == Channel.PERSON:
        return _("You")
    if event.actor_label:
        return event.actor_label
    if event.channel == Channel.SYSTEM:
        return str(AUTOMATIC)
    return _("A professional")


def _step_label(referral: Referral, event: ReferralEvent) -> str:
    if not referral.delivered and event.status == Status.REQUESTED:
        return str(MADE_NOT_SENT)
    return label(Status, event.status)


def _next_steps(referral: Referral, language: str) -> NextSteps:
    service = referral.service
    if service is None:
        return NextSteps(how=None, phones=[], email="", url="")
    phones = [
        (phone.number, "tel:" + re.sub(r"[^0-9+]", "", phone.number))
        for phone in service.phones.all()
    ]
    return NextSteps(
        how=pick(service.application_process, language),
        phones=phones,
        email=service.email,
        url=service.url,
    )


def referral_rows(referrals: list[Referral], language: str) -> list[ReferralRow]:
    codes = {code for referral in referrals for code in referral.needs}
    labels = {n.code: n.label for n in Need.objects.filter(code__in=codes)} if codes else {}
    rows = []
    for referral in referrals:
        not_sent = not referral.delivered and referral.status in OPEN
        picked = pick(referral.service.name, language) if referral.service else None
        rows.append(
            ReferralRow(
                referral=referral,
                service=picked.text if picked else referral.service_name,
                needs=[labels.get(code, code) for code in referral.needs],
                status=str(NOT_SENT_STATUS) if not_sent else label(Status, referral.status),
                means=str(NOT_SENT if not_sent else STATUS_MEANS.get(referral.status, "")),
                outcome=label(Reason, referral.reason_code) if referral.reason_code else "",
                steps=[
                    Step(
                        at=event.at,
                        status=_step_label(referral, event),
                        reason=label(Reason, event.reason_code) if event.reason_code else "",
                        who=_who_acted(event),
                    )
                    for event in referral.events.all()
                ],
                next_steps=_next_steps(referral, language),
                can_cancel=referral.status in OPEN,
            )
        )
    return rows


def _member_name(user: Any) -> str:
    full = f"{user.first_name} {user.last_name}".strip()
    return full or str(user.email)


def sharing(data: dict[str, Any], rows: list[ReferralRow]) -> dict[str, Any]:
    """Who sees what under the active consent, or since when nothing is shared."""
    consent: Consent | None = data["active_consent"]
    if consent is None:
        given = [c for c in data["consents"] if c.withdrawn_via != Channel.SYSTEM]
        latest = given[0] if given else None
        return {
            "consent": None,
            "withdrawn_at": latest.withdrawn_at if latest else None,
            "ended_on": latest.valid_until if latest and not latest.withdrawn_at else None,
        }
    return {
        "consent": consent,
        "categories": [label(DataCategory, code) for code in consent.categories],
        "purposes": [label(Purpose, code) for code in consent.purposes],
        "roles": [label(CareRole, code) for code in consent.care_roles],
        "services": sorted(
            {
                row.service
                for row in rows
                if row.referral.consent_id == consent.pk and row.referral.delivered
            }
        ),
        "members": [
            {
                "name": _member_name(member.user),
                "role": label(CareRole, member.role),
                "organisation": member.organisation.name if member.organisation else "",
            }
            for member in data["team"]
            if member.removed_at is None and member.role in consent.care_roles
        ],
        "valid_until": consent.valid_until,
    }


def access_rows(log: list[DataAccess]) -> list[dict[str, Any]]:
    rows = []
    for access in log:
        if access.channel == Channel.PERSON and access.actor_id is None:
            who = str(YOU)
        else:
            names = [access.actor_label, access.organisation_label]
            who = ", ".join(n for n in names if n) or str(AUTOMATIC)
        rows.append({"at": access.at, "who": who, "what": access_what(access.what)})
    return rows


def _when(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def readable(export: dict[str, Any]) -> dict[str, Any]:
    """The export with its codes said in words and its dates as dates, for the PDF."""
    person = export["person"]
    codes = {code for r in export["referrals"] for code in r["needs"]}
    needs = {n.code: n.label for n in Need.objects.filter(code__in=codes)} if codes else {}
    return {
        "person": {
            **person,
            "contact_method": label(ContactMethod, person["contact_method"]),
            "created_at": _when(person["created_at"]),
        },
        "consents": [
            {
                **c,
                "given_at": _when(c["given_at"]),
                "valid_until": _when(c["valid_until"]),
                "withdrawn_at": _when(c["withdrawn_at"]),
                "shared": [label(DataCategory, code) for code in c["shared"]],
                "care_roles": [label(CareRole, code) for code in c["care_roles"]],
                "purposes": [label(Purpose, code) for code in c["purposes"]],
            }
            for c in export["consents"]
        ],
        "referrals": [
            {
                **r,
                "created_at": _when(r["created_at"]),
                "needs": [needs.get(code, code) for code in r["needs"]],
                "status": label(Status, r["status"]),
                "outcome": label(Reason, r["outcome"]) if r["outcome"] else "",
                "history": [
                    {
                        **e,
                        "at": _when(e["at"]),
                        "status": label(Status, e["status"]),
                        "reason": label(Reason, e["reason"]) if e["reason"] else "",
                    }
                    for e in r["history"]
                ],
            }
            for r in export["referrals"]
        ],
        "care_team": [
            {
                **m,
                "role": label(CareRole, m["role"]),
                "added_at": _when(m["added_at"]),
                "removed_at": _when(m["removed_at"]),
            }
            for m in export["care_team"]
        ],
        "notes": [
            {**n, "role": label(CareRole, n["role"]), "at": _when(n["at"])} for n in export["notes"]
        ],
        "access_log": [
            {
                **a,
                "at": _when(a["at"]),
                "who": str(YOU)
                if a["channel"] == Channel.PERSON and not a["who"]
                else ", ".join(x for x in (a["who"], a["organisation"]) if x) or str(AUTOMATIC),
                "what": access_what(a["what"]),
            }
            for a in export["access_log"]
        ],
    }
