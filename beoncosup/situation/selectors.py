"""Reads for the kernel: the answers remembered during a visit; places (places.py)."""

from __future__ import annotations

from django.http import HttpRequest

from beoncosup.situation.memory import memory_of
from beoncosup.situation.places import Place, place_for_postcode, place_for_text
from beoncosup.situation.values import Situation, situation_from_dict

__all__ = ["Place", "place_for_postcode", "place_for_text", "situation_recall"]


def situation_recall(request: HttpRequest) -> Situation | None:
    """The answers remembered during this visit (services.situation_remember), or None when
    there are none or they no longer parse. Reads no table: the postcode was checked when it
    was remembered, so its ``place`` is left unresolved (``place_for_postcode`` gives it)."""
    stored = memory_of(request).get()
    if stored is None:
        return None
    return situation_from_dict(stored)
