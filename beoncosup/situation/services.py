"""Writes for the kernel: remembering a person's answers during their visit.

Answers carry from one journey to the next (the navigator's postcode and status arrive filled in
in the finder, and the reverse): only the shared answers (values.FIELDS), never needs or free
text, kept in a signed cookie on the person's device for ``REMEMBER_MINUTES`` after the last
answer (memory.py); ``situation_forget`` drops them at once ("Clear my answers").
"""

from __future__ import annotations

from django.http import HttpRequest

from beoncosup.situation.memory import REMEMBER_MINUTES, memory_of
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.values import Situation

__all__ = ["REMEMBER_MINUTES", "situation_forget", "situation_remember"]


def situation_remember(*, request: HttpRequest, situation: Situation) -> Situation:
    """Keep ``situation``'s answers for the visit, completing (not replacing) what was known:
    an answer left empty now keeps the earlier one. Returns what is remembered.

    Side effects: the response sets the signed cookie when the answers changed (nothing is
    written when they did not, nor for no answers at all)."""
    remembered = situation.merged(situation_recall(request))
    if not remembered.is_empty:
        memory_of(request).set(remembered.to_dict())
    return remembered


def situation_forget(*, request: HttpRequest) -> None:
    """Side effects: the response deletes the cookie."""
    memory_of(request).clear()
