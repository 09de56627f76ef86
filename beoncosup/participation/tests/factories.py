"""Small, explicit participation test data: a domain with needs, groups, sessions,
registrations, consultations with contacts, actions. Keyword arguments only; anything not
given gets a plain default."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from beoncosup.consultations.models import Consultation, Contact
from beoncosup.participation.codes import ActionKind, ActionStatus, RegistrationStatus
from beoncosup.participation.models import Action, GroupSession, Registration, WorkingGroup
from beoncosup.participation.services.actions import ActionData, action_create
from beoncosup.taxonomy.models import Category, Domain, Need
from beoncosup.training.models import Session
from beoncosup.training.services.registration import email_digest

_counter = itertools.count(1)
NEEDS = ("WORK-GRADUAL-RETURN", "WORK-TALK-EMPLOYER", "PSY-CARER-STRAIN")


def four(text: str) -> dict[str, str]:
    return {lang: f"{text} ({lang})" for lang in ("nl", "fr", "de", "en")}


def taxonomy_make() -> None:
    """Two domains (WORK, PSY), each with a category and its needs of NEEDS."""
    for code, label in (("WORK", "Work and income"), ("PSY", "Emotional wellbeing")):
        domain, _created = Domain.objects.get_or_create(
            code=code, defaults={"label": label, "label_en": label}
        )
        category, _created = Category.objects.get_or_create(
            code=f"{code}.ALL", defaults={"domain": domain, "label": label, "label_en": label}
        )
        for need in NEEDS:
            if need.startswith(code):
                Need.objects.get_or_create(
                    code=need, defaults={"category": category, "label": need, "label_en": need}
                )


def group_create(**overrides: Any) -> WorkingGroup:
    taxonomy_make()
    n = next(_counter)
    fields: dict[str, Any] = {
        "title": four(f"Group {n}"),
        "description": four(f"What group {n} does"),
        "domain_id": "WORK",
        "published": True,
    }
    fields.update(overrides)
    group: WorkingGroup = WorkingGroup.objects.create(**fields)
    return group


def later(**delta: float) -> dt.datetime:
    return (timezone.now() + dt.timedelta(**delta)).replace(microsecond=0)


def session_create(
    *,
    group: WorkingGroup | None = None,
    starts_at: dt.datetime | None = None,
    hours: float = 2,
    capacity: int = 10,
    deadline: dt.datetime | None = None,
    cancelled: bool = False,
    online_url: str = "",
    **overrides: Any,
) -> GroupSession:
    group = group or group_create()
    starts_at = starts_at or later(days=14)
    session = Session.objects.create(
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=hours),
        venue="" if online_url else "Zaal A",
        address="" if online_url else "Kouter 1, Gent",
        postcode="" if online_url else "9000",
        online_url=online_url,
        cancelled=cancelled,
    )
    fields: dict[str, Any] = {
        "group": group,
        "session": session,
        "capacity": capacity,
        "registration_deadline": deadline,
    }
    fields.update(overrides)
    group_session: GroupSession = GroupSession.objects.create(**fields)
    return group_session


def registration_create(
    *,
    group_session: GroupSession,
    email: str = "",
    status: str = RegistrationStatus.CONFIRMED,
    notify_actions: bool = False,
    language: str = "nl",
    role: str = "patient",
    name: str = "",
) -> Registration:
    n = next(_counter)
    email = email or f"person{n}@example.org"
    registration: Registration = Registration.objects.create(
        session=group_session,
        name=name or f"Person {n}",
        email=email,
        email_digest=email_digest(email),
        role=role,
        language=language,
        status=status,
        notify_actions=notify_actions,
    )
    return registration


def consultation_create(**overrides: Any) -> Consultation:
    n = next(_counter)
    fields: dict[str, Any] = {
        "slug": f"consultation-{n}",
        "title": four(f"Consultation {n}"),
        "question": four(f"Question {n}"),
        "opens_at": later(days=-30),
        "closes_at": later(days=-1),
    }
    fields.update(overrides)
    consultation: Consultation = Consultation.objects.create(**fields)
    return consultation


def contact_create(*, consultation: Consultation, email: str, language: str = "fr") -> Contact:
    contact: Contact = Contact.objects.create(
        consultation=consultation,
        email=email,
        email_digest=email_digest(email),
        language=language,
    )
    return contact


def action_make(
    *,
    consultations: tuple[int, ...] = (),
    sessions: tuple[int, ...] = (),
    status: str = ActionStatus.PLANNED,
    published: bool = True,
    domain: str = "WORK",
    needs: tuple[str, ...] = (),
    reason: dict[str, str] | None = None,
    title: dict[str, str] | None = None,
    status_date: dt.date | None = None,
) -> Action:
    taxonomy_make()
    return action_create(
        data=ActionData(
            title=title or four(f"Action {next(_counter)}"),
            description=four("What we did"),
            kind=ActionKind.TAXONOMY_CHANGE,
            domain=domain,
            needs=needs,
            link="https://example.org/changed",
            consultations=consultations,
            sessions=sessions,
            published=published,
        ),
        status=status,
        status_date=status_date or timezone.localdate(),
        reason=reason,
    )


def editor_create(email: str = "editor@example.org") -> Any:
    """A user with the editor role (sign in with accounts.testing.signed_in)."""
    from beoncosup.accounts.codes import PlatformRole  # noqa: PLC0415 (tests only)
    from beoncosup.accounts.services import role_grant  # noqa: PLC0415
    from beoncosup.accounts.testing import user_create  # noqa: PLC0415

    editor = user_create(email)
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)
    return editor
