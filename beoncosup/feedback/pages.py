"""Wagtail pages as feedback targets, for the apps that own page types (the hub registers its
articles from HubConfig.ready(): ``page_target_kind(code="article", model=ArticlePage, …)``).

A page record is all its language versions: ``object_id`` is the pages' shared
``translation_key``, so a report read in French and one read in Dutch count for the same
article. Resolving a report records the review on every language version (the review fields
are synchronised across translations by wagtail-localize): a published version without
pending changes gets a new revision, published; a version with a draft keeps its draft (a new
draft revision carries the new date) while its live row and live revision are updated in place.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from beoncosup.feedback.targets import Target, TargetKind


def _uuids(ids: Sequence[str]) -> list[uuid.UUID]:
    parsed = []
    for value in ids:
        try:
            parsed.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return parsed


def _preferred(versions: list[Any]) -> Any:
    """The version in the current language, else the site's default language, else any."""
    by_language = {page.locale.language_code: page for page in versions}
    for language in (translation.get_language(), settings.LANGUAGE_CODE):
        if language in by_language:
            return by_language[language]
    return versions[0]


def reviewer_name(user: Any) -> str:
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return str(name or getattr(user, "email", "") or user)[:200]


def page_target_kind(
    *,
    code: str,
    label: Any,
    model: type[Page],
    reviewed_on_field: str = "",
    reviewed_by_field: str = "",
) -> TargetKind:
    """A kind for the live pages of ``model``; with ``reviewed_on_field`` (a date field) and
    optionally ``reviewed_by_field`` (text), resolving a report records the review."""

    def resolve_many(ids: Sequence[str]) -> dict[str, Target]:
        pages = (
            model.objects.live()
            .filter(translation_key__in=_uuids(ids))
            .select_related("locale")
            .order_by("pk")
        )
        versions: dict[str, list[Any]] = {}
        for page in pages:
            versions.setdefault(str(page.translation_key), []).append(page)
        found: dict[str, Target] = {}
        for key, pages_of_key in versions.items():
            page = _preferred(pages_of_key)
            found[key] = Target(
                kind=code,
                object_id=key,
                title=page.title,
                title_language=page.locale.language_code,
                url=page.url or "",
                is_demo=bool(getattr(page, "is_demo", False)),
                admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        return found

    def on_resolved(object_id: str, by_user: Any) -> None:
        values: dict[str, Any] = {reviewed_on_field: timezone.localdate()}
        if reviewed_by_field:
            values[reviewed_by_field] = reviewer_name(by_user)
        with transaction.atomic():
            versions = model.objects.filter(translation_key__in=_uuids([object_id])).order_by("pk")
            for page in versions.select_for_update():
                _review(page.specific, values, by_user)

    return TargetKind(
        code=code,
        label=label,
        resolve_many=resolve_many,
        on_resolved=on_resolved if reviewed_on_field else None,
    )


def _review(page: Any, values: dict[str, Any], user: Any) -> None:
    if page.live and not page.has_unpublished_changes:
        for name, value in values.items():
            setattr(page, name, value)
        revision = page.save_revision(user=user, log_action=True, clean=False)
        # Only the review fields change, and feedback.moderate_report already allowed the
        # user (an editor: pages have no provider staff), whatever their Wagtail page rights.
        revision.publish(user=user, log_action=True, skip_permission_checks=True)
        return
    # A draft waits (or the page is not live): keep the draft, with the review on it too.
    draft = page.get_latest_revision_as_object()
    for name, value in values.items():
        setattr(draft, name, value)
    draft.save_revision(user=user, log_action=True, clean=False)
    if page.live:
        type(page).objects.filter(pk=page.pk).update(**values)
        # The live revision describes the live row: it carries the review too.
        live = page.live_revision
        if live is not None and live.pk != draft.latest_revision_id:
            live.content.update({k: _serialised(v) for k, v in values.items()})
            live.save(update_fields=["content"])


def _serialised(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
