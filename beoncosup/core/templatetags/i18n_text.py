"""``{% pick_text value as name %}``: the best text of a ``{lang: text}`` value for this page."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from beoncosup.core.i18n_text import PickedText, default_language, pick

register = template.Library()


@register.simple_tag
def pick_text(value: Mapping[str, str] | None) -> PickedText | None:
    return pick(value, default_language())
