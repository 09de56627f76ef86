"""Template helpers of the referral pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.utils import translation

from beoncosup.core.i18n_text import pick

register = template.Library()


@dataclass(frozen=True)
class NextSteps:
    how: str = ""
    phones: list[str] = field(default_factory=list)
    email: str = ""
    url: str = ""


@register.filter
def next_steps(service: Any) -> NextSteps:
    """How to reach a service, in the page language: how to get in, phones, e-mail, website."""
    if service is None:
        return NextSteps()
    language = translation.get_language() or "nl"
    how = pick(service.application_process, language)
    return NextSteps(
        how=how.text if how else "",
        phones=[phone.number for phone in service.phones.all()],
        email=service.email or "",
        url=service.url or "",
    )
