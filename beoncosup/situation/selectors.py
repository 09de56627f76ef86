"""Reads for the kernel: the answers remembered during a visit; places (places.py)."""

from __future__ import annotations

from django.contrib.sessions.backends.base import SessionBase

from beoncosup.situation.places import Place, place_for_postcode, place_for_text
from beoncosup.situation.values import Situation, situation_from_dict

__all__ = ["SESSION_KEY", "Place", "place_for_postcode", "place_for_text", "situation_recall"]

SESSION_KEY = "situation"


def situation_recall(session: SessionBase) -> Situation | None:
    """The answers remembered during this visit (services.situation_remember), or None when
    there are none or they no longer parse. Reads no table: the postcode was checked when it
    was remembered, so its ``place`` is left unresolved (``place_for_postcode`` gives it)."""
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return None
    return situation_from_dict(stored)
