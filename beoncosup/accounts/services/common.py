"""Shared by the accounts services: hashing, absolute links, mail in the recipient's language."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from beoncosup.core.mail import mail_queue

TOKEN_PREFIX = "bos_"  # noqa: S105 (a public marker, not a secret)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mail_to(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """Render a mail in the recipient's language; it leaves once the transaction commits
    (core.mail: a background task, so a mail server outage never breaks the page)."""
    with translation.override(language):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[to])


def preferred_language(user: Any, fallback: str = "") -> str:
    """The language a person reads mail in: the one they chose in the admin, else the one they
    used when the mail's cause happened (``fallback``), else the site's."""
    from wagtail.users.models import UserProfile  # noqa: PLC0415 (Wagtail's app registry)

    chosen = UserProfile.get_for_user(user).preferred_language
    languages = {code for code, _name in settings.LANGUAGES}
    for candidate in (chosen, fallback):
        if candidate in languages:
            return str(candidate)
    return str(settings.LANGUAGE_CODE)
