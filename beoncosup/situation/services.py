"""Writes for the kernel: remembering a person's answers during their visit.

Answers carry from one journey to the next (the navigator's postcode and status arrive filled in
in the finder, and the reverse) through the session: only the shared answers (values.FIELDS),
never needs or free text. A session holding them ends ``REMEMBER_MINUTES`` after the last
answer, like the self-check's, and ``clearsessions`` (cron) deletes it; ``situation_forget``
drops them at once ("Clear my answers").
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import SessionBase

from beoncosup.situation.selectors import SESSION_KEY, situation_recall
from beoncosup.situation.values import Situation

REMEMBER_MINUTES = 60


def situation_remember(*, session: SessionBase, situation: Situation) -> Situation:
    """Keep ``situation``'s answers for the visit, completing (not replacing) what was known:
    an answer left empty now keeps the earlier one. Returns what is remembered.

    Side effects: writes the session and sets its expiry to REMEMBER_MINUTES."""
    remembered = situation.merged(situation_recall(session))
    stored = remembered.to_dict()
    if remembered.is_empty or session.get(SESSION_KEY) == stored:
        return remembered  # nothing new: the session is not written again
    session[SESSION_KEY] = stored
    session.set_expiry(REMEMBER_MINUTES * 60)
    return remembered


def situation_forget(*, session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)
