"""Shared by the providers services: languages, mail, links, the staff checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.selectors import roles_of
from beoncosup.accounts.services import absolute_url
from beoncosup.core.mail import mail_queue
from beoncosup.directory.models import Service

REMINDER_INTERVAL = dt.timedelta(days=30)


def language_or_default(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").split("-")[0]
    return language if language in codes else str(settings.LANGUAGE_CODE)


def mail_to(*, to: list[str], language: str, template: str, context: dict[str, Any]) -> None:
    """Render a mail in ``language``; it leaves once the transaction commits (core.mail)."""
    with translation.override(language):
        subject = render_to_string(f"providers/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"providers/email/{template}_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=to)


def link(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs or None))


def require_staff(user: Any, organisation: Organisation) -> None:
    if not roles_of(user).in_organisation(organisation.pk, OrgRole.PROVIDER_STAFF):
        raise PermissionDenied


def require_holder(user: Any, organisation: Organisation, service: Service) -> None:
    require_staff(user, organisation)
    if not organisation.listings.filter(pk=service.organization_id).exists():
        raise PermissionDenied
