"""The authorization matrix rows for participation's URLs, and its objects in the world: a
published working group with a session, a participant's registration (its token is the key to
their pages) and a published action."""

from __future__ import annotations

from typing import Any

from tests.authz.rowkit import EDITORS, Row, public
from tests.authz.world import World


def group(w: World) -> dict[str, Any]:
    return {"group_id": w.objects["participation_group"]}


def session(w: World) -> dict[str, Any]:
    return {"session_id": w.objects["participation_session"]}


def token(w: World) -> dict[str, Any]:
    return {"token": w.objects["participation_registration"]}


def action(w: World) -> dict[str, Any]:
    return {"action_id": w.objects["participation_action"]}


ROWS: dict[str, Row] = {
    # Public: the entry, groups, sessions, registration, "you said, we did".
    "participation:home": public(),
    "participation:groups": public(),
    "participation:group": public(group),
    "participation:session": public(session),
    "participation:register": public(session),
    "participation:actions": public(),
    "participation:action": public(action),
    # The participant's pages: whoever holds the token (the link in their e-mails).
    "participation:registration": public(token),
    "participation:registration_cancel": public(token),
    "participation:registration_ical": public(token),
    "participation:notify_stop": public(token),
    # Editors: sessions, minutes, participants (personal data), actions.
    "participation:manage": Row(EDITORS),
    "participation:session_new": Row(EDITORS, group),
    "participation:session_edit": Row(EDITORS, session),
    "participation:session_minutes": Row(EDITORS, session),
    "participation:registrations": Row(EDITORS, session),
    "participation:action_new": Row(EDITORS),
    "participation:action_edit": Row(EDITORS, action),
    "participation:action_status": Row(EDITORS, action),
}


def world_add(w: World) -> None:
    """Add this app's objects to ``w.objects`` (called at the end of world_build)."""
    from beoncosup.participation.tests.factories import (  # noqa: PLC0415 (Django is set up)
        action_make,
        group_create,
        registration_create,
        session_create,
    )

    group_session = session_create(group=group_create())
    registration = registration_create(group_session=group_session)
    w.objects.update(
        {
            "participation_group": group_session.group_id,
            "participation_session": group_session.pk,
            "participation_registration": registration.token,
            "participation_action": action_make(sessions=(group_session.pk,)).pk,
        }
    )
