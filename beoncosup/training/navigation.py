"""The main navigation's "Training" item: the home of trainers, coordinators and editors (their
sessions, attendance, the evaluation's QR code and the results), registered from
TrainingConfig.ready() through core.site.

Whether the user teaches is worked out when they sign in and kept in their session for a few
minutes, so the item costs no query on most pages (anonymous visitors: never)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from beoncosup.training.models import Course, Trainer
from beoncosup.training.rules import staff

SESSION_KEY = "training_teaches"
RECHECK_SECONDS = 300  # a new trainer or coordinator sees the item within five minutes

_PAGES = (
    "manage",
    "attendance",
    "checkin",
    "evaluation_qr",
    "session_results",
    "course_results",
    "trainer_results",
)


def teaches(user: Any) -> bool:
    """The user is a trainer, a coordinator or staff (one query at most)."""
    if staff(user):
        return True
    return bool(
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Exists(Trainer.objects.filter(user=OuterRef("pk")))
            | Exists(Course.coordinators.through.objects.filter(user=OuterRef("pk")))
        )
        .exists()
    )


def _remember(request: HttpRequest, value: bool) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_KEY] = [value, int(time.time())]


@receiver(user_logged_in, dispatch_uid="training_teaches_on_login")
def _on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        _remember(request, teaches(user))


def _teaches_cached(request: HttpRequest, user: Any) -> bool:
    session = getattr(request, "session", None)
    kept = session.get(SESSION_KEY) if session is not None else None
    if isinstance(kept, list) and len(kept) == 2 and time.time() - kept[1] < RECHECK_SECONDS:
        return bool(kept[0])
    value = teaches(user)
    _remember(request, value)
    return value


def training_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not _teaches_cached(request, user):
        return mark_safe("")
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "training" and match.url_name in _PAGES
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("training:manage"),
        mark_safe(' aria-current="page"') if current else "",
        _("Training"),
    )
