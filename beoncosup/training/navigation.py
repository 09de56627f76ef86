"""The main navigation's "Training" item: the home of trainers, coordinators and editors (their
sessions, attendance, the evaluation's QR code and the results), registered from
TrainingConfig.ready() through core.site. No query for anonymous visitors; one for signed-in
people without an editor role."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from beoncosup.training.models import Course, Trainer
from beoncosup.training.rules import staff

_PAGES = (
    "manage",
    "attendance",
    "checkin",
    "evaluation_qr",
    "session_results",
    "course_results",
    "trainer_results",
)


def _teaches(user: Any) -> bool:
    """The user is a trainer, a coordinator or staff: one query at most."""
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


def training_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not _teaches(user):
        return mark_safe("")
    match = getattr(request, "resolver_match", None)
    current = match is not None and match.namespace == "training" and match.url_name in _PAGES
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("training:manage"),
        mark_safe(' aria-current="page"') if current else "",
        _("Training"),
    )
