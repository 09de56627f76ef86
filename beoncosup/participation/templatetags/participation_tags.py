"""``{% consultation_url consultation %}``: the public page of a consultation ("" while the
consultations app has no such page)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def consultation_url(consultation: Any) -> str:
    try:
        return reverse("consultations:detail", kwargs={"slug": consultation.slug})
    except NoReverseMatch:
        return ""
